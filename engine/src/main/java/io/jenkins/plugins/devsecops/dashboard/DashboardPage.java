package io.jenkins.plugins.devsecops.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.history.FixedFinding;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.policy.RequiredStageOutcome;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.summary.SecurityKpis;
import io.jenkins.plugins.devsecops.summary.TrendCharts;
import io.jenkins.plugins.devsecops.summary.TrendSeries;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code dashboard.html}: one self-contained page (ECharts inlined from its webjar, no network) with the
 * verdict and KPIs, the gate table, trend charts of the stored summaries, and the findings, new ones first.
 * Every text from a report is escaped. Stateless and thread-safe.
 */
public final class DashboardPage {

    /** The file name the CLI writes next to the other reports. */
    public static final String FILE_NAME = "dashboard.html";
    /** Builds shown in the trend charts. */
    public static final int TREND_BUILDS = 100;
    /** Findings listed; the rest are counted. */
    public static final int MAX_ROWS = 2000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Findings in dashboard order: active new, active outstanding, then suppressed; each by report order. */
    static final Comparator<Finding> DASHBOARD_ORDER = Comparator.comparing(Finding::isSuppressed)
            .thenComparing(f -> !FindingHistory.isNew(f)).thenComparing(ScanEngine.REPORT_ORDER);

    /** Writes the page for {@code data}; does not close {@code out}. */
    public void write(DashboardData data, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(render(data));
        writer.flush();
    }

