package io.jenkins.plugins.devsecops.jenkins.charts;

import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.Palette;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.jenkins.plugins.devsecops.view.TrendData;
import java.util.List;
import java.util.Map;

/** Open findings by stage over builds: one line per stage. */
public final class StageTrendChart {

    /** The chart model of {@code trend}. */
    public LinesChartModel create(TrendData trend) {
        LinesChartModel model = new LinesChartModel();
        model.setDomainAxisLabels(trend.labels());
        model.setBuildNumbers(trend.buildNumbers());
        int index = 0;
        for (Map.Entry<String, List<Integer>> stage : trend.byStage().entrySet()) {
            model.addSeries(new LineSeries(stage.getKey(), Palette.color(index++).getNormal(),
                    LineSeries.StackedMode.SEPARATE_LINES, LineSeries.FilledMode.LINES,
                    ChartValues.asDoubles(stage.getValue())));
        }
        return model;
    }

    /** The chart model of {@code trend} as JSON. */
    public String toJson(TrendData trend) {
        return new JacksonFacade().toJson(create(trend));
    }
}
