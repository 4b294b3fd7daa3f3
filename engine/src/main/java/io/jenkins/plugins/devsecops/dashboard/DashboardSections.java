package io.jenkins.plugins.devsecops.dashboard;

import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.report.HtmlReportWriter;
import io.jenkins.plugins.devsecops.report.HtmlSection;
import io.jenkins.plugins.devsecops.report.HtmlText;
import java.util.List;

/**
 * The dashboard inside {@code index.html}: {@link HtmlSection}s for {@link HtmlReportWriter} built from the same
 * {@link DashboardData} and the same markup as {@code dashboard.html} — the policy verdict with the gate table and
 * the KPIs (security score, new, outstanding, fixed, overdue, MTTR), the trend charts (ECharts inlined and allowed
 * by hash, no network), and the findings fixed in this build.
 */
public final class DashboardSections {

    static final String CSS = """
            .verdict-line { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }
            .verdict { padding: 3px 12px; border-radius: 4px; color: #fff; font-weight: 600; }
            .v-passed { background: var(--ok); } .v-unstable { background: var(--medium); }
            .v-failed { background: var(--failed); }
            .kpis { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 12px; }
            .kpi { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 96px; }
            .kpi .value { font-size: 20px; font-weight: 600; } .kpi .label { color: var(--muted); font-size: 12px; }
            table.gates tr.r-failed td { background: #ffebe9; } table.gates tr.r-unstable td { background: #fff8c5; }
            .tripped { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
            .warnings li { color: #7d4e00; }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
            .chart { height: 300px; }
            """;

    private DashboardSections() {
    }

    /**
     * The sections for {@code data}.
     *
     * @param data what the dashboard shows
     * @param dashboardLink the relative file name of {@code dashboard.html} written next to the report, or
     *                      {@code null} when none is
     */
    public static List<HtmlSection> of(DashboardData data, String dashboardLink) {
        TrendChartBlock charts = TrendChartBlock.of(data.summaries());
        return List.of(new PolicySection(data, dashboardLink), new TrendSection(charts), new FixedSection(data));
    }

    /**
     * Verdict, KPIs, gate table and warnings.
     *
     * @param counts the KPI counts read in a shared pass, or {@code null} to count when rendered
     */
    private record PolicySection(DashboardData data, String dashboardLink, FindingPass pass,
            DashboardFragments.OpenCounts counts) implements HtmlSection {

        PolicySection(DashboardData data, String dashboardLink) {
            this(data, dashboardLink, null, null);
        }

        /** The KPI counts are read in {@code pass} (shared with dashboard.html's) when it reads these findings. */
        @Override
        public HtmlSection readingIn(Report report, FindingPass shared) {
            if (counts != null || shared.findings() != data.report().findings()) {
                return this;
            }
            return new PolicySection(data, dashboardLink, shared, DashboardFragments.OpenCounts.in(shared));
        }

        @Override
        public String id() {
            return "policy";
        }

        @Override
        public String title() {
            return "Policy and history";
        }

        @Override
        public String css() {
            return CSS;
        }

        @Override
        public String renderHtml(Report report) {
            StringBuilder html = new StringBuilder(4096);
            PolicyEvaluation evaluation = data.evaluation();
            html.append("<div class=\"verdict-line\">");
            if (evaluation != null) {
                html.append("<span>Policy verdict</span>");
                DashboardFragments.verdict(html, evaluation.verdict());
            } else {
                html.append("<span class=\"muted\">No policy evaluation was recorded.</span>");
            }
            if (dashboardLink != null) {
                html.append("<a href=\"").append(HtmlText.escape(dashboardLink)).append("\">Open the dashboard</a>");
            }
            html.append("</div>\n");
            if (counts != null) {
                pass.check(counts);
                DashboardFragments.kpis(html, data, counts, false);
            } else {
                DashboardFragments.kpis(html, data, false);
            }
            if (evaluation != null) {
                html.append("<h3>Quality gates</h3>\n");
                DashboardFragments.gateTable(html, evaluation);
            }
            if (!data.warnings().isEmpty()) {
                html.append("<h3>Warnings</h3>\n");
                DashboardFragments.warnings(html, data.warnings());
            }
            return html.toString();
        }
    }

    /** The trend charts. */
    private record TrendSection(TrendChartBlock charts) implements HtmlSection {

        @Override
        public String id() {
            return "trends";
        }

        @Override
        public String title() {
            return "Trends";
        }

        @Override
        public String renderHtml(Report report) {
            return charts.html();
        }

        @Override
        public List<String> scripts() {
            return charts.scripts();
        }
    }

    /** The findings fixed since the reference build. */
    private record FixedSection(DashboardData data) implements HtmlSection {

        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public String title() {
            return "Fixed in this build (" + data.fixed().size() + ")";
        }

        @Override
        public String renderHtml(Report report) {
            if (data.fixed().isEmpty()) {
                return "<p class=\"muted\">No finding of the reference build is gone.</p>";
            }
            StringBuilder html = new StringBuilder(2048);
            DashboardFragments.fixedTable(html, data.fixed());
            return html.toString();
        }
    }
}
