package io.jenkins.plugins.devsecops.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.GateAction;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.policy.QualityGate;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailOnThresholdTest {

    private static Assessment assess(QualityGate gate) {
        return Assessor.assess(ViewFixtures.mixedReport(),
                PolicyLayering.merge(List.of(PolicyLayer.step(SecurityPolicy.builder().gate(gate).build()))),
                List.of(), null, new BuildRef("1", Instant.parse("2026-11-23T10:00:00Z")));
    }

    @Test
    void shouldBecomeAGateThatCountsActiveFindingsAtOrAboveTheSeverity() {
        // Given a scan with one CRITICAL, one HIGH, one MEDIUM active finding and a suppressed HIGH one
        QualityGate high = FailOnThreshold.parse("high").orElseThrow().toGate(GateAction.UNSTABLE);

        // When the gate is evaluated by the engine
        Assessment assessment = assess(high);

        // Then the suppressed finding does not count and the gate's action is the verdict
        assertThat(high.id()).isEqualTo("fail-on-high");
        assertThat(assessment.evaluation().gates().get(0).actual()).isEqualTo(2);
        assertThat(assessment.evaluation().verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
    }

    @Test
    void shouldNotTripOnFindingsBelowTheSeverity() {
        QualityGate critical = new FailOnThreshold(Severity.CRITICAL).toGate(GateAction.FAILURE);
        assertThat(assess(critical).evaluation().verdict()).isEqualTo(PolicyVerdict.FAILED);

        Assessment none = Assessor.assess(ViewFixtures.mixedReport().toBuilder().findings(List.of(
                ViewFixtures.secret(".env", 2, Severity.MEDIUM))).build(),
                PolicyLayering.merge(List.of(PolicyLayer.step(SecurityPolicy.builder().gate(critical).build()))),
                List.of(), null, new BuildRef("1", Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(none.evaluation().verdict()).isEqualTo(PolicyVerdict.PASSED);
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
