package io.jenkins.plugins.devsecops.dashboard;

import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.report.HtmlText;
import io.jenkins.plugins.devsecops.report.InlineScripts;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.summary.SeverityPalette;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Writes {@code dashboard.html}: one self-contained page (ECharts inlined from its webjar, no network) with the
 * verdict and KPIs, the gate table, trend charts of the stored summaries, and the findings, new ones first.
 * Every text from a report is escaped. Stateless and thread-safe.
 */
public final class DashboardPage {

    /** The file name the CLI writes next to the other reports. */
    public static final String FILE_NAME = "dashboard.html";
    /** Builds shown in the trend charts. */
    public static final int TREND_BUILDS = TrendChartBlock.TREND_BUILDS;
    /** Findings listed; the rest are counted. */
    public static final int MAX_ROWS = 2000;

    /**
     * Reads the charts library the pages inline (0.6 MB, decoded once per process) now, e.g. on a background thread
     * while a scan runs, so that building the pages afterwards does not wait for it.
     */
    public static void preloadChartLibrary() {
        EChartsLibrary.script();
    }

    /** Findings in dashboard order: active new, active outstanding, then suppressed; each by report order. */
    static final Comparator<Finding> DASHBOARD_ORDER = Comparator.comparing(Finding::isSuppressed)
            .thenComparing(f -> !FindingHistory.isNew(f)).thenComparing(ScanEngine.REPORT_ORDER);

    /** Writes the page for {@code data}; does not close {@code out}. */
    public void write(DashboardData data, OutputStream out) throws IOException {
        FindingPass pass = new FindingPass(data.report().findings());
        Prepared prepared = prepare(data, null, pass);
        pass.run();
        prepared.write(out);
    }

    /** The page as a string. */
    public String render(DashboardData data) throws IOException {
        return render(data, null);
    }

    /**
     * The page as a string, linking to the HTML report at {@code reportLink} (a relative file name such as
     * {@code index.html}) when it is not {@code null}.
     */
    public String render(DashboardData data, String reportLink) throws IOException {
        FindingPass pass = new FindingPass(data.report().findings());
        Prepared prepared = prepare(data, reportLink, pass);
        pass.run();
        return prepared.render();
    }

    /** A page prepared by {@link #prepare}: rendered once its pass has run. */
    @FunctionalInterface
    public interface Prepared {
        /** The page as a string. */
        String render() throws IOException;

