package io.jenkins.plugins.devsecops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PolicyCheck}: every problem at once, at the key or value, and agreement with {@link PolicyYaml}. */
class PolicyCheckTest {

    @Test
    void shouldReportEveryProblemAtTheBadKeyOrValue() {
        List<YamlInputException> problems = PolicyCheck.check("""
                version: 1
                gates:
                  - id: a
                    scope: SOMETIMES
                    result: FAILURE
                    stages: secrets
                  - severity: HIGH
                    result: FAILURE
                    overdue: false
                requiredStages: [secrets, ""]
                suppressions:
                  maxAgeDays: -1
                  justificationRequired: maybe
                extra: 1
                """, "p.yaml");

        assertThat(problems).extracting(p -> p.line() + ":" + p.column() + " " + p.problem()).containsExactly(
                "4:12 Unknown scope 'SOMETIMES': expected one of [NEW, TOTAL, DELTA] (at gates[0].scope)",
                "6:13 expected a list (at gates[0].stages)",
                "7:5 a gate needs an id (at gates[1])",
                "9:14 overdue can only be true (or left out) (at gates[1].overdue)",
                "10:27 an entry is empty (at requiredStages)",
                "12:15 must be at least 1, was -1 (at suppressions.maxAgeDays)",
                "13:26 expected true or false (at suppressions.justificationRequired)",
                "14:1 unknown field 'extra' (at top level); known fields: gates, requiredStages, sla, suppressions, "
                        + "version");
    }

    @Test
    void shouldAcceptWhatTheReaderAcceptsAndRefuseAnchors() throws Exception {
        String quoted = "version: 1\ngates:\n  - id: a\n    threshold: \"3\"\n    secret: \"true\"\n    result: FAILURE\n";
        assertThat(PolicyCheck.check(quoted, "p.yaml")).isEmpty();
        assertThat(PolicyYaml.parse(quoted, "p.yaml").gates().get(0).threshold()).isEqualTo(3);

        assertThat(PolicyCheck.check("gates:\n  - &g {id: a, result: FAILURE}\n  - *g\n", "p.yaml"))
                .extracting(YamlInputException::problem).anyMatch(p -> p.contains("anchors and aliases"));
        assertThat(PolicyCheck.check("gates: [\n", "p.yaml")).singleElement()
                .satisfies(p -> assertThat(p.problem()).startsWith("invalid YAML"));
        assertThat(PolicyCheck.check("  \n", "p.yaml")).extracting(YamlInputException::problem)
                .containsExactly("the file is empty");
    }
}
