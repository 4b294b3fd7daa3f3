package io.jenkins.plugins.devsecops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.TrendCharts;
import io.jenkins.plugins.devsecops.summary.TrendSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendChartBlockTest {

    @TempDir
    Path history;

    /** The options of one build, of three builds with hostile stage names, and of 100 builds. */
    private List<List<BuildSummary>> histories() throws Exception {
        List<BuildSummary> three = DashboardFixtures.threeBuilds(history).summaries();
        List<BuildSummary> many = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            many.add(three.get(i % three.size()));
        }
        return List.of(List.of(three.get(0)), three, many);
    }

    @Test
    void shouldWriteTheChartOptionsAsAnObjectMapperDoes() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (List<BuildSummary> summaries : histories()) {
            TrendSeries series = TrendSeries.of(summaries, TrendChartBlock.TREND_BUILDS);
            List<ObjectNode> options = List.of(TrendCharts.openBySeverity(series), TrendCharts.newVersusFixed(series),
                    TrendCharts.openByStage(series), TrendCharts.score(series));
            String written = TrendChartBlock.json(options);
            assertThat(written).isEqualTo(mapper.writeValueAsString(options)).contains("\"series\"");
            assertThat(mapper.readTree(written)).isEqualTo(mapper.valueToTree(options));
        }
    }

    @Test
    void shouldWriteEveryKindOfNodeAsAnObjectMapperDoes() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("text", "a \"quoted\" </script> \u2028 text \uD83D\uDD11").put("int", -7).put("long", 1L << 40)
                .put("double", 0.1).put("whole", 3.0).put("flag", true).putNull("nothing");
        node.putArray("empty");
        node.putObject("nested").putArray("values").add(1).add(2.5).add("x").addNull().addObject();
        assertThat(TrendChartBlock.json(List.of(node, node.deepCopy())))
                .isEqualTo(mapper.writeValueAsString(List.of(node, node.deepCopy())));
    }
}
