package io.jenkins.plugins.devsecops.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.model.Severity;
import org.junit.jupiter.api.Test;

class FailOnThresholdTest {

    @Test
    void shouldTripWhenAnActiveFindingIsAtOrAboveTheSeverity() {
        // Given a scan with one CRITICAL, one HIGH, one MEDIUM active finding and a suppressed HIGH one
        ScanSummary summary = ScanSummary.of(ViewFixtures.mixedReport());

        // When thresholds are evaluated
        FailOnThreshold.Evaluation high = FailOnThreshold.parse("high").orElseThrow().evaluate(summary);
        FailOnThreshold.Evaluation info = FailOnThreshold.parse(" INFO ").orElseThrow().evaluate(summary);

        // Then the suppressed finding does not count
        assertThat(high.isTripped()).isTrue();
        assertThat(high.count()).isEqualTo(2);
        assertThat(high.describe()).isEqualTo("2 active findings at HIGH or above (failOn: HIGH)");
        assertThat(info.count()).isEqualTo(3);
    }

    @Test
    void shouldNotTripOnFindingsBelowTheSeverity() {
        // Given a scan with only a MEDIUM secret
        ScanSummary summary = new ScanSummary(java.util.Map.of(Severity.MEDIUM, 1), java.util.Map.of("secrets", 1), 0,
                null);

        // When the threshold is CRITICAL
        FailOnThreshold.Evaluation evaluation = new FailOnThreshold(Severity.CRITICAL).evaluate(summary);

        // Then it does not trip
        assertThat(evaluation.isTripped()).isFalse();
        assertThat(evaluation.describe()).startsWith("0 active findings");
    }

    @Test
    void shouldTreatBlankAsNoThresholdAndRejectUnknownNames() {
        assertThat(FailOnThreshold.parse(null)).isEmpty();
        assertThat(FailOnThreshold.parse("  ")).isEmpty();
        assertThatThrownBy(() -> FailOnThreshold.parse("severe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CRITICAL, HIGH, MEDIUM, LOW, INFO");
    }
}
