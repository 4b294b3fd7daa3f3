package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compliance view of one scan: for every framework, each requirement with the open (active) findings that bear
 * on it. Built from the report alone; suppressed findings are left out. Shared by the HTML report, the Jenkins
 * compliance page and the CSV export.
 *
 * @param frameworks the frameworks in catalogue order
 * @param openFindings how many open findings the scan has
 * @param withoutCwe how many of them carry no CWE id (they can still bear on a requirement by stage or rule)
 */
public record ComplianceView(List<FrameworkView> frameworks, int openFindings, int withoutCwe) {

    /** What the view is and is not; every page that shows it says so. */
    public static final String STATEMENT = "This view shows which open findings of this scan bear on which "
            + "requirement. It does not certify compliance: a requirement without findings only means this scan found "
            + "nothing that bears on it, and most requirements also ask for processes and controls no scan can see.";

    public ComplianceView {
        frameworks = List.copyOf(frameworks);
    }

    /** The view of {@code report}'s active findings against the built-in frameworks. */
    public static ComplianceView of(Report report) {
        // The rows point into the report's findings, suppressed ones skipped: no filtered copy of them is made.
        return of(report.findings(), true, ComplianceCatalog.builtIn());
    }

    /**
     * The view of {@code openFindings} against {@code catalog}. Reads the findings once, in order, for all frameworks
     * (a large list is read back from disk at every pass); findings alike in what matching reads share one answer.
     */
    public static ComplianceView of(List<Finding> openFindings, ComplianceCatalog catalog) {
        return of(openFindings, false, catalog);
    }

    private static ComplianceView of(List<Finding> findings, boolean skipSuppressed, ComplianceCatalog catalog) {
        Reader reader = new Reader(findings, skipSuppressed, catalog);
        int index = 0;
        for (Finding finding : findings) {
            reader.read(index++, finding);
        }
        return reader.view();
    }

    /**
     * The reader that builds the view of {@code report}'s active findings (as {@link #of(Report)}) in {@code pass},
     * over those findings: shared by every writer of the pass that asks (the HTML page and the CSV build one view).
     */
    public static Reader readerIn(FindingPass pass, Report report) {
        if (pass.findings() != report.findings()) {
            throw new IllegalArgumentException("The pass does not read the report's findings");
        }
        return pass.shared(Reader.class, Reader.class,
                () -> new Reader(report.findings(), true, ComplianceCatalog.builtIn()));
    }

    /**
     * Builds a view from findings read in order ({@link FindingPass}); findings alike in what matching reads share
     * one answer. Not thread-safe.
     */
    public static final class Reader implements FindingPass.Reader {
        private final List<Finding> findings;
        private final boolean skipSuppressed;
        private final List<String> bases = new ArrayList<>();
        private final Map<String, Integer> basisIndex = new HashMap<>();
        private final List<ComplianceFramework> frameworks;
        private final List<List<ComplianceRows.Builder>> rowsByFramework = new ArrayList<>();
        private final List<ComplianceRows.Builder> unmappedByFramework = new ArrayList<>();
        private final List<List<String>> itemIds = new ArrayList<>();
        private final CatalogMatches matching;
        private int withoutCwe;
        private int open;
        private ComplianceView view;

        private Reader(List<Finding> findings, boolean skipSuppressed, ComplianceCatalog catalog) {
            this.findings = findings;
            this.skipSuppressed = skipSuppressed;
            int severities = io.jenkins.plugins.devsecops.model.Severity.values().length;
            frameworks = catalog.frameworks();
            for (ComplianceFramework framework : frameworks) {
                itemIds.add(framework.itemIds());
                List<ComplianceRows.Builder> rows = new ArrayList<>();
                framework.items().forEach(item -> rows.add(new ComplianceRows.Builder(severities)));
                rowsByFramework.add(rows);
                unmappedByFramework.add(new ComplianceRows.Builder(severities));
            }
            matching = new CatalogMatches(catalog);
        }

        /** Reads finding {@code index} of the findings given at construction; in order, each once. */
        @Override
        public void read(int index, Finding finding) {
            if (view != null) {
                throw new IllegalStateException("The view is built");
            }
            if (skipSuppressed && finding.isSuppressed()) {
                return;
            }
            open++;
            int severity = finding.severity().ordinal();
            CatalogMatches.Answer answer = matching.of(finding);
            if (!answer.hasCwe()) {
                withoutCwe++;
            }
            for (int f = 0; f < frameworks.size(); f++) {
                List<ComplianceMatch> matches = answer.byFramework().get(f);
                if (matches.isEmpty()) {
                    unmappedByFramework.get(f).add(severity, index, basis(answer.unmappedReason()));
                } else {
                    for (ComplianceMatch match : matches) {
                        int item = itemIds.get(f).indexOf(match.item());
                        rowsByFramework.get(f).get(item).add(severity, index, basis(match.basis()));
                    }
                }
            }
        }

        private int basis(String basis) {
            return basisIndex.computeIfAbsent(basis, b -> {
                bases.add(b);
                return bases.size() - 1;
            });
        }

        /** The view of the findings read; the same one at every call. */
        public synchronized ComplianceView view() {
            if (view == null) {
                List<FrameworkView> views = new ArrayList<>();
                for (int f = 0; f < frameworks.size(); f++) {
                    ComplianceFramework framework = frameworks.get(f);
                    List<RequirementView> requirements = new ArrayList<>();
                    for (int i = 0; i < framework.items().size(); i++) {
                        ComplianceItem item = framework.items().get(i);
                        requirements.add(new RequirementView(item.id(), item.title(), item.source(), item.basis(),
                                rowsByFramework.get(f).get(i).build(findings, bases)));
                    }
                    views.add(new FrameworkView(framework.id(), framework.name(), framework.source(),
                            framework.mapping(), requirements, unmappedByFramework.get(f).build(findings, bases)));
                }
                view = new ComplianceView(views, open, withoutCwe);
            }
            return view;
        }
    }

    /** The framework with {@code id}, if shown. */
    public java.util.Optional<FrameworkView> framework(String id) {
        return frameworks.stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
    }
}
