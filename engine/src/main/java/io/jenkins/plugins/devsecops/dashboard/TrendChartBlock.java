package io.jenkins.plugins.devsecops.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.report.JsonGenerators;
import io.jenkins.plugins.devsecops.report.JsonIsland;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.TrendCharts;
import io.jenkins.plugins.devsecops.summary.TrendSeries;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The trend charts of a page: the chart containers and the ECharts options as an escaped JSON island (markup), and
 * the inline scripts that draw them (the ECharts library, then the code that initialises each chart). Both pages
 * render it the same way and allow the scripts by hash in their Content-Security-Policy.
 *
 * @param html the markup: a note when there is no history, else the containers and the options island
 * @param scripts the scripts to inline after the markup, in order; empty when there is nothing to draw
 */
record TrendChartBlock(String html, List<String> scripts) {

    /** Builds shown in the trend charts. */
    static final int TREND_BUILDS = 100;
    /** The id of the JSON island with the chart options; the containers are {@code trend-chart-<i>}. */
    static final String OPTIONS_ID = "trend-chart-options";
    /** Draws each chart of the options island and resizes them with the window; nothing without the library. */
    static final String INIT_SCRIPT = "(function(){var island=document.getElementById('" + OPTIONS_ID + "');"
            + "if(!island||typeof echarts==='undefined'){return;}"
            + "var charts=[];JSON.parse(island.textContent).forEach(function(option,i){"
            + "var el=document.getElementById('trend-chart-'+i);"
            + "if(el){var chart=echarts.init(el);chart.setOption(option);charts.push(chart);}});"
            + "window.addEventListener('resize',function(){charts.forEach(function(c){c.resize();});});}());";

    TrendChartBlock {
        scripts = List.copyOf(scripts);
    }

    /** The charts of {@code summaries} (oldest first): open by severity, new vs fixed, open by stage, score. */
    static TrendChartBlock of(List<BuildSummary> summaries) {
        if (summaries.isEmpty()) {
            return new TrendChartBlock(
                    "<p class=\"muted\">No build history yet: trends appear from the first stored summary on.</p>",
                    List.of());
        }
        TrendSeries series = TrendSeries.of(summaries, TREND_BUILDS);
        List<ObjectNode> options = List.of(TrendCharts.openBySeverity(series), TrendCharts.newVersusFixed(series),
                TrendCharts.openByStage(series), TrendCharts.score(series));
        StringBuilder html = new StringBuilder("<div class=\"charts\">");
        for (int i = 0; i < options.size(); i++) {
            html.append("<div class=\"chart\" id=\"trend-chart-").append(i).append("\"></div>");
        }
        html.append("</div><script type=\"application/json\" id=\"").append(OPTIONS_ID).append("\">")
                .append(JsonIsland.escape(json(options))).append("</script>");
        String library = EChartsLibrary.script();
        if (library == null) {
            html.append("<p class=\"muted\">The ECharts library is missing from the class path: charts are not ")
                    .append("drawn.</p>");
            return new TrendChartBlock(html.toString(), List.of());
        }
        return new TrendChartBlock(html.toString(), List.of(library, INIT_SCRIPT));
    }

    /**
     * The options as a compact JSON array, each tree walked onto a plain generator: the bytes an {@code ObjectMapper}
     * gives for the list, without building one ({@code TrendChartBlockTest}).
     */
    static String json(List<ObjectNode> options) {
        StringWriter text = new StringWriter(1 << 12);
        try (JsonGenerator generator = JsonGenerators.compact(text)) {
            generator.writeStartArray();
            for (ObjectNode option : options) {
                write(generator, option);
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Chart options could not be written as JSON", e);
        }
        return text.toString();
    }

    /** The nodes the charts are made of, as a mapper writes them; any other kind as its own {@code toString}. */
    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    write(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            case NUMBER -> {
                if (node instanceof IntNode) {
                    out.writeNumber(node.intValue());
                } else if (node instanceof LongNode) {
                    out.writeNumber(node.longValue());
                } else if (node instanceof DoubleNode) {
                    out.writeNumber(node.doubleValue());
                } else {
                    out.writeRawValue(node.toString());
                }
            }
            default -> out.writeRawValue(node.toString());
        }
    }
}