        /** Writes the page, UTF-8, to {@code out} (not closed): the bytes of {@link #render}. */
        default void write(OutputStream out) throws IOException {
            out.write(render().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Prepares the page for {@code data} (as {@link #render(DashboardData, String)} gives it) with other writers of
     * its report: the KPI counts (shared with the HTML report's dashboard section) and the findings listed are read
     * in {@code pass}, over {@code data}'s findings.
     */
    public Prepared prepare(DashboardData data, String reportLink, FindingPass pass) {
        if (pass.findings() != data.report().findings()) {
            throw new IllegalArgumentException("The pass does not read the dashboard's findings");
        }
        DashboardFragments.OpenCounts counts = DashboardFragments.OpenCounts.in(pass);
        FirstInOrder first = pass.add(new FirstInOrder(MAX_ROWS));
        return new Prepared() {
            @Override
            public String render() throws IOException {
                pass.check(counts);
                pass.check(first);
                StringWriter page = new StringWriter(1 << 16);
                DashboardPage.write(data, reportLink, counts, first.findings(), page, null);
                return page.toString();
            }

            /** The charts library is copied to {@code out} as its UTF-8 bytes ({@link InlineScripts#shippedUtf8}). */
            @Override
            public void write(OutputStream out) throws IOException {
                pass.check(counts);
                pass.check(first);
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                DashboardPage.write(data, reportLink, counts, first.findings(), writer, out);
                writer.flush();
            }
        };
    }

    /**
     * Writes the page to {@code out}; with {@code bytes}, the stream {@code out} writes to, a shipped script is copied
     * to it as its UTF-8 bytes.
     */
    private static void write(DashboardData data, String reportLink, DashboardFragments.OpenCounts counts,
            List<Finding> listed, Writer out, OutputStream bytes) throws IOException {
        StringBuilder html = new StringBuilder(1 << 16);
        Instant now = data.report().startedAt();
        TrendChartBlock charts = TrendChartBlock.of(data.summaries());
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(HtmlText.escape(InlineScripts.contentSecurityPolicy(charts.scripts()))).append("\">")
                .append("<meta name=\"referrer\" content=\"no-referrer\">")
                .append("<title>DevSecOps dashboard</title><style>").append(STYLE).append("</style></head><body>\n");
        PolicyEvaluation evaluation = data.evaluation();
        html.append("<header><h1>DevSecOps dashboard</h1><p class=\"meta\">")
                .append(HtmlText.escape(data.report().root())).append(" &middot; build ")
                .append(HtmlText.escape(data.report().properties().getOrDefault("build", "-"))).append(" &middot; ")
                .append(HtmlText.escape(now.toString())).append("</p>");
        if (reportLink != null) {
            html.append("<a class=\"page-link\" href=\"").append(HtmlText.escape(reportLink))
                    .append("\">Full report</a>");
        }
        if (evaluation != null) {
            DashboardFragments.verdict(html, evaluation.verdict());
        }
        html.append("</header>\n<section>");
        DashboardFragments.kpis(html, data, counts, true);
        html.append("</section>\n");

        if (evaluation != null) {
            html.append("<section><h2>Quality gates</h2>");
            DashboardFragments.gateTable(html, evaluation);
            html.append("</section>\n");
        }
        if (!data.warnings().isEmpty()) {
            html.append("<section><h2>Warnings</h2>");
            DashboardFragments.warnings(html, data.warnings());
            html.append("</section>\n");
        }
        html.append("<section><h2>Trends</h2>").append(charts.html()).append("</section>\n");
        findings(html, data, listed, now);
        if (!data.fixed().isEmpty()) {
            html.append("<section><h2>Fixed in this build (").append(data.fixed().size()).append(")</h2>");
            DashboardFragments.fixedTable(html, data.fixed());
            html.append("</section>\n");
        }
        html.append("<footer>DevSecOps Scan &middot; charts by Apache ECharts ").append(EChartsLibrary.VERSION)
                .append("</footer>\n");
        for (String script : charts.scripts()) {
            InlineScripts.appendElement(html, script, out, bytes);
        }
        html.append("</body></html>\n");
        out.append(html);
    }

    private static void findings(StringBuilder html, DashboardData data, List<Finding> sorted, Instant now) {
        int total = data.report().findings().size();
        html.append("<section><h2>Findings (").append(total).append(")</h2><table class=\"findings\">")
                .append("<thead><tr><th>Status</th><th>Severity</th><th>Stage</th><th>Rule</th><th>Title</th>")
                .append("<th>Location</th><th>First seen</th><th>Age</th><th>Suppression</th></tr></thead><tbody>");
        for (Finding finding : sorted) {
            String status = finding.isSuppressed() ? "SUPPRESSED"
                    : FindingHistory.status(finding).map(Enum::name).orElse("NEW");
            Duration age = FindingHistory.age(finding, now);
            html.append("<tr class=\"s-").append(status.toLowerCase(Locale.ROOT)).append("\"><td>").append(status)
                    .append("</td><td><span class=\"sev sev-").append(finding.severity().name().toLowerCase(Locale.ROOT))
                    .append("\">").append(finding.severity()).append("</span></td><td>")
                    .append(HtmlText.escape(finding.stage())).append("</td><td>")
                    .append(HtmlText.escape(finding.ruleId())).append("</td><td>")
                    .append(HtmlText.escape(finding.title())).append("</td><td>")
                    .append(HtmlText.escape(DashboardFragments.where(finding))).append("</td><td>")
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
        if (total > MAX_ROWS) {
            html.append("<p>").append(total - MAX_ROWS).append(" more findings are in report.json.</p>");
        }
        html.append("</section>\n");
    }

    /**
     * The first {@code limit} findings in {@link #DASHBOARD_ORDER} (a stable sort's first ones), from one pass that
     * holds at most {@code limit} of them: the page shows no more, so the rest need not be sorted.
     */
    static List<Finding> firstInOrder(List<Finding> findings, int limit) {
        FirstInOrder first = new FirstInOrder(limit);
        int index = 0;
        for (Finding finding : findings) {
            first.read(index++, finding);
        }
        return first.findings();
    }

    /** Keeps the first findings in {@link #DASHBOARD_ORDER} of those read, at most {@code limit} of them. */
    private static final class FirstInOrder implements FindingPass.Reader {
        private record Ranked(Finding finding, int index) {
        }

        private static final Comparator<Ranked> ORDER = Comparator.comparing(Ranked::finding, DASHBOARD_ORDER)
                .thenComparingInt(Ranked::index);

        private final int limit;
        private final PriorityQueue<Ranked> kept;

        FirstInOrder(int limit) {
            this.limit = limit;
            kept = new PriorityQueue<>(Math.max(1, Math.min(limit, 1024)), ORDER.reversed());
        }

        @Override
        public void read(int index, Finding finding) {
            Ranked ranked = new Ranked(finding, index);
            if (kept.size() < limit) {
                kept.add(ranked);
            } else if (limit > 0 && ORDER.compare(ranked, kept.peek()) < 0) {
                kept.poll();
                kept.add(ranked);
            }
        }

        /** The findings kept, in order. */
        List<Finding> findings() {
            List<Ranked> first = new ArrayList<>(kept);
            first.sort(ORDER);
            return first.stream().map(Ranked::finding).toList();
        }
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
            table{border-collapse:collapse;width:100%%;font-size:.9rem}
            th,td{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:left;vertical-align:top}
            tr.r-failed td{background:#ffebee}tr.r-unstable td{background:#fff8e1}
            tr.s-new td:first-child{font-weight:bold;color:#c62828}tr.s-suppressed{color:#999}
            .sev{padding:0 .4rem;border-radius:3px;color:#fff;font-size:.8rem}
            .sev-critical{background:%s}.sev-high{background:%s}.sev-medium{background:%s}
            .sev-low{background:%s}.sev-info{background:%s}
            .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem}
            .chart{height:300px}.warnings li{color:#8d6e00}footer{margin-top:2rem;color:#999;font-size:.8rem}
            .page-link{font-weight:bold}.muted{color:#666}
            """.formatted(SeverityPalette.colour(Severity.CRITICAL), SeverityPalette.colour(Severity.HIGH),
            SeverityPalette.colour(Severity.MEDIUM), SeverityPalette.colour(Severity.LOW),
            SeverityPalette.colour(Severity.INFO));
}
