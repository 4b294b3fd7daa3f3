package io.jenkins.plugins.devsecops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardPageTest {

    private static final Instant T1 = Instant.parse("2026-04-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-04-02T10:00:00Z");

    @TempDir
    Path history;

    private static Finding finding(String rule, Severity severity, String path, String title) {
        return Finding.builder().ruleId(rule).stage("iac").severity(severity).title(title)
                .location(new Location(path, 2, 1, 2, 5, rule + " here")).build();
    }

    private static Report report(Instant at, Finding... findings) {
        return Report.builder(new ToolInfo("devsecops", "0.1.0"), at).root("/src/<app>")
                .stage(StageResult.builder("iac").build()).findings(List.of(findings)).build();
    }

    @Test
    void shouldRenderVerdictGatesTrendsAndNewFindingsFirstFromTheHistoryDirectory() throws Exception {
        // Given two assessed builds recorded in a history directory; the second adds a hostile-titled CRITICAL
        LayeredPolicy policy = PolicyLayering.merge(List.of(new PolicyLayer("step",
                SecurityPolicy.builder().failOn(Severity.CRITICAL).build())));
        Finding old = finding("open-sg", Severity.HIGH, "infra/main.tf", "Open security group");
        Finding hostile = finding("xss<img>", Severity.CRITICAL, "web/</script><script>alert(1)</script>.html",
                "<script>alert('title')</script>");
        Finding accepted = finding("root-user", Severity.LOW, "Dockerfile", "Runs as root");
        HistoryDirectory directory = new HistoryDirectory(history);
        Assessment first = Assessor.assess(report(T1, old, accepted), policy, List.of(), null, new BuildRef("1", T1));
        directory.record(first);
        List<SuppressionEntry> suppressions = List.of(new SuppressionEntry(null, "root-user", null, null,
                "Base image needs root", "ops", null, LocalDate.of(2026, 12, 31), null, "s.yaml:2"));
        Assessment second = Assessor.assess(report(T2, old, hostile, accepted), policy, suppressions,
                directory.lastReport().orElseThrow(), new BuildRef("2", T2));
        directory.record(second);

        assertThat(history.resolve(".gitignore")).hasContent("*");

        // When the dashboard is rendered from the directory alone
        DashboardData data = directory.dashboard().orElseThrow();
        String html = new DashboardPage().render(data);

        // Then it shows the verdict, the gate table with the tripping finding, and both builds in the trends
        assertThat(data.evaluation().verdict()).isEqualTo(PolicyVerdict.FAILED);
        assertThat(data.summaries()).hasSize(2);
        assertThat(html).contains("<span class=\"verdict v-failed\">FAILED</span>");
        assertThat(html).contains("<td>fail-on-critical</td>").contains("<td>1</td><td>1</td><td>FAILED</td>");
        assertThat(html).contains("\"data\":[\"1\",\"2\"]");
        // And ECharts is inlined: no network needed
        assertThat(html).contains("echarts.init").doesNotContain("src=\"http").doesNotContain("<script src");
        assertThat(html).contains(EChartsLibrary.script().substring(0, 200));
        // And the new CRITICAL comes first, the suppressed finding last with its reason
        int newRow = html.indexOf("<tr class=\"s-new\">");
        int outstandingRow = html.indexOf("<tr class=\"s-outstanding\">");
        int suppressedRow = html.indexOf("<tr class=\"s-suppressed\">");
        assertThat(newRow).isPositive().isLessThan(outstandingRow);
        assertThat(outstandingRow).isLessThan(suppressedRow);
        assertThat(html.substring(suppressedRow)).contains("Base image needs root (until 2026-12-31)");
        // And no report text can open a script
        assertThat(html).doesNotContain("<script>alert").doesNotContain("</script><script>alert")
                .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;").contains("/src/&lt;app&gt;");
        long scripts = html.split("<script", -1).length - 1;
        assertThat(scripts).isEqualTo(3);
    }

    @Test
    void shouldRenderWithoutHistoryOrEvaluation() throws Exception {
        // Given a lone report without summaries or evaluation
        DashboardData data = new DashboardData(report(T1, finding("r", Severity.LOW, "a.txt", "t")), null, null,
                null, null);

        // When rendered / Then it explains the missing trends and still lists the finding
        String html = new DashboardPage().render(data);
        assertThat(html).contains("No build history yet").contains("<td>r</td>");
    }

    @Test
    void shouldNameACorruptLastReport() throws Exception {
        // Given a history directory whose last report is garbage
        Files.writeString(history.resolve(HistoryDirectory.LAST_REPORT), "{\"schemaVersion\": 1, \"tool\": [");

        // When read / Then the error names the file (the CLI then scans without a reference)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HistoryDirectory(history).lastReport())
                .isInstanceOf(java.io.IOException.class).hasMessageContaining(HistoryDirectory.LAST_REPORT);
    }

    @Test
    void shouldIgnoreACorruptStoredAssessmentAndReportUnreadableSummaries() throws Exception {
        // Given a history directory with a good report, a corrupt assessment and a corrupt summary line
        HistoryDirectory directory = new HistoryDirectory(history);
        Assessment assessment = Assessor.assess(report(T1), PolicyLayering.merge(List.of()), List.of(), null,
                new BuildRef("1", T1));
        directory.record(assessment);
        Files.writeString(history.resolve(HistoryDirectory.LAST_ASSESSMENT), "{\"evaluation\": [");
        Files.writeString(history.resolve("summaries.jsonl"), "not json\n", java.nio.file.StandardOpenOption.APPEND);

        // When the dashboard data is loaded / Then it still comes, with a warning
        DashboardData data = directory.dashboard().orElseThrow();
        assertThat(data.evaluation()).isNull();
        assertThat(data.summaries()).hasSize(1);
        assertThat(data.warnings()).singleElement().asString().contains("1 unreadable lines");
    }

    @Test
    void shouldListTheSameFirstFindingsAsAFullStableSortWithoutSortingThemAll() {
        // Findings in every dashboard group (new, outstanding, suppressed), with ties on every sort key, spilled to
        // disk as a large report's are
        java.util.Random random = new java.util.Random(7);
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 700; i++) {
            Finding.Builder builder = Finding.builder().ruleId("rule-" + random.nextInt(4)).stage("iac")
                    .severity(Severity.values()[random.nextInt(Severity.values().length)]).title("finding " + i)
                    .location(new Location("dir/file-" + random.nextInt(5), 1 + random.nextInt(3), 1, 1, 1, null))
                    .fingerprint(random.nextInt(3) == 0 ? null : "fp-" + random.nextInt(6));
            switch (random.nextInt(3)) {
                case 0 -> builder.property(io.jenkins.plugins.devsecops.history.FindingHistory.STATUS, "OUTSTANDING");
                case 1 -> builder.suppression(new io.jenkins.plugins.devsecops.model.Suppression("rule", "accepted",
                        "ops", null, "s.yaml:1"));
                default -> {
                }
            }
            findings.add(builder.build());
        }
        List<Finding> spilled = io.jenkins.plugins.devsecops.model.FindingList.builder(0).addAll(findings).build();
        List<Finding> sorted = new java.util.ArrayList<>(findings);
        sorted.sort(DashboardPage.DASHBOARD_ORDER);

        for (int limit : new int[] {0, 1, 37, 699, 700, 2000}) {
            List<Finding> first = DashboardPage.firstInOrder(spilled, limit);
            assertThat(first).as("first %d", limit)
                    .containsExactlyElementsOf(sorted.subList(0, Math.min(limit, sorted.size())));
        }
    }
}
