package io.jenkins.plugins.devsecops.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummariesAndChartsTest {

    @TempDir
    Path dir;

    static BuildSummary summary(String build, int critical, int high, int added, int fixed) {
        StageCounts secrets = new StageCounts("secrets", new int[] {0, high, 0, 0, 0}, new int[] {0, added, 0, 0, 0},
                new int[] {0, fixed, 0, 0, 0}, 1);
        StageCounts deps = new StageCounts("dependencies", new int[] {critical, 0, 0, 0, 0}, null, null, 0);
        return new BuildSummary(build, Instant.parse("2026-01-01T00:00:00Z"), 1200, PolicyVerdict.PASSED,
                List.of(secrets, deps), 0, fixed, fixed * 3.0, SecurityScore.compute(new int[] {critical, high, 0, 0, 0},
                        0, PolicyVerdict.PASSED), Map.of("devsecops", "0.1.0"), Map.of("dependencies.osv", "2026-01-01"),
                List.of(new GateRow("new-high", added, 1, added > 0 ? PolicyVerdict.FAILED : PolicyVerdict.PASSED)));
    }

    @Test
    void shouldScoreByTheDocumentedFormula() {
        // Given / When / Then: no finding is 100, each finding lowers the score, verdicts cap it
        assertThat(SecurityScore.compute(new int[5], 0, PolicyVerdict.PASSED)).isEqualTo(100);
        assertThat(SecurityScore.compute(new int[] {1, 0, 0, 0, 0}, 0, PolicyVerdict.PASSED)).isEqualTo(90);
        assertThat(SecurityScore.compute(new int[] {0, 1, 0, 0, 0}, 0, PolicyVerdict.PASSED)).isEqualTo(95);
        assertThat(SecurityScore.compute(new int[] {10, 0, 0, 0, 0}, 0, PolicyVerdict.PASSED)).isEqualTo(37);
        assertThat(SecurityScore.compute(new int[] {0, 0, 0, 0, 500}, 0, PolicyVerdict.PASSED)).isEqualTo(100);
        assertThat(SecurityScore.compute(new int[] {0, 1, 0, 0, 0}, 1, PolicyVerdict.PASSED)).isEqualTo(90);
        assertThat(SecurityScore.compute(new int[5], 0, PolicyVerdict.UNSTABLE)).isEqualTo(79);
        assertThat(SecurityScore.compute(new int[5], 0, PolicyVerdict.FAILED)).isEqualTo(49);
        assertThat(SecurityScore.compute(new int[] {100_000, 0, 0, 0, 0}, 0, PolicyVerdict.PASSED)).isZero();
    }

    @Test
    void shouldStoreSummariesAndSkipCorruptLines() throws Exception {
        // Given three stored summaries with a truncated line and garbage between them
        SummaryStore store = new SummaryStore(dir);
        store.append(summary("1", 1, 2, 2, 0));
        Files.writeString(dir.resolve(SummaryStore.FILE_NAME), "{\"build\":\"trunc\n[1,2\n\u0000\u0001\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        store.append(summary("2", 1, 1, 0, 1));
        store.append(summary("3", 0, 1, 0, 0));

        // When loaded
        SummaryStore.Loaded loaded = store.load();

        // Then the good ones come back equal, the bad lines are counted
        assertThat(loaded.summaries()).extracting(BuildSummary::build).containsExactly("1", "2", "3");
        assertThat(loaded.summaries().get(0)).isEqualTo(summary("1", 1, 2, 2, 0));
        assertThat(loaded.skipped()).isEqualTo(3);
        assertThat(SummaryStore.toJson(summary("1", 1, 2, 2, 0))).hasSizeLessThan(600);
    }

    @Test
    void shouldRoundTripASummaryAndRejectHostileLines() throws Exception {
        // Given a summary written as a line
        BuildSummary summary = summary("42", 3, 2, 1, 1);
        String line = SummaryJson.write(summary);

        // When read back / Then it is equal; a newer writer's extra fields are skipped
        assertThat(SummaryJson.read(line)).isEqualTo(summary);
        assertThat(SummaryJson.read(line.replace("{\"build\"", "{\"future\":{\"x\":[1,2]},\"build\"")))
                .isEqualTo(summary);
        // And hostile or broken lines are refused with an IOException, never another exception
        for (String hostile : List.of("{\"build\":\"1\"}", "{\"build\":\"1\",\"time\":\"yesterday\"}",
                "{\"build\":\"1\",\"time\":\"2026-01-01T00:00:00Z\",\"verdict\":\"MAYBE\"}",
                "{\"build\":\"1\",\"time\":\"2026-01-01T00:00:00Z\",\"stages\":[{\"open\":[1]}]}",
                "{\"build\":\"1\",\"time\":\"2026-01-01T00:00:00Z\",\"stages\":{}}",
                "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "[]", "", "{\"build\":\"1\"")) {
            assertThatThrownBy(() -> SummaryJson.read(hostile)).as(hostile.substring(0, Math.min(40, hostile.length())))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void shouldParseInstantsLikeInstantParse() {
        for (String text : List.of("2026-01-31T08:15:30Z", "2026-02-28T23:59:59.5Z", "1970-01-01T00:00:00.000000001Z",
                "2024-02-29T12:00:00.123456789Z", "2026-03-01T08:00:00.120Z", "2026-01-01T24:00:00Z",
                "2026-01-01T00:00:00.Z")) {
            assertThat(SummaryJson.parseInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String bad : List.of("2026-02-30T08:15:30Z", "2026-13-01T00:00:00Z", "2026-0a-01T00:00:00Z",
                "20260101T000000Z", "2026-01-01T00:00:00.1234567890Z")) {
            assertThatThrownBy(() -> SummaryJson.parseInstant(bad)).as(bad).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void shouldBuildEChartsOptionsFromTheSeries() {
        // Given three summaries
        TrendSeries series = TrendSeries.of(List.of(summary("7", 2, 3, 3, 0), summary("8", 1, 3, 1, 1),
                summary("9", 0, 1, 0, 2)), 50);

        // When the chart options are built
        ObjectNode bySeverity = TrendCharts.openBySeverity(series);
        ObjectNode newFixed = TrendCharts.newVersusFixed(series);
        ObjectNode byStage = TrendCharts.openByStage(series);
        ObjectNode score = TrendCharts.score(series);

        // Then they hold ECharts' structure with the series' values
        assertThat(bySeverity.at("/xAxis/data").toString()).isEqualTo("[\"7\",\"8\",\"9\"]");
        JsonNode critical = bySeverity.at("/series/0");
        assertThat(critical.get("name").asText()).isEqualTo("CRITICAL");
        assertThat(critical.get("stack").asText()).isEqualTo("open");
        assertThat(critical.get("data").toString()).isEqualTo("[2,1,0]");
        assertThat(bySeverity.at("/series/1/data").toString()).isEqualTo("[3,3,1]");
        assertThat(bySeverity.at("/series")).hasSize(Severity.values().length);
        assertThat(newFixed.at("/series/0/data").toString()).isEqualTo("[3,1,0]");
        assertThat(newFixed.at("/series/1/data").toString()).isEqualTo("[0,1,2]");
        assertThat(byStage.at("/legend/data").toString()).isEqualTo("[\"dependencies\",\"secrets\"]");
        assertThat(byStage.at("/series/0/data").toString()).isEqualTo("[2,1,0]");
        assertThat(score.at("/yAxis/max").asInt()).isEqualTo(100);
        assertThat(score.at("/series/0/data").get(2).asInt()).isEqualTo(95);
    }

    @Test
    void shouldLimitTheSeriesToTheNewestBuilds() {
        TrendSeries series = TrendSeries.of(List.of(summary("1", 0, 0, 0, 0), summary("2", 0, 0, 0, 0),
                summary("3", 0, 0, 0, 0)), 2);
        assertThat(series.builds()).containsExactly("2", "3");
    }
}
