package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSecretRulesTest {

    @TempDir
    Path root;

    private void rules(String name, String yaml) throws Exception {
        Path directory = Files.createDirectories(root.resolve(".devsecops/rules"));
        Files.writeString(directory.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    @Test
    void shouldFindSecretsWithAProjectsOwnRule() throws Exception {
        // Given a user rule for an internal token format and a file using it
        rules("acme.yaml", """
                rules:
                  - id: acme-service-token
                    title: ACME service token
                    provider: ACME
                    severity: HIGH
                    keywords: [acme_st_]
                    pattern: '\\b(acme_st_[a-f0-9]{32})\\b'
                    remediation: Revoke it in the ACME console.
                """);
        Files.writeString(root.resolve("deploy.conf"), "service.token = acme_st_9f86d081884c7d659a2feaa0c55ad015\n");

        // When scanned
        Report report = SecretFixtures.scan(root);

        // Then the user rule reports it, marked with its rule file, redacted like built-in findings
        Finding finding = report.findings().stream().filter(f -> f.ruleId().equals("acme-service-token"))
                .findFirst().orElseThrow();
        assertThat(finding.properties()).containsEntry("provider", "ACME")
                .containsEntry("ruleFile", ".devsecops/rules/acme.yaml");
        assertThat(finding.location().snippet()).isEqualTo("service.token = acme****");
        assertThat(finding.remediation()).isEqualTo("Revoke it in the ACME console.");
        assertThat(report.stage("secrets").orElseThrow().properties()).containsEntry("userRules", "1");
    }

    @Test
    void shouldReportEachBadUserRuleByFileAndIdAndKeepScanning() throws Exception {
        // Given a file with a broken pattern, a missing group, a duplicate id, and one good rule; and a non-YAML file
        rules("team.yaml", """
                rules:
                  - id: broken-pattern
                    title: Broken
                    severity: HIGH
                    pattern: '(unclosed'
                  - id: lookahead
                    title: Lookahead is not RE2
                    severity: HIGH
                    pattern: 'key(?=[0-9])'
                    secretGroup: 0
                  - id: no-group
                    title: No group
                    severity: LOW
                    pattern: 'internal-[0-9]{6}'
                  - id: aws-access-key-id
                    title: Shadowing a built-in
                    severity: LOW
                    pattern: '(AKIA)'
                  - id: good-one
                    title: Good
                    severity: LOW
                    keywords: [zz-tok-]
                    pattern: '(zz-tok-[0-9]{8})'
                """);
        rules("garbage.yml", "rules: [ {id: : :\n");
        Files.writeString(root.resolve("a.env"), "X=zz-tok-12345678\nGITHUB_TOKEN=ghp_uGMGKAuWfpTbmRsHdRXfr8nBNXYK7Gh5Qhy5\n");

        // When scanned
        Report report = SecretFixtures.scan(root);

        // Then every problem names its file and rule, and both good and built-in rules still work
        StageResult stage = report.stage("secrets").orElseThrow();
        assertThat(stage.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(stage.errors()).extracting(StageError::message).anySatisfy(m -> assertThat(m)
                .contains(".devsecops/rules/team.yaml: rule 'broken-pattern': pattern does not compile"));
        assertThat(stage.errors()).extracting(StageError::message).anySatisfy(m -> assertThat(m)
                .contains("rule 'lookahead': pattern does not compile (RE2 syntax"));
        assertThat(stage.errors()).extracting(StageError::message).anySatisfy(m -> assertThat(m)
                .contains("rule 'no-group': secretGroup 1 does not exist"));
        assertThat(stage.errors()).extracting(StageError::message).anySatisfy(m -> assertThat(m)
                .contains("rule 'aws-access-key-id': id is already used"));
        assertThat(stage.errors()).extracting(StageError::message).anySatisfy(m -> assertThat(m)
                .contains(".devsecops/rules/garbage.yml: is not a valid rule file"));
        assertThat(stage.errors()).extracting(StageError::path).contains(".devsecops/rules/team.yaml",
                ".devsecops/rules/garbage.yml");
        assertThat(report.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("good-one", "github-pat-classic");
    }

    @Test
    void shouldNotHangOnACatastrophicUserPattern() throws Exception {
        // Given a pattern that backtracks exponentially in java.util.regex, and input built to trigger it
        rules("evil.yaml", """
                rules:
                  - id: evil
                    title: Nested quantifiers
                    severity: LOW
                    keywords: [aaaa]
                    pattern: '((a+)+)$'
                """);
        Files.writeString(root.resolve("input.txt"), "a".repeat(5000) + "!\n" + ("a".repeat(40) + "!\n").repeat(2000));

        // When scanned (RE2J runs in linear time, so this returns)
        Report report = SecretFixtures.scan(root);

        // Then the scan completes with no finding (every line ends with '!')
        assertThat(report.stage("secrets").orElseThrow().status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void shouldRejectAliasBombsAndOversizedRuleFiles() {
        // Given a YAML billion-laughs document and a file over the size limit
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nrules: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n";
        byte[] huge = ("# " + "x".repeat(SecretRuleLoader.MAX_FILE_BYTES) + "\n").getBytes(StandardCharsets.UTF_8);

        // When loaded
        LoadedRules fromBomb = SecretRuleLoader.load(new ByteArrayInputStream(bomb.getBytes(StandardCharsets.UTF_8)),
                "bomb.yaml", SecretRuleLoader.Kind.USER, new HashSet<>());
        LoadedRules fromHuge = SecretRuleLoader.load(new ByteArrayInputStream(huge), "huge.yaml",
                SecretRuleLoader.Kind.USER, new HashSet<>());

        // Then both are refused with a reason, and nothing is loaded
        assertThat(fromBomb.rules()).isEmpty();
        assertThat(fromBomb.problems()).singleElement().satisfies(p -> assertThat(p.describe()).startsWith("bomb.yaml: is not a valid rule file"));
        assertThat(fromHuge.rules()).isEmpty();
        assertThat(fromHuge.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("larger than"));
    }

    @Test
    void shouldRefuseABrokenBuiltInRuleFile() {
        // Given a built-in file with two rules of one id and a missing remediation
        String yaml = """
                rules:
                  - id: one
                    title: One
                    severity: HIGH
                    keywords: [one]
                    pattern: '(one[0-9]+)'
                    remediation: Rotate.
                  - id: one
                    title: Again
                    severity: HIGH
                    keywords: [two]
                    pattern: '(two)'
                """;

        // When loaded as built-in rules
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> BuiltInSecretRules.fromYaml(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));

        // Then loading fails naming the rule
        assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rules.yaml: rule 'one': id is already used");
    }
}
