package io.jenkins.plugins.devsecops.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyYamlTest {

    private static final String FULL = """
            version: 1
            gates:
              - id: no-new-high
                severity: high
                scope: NEW
                threshold: 1
                result: FAILURE
              - id: secrets
                secret: true
                result: FAILURE
              - id: fixable-deps
                stages: [dependencies]
                fixAvailable: true
                scope: DELTA
                threshold: 3
                result: UNSTABLE
              - id: log4shell
                advisories: [CVE-2021-44228]
                rules: [GHSA-jfh8-c2jp-5v3q]
                result: FAILURE
              - id: overdue
                overdue: true
                result: UNSTABLE
            requiredStages: [secrets, dependencies]
            suppressions:
              justificationRequired: true
              maxAgeDays: 90
            sla:
              CRITICAL: 7
              HIGH: 30
            """;

    @TempDir
    Path dir;

    @Test
    void shouldReadEveryFieldOfAFullPolicy() throws Exception {
        // Given a policy file using every field
        Path file = dir.resolve(PolicyYaml.FILE_NAME);
        Files.writeString(file, FULL);

        // When it is read
        SecurityPolicy policy = PolicyYaml.read(file);

        // Then every field is in the model, defaults filled in
        assertThat(policy.gates()).extracting(QualityGate::id)
                .containsExactly("no-new-high", "secrets", "fixable-deps", "log4shell", "overdue");
        QualityGate newHigh = policy.gate("no-new-high").orElseThrow();
        assertThat(newHigh.selector().minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(newHigh.scope()).isEqualTo(GateScope.NEW);
        assertThat(newHigh.action()).isEqualTo(GateAction.FAILURE);
        QualityGate secrets = policy.gate("secrets").orElseThrow();
        assertThat(secrets.scope()).isEqualTo(GateScope.TOTAL);
        assertThat(secrets.threshold()).isEqualTo(1);
        assertThat(secrets.selector().secret()).isTrue();
        QualityGate deps = policy.gate("fixable-deps").orElseThrow();
        assertThat(deps.selector().stages()).containsExactly("dependencies");
        assertThat(deps.selector().fixAvailable()).isTrue();
        assertThat(deps.scope()).isEqualTo(GateScope.DELTA);
        assertThat(deps.threshold()).isEqualTo(3);
        assertThat(policy.gate("log4shell").orElseThrow().selector().advisoryIds()).containsExactly("cve-2021-44228");
        assertThat(policy.gate("overdue").orElseThrow().selector().overdue()).isTrue();
        assertThat(policy.requiredStages()).containsExactly("dependencies", "secrets");
        assertThat(policy.suppressionRules().requiresJustification()).isTrue();
        assertThat(policy.suppressionRules().maxAgeDays()).isEqualTo(90);
        assertThat(policy.sla(Severity.CRITICAL)).contains(7);
        assertThat(policy.sla(Severity.LOW)).isEmpty();
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                Arguments.of("unknown top-level field", "version: 1\ngatez: []\n", 2, "unknown field 'gatez'"),
                Arguments.of("unknown gate field", "gates:\n  - id: a\n    result: FAILURE\n    treshold: 2\n", 4,
                        "unknown field 'treshold'"),
                Arguments.of("bad severity", "gates:\n  - id: a\n    severity: HUGE\n    result: FAILURE\n", 2,
                        "Unknown severity 'HUGE'"),
                Arguments.of("bad scope", "gates:\n  - id: a\n    scope: SOMETIMES\n    result: FAILURE\n", 2,
                        "Unknown scope 'SOMETIMES'"),
                Arguments.of("missing result", "gates:\n  - id: a\n    severity: LOW\n", 2, "result is missing"),
                Arguments.of("missing id", "gates:\n  - severity: LOW\n    result: FAILURE\n", 2, "needs an id"),
                Arguments.of("zero threshold", "gates:\n  - id: a\n    threshold: 0\n    result: FAILURE\n", 2,
                        "threshold must be at least 1"),
                Arguments.of("threshold not a number", "gates:\n  - id: a\n    threshold: lots\n    result: FAILURE\n",
                        3, "threshold"),
                Arguments.of("duplicate gate ids", "gates:\n  - id: a\n    result: FAILURE\n  - id: a\n    result: UNSTABLE\n",
                        1, "Duplicate gate id 'a'"),
                Arguments.of("duplicate key", "version: 1\nversion: 1\n", 2, "duplicate key"),
                Arguments.of("future version", "version: 2\n", 1, "Unsupported policy version 2"),
                Arguments.of("negative SLA", "sla:\n  HIGH: -1\n", 1, "SLA days for HIGH"),
                Arguments.of("SLA for unknown severity", "sla:\n  SEVERE: 3\n", 1, "Unknown severity 'SEVERE'"),
                Arguments.of("gates not a list", "gates: everything\n", 1, "gates"),
                Arguments.of("broken YAML", "gates:\n  - id: a\n   result: [unclosed\n", 2, ""),
                Arguments.of("unclosed flow mapping", "version: 1\ngates: [\n  {id: a\n", 4,
                        "invalid YAML: while parsing a flow mapping: expected ',' or '}', but got <stream end>"),
                Arguments.of("tab indentation", "gates:\n\t- id: a\n", 2, ""),
                Arguments.of("empty file", "   \n", 0, "empty"),
                Arguments.of("alias of a scalar", "gates:\n  - id: &x a\n    result: *x\n", 3, "aliases"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolicies")
    void shouldRejectInvalidPolicyWithLocation(String name, String yaml, int line, String problem) {
        // Given an invalid policy / When it is parsed / Then a clear error names the source and the problem
        assertThatThrownBy(() -> PolicyYaml.parse(yaml, "policy.yaml"))
                .isInstanceOfSatisfying(YamlInputException.class, e -> {
                    assertThat(e.getMessage()).startsWith("policy.yaml");
                    assertThat(e.problem()).contains(problem);
                    if (line > 0) {
                        assertThat(e.line()).isEqualTo(line);
                        assertThat(e.column()).isPositive();
                        assertThat(e.getMessage()).startsWith("policy.yaml:" + line + ":");
                    }
                    assertThat(e.getMessage()).doesNotContain("io.jenkins.plugins");
                });
    }

    @Test
    void shouldRefuseBillionLaughsWithoutExpandingIt() {
        // Given the classic exponential alias bomb
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }

        // When it is parsed / Then it fails at the first alias, with its location, without expansion
        assertThatThrownBy(() -> PolicyYaml.parse(yaml.toString(), "bomb.yaml"))
                .isInstanceOfSatisfying(YamlInputException.class, e -> assertThat(e.line()).isPositive());
    }

    @Test
    void shouldRefuseDeepNestingAndHugeFiles() throws Exception {
        // Given a deeply nested flow sequence and a file over the size cap
        String deep = "gates: " + "[".repeat(100_000) + "]".repeat(100_000);
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "# " + "x".repeat(2 * 1024 * 1024) + "\nversion: 1\n");

        // When they are parsed / Then each fails with a clear error and no stack overflow
        assertThatThrownBy(() -> PolicyYaml.parse(deep, "deep.yaml")).isInstanceOf(YamlInputException.class);
        assertThatThrownBy(() -> PolicyYaml.read(huge)).isInstanceOf(YamlInputException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void shouldReadTheSamePolicyAsTheBuilder() throws Exception {
        // Given the same policy as YAML and through the Java builder
        SecurityPolicy fromYaml = PolicyYaml.parse("""
                gates:
                  - id: fail-on-high
                    severity: HIGH
                    result: FAILURE
                requiredStages: [secrets]
                sla: {HIGH: 30}
                suppressions: {maxAgeDays: 30}
                """, "p.yaml");
        SecurityPolicy fromBuilder = SecurityPolicy.builder().failOn(Severity.HIGH).requiredStage("secrets")
                .sla(Severity.HIGH, 30).maxSuppressionAgeDays(30).build();

        // Then both are equal
        assertThat(fromYaml).isEqualTo(fromBuilder);
    }
}
