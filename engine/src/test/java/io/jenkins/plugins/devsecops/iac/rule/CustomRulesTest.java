package io.jenkins.plugins.devsecops.iac.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.terraform.HclParser;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomRulesTest {

    private static List<RuleHit> run(IacRule rule, String hcl) throws Exception {
        var block = HclParser.parse(hcl).get(0);
        IacResource resource = new IacResource(IacPlatform.TERRAFORM, "resource", block.label(0), block.label(1),
                null, "main.tf", block.line(), block.body());
        RuleHits hits = new RuleHits();
        rule.check().check(new ResourceTarget(resource, List.of(resource)), hits);
        return hits.hits();
    }

    private static IacRule single(String condition, String value) throws Exception {
        return CustomRules.parse("""
                rules:
                  - id: org-rule
                    platform: terraform
                    resource: aws_instance
                    attribute: tags.env
                    condition: %s
                %s
                """.formatted(condition, value == null ? "" : "    value: '" + value + "'")).get(0);
    }

    @Test
    void shouldReadEveryFieldWithDefaults() throws Exception {
        IacRule rule = CustomRules.parse("""
                rules:
                  - id: org-a
                    platform: Kubernetes
                    resource: Pod
                    attribute: spec.hostNetwork
                    condition: equals
                    value: "true"
                """).get(0);

        assertThat(rule.id()).isEqualTo("org-a");
        assertThat(rule.platform()).isEqualTo(IacPlatform.KUBERNETES);
        assertThat(rule.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(rule.title()).isEqualTo("org-a");
        assertThat(rule.appliesTo()).isEqualTo("Pod");
    }

    @Test
    void shouldEvaluateEachCondition() throws Exception {
        String prod = "resource \"aws_instance\" \"a\" {\n  tags = {\n    env = \"prod-eu\"\n  }\n}\n";
        String none = "resource \"aws_instance\" \"a\" {\n  ami = \"x\"\n}\n";

        assertThat(run(single("missing", null), none)).extracting(RuleHit::line).containsExactly(1);
        assertThat(run(single("missing", null), prod)).isEmpty();
        assertThat(run(single("present", null), prod)).extracting(RuleHit::line).containsExactly(3);
        assertThat(run(single("equals", "prod-eu"), prod)).hasSize(1);
        assertThat(run(single("not-equals", "prod-eu"), prod)).isEmpty();
        assertThat(run(single("matches", "^prod-"), prod)).hasSize(1);
        assertThat(run(single("not-matches", "^prod-"), prod)).isEmpty();
        assertThat(run(single("contains", "eu"), prod)).hasSize(1);
        assertThat(run(single("not-contains", "eu"), prod)).isEmpty();
        assertThat(run(single("equals", "prod-eu"), none)).isEmpty();
        assertThat(run(single("not-contains", "eu"), none)).isEmpty();
    }

    @Test
    void shouldRejectInvalidRulesNamingTheProblem() {
        assertThatThrownBy(() -> CustomRules.parse("rules: {}\n")).isInstanceOf(IacParseException.class)
                .hasMessageContaining("'rules' list");
        assertThatThrownBy(() -> single("sounds-like", "x")).isInstanceOf(IacParseException.class)
                .hasMessageContaining("unknown condition 'sounds-like'");
        assertThatThrownBy(() -> single("equals", null)).isInstanceOf(IacParseException.class)
                .hasMessageContaining("needs a 'value'");
        assertThatThrownBy(() -> single("matches", "(unclosed")).isInstanceOf(IacParseException.class)
                .hasMessageContaining("invalid pattern");
        assertThatThrownBy(() -> single("matches", "a".repeat(1001))).isInstanceOf(IacParseException.class)
                .hasMessageContaining("longer than 1000");
        assertThatThrownBy(() -> CustomRules.parse("rules:\n  - id: x\n    platform: dockerfile\n    resource: a\n"
                + "    attribute: b\n    condition: missing\n")).isInstanceOf(IacParseException.class)
                .hasMessageContaining("Dockerfile");
        assertThatThrownBy(() -> CustomRules.parse("rules:\n  - id: x\n    platform: mainframe\n"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("platform must be");
        assertThatThrownBy(() -> CustomRules.parse("rules:\n  - id: x\n    platform: terraform\n    severity: dire\n"
                + "    resource: a\n    attribute: b\n    condition: missing\n")).isInstanceOf(IacParseException.class)
                .hasMessageContaining("Unknown severity");
        assertThatThrownBy(() -> CustomRules.parse("rules:\n  - id: x\n    platform: terraform\n"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("needs 'resource'");
    }

    @Test
    void shouldKeepPathologicalPatternsLinear() throws Exception {
        IacRule rule = single("matches", "(a+)+$");
        String hcl = "resource \"aws_instance\" \"a\" {\n  tags = {\n    env = \"" + "a".repeat(50_000) + "!\"\n  }\n}\n";

        assertThat(run(rule, hcl)).isEmpty();
    }
}
