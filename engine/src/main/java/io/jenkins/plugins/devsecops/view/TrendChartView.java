package io.jenkins.plugins.devsecops.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.summary.TrendCharts;
import io.jenkins.plugins.devsecops.summary.TrendSeries;
import java.util.List;

/**
 * One trend chart of a scan on the job page: the element id, the caption above it (the chart's only title) and the
 * engine's ECharts option, without a title of its own, as JSON for a {@code data-*} attribute.
 *
 * @param elementId the id of the chart's element, unique on the page per scan id
 * @param caption the chart's title, shown once, e.g. {@code DevSecOps Scan: open findings by severity}
 * @param optionJson the ECharts option
 */
public record TrendChartView(String elementId, String caption, String optionJson) {

    /** The job page's charts of scan {@code scanId} named {@code scanName}: by severity, new vs fixed, by stage. */
    public static List<TrendChartView> of(String scanId, String scanName, TrendSeries series) {
        return List.of(
                chart("devsecops-severity-trend-" + scanId, scanName + ": open findings by severity",
                        TrendCharts.openBySeverity(series)),
                chart("devsecops-new-fixed-trend-" + scanId, scanName + ": new vs fixed findings",
                        TrendCharts.newVersusFixed(series)),
                chart("devsecops-stage-trend-" + scanId, scanName + ": open findings by stage",
                        TrendCharts.openByStage(series)));
    }

    private static TrendChartView chart(String id, String caption, ObjectNode option) {
        option.remove("title");
        option.withObject("/grid").put("top", 10);
        return new TrendChartView(id, caption, option.toString());
    }
}
