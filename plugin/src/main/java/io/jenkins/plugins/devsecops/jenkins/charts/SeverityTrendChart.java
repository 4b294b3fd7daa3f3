package io.jenkins.plugins.devsecops.jenkins.charts;

import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.view.TrendData;
import java.util.List;
import java.util.Map;

/** Open findings by severity over builds: one stacked area per severity, most severe on top. */
public final class SeverityTrendChart {

    private static final Map<Severity, String> COLORS = Map.of(
            Severity.CRITICAL, "#7f1d1d",
            Severity.HIGH, "#dc2626",
            Severity.MEDIUM, "#f59e0b",
            Severity.LOW, "#3b82f6",
            Severity.INFO, "#9ca3af");

    /** The chart model of {@code trend}. */
    public LinesChartModel create(TrendData trend) {
        LinesChartModel model = new LinesChartModel();
        model.setDomainAxisLabels(trend.labels());
        model.setBuildNumbers(trend.buildNumbers());
        List<Severity> order = List.of(Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);
        for (Severity severity : order) {
            model.addSeries(new LineSeries(severity.name(), COLORS.get(severity), LineSeries.StackedMode.STACKED,
                    LineSeries.FilledMode.FILLED, ChartValues.asDoubles(trend.bySeverity().get(severity))));
        }
        return model;
    }

    /** The chart model of {@code trend} as JSON. */
    public String toJson(TrendData trend) {
        return new JacksonFacade().toJson(create(trend));
    }
}
