package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@link ReportParser} works with while it reads one report: where the report is, how to make the tool's
 * paths relative to the scan root, and where its findings and warnings go. Not thread-safe: one per report.
 */
public final class ImportContext {

    /** The stage id imported findings carry. */
    public static final String STAGE = "imports";

    /** More warnings than this per report are counted, not kept. */
    static final int MAX_WARNINGS = 20;

    private final String reportPath;
    private final ReportPaths paths;
    /** The findings read so far: in memory up to {@link FindingList#memoryLimit()}, beyond in a temporary file. */
    private final FindingList.Builder findings = FindingList.builder();
    /** How many findings each tool reported, by tool name. */
    private final Map<String, Integer> perTool = new TreeMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private int droppedWarnings;
    private int skippedRecords;

    private final RecordBudget budget;

    ImportContext(String reportPath, ReportPaths paths, RecordBudget budget) {
        this.reportPath = reportPath;
        this.budget = budget;
        this.paths = new ReportPaths(paths.root(), this::warning);
    }

    /** The report's path relative to the scan root. */
    public String reportPath() {
        return reportPath;
    }

    /** The entries this import may still read. */
    RecordBudget budget() {
        return budget;
    }

    /** Path resolution against the scan root; warnings go to this report. */
    ReportPaths paths() {
        return paths;
    }

    /** A builder for a finding of this stage, reported by {@code tool} ({@code null} to add it later), of the given kind. */
    Finding.Builder finding(ToolInfo tool, FindingKind kind) {
        return Finding.builder().stage(STAGE).tool(tool).property("kind", kind.property())
                .property("report", reportPath);
    }

    /** Builds and keeps a finding; one the builder rejects (no rule, no title) is skipped and counted. */
    void add(Finding.Builder builder) {
        try {
            add(builder.build());
        } catch (IllegalArgumentException e) {
            skip(e.getMessage());
        }
    }

    /**
     * Keeps a finding already built. A leaked credential the tool gave no CWE gets {@value #SECRET_CWE} (hard-coded
     * credentials), the weakness every secret finding is, so that compliance views relate it like our own secrets.
     */
    void add(Finding finding) {
        for (ToolInfo tool : finding.tools()) {
            perTool.merge(tool.name(), 1, Integer::sum);
        }
        if (finding.cwes().isEmpty() && FindingKind.SECRET.property().equals(finding.properties().get("kind"))) {
            findings.add(finding.toBuilder().cwe(SECRET_CWE).build());
        } else {
            findings.add(finding);
        }
    }

    /** The CWE of a leaked credential. */
    static final String SECRET_CWE = "CWE-798";

    /** Counts a record of the report that could not be used, with the reason as a warning. */
    void skip(String reason) {
        skippedRecords++;
        warning("Skipped an entry: " + reason);
    }

    /** A warning about this report; repeated warnings are kept once. */
    void warning(String message) {
        if (warnings.size() < MAX_WARNINGS || warnings.contains(message)) {
            warnings.add(message);
        } else {
            droppedWarnings++;
        }
    }

    /** A fingerprint derived from the fingerprint the tool gave, distinct per tool and rule. */
    static String toolFingerprint(String toolName, String ruleId, String value) {
        return FindingFingerprints.sha256("import\u0000" + toolName + "\u0000" + ruleId + "\u0000" + value);
    }

    /** The findings of the report (built once; nothing can be added afterwards). */
    List<Finding> findings() {
        return findings.build();
    }

    /** Drops the findings read so far (a report that could not be read to its end). */
    void discard() {
        findings.discard();
    }

    /** How many findings each tool reported, by tool name, in name order. */
    Map<String, Integer> perTool() {
        return perTool;
    }

    int skippedRecords() {
        return skippedRecords;
    }

    List<String> warnings() {
        List<String> all = new ArrayList<>();
        warnings.forEach(w -> all.add(reportPath + ": " + w));
        if (droppedWarnings > 0) {
            all.add(reportPath + ": " + droppedWarnings + " more warnings");
        }
        return all;
    }
}
