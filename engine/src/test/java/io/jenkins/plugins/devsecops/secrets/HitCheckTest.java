package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checks at keyword hits never turn away a region where their rule's pattern matches: each is tried on the
 * rules' examples and counter-examples, on every one-character edit of them, and on the lines of this module's own
 * sources and test files, against the pattern itself.
 */
class HitCheckTest {

    private static final String DELIMITERS = "@:/.=\"' \t\n1a#?(,";

    @Test
    void shouldBeWrittenForTheBuiltInPatternsAsTheyAre() {
        for (String id : HitCheck.ByRule.SOURCES.keySet()) {
            SecretRule rule = rule(id);
            assertThat(rule.pattern().source()).as("the pattern %s's check was written for", id)
                    .isEqualTo(HitCheck.ByRule.SOURCES.get(id));
        }
        for (String id : HitCheck.ByRule.AT_KEYWORD.keySet()) {
            SecretRule rule = rule(id);
            // the check reads what follows the keyword, so the detector must try the rule at each hit
            assertThat(PatternPrefix.keywordOffset(rule.pattern().source(), rule.keywords())).as(id).isZero();
        }
        assertThat(checkedRules()).hasSizeGreaterThanOrEqualTo(15)
                .contains("url-credentials-http", "airtable-pat", "jenkins-api-token", "vercel-access-token",
                        "php-define-password", "twilio-api-key");
    }

    @Test
    void shouldNeverTurnAwayARegionWhereThePatternMatches() throws IOException {
        List<String> lines = corpus();
        int matched = 0;
        int turnedAway = 0;
        for (String id : checkedRules()) {
            SecretRule rule = rule(id);
            boolean atKeyword = PatternPrefix.keywordOffset(rule.pattern().source(), rule.keywords()) == 0;
            HitCheck check = HitCheck.forRule(id, rule.pattern().source(), atKeyword);
            Pattern pattern = Pattern.compile(rule.pattern().source());
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                for (String keyword : rule.keywords()) {
                    for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
                        int hitEnd = at + keyword.length();
                        int from = atKeyword ? at : 0;
                        Matcher matcher = pattern.matcher(line).region(from, line.length());
                        matcher.useTransparentBounds(true).useAnchoringBounds(false);
                        boolean matches = atKeyword ? matcher.lookingAt() : matcher.find();
                        boolean may = check.mayMatch(line, hitEnd, from, line.length());
                        if (matches) {
                            matched++;
                            assertThat(may).as("%s turned away a match in: %s", id, line).isTrue();
                        } else if (!may) {
                            turnedAway++;
                        }
                    }
                }
            }
        }
        // the corpus holds matches to protect and misses to save
        assertThat(matched).isGreaterThan(200);
        assertThat(turnedAway).isGreaterThan(1000);
    }

    @Test
    void shouldNeverTurnAwayAnAssignmentTheGenericRuleReads() throws IOException {
        // Given whole texts (a value may be on the line after its key) and every one-character edit of the examples
        SecretRule rule = rule(GenericAssignmentRule.ID);
        Set<String> texts = new LinkedHashSet<>(files());
        for (String sample : Stream.concat(rule.examples().stream(), rule.counterExamples().stream()).toList()) {
            texts.addAll(edits(sample));
        }
        AssignmentPattern pattern = new AssignmentPattern();
        int matched = 0;
        int turnedAway = 0;
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String keyword : rule.keywords()) {
                for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
                    int hitEnd = at + keyword.length();
                    int window = Math.min(text.length(), hitEnd + SecretDetector.WINDOW_AFTER);
                    int newline = text.indexOf('\n', hitEnd);
                    int lineEnd = newline < 0 || newline > window ? window : newline;
                    List<Integer> found = new ArrayList<>();
                    pattern.matchAt(text, hitEnd, lineEnd, (start, end, secretStart, secretEnd) -> found.add(start));
                    boolean may = AssignmentPattern.mayMatchAt(text, hitEnd, window);
                    if (!found.isEmpty()) {
                        matched++;
                        assertThat(may).as("turned away an assignment after %s in: %s", keyword,
                                text.substring(at, Math.min(text.length(), at + 120))).isTrue();
                    } else if (!may) {
                        turnedAway++;
                    }
                }
            }
        }
        assertThat(matched).isGreaterThan(500);
        assertThat(turnedAway).isGreaterThan(1000);
    }

    private static List<String> checkedRules() {
        List<String> ids = new ArrayList<>();
        for (SecretRule rule : BuiltInSecretRules.rules()) {
            if (rule.pattern() instanceof JdkSecretPattern && !rule.anchored() && HitCheck.forRule(rule.id(),
                    rule.pattern().source(), PatternPrefix.keywordOffset(rule.pattern().source(), rule.keywords()) == 0)
                    != null) {
                ids.add(rule.id());
            }
        }
        return ids;
    }

    private static SecretRule rule(String id) {
        return BuiltInSecretRules.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Every rule's examples and counter-examples, those of the checked rules with every one-character deletion and
     * substitution, and the lines of this module's sources and tests.
     */
    private static List<String> corpus() throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        List<String> checked = checkedRules();
        for (SecretRule rule : BuiltInSecretRules.rules()) {
            for (String sample : Stream.concat(rule.examples().stream(), rule.counterExamples().stream()).toList()) {
                for (String line : sample.split("\n")) {
                    if (checked.contains(rule.id())) {
                        lines.addAll(edits(line));
                    } else {
                        lines.add(line);
                    }
                }
            }
        }
        for (String text : files()) {
            lines.addAll(List.of(text.split("\n")));
        }
        return new ArrayList<>(lines);
    }

    /** {@code text}, and it with each character deleted or replaced by a delimiter. */
    private static Set<String> edits(String text) {
        Set<String> edits = new LinkedHashSet<>();
        edits.add(text);
        for (int i = 0; i < text.length(); i++) {
            edits.add(text.substring(0, i) + text.substring(i + 1));
            for (char c : DELIMITERS.toCharArray()) {
                edits.add(text.substring(0, i) + c + text.substring(i + 1));
            }
        }
        return edits;
    }

    /** The texts of this module's sources and tests. */
    private static List<String> files() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String tree : List.of("src/main", "src/test")) {
            try (Stream<Path> files = Files.walk(Path.of(tree))) {
                files.filter(Files::isRegularFile).forEach(file -> {
                    try {
                        texts.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return texts;
    }
}
