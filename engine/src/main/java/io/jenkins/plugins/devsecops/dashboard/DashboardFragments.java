package io.jenkins.plugins.devsecops.dashboard;

import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.history.FindingStatus;
import io.jenkins.plugins.devsecops.history.FixedFinding;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.policy.RequiredStageOutcome;
import io.jenkins.plugins.devsecops.report.HtmlText;
import io.jenkins.plugins.devsecops.summary.SecurityKpis;
import java.util.List;
import java.util.Locale;

/**
 * The markup both {@code dashboard.html} and the dashboard sections of {@code index.html} show: the verdict badge,
 * the KPI tiles, the gate table, the warnings and the fixed list. Every text from a report or a policy is escaped.
 */
final class DashboardFragments {

    /** Findings that tripped a gate listed in its row; the rest are counted. */
    static final int TRIPPING_SHOWN = 5;
    /** Fixed findings listed; the rest are counted. */
    static final int MAX_FIXED_ROWS = 2000;

    private DashboardFragments() {
    }

    static void verdict(StringBuilder html, PolicyVerdict verdict) {
        html.append("<span class=\"verdict v-").append(verdict.name().toLowerCase(Locale.ROOT)).append("\">")
                .append(verdict).append("</span>");
    }

    /**
     * The KPI tiles: security score, open counts by severity when {@code withOpenCounts} (the HTML report has its
     * own severity tiles), new, outstanding, fixed, overdue and MTTR.
     */
    static void kpis(StringBuilder html, DashboardData data, boolean withOpenCounts) {
        // One pass over the active findings (a large list is read back from disk at every pass).
        OpenCounts counts = new OpenCounts();
        int index = 0;
        for (Finding finding : data.report().findings()) {
            counts.read(index++, finding);
        }
        kpis(html, data, counts, withOpenCounts);
    }

    /**
     * The counts of active findings the KPI tiles show, by severity, new and outstanding, from findings read in
     * order ({@link FindingPass}).
     */
    static final class OpenCounts implements FindingPass.Reader {
        private final long[] open = new long[Severity.values().length];
        private long added;
        private long outstanding;

        /** The counts of {@code data}'s findings read in {@code pass} (over them), shared by whoever asks. */
        static OpenCounts in(FindingPass pass) {
            return pass.shared(OpenCounts.class, OpenCounts.class, OpenCounts::new);
        }

        @Override
        public void read(int index, Finding finding) {
            if (finding.isSuppressed()) {
                return;
            }
            open[finding.severity().ordinal()]++;
            if (FindingHistory.isNew(finding)) {
                added++;
            }
            if (FindingHistory.status(finding).orElse(null) == FindingStatus.OUTSTANDING) {
                outstanding++;
            }
        }
    }

    /** The KPI tiles with {@code counts} of {@code data}'s findings. */
    static void kpis(StringBuilder html, DashboardData data, OpenCounts counts, boolean withOpenCounts) {
        SecurityKpis kpis = SecurityKpis.of(data.summaries());
        long[] open = counts.open;
        long added = counts.added;
        long outstanding = counts.outstanding;
        html.append("<div class=\"kpis\">");
        kpi(html, "Security score", data.summaries().isEmpty() ? "-" : String.valueOf(kpis.score()));
        if (withOpenCounts) {
            for (Severity severity : Severity.values()) {
                if (severity != Severity.INFO) {
                    kpi(html, "Open " + severity.name().toLowerCase(Locale.ROOT),
                            String.valueOf(open[severity.ordinal()]));
                }
            }
        }
        kpi(html, "New", String.valueOf(added));
        kpi(html, "Outstanding", String.valueOf(outstanding));
        kpi(html, "Fixed", String.valueOf(data.fixed().size()));
        kpi(html, "Overdue (SLA)", String.valueOf(kpis.overdue()));
        kpi(html, "MTTR", kpis.meanTimeToRemediateDays() == null ? "-"
                : String.format(Locale.ROOT, "%.1f d", kpis.meanTimeToRemediateDays()));
        html.append("</div>\n");
    }

