package io.jenkins.plugins.devsecops.summary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * Builds ECharts option objects for the trend charts, so that every front end (the dashboard page, the Jenkins
 * plugin) only passes them to {@code echarts.setOption}.
 */
public final class TrendCharts {

    /** The subtitle of every chart while the history holds a single build. */
    public static final String ONE_BUILD = "one build so far";


    private TrendCharts() {
    }

    /**
     * Stacked areas of active findings per severity over builds; with a single build, stacked bars of its current
     * values (an area of one point draws nothing).
     */
    public static ObjectNode openBySeverity(TrendSeries series) {
        ObjectNode option = base("Open findings by severity", series.builds());
        boolean single = series.builds().size() == 1;
        ArrayNode data = option.putArray("series");
        ArrayNode legend = option.withObject("/legend").putArray("data");
        for (Severity severity : Severity.values()) {
            legend.add(severity.name());
            ObjectNode line = data.addObject().put("name", severity.name()).put("stack", "open");
            if (single) {
                line.put("type", "bar").put("barMaxWidth", 80);
            } else {
                line.put("type", "line").put("symbol", "none");
                line.putObject("areaStyle");
            }
            line.putObject("itemStyle").put("color", SeverityPalette.colour(severity));
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
        boolean single = series.builds().size() == 1;
        for (Map.Entry<String, List<Integer>> stage : series.openByStage().entrySet()) {
            legend.add(stage.getKey());
            ObjectNode line = data.addObject().put("name", stage.getKey()).put("type", single ? "bar" : "line");
            if (single) {
                line.put("barMaxWidth", 80);
            }
            values(line, stage.getValue());
        }
        return option;
    }

    /** The security score over builds, on a fixed 0–100 axis. */
    public static ObjectNode score(TrendSeries series) {
        ObjectNode option = base("Security score", series.builds());
        option.withObject("/yAxis").put("min", 0).put("max", 100);
        boolean single = series.builds().size() == 1;
        ObjectNode line = option.putArray("series").addObject().put("name", "score")
                .put("type", single ? "bar" : "line");
        if (single) {
            // One point of a line is a lone dot: a bar with its value says more.
            line.put("barMaxWidth", 80).putObject("label").put("show", true).put("position", "top");
        }
        line.putObject("itemStyle").put("color", "#1976d2");
        values(line, series.score());
        return option;
    }

    private static ObjectNode base(String title, List<String> builds) {
        ObjectNode option = JsonNodeFactory.instance.objectNode();
        option.put("animation", false);
        ObjectNode heading = option.putObject("title").put("text", title).put("left", "center");
        heading.putObject("textStyle").put("fontSize", 14);
        boolean single = builds.size() == 1;
        if (single) {
            heading.put("subtext", ONE_BUILD);
        }
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("bottom", 0);
        // Room for the subtitle on top, and below for the axis labels, the axis name and the legend.
        option.putObject("grid").put("left", 48).put("right", 24).put("top", single ? 56 : 40).put("bottom", 72);
        ArrayNode categories = option.putObject("xAxis").put("type", "category").put("name", "build")
                .put("nameLocation", "middle").put("nameGap", 26).putArray("data");
        builds.forEach(categories::add);
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        return option;
    }

    private static void values(ObjectNode series, List<Integer> values) {
        ArrayNode data = series.putArray("data");
        values.forEach(data::add);
    }
}
