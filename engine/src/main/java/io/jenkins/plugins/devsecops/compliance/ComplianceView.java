package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import java.util.ArrayList;
import java.util.List;

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
        return of(report.activeFindings(), ComplianceCatalog.builtIn());
    }

    /** The view of {@code openFindings} against {@code catalog}. */
    public static ComplianceView of(List<Finding> openFindings, ComplianceCatalog catalog) {
        List<FrameworkView> views = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        java.util.Map<String, Integer> basisIndex = new java.util.HashMap<>();
        int severities = io.jenkins.plugins.devsecops.model.Severity.values().length;
        for (ComplianceFramework framework : catalog.frameworks()) {
            List<ComplianceRows.Builder> rows = new ArrayList<>();
            framework.items().forEach(item -> rows.add(new ComplianceRows.Builder(severities)));
            ComplianceRows.Builder unmapped = new ComplianceRows.Builder(severities);
            int index = 0;
            for (Finding finding : openFindings) {
                int severity = finding.severity().ordinal();
                List<ComplianceMatch> matches = catalog.matches(framework, finding);
                if (matches.isEmpty()) {
                    unmapped.add(severity, index, basisIndex.computeIfAbsent(unmappedReason(finding), b -> {
                        bases.add(b);
                        return bases.size() - 1;
                    }));
                } else {
                    for (ComplianceMatch match : matches) {
                        int item = framework.itemIds().indexOf(match.item());
                        rows.get(item).add(severity, index, basisIndex.computeIfAbsent(match.basis(), b -> {
                            bases.add(b);
                            return bases.size() - 1;
                        }));
                    }
                }
                index++;
            }
            List<RequirementView> requirements = new ArrayList<>();
            for (int i = 0; i < framework.items().size(); i++) {
                ComplianceItem item = framework.items().get(i);
                requirements.add(new RequirementView(item.id(), item.title(), item.source(), item.basis(),
                        rows.get(i).build(openFindings, bases)));
            }
            views.add(new FrameworkView(framework.id(), framework.name(), framework.source(), framework.mapping(),
                    requirements, unmapped.build(openFindings, bases)));
        }
        int withoutCwe = (int) openFindings.stream().filter(f -> !ComplianceCatalog.hasCwe(f)).count();
        return new ComplianceView(views, openFindings.size(), withoutCwe);
    }

    private static String unmappedReason(Finding finding) {
        List<String> cwes = finding.cwes().stream().map(ComplianceCatalog::normalCwe)
                .filter(java.util.Objects::nonNull).toList();
        return cwes.isEmpty() ? "no CWE" : String.join(", ", cwes) + " not in this framework";
    }

    /** The framework with {@code id}, if shown. */
    public java.util.Optional<FrameworkView> framework(String id) {
        return frameworks.stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
    }
}
