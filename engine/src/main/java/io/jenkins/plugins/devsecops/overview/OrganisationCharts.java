package io.jenkins.plugins.devsecops.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.summary.SeverityPalette;
import io.jenkins.plugins.devsecops.summary.TrendCharts;
import io.jenkins.plugins.devsecops.summary.TrendSeries;
import io.jenkins.plugins.devsecops.view.TrendChartView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ECharts options of the overview's organisation trends; the page only hands each to {@code echarts.setOption}
 * (same adjunct as the job page's trend charts).
 */
public final class OrganisationCharts {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OrganisationCharts() {
    }

    /** The four charts of {@code trends}. */
    public static List<TrendChartView> of(OrganisationTrends trends) {
        List<Integer> zeros = new ArrayList<>();
        trends.weeks().forEach(w -> zeros.add(0));
        TrendSeries weekly = new TrendSeries(trends.weeks(), trends.openBySeverity(), trends.added(), trends.fixed(),
                Map.of(), zeros);
        return List.of(
                chart("devsecops-org-severity", "Open findings by severity (end of each week)",
                        weekAxis(TrendCharts.openBySeverity(weekly))),
                chart("devsecops-org-new-fixed", "New vs fixed findings per week",
                        weekAxis(TrendCharts.newVersusFixed(weekly))),
                chart("devsecops-org-sla", "SLA compliance: active findings within their SLA (%)",
                        slaCompliance(trends)),
                chart("devsecops-org-mttr", "Mean time to remediate by severity (days)", mttr(trends)));
    }

    private static ObjectNode weekAxis(ObjectNode option) {
        option.withObject("/xAxis").put("name", "week");
        return option;
    }

    static ObjectNode slaCompliance(OrganisationTrends trends) {
        ObjectNode option = base();
        ArrayNode categories = option.putObject("xAxis").put("type", "category").put("name", "week")
                .put("nameLocation", "middle").put("nameGap", 26).putArray("data");
        trends.weeks().forEach(categories::add);
        option.putObject("yAxis").put("type", "value").put("min", 0).put("max", 100);
        ObjectNode line = option.putArray("series").addObject().put("name", "within SLA %").put("type", "line")
                .put("connectNulls", true);
        line.putObject("itemStyle").put("color", "#388e3c");
        ArrayNode data = line.putArray("data");
        for (Double value : trends.slaCompliance()) {
            if (value == null) {
                data.addNull();
            } else {
                data.add(Math.round(value * 10) / 10.0);
            }
        }
        return option;
    }

    static ObjectNode mttr(OrganisationTrends trends) {
        ObjectNode option = base();
        ArrayNode categories = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value").put("name", "days");
        ObjectNode bars = option.putArray("series").addObject().put("name", "MTTR (days)").put("type", "bar")
                .put("barMaxWidth", 60);
        bars.putObject("label").put("show", true).put("position", "top");
        ArrayNode data = bars.putArray("data");
        for (Severity severity : Severity.values()) {
            categories.add(severity.name());
            Double days = trends.mttrBySeverity().get(severity);
            ObjectNode point = data.addObject();
            if (days == null) {
                point.putNull("value");
            } else {
                point.put("value", Math.round(days * 10) / 10.0);
            }
            point.putObject("itemStyle").put("color", SeverityPalette.colour(severity));
        }
        return option;
    }

    private static ObjectNode base() {
        ObjectNode option = MAPPER.createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 48).put("right", 24).put("top", 10).put("bottom", 48);
        return option;
    }

    private static TrendChartView chart(String id, String caption, ObjectNode option) {
        option.remove("title");
        option.withObject("/grid").put("top", 10);
        return new TrendChartView(id, caption, option.toString());
    }
}
