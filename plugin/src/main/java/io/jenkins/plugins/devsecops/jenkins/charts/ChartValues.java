package io.jenkins.plugins.devsecops.jenkins.charts;

import java.util.List;

/** Converts engine counts to the values ECharts series take. */
final class ChartValues {

    private ChartValues() {
    }

    static List<Double> asDoubles(List<Integer> counts) {
        return counts.stream().map(Integer::doubleValue).toList();
    }
}
