package io.jenkins.plugins.devsecops.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateSpecTest {

    @Test
    void shouldMapEveryFieldOntoTheEngineGate() {
        // Given form fields for a gate on new fixable criticals in two stages
        GateSpec spec = new GateSpec(" no-new-fixable ", "critical", "", "CVE-2021-44228, GHSA-x", "dependencies,containers",
                true, false, true, "new", 2, "unstable");

        // When it becomes a gate
        QualityGate gate = spec.toGate();

        // Then each field landed where the engine expects it
        assertThat(gate.id()).isEqualTo("no-new-fixable");
        assertThat(gate.selector()).isEqualTo(new FindingSelector(Severity.CRITICAL, List.of(),
                List.of("cve-2021-44228", "ghsa-x"), List.of("containers", "dependencies"), true, null, true));
        assertThat(gate.scope()).isEqualTo(GateScope.NEW);
        assertThat(gate.threshold()).isEqualTo(2);
        assertThat(gate.action()).isEqualTo(GateAction.UNSTABLE);
    }

    @Test
    void shouldDefaultToTotalFailureOnAnyFinding() {
        QualityGate gate = new GateSpec("any", null, null, null, null, false, false, false, "", 1, null).toGate();

        assertThat(gate.selector()).isEqualTo(FindingSelector.all());
        assertThat(gate.scope()).isEqualTo(GateScope.TOTAL);
        assertThat(gate.action()).isEqualTo(GateAction.FAILURE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''     | HIGH   | TOTAL | 1 | FAILURE | A quality gate needs an id",
        "g      | severe | TOTAL | 1 | FAILURE | Gate 'g': severity",
        "g      | HIGH   | ALL   | 1 | FAILURE | Gate 'g': scope must be one of [NEW, TOTAL, DELTA], was 'ALL'",
        "g      | HIGH   | TOTAL | 0 | FAILURE | Gate 'g': threshold must be at least 1, was 0",
        "g      | HIGH   | TOTAL | 1 | ABORTED | Gate 'g': result must be one of [UNSTABLE, FAILURE], was 'ABORTED'"})
    void shouldRejectInvalidFieldsNamingGateAndField(String id, String severity, String scope, int threshold,
            String result, String message) {
        GateSpec spec = new GateSpec(id, severity, "", "", "", false, false, false, scope, threshold, result);

        assertThatThrownBy(spec::toGate).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
