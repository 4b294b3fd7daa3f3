package io.jenkins.plugins.devsecops.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * Builds ECharts option objects for the trend charts, so that every front end (the dashboard page, the Jenkins
 * plugin) only passes them to {@code echarts.setOption}.
 */
public final class TrendCharts {

    /** Severity colours, CRITICAL to INFO. */
    static final String[] SEVERITY_COLOURS = {"#7b1fa2", "#d32f2f", "#f57c00", "#fbc02d", "#90a4ae"};

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrendCharts() {
    }

    /** Stacked areas of active findings per severity over builds. */
    public static ObjectNode openBySeverity(TrendSeries series) {
        ObjectNode option = base("Open findings by severity", series.builds());
        ArrayNode data = option.putArray("series");
        ArrayNode legend = option.withObject("/legend").putArray("data");
        for (Severity severity : Severity.values()) {
            legend.add(severity.name());
            ObjectNode line = data.addObject().put("name", severity.name()).put("type", "line").put("stack", "open")
                    .put("symbol", "none");
            line.putObject("areaStyle");
            line.putObject("itemStyle").put("color", SEVERITY_COLOURS[severity.ordinal()]);
            values(line, series.openBySeverity().get(severity));
        }
        return option;
    }

    /** Bars of new versus fixed findings per build. */
    public static ObjectNode newVersusFixed(TrendSeries series) {
        ObjectNode option = base("New vs fixed findings", series.builds());
        option.withObject("/legend").putArray("data").add("new").add("fixed");
        ArrayNode data = option.putArray("series");
        ObjectNode added = data.addObject().put("name", "new").put("type", "bar");
        added.putObject("itemStyle").put("color", "#d32f2f");
        values(added, series.added());
        ObjectNode fixed = data.addObject().put("name", "fixed").put("type", "bar");
        fixed.putObject("itemStyle").put("color", "#388e3c");
        values(fixed, series.fixed());
        return option;
    }

    /** Lines of active findings per stage. */
    public static ObjectNode openByStage(TrendSeries series) {
        ObjectNode option = base("Open findings by stage", series.builds());
        ArrayNode legend = option.withObject("/legend").putArray("data");
        ArrayNode data = option.putArray("series");
        for (Map.Entry<String, List<Integer>> stage : series.openByStage().entrySet()) {
            legend.add(stage.getKey());
            values(data.addObject().put("name", stage.getKey()).put("type", "line"), stage.getValue());
        }
        return option;
    }

    /** The security score over builds, on a fixed 0–100 axis. */
    public static ObjectNode score(TrendSeries series) {
        ObjectNode option = base("Security score", series.builds());
        option.withObject("/yAxis").put("min", 0).put("max", 100);
        ObjectNode line = option.putArray("series").addObject().put("name", "score").put("type", "line");
        line.putObject("itemStyle").put("color", "#1976d2");
        values(line, series.score());
        return option;
    }

    private static ObjectNode base(String title, List<String> builds) {
        ObjectNode option = MAPPER.createObjectNode();
        option.put("animation", false);
        option.putObject("title").put("text", title).put("left", "center")
                .putObject("textStyle").put("fontSize", 14);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("bottom", 0);
        option.putObject("grid").put("left", 40).put("right", 20).put("top", 40).put("bottom", 50);
        ArrayNode categories = option.putObject("xAxis").put("type", "category").put("name", "build")
                .putArray("data");
        builds.forEach(categories::add);
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        return option;
    }

    private static void values(ObjectNode series, List<Integer> values) {
        ArrayNode data = series.putArray("data");
        values.forEach(data::add);
    }
}
