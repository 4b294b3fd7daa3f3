package io.jenkins.plugins.devsecops.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.model.Severity;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The trend charts of a history with one build (bars of the current values, "one build so far", never an empty area
 * or a lone dot), the axis name placed where it is not clipped, and one severity palette for charts and badges.
 */
class TrendChartsOneBuildTest {

    @Test
    void shouldDrawTheCurrentValuesOfASingleBuildAsBars() {
        TrendSeries one = TrendSeries.of(List.of(SummariesAndChartsTest.summary("1", 2, 3, 5, 0)), 100);

        for (ObjectNode chart : List.of(TrendCharts.openBySeverity(one), TrendCharts.openByStage(one),
                TrendCharts.score(one), TrendCharts.newVersusFixed(one))) {
            assertThat(chart.at("/title/subtext").asText()).isEqualTo(TrendCharts.ONE_BUILD);
            chart.withArray("/series").forEach(series -> assertThat(series.get("type").asText()).isEqualTo("bar"));
        }
        assertThat(TrendCharts.openBySeverity(one).at("/series/0/data").toString()).isEqualTo("[2]");
        assertThat(TrendCharts.score(one).at("/series/0/label/show").asBoolean()).isTrue();

        // With two builds the trends are lines again, without the subtitle
        TrendSeries two = TrendSeries.of(List.of(SummariesAndChartsTest.summary("1", 2, 3, 5, 0),
                SummariesAndChartsTest.summary("2", 1, 3, 0, 1)), 100);
        ObjectNode severity = TrendCharts.openBySeverity(two);
        assertThat(severity.at("/series/0/type").asText()).isEqualTo("line");
        assertThat(severity.at("/title/subtext").isMissingNode()).isTrue();
        assertThat(TrendCharts.score(two).at("/series/0/type").asText()).isEqualTo("line");
    }

    @Test
    void shouldCentreTheAxisNameUnderTheAxis() {
        ObjectNode chart = TrendCharts.newVersusFixed(TrendSeries.of(List.of(SummariesAndChartsTest.summary("1", 0,
                0, 0, 0)), 100));

        // At the axis' end the name is cut by the grid's right edge ("b"); in the middle, below the labels, it is not
        assertThat(chart.at("/xAxis/name").asText()).isEqualTo("build");
        assertThat(chart.at("/xAxis/nameLocation").asText()).isEqualTo("middle");
        assertThat(chart.at("/grid/bottom").asInt()).isGreaterThan(chart.at("/xAxis/nameGap").asInt() + 20);
    }

    @Test
    void shouldUseOnePaletteInChartsAndInTheReportsBadges() throws Exception {
        ObjectNode chart = TrendCharts.openBySeverity(TrendSeries.of(List.of(SummariesAndChartsTest.summary("1", 1,
                1, 0, 0)), 100));
        String css;
        try (InputStream in = getClass().getResourceAsStream("/io/jenkins/plugins/devsecops/report/html/report.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Severity severity : Severity.values()) {
            Matcher variable = Pattern.compile("--" + severity.name().toLowerCase(java.util.Locale.ROOT)
                    + ": (#[0-9a-f]{6})").matcher(css);
            assertThat(variable.find()).as(severity.name()).isTrue();
            assertThat(variable.group(1)).as(severity + " in report.css").isEqualTo(SeverityPalette.colour(severity));
            assertThat(chart.at("/series/" + severity.ordinal() + "/itemStyle/color").asText())
                    .isEqualTo(SeverityPalette.colour(severity));
        }
    }
}
