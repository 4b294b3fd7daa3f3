package io.jenkins.plugins.devsecops.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.report.JsonIsland;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.TrendCharts;
import io.jenkins.plugins.devsecops.summary.TrendSeries;
import java.util.List;

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

    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    private static String json(List<ObjectNode> options) {
        try {
            return MAPPER.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chart options could not be written as JSON", e);
        }
    }
}
