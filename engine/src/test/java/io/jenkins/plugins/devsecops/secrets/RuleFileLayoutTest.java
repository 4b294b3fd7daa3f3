package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in rules are read without the YAML library ({@link RuleFileLayout}); wherever that reader answers, its
 * answer must be the strict YAML reader's, and the shipped file must stay in its layout (or start-up slows down).
 */
class RuleFileLayoutTest {

    private static final StrictYamlReader YAML = new StrictYamlReader();

    private static String shippedFile() throws IOException {
        try (InputStream in = BuiltInSecretRules.class.getResourceAsStream(BuiltInSecretRules.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SecretRuleFile yaml(String text) {
        try {
            return YAML.read(text, "rules.yaml", SecretRuleFile.class);
        } catch (YamlInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Test
    void shouldReadTheShippedRuleFileExactlyAsTheYamlReaderDoes() throws IOException {
        // Given the shipped rules.yaml
        String text = shippedFile();

        // When both readers read it
        Optional<SecretRuleFile> plain = RuleFileLayout.read(text);

        // Then it is in the layout (a file reformatted out of it would cost every scan the YAML library's start-up),
        // and every rule, field by field, is what the YAML reader gives
        assertThat(plain).as("rules.yaml has left the plain layout RuleFileLayout reads; keep its layout").isPresent();
        SecretRuleFile expected = yaml(text);
        assertThat(plain.get().rules()).hasSize(expected.rules().size()).hasSizeGreaterThan(200);
        for (int i = 0; i < expected.rules().size(); i++) {
            assertThat(plain.get().rules().get(i)).as(expected.rules().get(i).id()).isEqualTo(expected.rules().get(i));
        }
    }

    @Test
    void shouldCompileTheSameBuiltInRulesAsFromTheYaml() throws IOException {
        // Given the rules the engine loads (through the layout reader) and the same file read by the YAML path
        List<SecretRule> loaded = BuiltInSecretRules.rules();
        List<SecretRule> fromYaml = BuiltInSecretRules.fromYaml(
                new ByteArrayInputStream(shippedFile().getBytes(StandardCharsets.UTF_8)));

        // Then they are the same rules, with the same compiled patterns and checks
        assertThat(loaded.stream().map(RuleFileLayoutTest::describe).toList())
                .isEqualTo(fromYaml.stream().map(RuleFileLayoutTest::describe).toList());
        for (int i = 0; i < loaded.size(); i++) {
            assertThat(loaded.get(i).check()).as(loaded.get(i).id()).isSameAs(fromYaml.get(i).check());
        }
    }

    private static String describe(SecretRule rule) {
        return String.join(" | ", rule.id(), rule.title(), rule.provider(), rule.severity().name(),
                rule.confidence().name(), rule.keywords().toString(), rule.pattern().source(),
                String.valueOf(rule.pattern().groupCount()), String.valueOf(rule.multiline()),
                String.valueOf(rule.anchored()), String.valueOf(rule.minEntropy()), rule.files().toString(),
                rule.remediation(), rule.references().toString(), rule.examples().toString(),
                rule.counterExamples().toString(), rule.origin());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // quotes doubled inside single quotes, escapes inside double quotes, a comment after a quoted value
        "rules:\n  - id: a-b\n    title: 'it''s ''quoted'''  # trailing comment\n    severity: HIGH\n"
                + "    pattern: \"x\\\\d+\\\"\\n\\t\\u00e9\"\n",
        // comment lines anywhere, blank lines, numbers and booleans, flow and block lists, an empty flow list
        "# header\nrules:\n\n  # first\n  - id: one\n    title: 'One'\n    secretGroup: 2\n    minEntropy: 3.25\n"
                + "    multiline: true\n    keywords: ['ab', \"cd\", ef]\n    files: []\n    references:\n"
                + "      # a comment in a list\n      - 'https://example.com/a'\n      - \"b\"\n      - plain-word\n"
                + "  - id: two\n    title: Two\n    minEntropy: 4\n    multiline: false\n",
        // a comment after a plain value
        "rules:\n  - id: a # comment\n",
        // unicode text and trailing spaces
        "rules:\n  - id: a   \n    title: 'Schlüssel – clé'   \n",
    })
    void shouldReadWhatTheLayoutAllowsAsTheYamlReaderDoes(String text) {
        assertThat(RuleFileLayout.read(text)).as(text).contains(yaml(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rules:\n    - id: a\n      title: 't'\n",                          // another indentation
        "rules:\n  - id: a\n    references:\n    - 'x'\n",                   // list entries at the key's indentation
        "rules:\n  - id: a\n    title: |\n      text\n",                     // block scalar
        "rules:\n  - id: a\n    title: 'two\n      lines'\n",                // multi-line quoted scalar
        "rules:\n  - id: a\n    title: plain text\n",                         // plain scalar with a space
        "rules:\n  - id: a\n    examples:\n    title: 't'\n",                 // a block list without entries
        "rules:\n  - id: yes\n",                                              // a word YAML reads as a boolean
        "rules:\n  - id: a\n    secretGroup: '1'\n",                          // a quoted number
        "rules:\n  - id: a\n    minEntropy: 1e3\n",                           // a number form left to YAML
        "rules:\n  - id: a\n    color: 'red'\n",                              // an unknown key
        "rules:\n  - id: a\n    title: 'x'\n    title: 'y'\n",                // a duplicate key
        "rules:\n  - id: &x a\n",                                             // an anchor
        "rules:\n  - id: a\n    title: \"\\x41\"\n",                          // an escape left to YAML
        "rules:\r\n  - id: a\r\n",                                            // CRLF
        "---\nrules:\n  - id: a\n",                                           // a document marker
        "rules:\n\t- id: a\n",                                                // a tab
        "rules:\n  - id: a\n    title: 'x\u2028y'\n",                        // a character YAML 1.1 breaks lines at
        "rules:\n  - id: a\n    title: 'x\u0007y'\n",                        // a control character
        "\uFEFFrules:\n  - id: a\n",                                         // a byte-order mark
        "rules: []\n",                                                        // no items
        "rules:\n  - id: a\n    keywords: ['a' 'b']\n",                       // a malformed flow list
        "rules:\n  - id: a\n    title: 'x' y\n",                              // text after a quoted scalar
    })
    void shouldLeaveEverythingElseToTheYamlReader(String text) {
        assertThat(RuleFileLayout.read(text)).as(text).isEmpty();
    }

    @Test
    void shouldNeverAnswerDifferentlyFromTheYamlReaderOnMutatedRuleFiles() throws IOException {
        // Given the first rules of the shipped file, mutated one character at a time (fixed seed)
        String shipped = shippedFile();
        int cut = shipped.indexOf("\n  - id: ", shipped.indexOf("\n  - id: gcp-service-account-key") + 1);
        String base = shipped.substring(0, cut + 1);
        char[] inserts = {' ', '\'', '"', '#', ':', '-', '[', ']', ',', '\\', 'x', '\n', '&', '|', '1'};
        Random random = new Random(16);
        List<String> differences = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < 400; i++) {
            StringBuilder mutated = new StringBuilder(base);
            int at = random.nextInt(mutated.length());
            if (random.nextBoolean()) {
                mutated.deleteCharAt(at);
            } else {
                mutated.insert(at, inserts[random.nextInt(inserts.length)]);
            }
            String text = mutated.toString();

            // When the layout reader answers
            Optional<SecretRuleFile> plain = RuleFileLayout.read(text);
            if (plain.isEmpty()) {
                continue;
            }
            answered++;

            // Then the YAML reader accepts the file and reads the same rules
            try {
                if (!plain.get().equals(yaml(text))) {
                    differences.add("different rules at offset " + at + ": " + excerpt(text, at));
                }
            } catch (RuntimeException e) {
                differences.add("YAML refuses (" + e.getMessage() + ") at offset " + at + ": " + excerpt(text, at));
            }
        }
        assertThat(differences).isEmpty();
        assertThat(answered).as("mutations that stay in the layout").isGreaterThan(50);
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)).replace("\n", "\\n");
    }
}
