package io.jenkins.plugins.devsecops.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.GateSpec;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.TrendSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The texts the Jenkins findings page and job page show, built by the engine so the pages only print them. */
class PluginPageViewsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Finding openSsh(int line) {
        return Finding.builder().ruleId("aws-sg-open-ssh").stage("iac").severity(Severity.HIGH)
                .title("Security group allows SSH from the internet")
                .location(Location.ofLine("infra/main.tf", line)).build();
    }

    private static Assessment assess(Report report, SecurityPolicy policy) {
        LayeredPolicy layered = PolicyLayering.merge(List.of(PolicyLayer.global(policy)));
        return Assessor.assess(report, layered, List.of(), null, new BuildRef("1", NOW));
    }

    @Test
    void shouldListTrippingFindingsWithSpacesUnderTrippedByAndPassingOnesUnderCounted() {
        // Given an IaC finding, the mixed report's findings, a gate that trips and one that passes with findings
        Report report = ViewFixtures.mixedReport().toBuilder().finding(openSsh(7)).build();
        SecurityPolicy policy = SecurityPolicy.builder()
                .gate(new GateSpec("no-iac-high", "HIGH", "", "", "iac", false, false, false, "TOTAL", 1, "FAILURE")
                        .toGate())
                .gate(new GateSpec("few-secrets", "", "", "", "", false, true, false, "TOTAL", 10, "UNSTABLE")
                        .toGate())
                .gate(new GateSpec("no-low", "LOW", "generic-api-key", "", "", false, false, false, "TOTAL", 50, "UNSTABLE")
                        .toGate())
                .build();

        // When the gate table is built
        List<GateRowView> rows = GateRowView.of(assess(report, policy).evaluation());

        // Then the tripped gate names its finding as one spaced line, the passing one says "Counted"
        assertThat(rows).extracting(GateRowView::gate).containsExactly("no-iac-high", "few-secrets", "no-low");
        GateRowView tripped = rows.get(0);
        assertThat(tripped.result()).isEqualTo("FAILED");
        assertThat(tripped.resultClass()).isEqualTo("failed");
        assertThat(tripped.findingsHeading()).isEqualTo("Tripped by");
        assertThat(tripped.findings()).containsExactly("HIGH aws-sg-open-ssh at infra/main.tf:7");
        assertThat(tripped.actual()).isEqualTo("1");
        assertThat(tripped.threshold()).isEqualTo("1");
        GateRowView counted = rows.get(1);
        assertThat(counted.result()).isEqualTo("PASSED");
        assertThat(counted.findingsHeading()).isEqualTo("Counted");
        assertThat(counted.findings()).containsExactly("HIGH aws-secret-access-key at .env:2",
                "MEDIUM aws-secret-access-key at config/prod.properties:7");
        assertThat(rows.get(2).findingsHeading()).isEmpty();
        assertThat(rows.get(2).findings()).isEmpty();
    }

    @Test
    void shouldSayHowManyMoreFindingsTrippedAGateThanAreListed() {
        // Given eight open SSH rules and a gate on them
        Report.Builder builder = ViewFixtures.mixedReport().toBuilder();
        for (int line = 1; line <= 8; line++) {
            builder.finding(openSsh(line * 10));
        }
        SecurityPolicy policy = SecurityPolicy.builder().gate(new GateSpec("no-iac", "", "aws-sg-open-ssh", "", "",
                false, false, false, "TOTAL", 1, "UNSTABLE").toGate()).build();

        // When its row is built
        GateRowView row = GateRowView.of(assess(builder.build(), policy).evaluation()).get(0);

        // Then five are listed and the rest counted
        assertThat(row.findings()).hasSize(GateRowView.LISTED).first()
                .isEqualTo("HIGH aws-sg-open-ssh at infra/main.tf:10");
        assertThat(row.more()).isEqualTo("… and 3 more");
    }

    @Test
    void shouldNameThePackageOfADependencyFindingWithoutAFile() {
        assertThat(FindingLine.of(ViewFixtures.log4j()))
                .isEqualTo("CRITICAL GHSA-jfh8-c2jp-5v3q in log4j-core@2.14.1");
        assertThat(FindingLine.of(openSsh(7))).isEqualTo("HIGH aws-sg-open-ssh at infra/main.tf:7");
    }

    @Test
    void shouldShowRequiredStagesAsRows() {
        SecurityPolicy policy = SecurityPolicy.builder().requiredStage("iac").build();

        List<GateRowView> rows = GateRowView.of(assess(ViewFixtures.mixedReport(), policy).evaluation());

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.gate()).isEqualTo("stage iac");
            assertThat(row.actual()).isEqualTo("TIMED_OUT");
            assertThat(row.result()).isEqualTo("FAILED");
            assertThat(row.findingsHeading()).isEmpty();
        });
    }

    @Test
    void shouldFallBackToTheSummarysGateRowsWithoutFindings() {
        Assessment assessment = assess(ViewFixtures.mixedReport(), SecurityPolicy.builder().failOn(Severity.HIGH)
                .build());

        List<GateRowView> rows = assessment.summary().gates().stream().map(GateRowView::of).toList();

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.gate()).isEqualTo("fail-on-high");
            assertThat(row.result()).isEqualTo("FAILED");
            assertThat(row.actual()).isEqualTo("2");
            assertThat(row.findingsHeading()).isEmpty();
            assertThat(row.findings()).isEmpty();
        });
    }

    @Test
    void shouldShowTheAgeWithTheBuildThatFirstSawTheFinding() {
        // Given a report assessed as build 1: every finding is first seen in #1
        Assessment assessment = assess(ViewFixtures.mixedReport(), SecurityPolicy.builder().build());

        // When its rows are built
        FindingsTable table = FindingsTable.of(assessment.report(), FindingsFilter.all());

        // Then the age column reads "0 (since #1)"; without a first sighting it is the bare number
        assertThat(table.rows()).extracting(FindingRow::age).containsOnly("0 (since #1)");
        assertThat(FindingRow.of(openSsh(7), NOW).age()).isEqualTo("0");
    }

    @Test
    void shouldGiveEachTrendChartOneTitleTheCaption() throws Exception {
        // Given two builds' summaries
        List<BuildSummary> summaries = new ArrayList<>();
        summaries.add(assess(ViewFixtures.mixedReport(), SecurityPolicy.builder().build()).summary());
        summaries.add(Assessor.assess(ViewFixtures.mixedReport(), PolicyLayering.merge(List.of()), List.of(), null,
                new BuildRef("2", NOW.plusSeconds(60))).summary());

        // When the job page's charts are built
        List<TrendChartView> charts = TrendChartView.of("devsecops", "DevSecOps Scan", TrendSeries.of(summaries, 50));

        // Then each has its caption and an ECharts option without a title of its own
        assertThat(charts).extracting(TrendChartView::elementId).containsExactly("devsecops-severity-trend-devsecops",
                "devsecops-new-fixed-trend-devsecops", "devsecops-stage-trend-devsecops");
        assertThat(charts).extracting(TrendChartView::caption).containsExactly(
                "DevSecOps Scan: open findings by severity", "DevSecOps Scan: new vs fixed findings",
                "DevSecOps Scan: open findings by stage");
        ObjectMapper mapper = new ObjectMapper();
        for (TrendChartView chart : charts) {
            JsonNode option = mapper.readTree(chart.optionJson());
            assertThat(option.has("title")).as(chart.elementId()).isFalse();
            assertThat(option.at("/xAxis/data").toString()).isEqualTo("[\"1\",\"2\"]");
            assertThat(option.at("/series").size()).isPositive();
        }
    }
}
