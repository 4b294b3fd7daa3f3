package io.jenkins.plugins.devsecops.overview;

import static io.jenkins.plugins.devsecops.overview.OverviewFixtures.log4j;
import static io.jenkins.plugins.devsecops.overview.OverviewFixtures.report;
import static io.jenkins.plugins.devsecops.overview.OverviewFixtures.secret;
import static io.jenkins.plugins.devsecops.overview.OverviewFixtures.summaries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.view.TrendChartView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cross-job overview of three jobs in two folders, from summaries the engine wrote and read back. */
class SecurityOverviewTest {

    private static final Instant FIRST = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    /** team/app: two builds, the second fixes a HIGH secret after 22 days, adds a CRITICAL one, iac times out. */
    static ScanHistory app() {
        return new ScanHistory("team/app", "Team » App", "team", "job/team/job/app/", Set.of("java"), "default",
                "DevSecOps Scan", summaries(List.of(
                        report(FIRST, List.of(log4j(), secret(".env", 2, Severity.HIGH),
                                secret("config/prod.properties", 7, Severity.MEDIUM)), false),
                        report(SECOND, List.of(log4j(), secret("config/prod.properties", 7, Severity.MEDIUM),
                                secret("deploy/id.env", 3, Severity.CRITICAL)), true))));
    }

    /** team/lib: one clean build. */
    static ScanHistory lib() {
        return new ScanHistory("team/lib", "Team » Lib", "team", "job/team/job/lib/", Set.of("java"), "default",
                "DevSecOps Scan", summaries(List.of(report(Instant.parse("2026-11-10T08:00:00Z"), List.of(), false))));
    }

    /** ops/infra/PR-7: a pull request that adds a HIGH secret. */
    static ScanHistory infra() {
        return new ScanHistory("ops/infra/PR-7", "Ops » Infra » PR-7", "ops/infra", "job/ops/job/infra/job/PR-7/",
                Set.of("pull-request"), "secrets-only", "Secrets", summaries(List.of(report(
                        Instant.parse("2026-11-30T09:00:00Z"), List.of(secret("main.tf", 4, Severity.HIGH)),
                        false))));
    }

    static List<ScanHistory> all() {
        return List.of(lib(), infra(), app(),
                new ScanHistory("never-scanned", null, "", "job/never-scanned/", null, "default", null, List.of()));
    }

    @Test
    void shouldShowTheNewestStateOfEachScanWithItsHistory() {
        // Given three scanned jobs and one without a summary / When the overview is built with the default query
        SecurityOverview overview = SecurityOverview.of(all(), OverviewQuery.all(), NOW);

        // Then a job without a summary has no row, and the failed ones come first, the most critical on top
        assertThat(overview.scans()).isEqualTo(3);
        assertThat(overview.rows()).extracting(OverviewRow::job)
                .containsExactly("team/app", "ops/infra/PR-7", "team/lib");
        OverviewRow app = overview.rows().get(0);
        assertThat(app.verdict()).isEqualTo(PolicyVerdict.FAILED);
        assertThat(app.build()).isEqualTo("2");
        assertThat(Arrays.stream(app.open()).boxed().toList()).containsExactly(2, 0, 1, 0, 0);
        assertThat(app.added()).isEqualTo(1);
        assertThat(app.fixed()).isEqualTo(1);
        // log4j is 22 days old at build 2, past the 7-day CRITICAL SLA; the new CRITICAL is not
        assertThat(app.overdue()).isEqualTo(1);
        assertThat(app.mttrDays()).isCloseTo(22.0, within(0.001));
        assertThat(app.mttrText()).isEqualTo("22.0 d");
        // log4j was first seen on 2 November: 30 days before the overview's time
        assertThat(app.oldestCriticalDays()).isEqualTo(30L);
        assertThat(app.incompleteStages()).containsExactly("iac");
        assertThat(app.sparkline()).containsExactly(3, 3);
        assertThat(app.sparklinePoints(60, 16)).isEqualTo("0.0,1.0 60.0,1.0");
        assertThat(app.findingsUrl()).isEqualTo("job/team/job/app/2/default/");
        assertThat(app.score()).isLessThanOrEqualTo(49);

        OverviewRow lib = overview.rows().get(2);
        assertThat(lib.verdict()).isEqualTo(PolicyVerdict.PASSED);
        assertThat(lib.score()).isEqualTo(100);
        assertThat(lib.oldestCriticalDays()).isNull();
        assertThat(lib.mttrText()).isEqualTo("–");
        assertThat(lib.sparklinePoints(60, 16)).isEqualTo("0.0,15.0 60.0,15.0");

        // And the totals, facets and verdict counts cover the shown rows
        assertThat(overview.count(PolicyVerdict.FAILED)).isEqualTo(2);
        assertThat(overview.count(PolicyVerdict.PASSED)).isEqualTo(1);
        assertThat(overview.openBySeverity()).containsEntry(Severity.CRITICAL, 2).containsEntry(Severity.HIGH, 1);
        assertThat(overview.openTotal()).isEqualTo(4);
        assertThat(overview.folders()).containsExactly("ops", "ops/infra", "team");
        assertThat(overview.labels()).containsExactly("java", "pull-request");
        assertThat(overview.stages()).containsExactly("dependencies", "iac", "secrets");
    }

