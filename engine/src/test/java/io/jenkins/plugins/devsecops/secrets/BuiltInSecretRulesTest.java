package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every built-in rule ships only if its examples are found and its counter-examples are not, by the full detector. */
class BuiltInSecretRulesTest {

    private final SecretDetector detector = BuiltInSecretRules.detector();

    @Test
    void shouldLoadEveryBuiltInRuleWithItsMandatoryFields() {
        // Given the rules on the class path
        List<SecretRule> rules = BuiltInSecretRules.rules();

        // Then each has what its findings and docs need
        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
        Set<String> ids = new HashSet<>();
        for (SecretRule rule : rules) {
            assertThat(ids.add(rule.id())).as("unique id %s", rule.id()).isTrue();
            assertThat(rule.title()).as(rule.id()).isNotBlank();
            assertThat(rule.remediation()).as(rule.id()).isNotBlank();
            // A rule without keywords runs over every file it applies to, so it must be restricted to some files.
            assertThat(rule.keywords().isEmpty() && rule.files().isEmpty()).as(rule.id()).isFalse();
            assertThat(rule.severity()).as(rule.id()).isNotEqualTo(Severity.INFO);
            assertThat(rule.examples()).as("%s needs examples", rule.id()).isNotEmpty();
        }
        assertThat(ids).contains("aws-access-key-id", "aws-secret-access-key", "github-pat-classic",
                "slack-bot-token", "stripe-live-secret-key", "jwt", "url-credentials-http", "url-credentials-postgres",
                "private-key-rsa", "private-key-openssh", KubernetesSecretRule.ID, RailsMasterKeyRule.ID,
                PemPrivateKeyRule.ID, GenericAssignmentRule.ID);
    }

    @Test
    void shouldFindEveryExampleExactlyOnceByItsRule() {
        List<String> failures = new ArrayList<>();
        for (SecretRule rule : BuiltInSecretRules.rules()) {
            for (String example : rule.examples()) {
                // When the example is scanned alone, as a file the rule applies to
                List<SecretMatch> matches = detector.detect(examplePath(rule), example);

                // Then the rule finds exactly one secret, and the match holds one of its keywords
                List<SecretMatch> own = matches.stream().filter(m -> m.rule().id().equals(rule.id())).toList();
                if (own.size() != 1) {
                    failures.add(rule.id() + ": " + own.size() + " findings for example " + example);
                    continue;
                }
                String matched = example.substring(own.get(0).matchStart(), own.get(0).matchEnd()).toLowerCase(Locale.ROOT);
                if (!rule.keywords().isEmpty() && rule.keywords().stream().noneMatch(matched::contains)) {
                    failures.add(rule.id() + ": the match of an example holds none of the keywords: " + example);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldNotFindAnyCounterExampleByItsRule() {
        List<String> failures = new ArrayList<>();
        for (SecretRule rule : BuiltInSecretRules.rules()) {
            for (String counterExample : rule.counterExamples()) {
                // When a near miss is scanned alone
                List<SecretMatch> matches = detector.detect(examplePath(rule), counterExample);

                // Then its rule stays silent
                if (matches.stream().anyMatch(m -> m.rule().id().equals(rule.id()))) {
                    failures.add(rule.id() + ": finding for counter-example " + counterExample);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A path the rule applies to: its first {@code files} glob made concrete, or a neutral config file. */
    static String examplePath(SecretRule rule) {
        if (rule.files().isEmpty()) {
            return "config/example.env";
        }
        String glob = rule.files().get(0);
        String path = glob.replace("**/", "").replace("/**", "/example").replace("*", "example").replace("?", "x");
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
