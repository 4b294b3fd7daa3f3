package io.jenkins.plugins.devsecops.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTextTest {

    @Test
    void shouldNameNonZeroSeveritiesSuppressionsAndIncompleteStages() {
        // Given the summary of a scan with a timed-out stage
        ScanSummary summary = ScanSummary.of(ViewFixtures.mixedReport());

        // When it is written as text
        String text = SummaryText.of(summary);

        // Then it reads as one line without any finding text
        assertThat(text).isEqualTo("3 active findings (CRITICAL 1, HIGH 1, MEDIUM 1) in 3 stages; 1 suppressed; "
                + "stage 'iac' did not complete");
        assertThat(text).doesNotContain("wJal", "AWS_SECRET");
    }

    @Test
    void shouldUseTheSingularForOneFindingAndOneStage() {
        ScanSummary summary = new ScanSummary(Map.of(io.jenkins.plugins.devsecops.model.Severity.LOW, 1),
                Map.of("secrets", 1), 0, null);

        assertThat(SummaryText.of(summary)).isEqualTo("1 active finding (LOW 1) in 1 stage");
        assertThat(SummaryText.of(ScanSummary.empty())).isEqualTo("0 active findings in 0 stages");
    }
}
