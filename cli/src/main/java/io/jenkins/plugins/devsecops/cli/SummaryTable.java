package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.imports.ImportStage;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.WalkSummary;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The table printed at the end of a scan: active findings per stage and severity, and the scan's errors. */
final class SummaryTable {

    /** How many unreadable files the console names. */
    static final int UNREADABLE_SHOWN = 5;

    private final Report report;
    private final Counts counts;
    private final FindingPass pass;

    /** The table of {@code report}, counting its findings when printed. */
    SummaryTable(Report report) {
        this.report = report;
        this.counts = null;
        this.pass = null;
    }

    /** The table of {@code report}, its findings counted in {@code pass} (over them), which runs before it prints. */
    SummaryTable(Report report, FindingPass pass) {
        this.report = report;
        this.counts = pass.add(new Counts());
        this.pass = pass;
    }

    /** Active findings per stage and severity, then the stage's suppressed ones; stages with carried findings. */
    static final class Counts implements FindingPass.Reader {
        private final Map<String, long[]> byStage = new HashMap<>();
        private final Set<String> carried = new TreeSet<>();
        private final long[] totals = new long[Severity.values().length];

        @Override
        public void read(int index, Finding finding) {
            long[] stageCounts = byStage.computeIfAbsent(finding.stage(), s -> new long[Severity.values().length + 1]);
            if (finding.isSuppressed()) {
                stageCounts[Severity.values().length]++;
            } else {
                stageCounts[finding.severity().ordinal()]++;
                totals[finding.severity().ordinal()]++;
            }
            if (FindingHistory.isCarried(finding)) {
                carried.add(finding.stage());
            }
        }
    }

    void print(PrintWriter out) {
        Counts counted = counts;
        if (counted == null) {
            // One pass over the findings (a large list is read back from disk at every pass): counts per stage.
            counted = new Counts();
            int index = 0;
            for (Finding finding : report.findings()) {
                counted.read(index++, finding);
            }
        } else {
            pass.check(counted);
        }
        Map<String, long[]> counts = counted.byStage;
        Set<String> carried = new TreeSet<>(counted.carried);
        long[] totals = counted.totals;
        StringBuilder header = new StringBuilder(String.format("%-14s", "STAGE"));
        for (Severity severity : Severity.values()) {
            header.append(String.format("%10s", severity));
        }
        header.append(String.format("%12s", "SUPPRESSED"));
        out.println();
        out.println(header);
        for (StageResult stage : report.stages()) {
            if (isIdleImports(stage)) {
                continue;
            }
            out.println(row(stage.stage(), counts.get(stage.stage())));
        }
        // Stages this scan did not run whose findings were carried over from an earlier build.
        carried.removeIf(stage -> report.stage(stage).isPresent());
        for (String stage : carried) {
            out.println(row(stage + "*", counts.get(stage)));
        }
        StringBuilder total = new StringBuilder(String.format("%-14s", "TOTAL"));
        for (Severity severity : Severity.values()) {
            total.append(String.format("%10d", totals[severity.ordinal()]));
        }
        out.println(total);
        if (!carried.isEmpty()) {
            out.println("* not run in this scan: findings carried over unchanged from the last scan that ran it");
        }
        out.println();
        long skipped = report.walk().skipped().values().stream().mapToLong(Long::longValue).sum();
        out.println(Plural.of(report.walk().filesScanned(), "file") + " scanned (" + Plural.of(report.walk()
                .bytesScanned(), "byte") + ")" + (skipped == 0 ? "" : ", " + skipped + " skipped ("
                        + report.walk().skipped().entrySet().stream().filter(e -> e.getValue() > 0)
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(java.util.stream.Collectors.joining(", ")) + ")")
                + " in " + report.durationMillis() + " ms");
        printUnreadable(out);
        for (StageResult stage : report.stages()) {
            stage.warnings().forEach(w -> out.println("warning: " + stage.stage() + ": " + w));
            stage.errors().forEach(e -> out.println("error: " + stage.stage() + ": " + e));
        }
    }

    /** Names the first unreadable files (the report names up to {@link WalkSummary#MAX_UNREADABLE_NAMED}). */
    private void printUnreadable(PrintWriter out) {
        List<String> names = report.walk().unreadable();
        if (names.isEmpty()) {
            return;
        }
        long counted = report.walk().skipped().getOrDefault("unreadable", (long) names.size());
        List<String> shown = names.subList(0, Math.min(names.size(), UNREADABLE_SHOWN));
        out.println("unreadable: " + String.join(", ", shown)
                + (counted > shown.size() ? " and " + (counted - shown.size()) + " more (see report.json)" : ""));
    }

    /** The imports stage of a scan that asked for no import: nothing to show. */
    static boolean isIdleImports(StageResult stage) {
        return stage.stage().equals(ImportStage.ID) && stage.findingCount() == 0 && stage.errors().isEmpty()
                && stage.warnings().isEmpty() && "0".equals(stage.properties().getOrDefault("reports", "0"))
                && !stage.properties().containsKey(ImportStage.UNMATCHED_PATTERNS);
    }

    /** A stage's row: active findings per severity, then suppressed ones ({@code counts} null: none). */
    private static String row(String name, long[] counts) {
        StringBuilder row = new StringBuilder(String.format("%-14s", name));
        for (Severity severity : Severity.values()) {
            row.append(String.format("%10d", counts == null ? 0 : counts[severity.ordinal()]));
        }
        row.append(String.format("%12d", counts == null ? 0 : counts[Severity.values().length]));
        return row.toString();
    }
}