    /** The page as a string. */
    public String render(DashboardData data) throws IOException {
        StringBuilder html = new StringBuilder(1 << 16);
        Instant now = data.report().startedAt();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>DevSecOps dashboard</title><style>").append(STYLE).append("</style></head><body>\n");
        PolicyEvaluation evaluation = data.evaluation();
        PolicyVerdict verdict = evaluation == null ? null : evaluation.verdict();
        SecurityKpis kpis = SecurityKpis.of(data.summaries());
        html.append("<header><h1>DevSecOps dashboard</h1><p class=\"meta\">")
                .append(HtmlText.escape(data.report().root())).append(" &middot; build ")
                .append(HtmlText.escape(data.report().properties().getOrDefault("build", "-"))).append(" &middot; ")
                .append(HtmlText.escape(now.toString())).append("</p>");
        if (verdict != null) {
            html.append("<span class=\"verdict v-").append(verdict.name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(verdict).append("</span>");
        }
        html.append("</header>\n");

        html.append("<section class=\"kpis\">");
        kpi(html, "Security score", data.summaries().isEmpty() ? "-" : String.valueOf(kpis.score()));
        for (Severity severity : Severity.values()) {
            if (severity != Severity.INFO) {
                kpi(html, "Open " + severity.name().toLowerCase(Locale.ROOT), String.valueOf(
                        data.report().activeFindings().stream().filter(f -> f.severity() == severity).count()));
            }
        }
        kpi(html, "New", String.valueOf(data.report().activeFindings().stream().filter(FindingHistory::isNew).count()));
        kpi(html, "Fixed", String.valueOf(data.fixed().size()));
        kpi(html, "Overdue (SLA)", String.valueOf(kpis.overdue()));
        kpi(html, "MTTR", kpis.meanTimeToRemediateDays() == null ? "-"
                : String.format(Locale.ROOT, "%.1f d", kpis.meanTimeToRemediateDays()));
        html.append("</section>\n");

        if (evaluation != null) {
            gateTable(html, evaluation);
        }
        if (!data.warnings().isEmpty()) {
            html.append("<section><h2>Warnings</h2><ul class=\"warnings\">");
            data.warnings().forEach(w -> html.append("<li>").append(HtmlText.escape(w)).append("</li>"));
            html.append("</ul></section>\n");
        }
        charts(html, data);
        findings(html, data, now);
        fixed(html, data.fixed());
        html.append("<footer>DevSecOps Scan &middot; charts by Apache ECharts ").append(EChartsLibrary.VERSION)
                .append("</footer></body></html>\n");
        return html.toString();
    }

    private static void kpi(StringBuilder html, String label, String value) {
        html.append("<div class=\"kpi\"><div class=\"value\">").append(HtmlText.escape(value))
                .append("</div><div class=\"label\">").append(HtmlText.escape(label)).append("</div></div>");
    }

    private static void gateTable(StringBuilder html, PolicyEvaluation evaluation) {
        html.append("<section><h2>Quality gates</h2><table class=\"gates\"><thead><tr><th>Gate</th><th>Counts</th>")
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
                if (shown++ == 5) {
                    break;
                }
                html.append("<div>").append(HtmlText.escape(finding.severity() + " " + finding.ruleId()
                        + (finding.location() == null ? "" : " at " + finding.location()))).append("</div>");
            }
            if (gate.trippingCount() > 5) {
                html.append("<div>&hellip; and ").append(gate.trippingCount() - 5).append(" more</div>");
            }
            html.append("</td></tr>");
        }
        for (RequiredStageOutcome stage : evaluation.requiredStages()) {
            html.append("<tr class=\"r-").append(stage.verdict().name().toLowerCase(Locale.ROOT))
                    .append("\"><td>required stage</td><td>").append(HtmlText.escape(stage.stage()))
                    .append("</td><td>").append(HtmlText.escape(stage.status())).append("</td><td>COMPLETED</td><td>")
                    .append(stage.verdict()).append("</td><td></td></tr>");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void charts(StringBuilder html, DashboardData data) throws IOException {
        html.append("<section><h2>Trends</h2>");
        String library = EChartsLibrary.script();
        if (data.summaries().isEmpty()) {
            html.append("<p>No build history yet: trends appear from the first stored summary on.</p></section>\n");
            return;
        }
        TrendSeries series = TrendSeries.of(data.summaries(), TREND_BUILDS);
        List<ObjectNode> options = List.of(TrendCharts.openBySeverity(series), TrendCharts.newVersusFixed(series),
                TrendCharts.openByStage(series), TrendCharts.score(series));
        html.append("<div class=\"charts\">");
        for (int i = 0; i < options.size(); i++) {
            html.append("<div class=\"chart\" id=\"chart-").append(i).append("\"></div>");
        }
        html.append("</div>");
        html.append("<script type=\"application/json\" id=\"chart-options\">")
                .append(HtmlText.scriptSafeJson(MAPPER.writeValueAsString(options))).append("</script>");
        if (library == null) {
            html.append("<p>The ECharts library is missing from the class path: charts are not drawn.</p>");
        } else {
            html.append("<script>").append(library).append("</script>");
            html.append("<script>(function(){var options=JSON.parse(document.getElementById('chart-options')")
                    .append(".textContent);options.forEach(function(option,i){echarts.init(document.getElementById(")
                    .append("'chart-'+i)).setOption(option);});})();</script>");
        }
        html.append("</section>\n");
    }

    private static void findings(StringBuilder html, DashboardData data, Instant now) {
        List<Finding> sorted = new ArrayList<>(data.report().findings());
        sorted.sort(DASHBOARD_ORDER);
        html.append("<section><h2>Findings (").append(sorted.size()).append(")</h2><table class=\"findings\">")
                .append("<thead><tr><th>Status</th><th>Severity</th><th>Stage</th><th>Rule</th><th>Title</th>")
                .append("<th>Location</th><th>First seen</th><th>Age</th><th>Suppression</th></tr></thead><tbody>");
        int rows = 0;
        for (Finding finding : sorted) {
            if (rows++ == MAX_ROWS) {
                break;
            }
            String status = finding.isSuppressed() ? "SUPPRESSED"
                    : FindingHistory.status(finding).map(Enum::name).orElse("NEW");
            Duration age = FindingHistory.age(finding, now);
            html.append("<tr class=\"s-").append(status.toLowerCase(Locale.ROOT)).append("\"><td>").append(status)
                    .append("</td><td><span class=\"sev sev-").append(finding.severity().name().toLowerCase(Locale.ROOT))
                    .append("\">").append(finding.severity()).append("</span></td><td>")
                    .append(HtmlText.escape(finding.stage())).append("</td><td>")
                    .append(HtmlText.escape(finding.ruleId())).append("</td><td>")
                    .append(HtmlText.escape(finding.title())).append("</td><td>")
                    .append(HtmlText.escape(finding.location() == null ? (finding.component() == null ? ""
                            : finding.component().purl()) : finding.location().toString())).append("</td><td>")
                    .append(HtmlText.escape(FindingHistory.firstSeenBuild(finding).orElse(""))).append("</td><td>")
                    .append(age.toDays()).append(" d</td><td>");
            if (finding.suppression() != null) {
                html.append(HtmlText.escape(finding.suppression().reason()));
                if (finding.suppression().expires() != null) {
                    html.append(" (until ").append(finding.suppression().expires()).append(')');
                }
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (sorted.size() > MAX_ROWS) {
            html.append("<p>").append(sorted.size() - MAX_ROWS).append(" more findings are in report.json.</p>");
        }
        html.append("</section>\n");
    }

    private static void fixed(StringBuilder html, List<FixedFinding> fixed) {
        if (fixed.isEmpty()) {
            return;
        }
        html.append("<section><h2>Fixed in this build (").append(fixed.size()).append(")</h2><table><thead><tr>")
                .append("<th>Severity</th><th>Rule</th><th>Location</th><th>Open for</th></tr></thead><tbody>");
        for (FixedFinding item : fixed.subList(0, Math.min(MAX_ROWS, fixed.size()))) {
            Finding finding = item.finding();
            html.append("<tr><td>").append(finding.severity()).append("</td><td>")
                    .append(HtmlText.escape(finding.ruleId())).append("</td><td>")
                    .append(HtmlText.escape(finding.location() == null ? "" : finding.location().toString()))
                    .append("</td><td>").append(item.timeToRemediate().toDays()).append(" d</td></tr>");
        }
        html.append("</tbody></table></section>\n");
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0 2rem 2rem;color:#222}
            header{display:flex;align-items:center;gap:1rem;border-bottom:1px solid #ddd}
            header h1{font-size:1.4rem}.meta{color:#666;flex:1}
            .verdict{padding:.3rem .8rem;border-radius:4px;color:#fff;font-weight:bold}
            .v-passed{background:#388e3c}.v-unstable{background:#f9a825}.v-failed{background:#c62828}
            .kpis{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
            .kpi{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:7rem}
            .kpi .value{font-size:1.6rem;font-weight:bold}.kpi .label{color:#666;font-size:.85rem}
            table{border-collapse:collapse;width:100%;font-size:.9rem}
            th,td{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:left;vertical-align:top}
            tr.r-failed td{background:#ffebee}tr.r-unstable td{background:#fff8e1}
            tr.s-new td:first-child{font-weight:bold;color:#c62828}tr.s-suppressed{color:#999}
            .sev{padding:0 .4rem;border-radius:3px;color:#fff;font-size:.8rem}
            .sev-critical{background:#7b1fa2}.sev-high{background:#d32f2f}.sev-medium{background:#f57c00}
            .sev-low{background:#fbc02d;color:#222}.sev-info{background:#90a4ae}
            .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem}
            .chart{height:300px}.warnings li{color:#8d6e00}footer{margin-top:2rem;color:#999;font-size:.8rem}
            """;
}
