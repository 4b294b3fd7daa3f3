package io.jenkins.plugins.devsecops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyLayeringTest {

    private static final QualityGate GLOBAL_HIGH = QualityGate.of("high", FindingSelector.atLeast(Severity.HIGH),
            GateScope.NEW, 5, GateAction.UNSTABLE);

    private static final SecurityPolicy GLOBAL = SecurityPolicy.builder().gate(GLOBAL_HIGH).requiredStage("secrets")
            .sla(Severity.HIGH, 30).maxSuppressionAgeDays(90).justificationRequired(true).build();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("lower threshold is kept",
                        SecurityPolicy.builder().gate(GLOBAL_HIGH.withThreshold(1)).build(), null,
                        (Consumer<SecurityPolicy>) p -> assertThat(p.gate("high").orElseThrow().threshold()).isEqualTo(1)),
                Arguments.of("higher threshold is ignored",
                        SecurityPolicy.builder().gate(GLOBAL_HIGH.withThreshold(9)).build(),
                        "tried to raise the threshold from 5 to 9 (gates.high)",
                        (Consumer<SecurityPolicy>) p -> assertThat(p.gate("high").orElseThrow().threshold()).isEqualTo(5)),
                Arguments.of("raising the result to FAILURE is kept",
                        SecurityPolicy.builder().gate(GLOBAL_HIGH.withAction(GateAction.FAILURE)).build(), null,
                        (Consumer<SecurityPolicy>) p -> assertThat(p.gate("high").orElseThrow().action())
                                .isEqualTo(GateAction.FAILURE)),
                Arguments.of("disabling an inherited gate is ignored",
                        SecurityPolicy.builder().gate(new QualityGate("high", GLOBAL_HIGH.selector(), GateScope.NEW, 5,
                                GateAction.UNSTABLE, false)).build(),
                        "tried to disable the gate (gates.high)",
                        (Consumer<SecurityPolicy>) p -> assertThat(p.gate("high")).contains(GLOBAL_HIGH)),
                Arguments.of("changing the selector is ignored",
                        SecurityPolicy.builder().gate(QualityGate.of("high", FindingSelector.atLeast(Severity.CRITICAL),
                                GateScope.NEW, 5, GateAction.UNSTABLE)).build(),
                        "tried to change the gate's selector",
                        (Consumer<SecurityPolicy>) p -> assertThat(p.gate("high")).contains(GLOBAL_HIGH)),
                Arguments.of("changing the scope is ignored",
                        SecurityPolicy.builder().gate(QualityGate.of("high", GLOBAL_HIGH.selector(), GateScope.DELTA, 5,
                                GateAction.UNSTABLE)).build(),
                        "tried to change the gate's scope from NEW to DELTA",
                        (Consumer<SecurityPolicy>) p -> assertThat(p.gate("high")).contains(GLOBAL_HIGH)),
                Arguments.of("a new gate is added",
                        SecurityPolicy.builder().failOn(Severity.CRITICAL).build(), null,
                        (Consumer<SecurityPolicy>) p -> assertThat(p.gates()).extracting(QualityGate::id)
                                .containsExactly("high", "fail-on-critical")),
                Arguments.of("required stages add up",
                        SecurityPolicy.builder().requiredStage("dependencies").build(), null,
                        (Consumer<SecurityPolicy>) p -> assertThat(p.requiredStages())
                                .containsExactly("dependencies", "secrets")),
                Arguments.of("shorter SLA is kept",
                        SecurityPolicy.builder().sla(Severity.HIGH, 7).sla(Severity.LOW, 180).build(), null,
                        (Consumer<SecurityPolicy>) p -> {
                            assertThat(p.sla(Severity.HIGH)).contains(7);
                            assertThat(p.sla(Severity.LOW)).contains(180);
                        }),
                Arguments.of("longer SLA is ignored",
                        SecurityPolicy.builder().sla(Severity.HIGH, 60).build(),
                        "tried to raise the SLA from 30 to 60 days (sla.HIGH)",
                        (Consumer<SecurityPolicy>) p -> assertThat(p.sla(Severity.HIGH)).contains(30)),
                Arguments.of("shorter suppression age is kept",
                        SecurityPolicy.builder().maxSuppressionAgeDays(30).build(), null,
                        (Consumer<SecurityPolicy>) p -> assertThat(p.suppressionRules().maxAgeDays()).isEqualTo(30)),
                Arguments.of("longer suppression age is ignored",
                        SecurityPolicy.builder().maxSuppressionAgeDays(365).build(),
                        "tried to raise the maximum suppression age from 90 to 365 days (suppressions.maxAgeDays)",
                        (Consumer<SecurityPolicy>) p -> assertThat(p.suppressionRules().maxAgeDays()).isEqualTo(90)),
                Arguments.of("dropping the justification requirement is ignored",
                        SecurityPolicy.builder().justificationRequired(false).build(),
                        "tried to stop requiring a justification",
                        (Consumer<SecurityPolicy>) p -> assertThat(p.suppressionRules().requiresJustification()).isTrue()),
                Arguments.of("an empty layer changes nothing",
                        SecurityPolicy.empty(), null,
                        (Consumer<SecurityPolicy>) p -> assertThat(p).isEqualTo(GLOBAL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldOnlyTightenBelowTheGlobalLayer(String name, SecurityPolicy repository, String expectedWarning,
            Consumer<SecurityPolicy> expectation) {
        // Given the global layer and a repository layer
        List<PolicyLayer> layers = List.of(new PolicyLayer("global", GLOBAL),
                new PolicyLayer("repository (devsecops-policy.yaml)", repository));

        // When they are stacked
        LayeredPolicy merged = PolicyLayering.merge(layers);

        // Then the repository layer tightened or was refused with a warning naming layer and rule
        expectation.accept(merged.policy());
        if (expectedWarning == null) {
            assertThat(merged.warnings()).isEmpty();
        } else {
            assertThat(merged.warnings()).singleElement().asString()
                    .contains("Policy layer 'repository (devsecops-policy.yaml)'").contains(expectedWarning);
        }
    }

    @Test
    void shouldStackFourLayersAndNameTheOneThatTriedToLoosen() {
        // Given global, folder, repository and step layers, the step trying to loosen the folder's tightening
        SecurityPolicy folder = SecurityPolicy.builder().gate(GLOBAL_HIGH.withThreshold(2)).build();
        SecurityPolicy repository = SecurityPolicy.builder().gate(GLOBAL_HIGH.withThreshold(1)
                .withAction(GateAction.FAILURE)).build();
        SecurityPolicy step = SecurityPolicy.builder().gate(GLOBAL_HIGH.withThreshold(3)).failOn(Severity.CRITICAL)
                .build();

        // When stacked
        LayeredPolicy merged = PolicyLayering.merge(List.of(PolicyLayer.global(GLOBAL),
                PolicyLayer.folder("team-a", folder), PolicyLayer.repository("devsecops-policy.yaml", repository),
                PolicyLayer.step(step)));

        // Then the strictest values win and the step's loosening is named
        QualityGate high = merged.policy().gate("high").orElseThrow();
        assertThat(high.threshold()).isEqualTo(1);
        assertThat(high.action()).isEqualTo(GateAction.FAILURE);
        assertThat(merged.policy().gate("fail-on-critical")).isPresent();
        assertThat(merged.warnings()).containsExactly("Policy layer 'step' tried to raise the threshold from 1 to 3"
                + " (gates.high): ignored, a lower layer may only tighten", "Policy layer 'step' tried to lower the "
                + "result from FAILURE to UNSTABLE (gates.high): ignored, a lower layer may only tighten");
    }
}