    @Test
    void shouldFilterByFolderLabelStageSeverityAndVerdictAndSort() {
        List<ScanHistory> histories = all();

        // Folder: the folder itself and its sub-folders, never a folder that only starts with the same letters
        assertThat(rows(histories, OverviewQuery.parse("ops", null, null, null, null, null, null)))
                .containsExactly("ops/infra/PR-7");
        assertThat(rows(histories, OverviewQuery.parse("/team/", null, null, null, null, "name", null)))
                .containsExactly("team/app", "team/lib");
        List<ScanHistory> lookAlike = new ArrayList<>(histories);
        lookAlike.add(new ScanHistory("teamwork/x", null, "teamwork", "job/teamwork/job/x/", null,
                lib().digest()));
        assertThat(rows(lookAlike, OverviewQuery.parse("team", null, null, null, null, "name", null)))
                .containsExactly("team/app", "team/lib");
        // Label, stage, severity (at least), verdict
        assertThat(rows(histories, OverviewQuery.parse(null, "pull-request", null, null, null, null, null)))
                .containsExactly("ops/infra/PR-7");
        assertThat(rows(histories, OverviewQuery.parse(null, null, "iac", null, null, null, null)))
                .containsExactly("team/app");
        assertThat(rows(histories, OverviewQuery.parse(null, null, null, "high", null, null, null)))
                .containsExactly("team/app", "ops/infra/PR-7");
        assertThat(rows(histories, OverviewQuery.parse(null, null, null, "CRITICAL", null, null, null)))
                .containsExactly("team/app");
        assertThat(rows(histories, OverviewQuery.parse(null, null, null, null, "passed", null, null)))
                .containsExactly("team/lib");
        // Sorts, both directions
        assertThat(rows(histories, OverviewQuery.parse(null, null, null, null, null, "score", "desc")))
                .first().isIn("team/app", "ops/infra/PR-7");
        assertThat(rows(histories, OverviewQuery.parse(null, null, null, null, null, "score", "asc")))
                .last().isIn("team/app", "ops/infra/PR-7");
        assertThat(rows(histories, OverviewQuery.parse(null, null, null, null, null, "last-scan", null)))
                .containsExactly("ops/infra/PR-7", "team/app", "team/lib");
        assertThat(rows(histories, OverviewQuery.parse(null, null, null, null, null, "age", null)))
                .first().isEqualTo("team/app");
        assertThat(rows(histories, OverviewQuery.parse(null, null, null, null, null, "mttr", null)))
                .first().isEqualTo("team/app");

        // Unknown values are errors; parsed leniently the other parameters still apply
        OverviewQuery bad = OverviewQuery.parse("team", null, null, "urgent", "green", "colour", "sideways");
        assertThat(bad.errors()).hasSize(4).anySatisfy(e -> assertThat(e).contains("urgent").contains("CRITICAL"))
                .anySatisfy(e -> assertThat(e).contains("colour").contains("last-scan"));
        assertThat(rows(histories, bad)).containsExactly("team/app", "team/lib");
        // A request's query is refused whole, with every bad parameter named (the plugin answers 400 with it)
        assertThatThrownBy(() -> OverviewQuery.require("team", null, null, "urgent", null, "colour", null))
                .isInstanceOf(InvalidOverviewQueryException.class)
                .hasMessageContaining("'urgent'").hasMessageContaining("'colour'")
                .satisfies(e -> assertThat(((InvalidOverviewQueryException) e).errors()).hasSize(2));
        assertThatThrownBy(() -> OverviewQuery.require(null, "a\nb", "../etc", null, null, null, null))
                .hasMessageContaining("label holds control characters").hasMessageContaining("Invalid stage '../etc'");
        assertThatThrownBy(() -> OverviewQuery.require("x".repeat(1001), null, null, null, null, null, null))
                .hasMessageContaining("folder is longer than 1000");
        // A request URI's query string: the first value of each known parameter, others (tree, depth) left alone
        OverviewQuery fromUri = OverviewQuery.requireQueryString(
                "/jenkins/security/api/json?tree=scans%5Bjob%5D&folder=team%2Fpay&severity=HIGH&folder=x&depth=1");
        assertThat(fromUri.folder()).isEqualTo("team/pay");
        assertThat(fromUri.severity()).isEqualTo(Severity.HIGH);
        assertThat(OverviewQuery.requireQueryString("/security/api/json")).isEqualTo(OverviewQuery.all());
        assertThatThrownBy(() -> OverviewQuery.requireQueryString("/security/?sort=colour&order=up"))
                .isInstanceOf(InvalidOverviewQueryException.class).hasMessageContaining("'colour'")
                .hasMessageContaining("'up'");
        assertThatThrownBy(() -> OverviewQuery.requireQueryString("/security/?folder=%zz"))
                .isInstanceOf(InvalidOverviewQueryException.class).hasMessageContaining("Malformed query string");
        assertThat(OverviewQuery.require(" team/ ", "java", "secrets", "high", "failed", "last-scan", "asc"))
                .satisfies(q -> assertThat(q.folder()).isEqualTo("team"))
                .satisfies(q -> assertThat(q.sort()).isEqualTo(OverviewSort.LAST_SCAN))
                .satisfies(q -> assertThat(q.errors()).isEmpty());
    }

