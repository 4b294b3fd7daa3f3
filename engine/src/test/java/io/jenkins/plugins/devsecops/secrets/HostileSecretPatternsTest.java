package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs shaped to make patterns and redaction slow, and user rules that would run forever: each file is checked to
 * its end, findings after the hostile part are kept, and a user rule that runs out of budget is named.
 */
class HostileSecretPatternsTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4"
            + "gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    @TempDir
    Path root;

    private static StageResult secrets(Report report) {
        return report.stage("secrets").orElseThrow();
    }

    private void rules(String yaml) throws Exception {
        Path directory = Files.createDirectories(root.resolve(".devsecops/rules"));
        Files.writeString(directory.resolve("team.yaml"), yaml, StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldCheckHostileRunsToTheEndAndKeepTheSecretsAfterThem() throws Exception {
        // Given a file of 512 KB of "-eyJ" then a real token, a line of 40,000 private-key headers then a real one
        Files.writeString(root.resolve("jwt.txt"), "-eyJ".repeat(128 * 1024) + "\nAuthorization: Bearer " + JWT + "\n");
        byte[] der = new byte[600];
        new java.util.Random(5).nextBytes(der);
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        String key = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(root.resolve("keys.pem"), "-----BEGIN PRIVATE KEY-----".repeat(40_000) + "\n" + key);

        // When
        Report report = SecretFixtures.scan(root);

        // Then both real secrets are found and no rule was stopped
        assertThat(report.findings()).extracting(f -> f.ruleId() + "@" + f.location().path())
                .contains("jwt@jwt.txt", "private-key-pkcs8@keys.pem");
        assertThat(secrets(report).warnings()).noneMatch(w -> w.contains("stopped early"));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReportEveryOneOfManyPasswordsOnOneLineAndOnManyLines() throws Exception {
        // Given 5,000 distinct password assignments on one line, and 5,000 on lines of their own
        int count = 5_000;
        List<String> values = new ArrayList<>();
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < count; i++) {
            StringBuilder value = new StringBuilder();
            for (int c = 0; c < 18; c++) {
                value.append("abcdefghijkLMNOPQRSTU0123456789".charAt(random.nextInt(31)));
            }
            values.add(value.toString());
        }
        StringBuilder oneLine = new StringBuilder();
        StringBuilder manyLines = new StringBuilder();
        for (String value : values) {
            oneLine.append("password=").append(value).append(' ');
            manyLines.append("password=").append(value).append('\n');
        }
        Files.writeString(root.resolve("one.env"), oneLine.toString());
        Files.writeString(root.resolve("many.env"), manyLines.toString());

        // When
        Report report = SecretFixtures.scan(root);

        // Then each (bar the few the generic rule finds too regular) is a finding, the same on one line as on many,
        // with a short redacted snippet that shows no value
        List<Finding> one = report.findings().stream().filter(f -> f.location().path().equals("one.env")).toList();
        List<Finding> many = report.findings().stream().filter(f -> f.location().path().equals("many.env")).toList();
        assertThat(one).hasSizeGreaterThan(count * 99 / 100).hasSameSizeAs(many);
        assertThat(one).allSatisfy(f -> assertThat(f.location().snippet().length()).isLessThanOrEqualTo(
                SecretRedaction.MAX_SNIPPET + 2));
        assertThat(one.get(count / 2).location().snippet()).doesNotContain(values.get(count / 2))
                .doesNotContain(values.get(count / 2 + 1)).doesNotContain(values.get(count / 2 - 1));
        assertThat(secrets(report).warnings()).noneMatch(w -> w.contains("stopped early"));
    }

    @Test
    void shouldTryLiteralLedRulesOnceAtEachKeywordHit() {
        assertThat(PatternPrefix.keywordOffset("-----BEGIN PRIVATE KEY-----[ \\t]*(x)", List.of("begin private key")))
                .isEqualTo(5);
        assertThat(PatternPrefix.keywordOffset("\\b(eyJ(?<!-eyJ)[A-Za-z0-9_-]{8,2000}+)", List.of("eyj"))).isZero();
        assertThat(PatternPrefix.keywordOffset("(-----BEGIN|other) KEY", List.of("begin"))).isEqualTo(-1);
        assertThat(PatternPrefix.keywordOffset("[a-z]+BEGIN", List.of("begin"))).isEqualTo(-1);
    }

    @Test
    void shouldRefuseAUserRuleThatMatchesTheEmptyStringNamingIt() throws Exception {
        rules("""
                rules:
                  - id: everything
                    title: Matches nothing at all
                    severity: LOW
                    pattern: '(x*)'
                  - id: optional-prefix
                    title: Optional only
                    severity: LOW
                    pattern: '(?:key=)?([0-9]*)'
                  - id: fine
                    title: Fine
                    severity: LOW
                    pattern: 'tok_([0-9]{8})'
                """);
        Files.writeString(root.resolve("a.txt"), "tok_12345678\n");

        Report report = SecretFixtures.scan(root);

        assertThat(secrets(report).errors()).extracting(StageError::message)
                .anySatisfy(m -> assertThat(m).contains("everything").contains("matches the empty string"))
                .anySatisfy(m -> assertThat(m).contains("optional-prefix").contains("matches the empty string"));
        assertThat(report.findings()).extracting(Finding::ruleId).contains("fine");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldStopAUserRuleThatMatchesTooOftenNamingRuleAndFileAndGoOn() throws Exception {
        // Given a rule without keywords that matches every short word, and a file of 200,000 of them
        rules("""
                rules:
                  - id: every-word
                    title: Every word
                    severity: LOW
                    pattern: '\\b([a-z]{2,})\\b'
                  - id: internal-token
                    title: Internal token
                    severity: HIGH
                    keywords: [itk_]
                    pattern: '(itk_[0-9a-f]{16})'
                """);
        Files.writeString(root.resolve("words.txt"), "ab cd ef gh ".repeat(50_000) + "\nitk_0123456789abcdef\n");

        // When
        Report report = SecretFixtures.scan(root);

        // Then the heavy rule is stopped with a warning naming it and the file, and the other rule still reports
        assertThat(secrets(report).warnings()).anySatisfy(w -> assertThat(w).contains("every-word")
                .contains("words.txt").contains("stopped early"));
        assertThat(report.findings()).extracting(Finding::ruleId).contains("internal-token");
    }
}
