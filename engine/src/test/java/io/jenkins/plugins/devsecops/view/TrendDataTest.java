package io.jenkins.plugins.devsecops.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendDataTest {

    private static ScanSummary summary(int critical, int high, Map<String, Integer> stages) {
        return new ScanSummary(Map.of(Severity.CRITICAL, critical, Severity.HIGH, high), stages, 0, null);
    }

    @Test
    void shouldOrderBuildsOldestFirstAndFillMissingStagesWithZero() {
        // Given summaries of builds 3, 1 and 2, newest first as the job iterates them; build 2 did not run 'iac'
        List<TrendPoint> points = List.of(
                TrendPoint.of(3, summary(0, 1, Map.of("secrets", 1, "iac", 0))),
                TrendPoint.of(1, summary(2, 3, Map.of("secrets", 4, "iac", 1))),
                TrendPoint.of(2, summary(1, 1, Map.of("secrets", 2))));

        // When the trend is built
        TrendData trend = TrendData.of(points, 50);

        // Then series run oldest to newest
        assertThat(trend.buildNumbers()).containsExactly(1, 2, 3);
        assertThat(trend.labels()).containsExactly("#1", "#2", "#3");
        assertThat(trend.bySeverity().get(Severity.CRITICAL)).containsExactly(2, 1, 0);
        assertThat(trend.bySeverity().get(Severity.HIGH)).containsExactly(3, 1, 1);
        assertThat(trend.bySeverity().get(Severity.LOW)).containsExactly(0, 0, 0);
        assertThat(trend.bySeverity().keySet()).containsExactly(Severity.values());
        assertThat(trend.byStage().keySet()).containsExactly("iac", "secrets");
        assertThat(trend.byStage().get("iac")).containsExactly(1, 0, 0);
        assertThat(trend.byStage().get("secrets")).containsExactly(4, 2, 1);
        assertThat(trend.isTooShort()).isFalse();
    }

    @Test
    void shouldKeepOnlyTheNewestBuildsAndOnePointPerBuild() {
        // Given 1,000 builds' summaries and a duplicate of build 1000
        List<TrendPoint> points = new ArrayList<>();
        for (int build = 1000; build >= 1; build--) {
            points.add(TrendPoint.of(build, summary(build % 3, 0, Map.of("secrets", build % 3))));
        }
        points.add(TrendPoint.of(1000, summary(99, 99, Map.of())));

        // When at most 50 builds are charted
        TrendData trend = TrendData.of(points, 50);

        // Then the 50 newest remain and the first point given for a build wins
        assertThat(trend.buildNumbers()).hasSize(50).startsWith(951).endsWith(1000);
        assertThat(trend.bySeverity().get(Severity.CRITICAL).get(49)).isEqualTo(1000 % 3);
    }

    @Test
    void shouldReportTooShortTrendsAndRejectANonPositiveLimit() {
        assertThat(TrendData.of(List.of(), 10).isTooShort()).isTrue();
        assertThat(TrendData.of(List.of(TrendPoint.of(1, ScanSummary.empty())), 10).isTooShort()).isTrue();
        assertThatThrownBy(() -> TrendData.of(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
