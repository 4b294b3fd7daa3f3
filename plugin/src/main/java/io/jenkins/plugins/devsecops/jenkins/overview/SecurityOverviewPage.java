package io.jenkins.plugins.devsecops.jenkins.overview;

import hudson.model.Api;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.overview.OrganisationTrends;
import io.jenkins.plugins.devsecops.overview.OverviewQuery;
import io.jenkins.plugins.devsecops.overview.OverviewRow;
import io.jenkins.plugins.devsecops.overview.OverviewSort;
import io.jenkins.plugins.devsecops.overview.SecurityOverview;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.view.TrendChartView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One rendering of the Security overview: the engine's {@link SecurityOverview} for the current user and query, as
 * the page ({@code index.jelly}, every value escaped, links relative) and the REST API see it.
 */
@ExportedBean(defaultVisibility = 2)
public final class SecurityOverviewPage {

    private final SecurityOverview overview;

    SecurityOverviewPage(SecurityOverview overview) {
        this.overview = overview;
    }

    /** The page of {@code query} for the current user. */
    static SecurityOverviewPage of(OverviewQuery query) {
        Instant now = Instant.now();
        return new SecurityOverviewPage(SecurityOverview.of(ScanHistories.readable(), query, now));
    }

    /** The engine's view model, for the page. */
    public SecurityOverview getOverview() {
        return overview;
    }

    public String getDisplayName() {
        return "Security";
    }

    /** The shown rows. */
    @Exported(name = "scans", inline = true)
    public List<ExportedOverviewRow> getScans() {
        return overview.rows().stream().map(ExportedOverviewRow::new).toList();
    }

    /** How many scans exist before filtering. */
    @Exported
    public int getTotalScans() {
        return overview.scans();
    }

    /** Shown rows per verdict. */
    @Exported
    public Map<String, Integer> getVerdicts() {
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        for (PolicyVerdict verdict : PolicyVerdict.values()) {
            verdicts.put(verdict.name(), overview.count(verdict));
        }
        return verdicts;
    }

    /** Active findings of the shown rows per severity. */
    @Exported
    public Map<String, Integer> getOpen() {
        Map<String, Integer> open = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            open.put(severity.name(), overview.openBySeverity().get(severity));
        }
        return open;
    }

    /** Findings new in the shown rows' newest builds. */
    @Exported
    public int getNewCount() {
        return overview.added();
    }

    /** Overdue findings of the shown rows. */
    @Exported
    public int getOverdue() {
        return overview.overdue();
    }

    /** The weekly trends, as series keyed by name. */
    @Exported
    public Map<String, Object> getTrends() {
        OrganisationTrends trends = overview.trends();
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("weeks", trends.weeks());
        for (Severity severity : Severity.values()) {
            series.put("open" + severity.name(), trends.openBySeverity().get(severity));
        }
        series.put("new", trends.added());
        series.put("fixed", trends.fixed());
        series.put("slaCompliancePercent", trends.slaCompliance());
        Map<String, Double> mttr = new LinkedHashMap<>();
        trends.mttrBySeverity().forEach((severity, days) -> mttr.put(severity.name(), days));
        series.put("mttrDaysBySeverity", mttr);
        return series;
    }

    /** The organisation charts (the same adjunct as the job page's trends draws them). */
    public List<TrendChartView> getCharts() {
        return overview.charts();
    }

    /** The SLA compliance of the current week, e.g. {@code 87.5 %}, or {@code –}. */
    public String getSlaComplianceText() {
        Double value = overview.trends().currentSlaCompliance();
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f %%", value);
    }

    /** The sorts offered, by query-string name. */
    public List<String> getSorts() {
        return java.util.Arrays.stream(OverviewSort.values()).map(OverviewSort::parameter).toList();
    }

    /** The severities offered by the severity filter. */
    public List<String> getSeverities() {
        return java.util.Arrays.stream(Severity.values()).map(Severity::name).toList();
    }

    /** A link to this page, relative to the Jenkins root, sorted by {@code sort}, keeping the filters; a second click reverses it. */
    public String sortLink(String sort) {
        OverviewQuery query = overview.query();
        boolean same = query.sort().parameter().equals(sort);
        StringBuilder link = new StringBuilder(SecurityOverviewAction.URL_NAME + "/?sort=").append(encode(sort));
        if (same && !query.ascending()) {
            link.append("&order=asc");
        }
        append(link, "folder", query.folder());
        append(link, "label", query.label());
        append(link, "stage", query.stage());
        append(link, "severity", query.severity() == null ? "" : query.severity().name());
        append(link, "verdict", query.verdict() == null ? "" : query.verdict().name());
        return link.toString();
    }

    private static void append(StringBuilder link, String name, String value) {
        if (!value.isEmpty()) {
            link.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Whether {@code row}'s verdict is the given one (for the page's icons). */
    public boolean is(OverviewRow row, String verdict) {
        return row.verdict().name().equals(verdict);
    }

    /** The REST API of this rendering. */
    public Api getApi() {
        return new Api(this);
    }
}