    private static void kpi(StringBuilder html, String label, String value) {
        html.append("<div class=\"kpi\"><div class=\"value\">").append(HtmlText.escape(value))
                .append("</div><div class=\"label\">").append(HtmlText.escape(label)).append("</div></div>");
    }

    /** The gate table: gate, scope, actual, threshold, result and the findings that tripped it. */
    static void gateTable(StringBuilder html, PolicyEvaluation evaluation) {
        html.append("<table class=\"gates\"><thead><tr><th>Gate</th><th>Counts</th>")
                .append("<th>Actual</th><th>Threshold</th><th>Result</th><th>Findings that tripped it</th></tr>")
                .append("</thead><tbody>");
        for (GateOutcome gate : evaluation.gates()) {
            html.append("<tr class=\"r-").append(gate.verdict().name().toLowerCase(Locale.ROOT)).append("\"><td>")
                    .append(HtmlText.escape(gate.gate().id())).append("</td><td>")
                    .append(HtmlText.escape(gate.gate().scope() + ": " + gate.gate().selector().describe()))
                    .append("</td><td>").append(gate.actual()).append("</td><td>").append(gate.gate().threshold())
                    .append("</td><td>").append(gate.verdict()).append("</td><td>");
            int shown = 0;
            for (Finding finding : gate.trippingFindings()) {
                if (shown++ == TRIPPING_SHOWN) {
                    break;
                }
                html.append("<div class=\"tripped\">").append(HtmlText.escape(finding.severity() + " "
                        + finding.ruleId() + (finding.location() == null ? "" : " at " + finding.location())))
                        .append("</div>");
            }
            if (gate.trippingCount() > TRIPPING_SHOWN) {
                html.append("<div>&hellip; and ").append(gate.trippingCount() - TRIPPING_SHOWN).append(" more</div>");
            }
            html.append("</td></tr>");
        }
        for (RequiredStageOutcome stage : evaluation.requiredStages()) {
            html.append("<tr class=\"r-").append(stage.verdict().name().toLowerCase(Locale.ROOT))
                    .append("\"><td>required stage</td><td>").append(HtmlText.escape(stage.stage()))
                    .append("</td><td>").append(HtmlText.escape(stage.status())).append("</td><td>COMPLETED</td><td>")
                    .append(stage.verdict()).append("</td><td></td></tr>");
        }
        html.append("</tbody></table>\n");
    }

    static void warnings(StringBuilder html, List<String> warnings) {
        html.append("<ul class=\"warnings\">");
        warnings.forEach(w -> html.append("<li>").append(HtmlText.escape(w)).append("</li>"));
        html.append("</ul>\n");
    }

    /** The findings fixed in this build: severity, rule, location and how long each was open. */
    static void fixedTable(StringBuilder html, List<FixedFinding> fixed) {
        html.append("<table class=\"fixed\"><thead><tr><th>Severity</th><th>Rule</th><th>Title</th>")
                .append("<th>Location</th><th>Open for</th></tr></thead><tbody>");
        for (FixedFinding item : fixed.subList(0, Math.min(MAX_FIXED_ROWS, fixed.size()))) {
            Finding finding = item.finding();
            html.append("<tr><td>").append(finding.severity()).append("</td><td>")
                    .append(HtmlText.escape(finding.ruleId())).append("</td><td>")
                    .append(HtmlText.escape(finding.title())).append("</td><td>")
                    .append(HtmlText.escape(where(finding))).append("</td><td>")
                    .append(item.timeToRemediate().toDays()).append(" d</td></tr>");
        }
        html.append("</tbody></table>\n");
        if (fixed.size() > MAX_FIXED_ROWS) {
            html.append("<p>").append(fixed.size() - MAX_FIXED_ROWS).append(" more fixed findings.</p>\n");
        }
    }

    /** Where a finding is: its location, else its component's package URL. */
    static String where(Finding finding) {
        if (finding.location() != null) {
            return finding.location().toString();
        }
        return finding.component() == null ? "" : finding.component().purl();
    }
}
