package io.jenkins.plugins.devsecops.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTextTest {

    @Test
    void shouldNameNonZeroSeveritiesNewFixedSuppressionsAndVerdict() {
        // Given the engine's summary of a first scan (no reference: every active finding is new)
        BuildSummary summary = Assessor.assess(ViewFixtures.mixedReport(), PolicyLayering.merge(List.of()), List.of(),
                null, new BuildRef("1", Instant.parse("2026-11-23T10:00:00Z"))).summary();

        // When it is written as text
        String text = SummaryText.of(summary);

        // Then it reads as one line without any finding text
        assertThat(text).isEqualTo("3 active findings (CRITICAL 1, HIGH 1, MEDIUM 1) in 3 stages; 3 new, 0 fixed; "
                + "1 suppressed; policy PASSED");
        assertThat(text).doesNotContain("wJal", "AWS_SECRET");
    }

    @Test
    void shouldUseTheSingularForOneFindingAndOneStage() {
        BuildSummary summary = Assessor.assess(ViewFixtures.mixedReport().toBuilder()
                        .findings(List.of(ViewFixtures.secret(".env", 2, Severity.LOW))).build(),
                PolicyLayering.merge(List.of()), List.of(), null,
                new BuildRef("1", Instant.parse("2026-11-23T10:00:00Z"))).summary();

        assertThat(SummaryText.of(summary)).startsWith("1 active finding (LOW 1) in ");
    }
}
