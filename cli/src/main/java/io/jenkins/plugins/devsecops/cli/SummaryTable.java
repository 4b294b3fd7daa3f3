package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import java.io.PrintWriter;
import java.util.Map;

/** The table printed at the end of a scan: active findings per stage and severity, and the scan's errors. */
final class SummaryTable {

    private final Report report;

    SummaryTable(Report report) {
        this.report = report;
    }

    void print(PrintWriter out) {
        StringBuilder header = new StringBuilder(String.format("%-14s", "STAGE"));
        for (Severity severity : Severity.values()) {
            header.append(String.format("%10s", severity));
        }
        header.append(String.format("%12s", "SUPPRESSED"));
        out.println();
        out.println(header);
        for (StageResult stage : report.stages()) {
            StringBuilder row = new StringBuilder(String.format("%-14s", stage.stage()));
            for (Severity severity : Severity.values()) {
                row.append(String.format("%10d", count(stage.stage(), severity)));
            }
            long suppressed = report.findings().stream()
                    .filter(f -> f.stage().equals(stage.stage()) && f.isSuppressed()).count();
            row.append(String.format("%12d", suppressed));
            out.println(row);
        }
        Map<Severity, Integer> totals = report.countBySeverity();
        StringBuilder total = new StringBuilder(String.format("%-14s", "TOTAL"));
        for (Severity severity : Severity.values()) {
            total.append(String.format("%10d", totals.get(severity)));
        }
        out.println(total);
        out.println();
        out.printf("%d files scanned (%d bytes), %d skipped %s, in %d ms%n", report.walk().filesScanned(),
                report.walk().bytesScanned(), report.walk().skipped().values().stream().mapToLong(Long::longValue).sum(),
                report.walk().skipped(), report.durationMillis());
        for (StageResult stage : report.stages()) {
            stage.warnings().forEach(w -> out.println("warning: " + stage.stage() + ": " + w));
            stage.errors().forEach(e -> out.println("error: " + stage.stage() + ": " + e));
        }
    }

    private long count(String stage, Severity severity) {
        return report.findings().stream().filter(f -> !f.isSuppressed())
                .filter(f -> f.stage().equals(stage) && f.severity() == severity).count();
    }
}