    @Test
    void shouldComputeWeeklyOrganisationTrends() throws Exception {
        // Given the three jobs / When the trends of twelve weeks up to Wednesday 2 December are computed
        OrganisationTrends trends = SecurityOverview.of(all(), OverviewQuery.all(), NOW).trends();

        // Then weeks start on Monday, the newest is the current week
        assertThat(trends.weeks()).hasSize(12).startsWith("2026-09-14").endsWith("2026-11-30");
        // Open findings at each week's end: app's first build in week 7, its second in week 10, infra in week 11
        assertThat(trends.openBySeverity().get(Severity.CRITICAL))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2);
        assertThat(trends.openBySeverity().get(Severity.HIGH)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1);
        assertThat(trends.added()).containsExactly(0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 1, 1);
        assertThat(trends.fixed()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        // SLA compliance: CRITICAL and HIGH are tracked; log4j is overdue from build 2 on
        assertThat(trends.slaCompliance().subList(0, 7)).containsOnlyNulls();
        assertThat(trends.slaCompliance().get(7)).isEqualTo(100.0);
        assertThat(trends.slaCompliance().get(10)).isEqualTo(50.0);
        assertThat(trends.currentSlaCompliance()).isCloseTo(66.67, within(0.01));
        // MTTR by severity: the HIGH secret took 22 days; no other severity was fixed
        assertThat(trends.mttrBySeverity().get(Severity.HIGH)).isCloseTo(22.0, within(0.001));
        assertThat(trends.mttrBySeverity().get(Severity.CRITICAL)).isNull();

        // And the charts carry the same data as ECharts options, weeks on the x axis, no title of their own
        List<TrendChartView> charts = OrganisationCharts.of(trends);
        assertThat(charts).extracting(TrendChartView::elementId).containsExactly("devsecops-org-severity",
                "devsecops-org-new-fixed", "devsecops-org-sla", "devsecops-org-mttr");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode severity = mapper.readTree(charts.get(0).optionJson());
        assertThat(severity.has("title")).isFalse();
        assertThat(severity.at("/xAxis/name").asText()).isEqualTo("week");
        assertThat(severity.at("/xAxis/data/11").asText()).isEqualTo("2026-11-30");
        assertThat(severity.at("/series/0/data/10").asInt()).isEqualTo(2);
        JsonNode sla = mapper.readTree(charts.get(2).optionJson());
        assertThat(sla.at("/series/0/data/0").isNull()).isTrue();
        assertThat(sla.at("/series/0/data/11").asDouble()).isEqualTo(66.7);
        JsonNode mttr = mapper.readTree(charts.get(3).optionJson());
        assertThat(mttr.at("/series/0/data/1/value").asDouble()).isEqualTo(22.0);
        assertThat(mttr.at("/series/0/data/0/value").isNull()).isTrue();
    }

    @Test
    void shouldKeepTrendsToTheFilteredRows() {
        // Given a folder filter / Then totals and trends count only its jobs
        SecurityOverview ops = SecurityOverview.of(all(), OverviewQuery.parse("ops", null, null, null, null, null,
                null), NOW);
        assertThat(ops.scans()).isEqualTo(3);
        assertThat(ops.rows()).hasSize(1);
        assertThat(ops.trends().openBySeverity().get(Severity.CRITICAL)).containsOnly(0);
        assertThat(ops.trends().added()).endsWith(1);
        assertThat(ops.folders()).contains("team");
    }

    private static List<String> rows(List<ScanHistory> histories, OverviewQuery query) {
        return SecurityOverview.of(histories, query, NOW).rows().stream().map(OverviewRow::job).toList();
    }
}
