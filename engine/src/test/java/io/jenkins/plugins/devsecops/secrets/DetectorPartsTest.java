package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The detector's building blocks on their own: keyword search, pattern anchoring, the assignment matcher, masking. */
class DetectorPartsTest {

    @Test
    void shouldFindTheSameKeywordsAsANaiveSearchInCharsAndBytes() {
        // Given overlapping keywords and random text over their alphabet, in mixed case
        List<String> keywords = List.of("he", "she", "his", "hers", "://", "token", "ok");
        KeywordAutomaton automaton = new KeywordAutomaton(keywords);
        Random random = new Random(3);
        String alphabet = "heSHirsTOKEN:/ x";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String lower = text.toString().toLowerCase();

        // When searched with the automaton, over chars and over bytes
        List<String> fromChars = new ArrayList<>();
        automaton.scan(text.toString(), (keyword, end) -> fromChars.add(keyword + "@" + end));
        List<String> fromBytes = new ArrayList<>();
        automaton.scanBytes(text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                (keyword, end) -> fromBytes.add(keyword + "@" + end));

        // Then both give every occurrence a naive search gives
        List<String> naive = new ArrayList<>();
        for (int end = 1; end <= lower.length(); end++) {
            for (int k = 0; k < keywords.size(); k++) {
                String keyword = keywords.get(k);
                if (end >= keyword.length() && lower.startsWith(keyword, end - keyword.length())) {
                    naive.add(k + "@" + end);
                }
            }
        }
        assertThat(fromChars).containsExactlyInAnyOrderElementsOf(naive);
        assertThat(fromBytes).containsExactlyInAnyOrderElementsOf(naive);
        assertThat(naive).hasSizeGreaterThan(100);
    }

    @Test
    void shouldReportTheSameHitsInTheSameOrderWhenABytesScanIsSplitInTwoHalves() {
        // Given overlapping keywords (a long one that can straddle the middle) and texts of every length around the
        // size from which the byte scan walks two halves at once, some with bytes above 0x7F
        List<String> keywords = List.of("he", "she", "his", "hers", "password", "passwd", "pass", "s", "word");
        KeywordAutomaton automaton = new KeywordAutomaton(keywords);
        Random random = new Random(11);
        String alphabet = "heSHirPAswdo x";
        for (int length = 0; length < KeywordAutomaton.SPLIT_AT * 3; length += 1 + random.nextInt(3)) {
            for (int round = 0; round < 4; round++) {
                byte[] bytes = new byte[length];
                for (int i = 0; i < length; i++) {
                    bytes[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
                if (length > 0 && round == 3) {
                    bytes[random.nextInt(length)] = (byte) 0xC3;
                }
                // When scanned whole (split in two from SPLIT_AT on) and in one walk from the first byte
                List<String> split = new ArrayList<>();
                boolean splitAscii = automaton.scanBytes(bytes, (keyword, end) -> split.add(keyword + "@" + end));
                List<String> single = new ArrayList<>();
                boolean singleAscii = automaton.scanBytes(bytes, 0, length,
                        (keyword, end) -> single.add(keyword + "@" + end));

                // Then both report the same hits in the same order, and agree on whether the bytes are ASCII
                assertThat(split).as("length %d", length).containsExactlyElementsOf(single);
                assertThat(splitAscii).isEqualTo(singleAscii).isEqualTo(round != 3 || length == 0);
            }
        }
        // And a keyword across the middle of a long text is found once
        byte[] text = ("x".repeat(KeywordAutomaton.SPLIT_AT - 3) + "password" + "x".repeat(KeywordAutomaton.SPLIT_AT))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<String> hits = new ArrayList<>();
        automaton.scanBytes(text, (keyword, end) -> hits.add(keywords.get(keyword) + "@" + end));
        int end = KeywordAutomaton.SPLIT_AT - 3 + 8;
        assertThat(hits).containsExactly("s@" + (end - 5), "pass@" + (end - 4), "s@" + (end - 4), "password@" + end,
                "word@" + end);
    }

    @Test
    void shouldReportTheSameHitsInTheSameOrderWhenABytesScanIsSplitInFourQuarters() {
        // Given overlapping keywords and texts of lengths around the size from which the byte scan walks four
        // quarters at once (every remainder modulo four), with keywords placed across each quarter boundary
        List<String> keywords = List.of("he", "she", "his", "hers", "password", "passwd", "pass", "s", "word");
        KeywordAutomaton automaton = new KeywordAutomaton(keywords);
        Random random = new Random(12);
        String alphabet = "heSHirPAswdo x";
        for (int length = KeywordAutomaton.SPLIT4_AT - 9; length < KeywordAutomaton.SPLIT4_AT * 2 + 9;
                length += length < KeywordAutomaton.SPLIT4_AT + 9 ? 1 : 1 + random.nextInt(97)) {
            for (int round = 0; round < 3; round++) {
                byte[] bytes = new byte[length];
                for (int i = 0; i < length; i++) {
                    bytes[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
                int quarter = length / 4;
                for (int boundary = quarter; boundary <= 3 * quarter; boundary += quarter) {
                    int at = boundary - 1 - random.nextInt(7); // "password" ends 1 to 7 bytes past the boundary
                    System.arraycopy("password".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, at, 8);
                }
                if (round == 2) {
                    bytes[random.nextInt(length)] = (byte) 0xE2;
                }
                // When scanned whole (in quarters) and in one walk from the first byte
                List<String> quarters = new ArrayList<>();
                boolean quartersAscii = automaton.scanBytes(bytes, (keyword, end) -> quarters.add(keyword + "@" + end));
                List<String> single = new ArrayList<>();
                boolean singleAscii = automaton.scanBytes(bytes, 0, length,
                        (keyword, end) -> single.add(keyword + "@" + end));

                // Then both report the same hits in the same order, and agree on whether the bytes are ASCII
                assertThat(quarters).as("length %d", length).containsExactlyElementsOf(single);
                assertThat(quartersAscii).isEqualTo(singleAscii).isEqualTo(round != 2);
            }
        }
    }

    @Test
    void shouldOnlyStartSearchesAtTheKeywordWhenEveryMatchBeginsWithIt() {
        assertThat(PatternPrefix.startsWithKeyword("\\b(ghp_[A-Za-z0-9]{36})\\b", List.of("ghp_"))).isTrue();
        assertThat(PatternPrefix.startsWithKeyword("(?:xoxb-)([0-9]+)", List.of("xoxb-"))).isTrue();
        assertThat(PatternPrefix.startsWithKeyword("(ghp_[a-z]+|other)", List.of("ghp_"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("ghp_[a-z]+|other", List.of("ghp_"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("(?i:jenkins)[\\w.-]{0,25}=(11[0-9a-f]{32})", List.of("jenkins")))
                .isTrue();
        assertThat(PatternPrefix.startsWithKeyword("(?i:snyk|other)[ =]+(x)", List.of("snyk", "other"))).isTrue();
        assertThat(PatternPrefix.startsWithKeyword("(?i:cloudflare|cf[_-]api)=(x)", List.of("cloudflare"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("(?i:jenkins)?token=(x)", List.of("jenkins"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("(?:xoxb-)*x", List.of("xoxb-"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("ghp_?x", List.of("ghp_"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("(?i)(?:getenv|environ\\.get)\\(x", List.of("getenv", "environ.get")))
                .isTrue();
        assertThat(PatternPrefix.startsWithKeyword("(?:getenv|other)\\(x", List.of("getenv"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("(?:getenv|environ)?x", List.of("getenv", "environ"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("(?:getenv|environ)x|y", List.of("getenv", "environ"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("(?i)token=(\\w+)", List.of("token"))).isTrue();
        assertThat(PatternPrefix.startsWithKeyword("(?i)(ghp_[a-z]+|other)", List.of("ghp_"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("\\b((?:sk|rk)_live_\\w+)", List.of("sk_live_", "rk_live_"))).isFalse();
        assertThat(PatternPrefix.startsWithKeyword("(ab[|]cd)", List.of("ab"))).isTrue();
        assertThat(PatternPrefix.startsWithKeyword("(?m)data:(?<=^data:)[ \\t]*\\n", List.of("data:"))).isTrue();
        assertThat(PatternPrefix.startsWithKeyword("https?://[^@]+@", List.of("http"))).isTrue();
        assertThat(PatternPrefix.startsWithKeyword("(?x)d a t a", List.of("data"))).isFalse();
    }

    @Test
    void shouldFindEveryMatchOfAKeywordFirstPatternByTryingOnlyAtHits() {
        // Given a keyword-first rule, and a line where matches follow each other and a near miss precedes them
        SecretRule rule = SecretRule.builder("demo-token").title("Demo").severity(io.jenkins.plugins.devsecops.model.Severity.HIGH)
                .keywords(List.of("dt_")).pattern(new JdkSecretPattern("\\b(dt_[A-Za-z0-9]{12})\\b")).build();
        String line = "x=dt_short dt_Q8wZr3TyP0Lm,dt_N5vBq8WzR3tY DT_Q8wZr3TyP0Lm";

        // When detected
        List<SecretMatch> matches = new SecretDetector(List.of(rule)).detect("a.env", line);

        // Then both real ones are found, the upper-case one is not (the pattern is case-sensitive)
        assertThat(matches).extracting(m -> line.substring(m.secretStart(), m.secretEnd()))
                .containsExactly("dt_Q8wZr3TyP0Lm", "dt_N5vBq8WzR3tY");
    }

    @Test
    void shouldSearchFromTheLineStartOrTheWindowBeforeTheHitWhicheverIsLater() {
        // Given a rule whose matches start before its keyword, so that the detector searches the hit's line
        SecretRule rule = SecretRule.builder("demo-before").title("Demo").severity(io.jenkins.plugins.devsecops.model.Severity.HIGH)
                .keywords(List.of("tok")).pattern(new JdkSecretPattern("x([0-9]{4})[a-z \\n]{0,2000}tok")).build();
        SecretDetector detector = new SecretDetector(List.of(rule));
        String text = "short\n".repeat(50)
                + "x1357" + " ".repeat(1000) + "tok\n" // starts 1,005 characters before the keyword: in the window
                + "x2468" + " ".repeat(1100) + "tok\n" // 1,105 before: outside it
                + "x3579" + " ".repeat(10) + "tok\n"
                + "q".repeat(3000) + "x4680 tok tok\n" // a long line, the match near its end
                + "x5791" + "q".repeat(1500) + "\n"
                + "x6802\n tok\n" // the match would start on the line before
                + "q".repeat(2000) + " ".repeat(900) + "tok x7913 tok\n"; // the first hit searches on to the line end

        // When detected
        List<SecretMatch> matches = detector.detect("a.txt", text);

        // Then exactly the matches that start on the hit's line, within the window, are found
        assertThat(matches).extracting(m -> text.substring(m.secretStart(), m.secretEnd()))
                .containsExactly("1357", "3579", "4680", "7913");
    }

    @Test
    void shouldSkipTheMatcherOnlyWhereTheOpeningCannotMatch() {
        // Given a pattern that opens with words, blanks and an operator, and the same expression wrapped so that its
        // opening is not checked by hand
        String source = "(?i)(?:password|pwd|env\\.get)[ \\t]{0,3}=[ \\t]{0,3}([^;\"'\\s]{3,40})";
        JdkSecretPattern checked = new JdkSecretPattern(source, 1);
        JdkSecretPattern plain = new JdkSecretPattern("(?:" + source + ")", 1);
        Random random = new Random(11);
        String[] parts = {"password", "PassWord", "pwd", "PWD", "env.get", "envXget", "passwordx", "pass", " ", "\t",
            "    ", "=", "==", ";", "abc", "S3cr3tValue", "\n", "\"", "\u212Aey"};
        int skipped = 0;
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            for (int from = 0; from < text.length(); from++) {
                for (int to : new int[] {text.length(), Math.min(text.length(), from + 9)}) {
                    List<String> expected = new ArrayList<>();
                    List<String> actual = new ArrayList<>();
                    plain.matchAt(text, from, to, collect(expected));
                    checked.matchAt(text, from, to, collect(actual));
                    // Then the hand check never loses a match
                    assertThat(actual).as("%s at %d..%d", text, from, to).isEqualTo(expected);
                    if (!checked.mayMatchAt(text, from, to)) {
                        skipped++;
                    }
                }
            }
        }
        // And it does skip most positions
        assertThat(skipped).isGreaterThan(1000);
        assertThat(new JdkSecretPattern("(?i)(?:password|pwd)[ \\t]{0,3}=?x|y").mayMatchAt("y", 0, 1)).isTrue();
    }

    private static SecretPattern.MatchConsumer collect(List<String> into) {
        return (matchStart, matchEnd, secretStart, secretEnd) -> into.add(matchStart + ":" + matchEnd + ":"
                + secretStart + ":" + secretEnd);
    }

    @Test
    void shouldParseAssignmentsLikeTheDocumentedGrammar() {
        AssignmentPattern pattern = new AssignmentPattern();
        assertThat(secret(pattern, "_KEY = \"q8WzR3tYp0LmN5vB\";")).isEqualTo("q8WzR3tYp0LmN5vB");
        assertThat(secret(pattern, "\": 'q8WzR3tYp0LmN5vB'")).isEqualTo("q8WzR3tYp0LmN5vB");
        assertThat(secret(pattern, ".value := q8WzR3tYp0 # comment")).isEqualTo("q8WzR3tYp0");
        assertThat(secret(pattern, " => 'q8WzR3tYp0LmN5vB',")).isEqualTo("q8WzR3tYp0LmN5vB");
        assertThat(secret(pattern, "+=q8WzR3tYp0")).isEqualTo("q8WzR3tYp0");
        assertThat(secret(pattern, "> q8WzR3tYp0LmN5vB </password>")).isEqualTo("q8WzR3tYp0LmN5vB");
        assertThat(secret(pattern, " == \"q8WzR3tYp0LmN5vB\"")).isNull();
        assertThat(secret(pattern, " = \"abc\"")).isNull();
        assertThat(secret(pattern, " = \"dvwa\"")).isEqualTo("dvwa");
        assertThat(secret(pattern, " encoding=\"base64\">Rm1xN3ZMMnBY</Pass>")).isNull(); // not an element name here
        assertThat(secret(pattern, " type=\"text\"/>q8WzR3tYp0</x>")).isNull();
        assertThat(secret(pattern, " = \"has a space in it\"")).isNull();
        assertThat(secret(pattern, ".isExpired(clock)")).isNull();
        assertThat(secret(pattern, "> q8WzR3tYp0LmN5vB")).isNull();
    }

    @Test
    void shouldReadTheTextOfAnElementNamedLikeACredentialAfterItsAttributes() {
        AssignmentPattern pattern = new AssignmentPattern();
        List<String> found = new ArrayList<>();
        String text = "<Pass encoding=\"base64\">Rm1xN3ZMMnBY</Pass>";
        pattern.matchAt(text, 5, text.length(), (matchStart, matchEnd, secretStart, secretEnd) ->
                found.add(text.substring(secretStart, secretEnd)));
        assertThat(found).containsExactly("Rm1xN3ZMMnBY");
        List<String> none = new ArrayList<>();
        String selfClosing = "<password type=\"text\"/>q8WzR3tYp0</x>";
        pattern.matchAt(selfClosing, 9, selfClosing.length(), (matchStart, matchEnd, secretStart, secretEnd) ->
                none.add(selfClosing.substring(secretStart, secretEnd)));
        assertThat(none).isEmpty();
    }

    private static String secret(SecretPattern pattern, String afterKeyword) {
        String[] found = new String[1];
        pattern.matchAt(afterKeyword, 0, afterKeyword.length(),
                (matchStart, matchEnd, secretStart, secretEnd) -> found[0] = afterKeyword.substring(secretStart, secretEnd));
        return found[0];
    }

    @Test
    void shouldMaskSecretsKeepingAtMostFourCharactersOfLongOnes() {
        assertThat(SecretRedaction.mask("ghp_uGMGKAuWfpTbmRsHdRXfr8nBNXYK7Gh5Qhy5")).isEqualTo("ghp_****");
        assertThat(SecretRedaction.mask("pX7!kQ9vL2mR")).isEqualTo("****");
        String line = "a=ghp_uGMGKAuWfpTbmRsHdRXfr8nBNXYK7Gh5Qhy5 b=pX7!kQ9vL2mR c=pX7!kQ9vL2mR";
        int first = line.indexOf("ghp_");
        int second = line.indexOf("pX7");
        assertThat(SecretRedaction.redactLine(line, 0, line.length(),
                new int[] {first, first + 40, second, second + 12}, first))
                .isEqualTo("a=ghp_**** b=**** c=****");
        String twoSecrets = "VALUES = 'ghp_uGMGKAuWfpTbmRsHdRXfr8nBNXYK7Gh5Qhy5', '3b5d5c3712955042212316173ccf37be' # AbstractSingletonProxyFactoryBean";
        assertThat(SecretRedaction.redactLine(twoSecrets, 0, twoSecrets.length(), new int[] {10, 50}, 10))
                .isEqualTo("VALUES = 'ghp_****', '3b5d****' # AbstractSingletonProxyFactoryBean");
    }

    @Test
    void shouldRecognisePlaceholdersAndTemplates() {
        assertThat(PlaceholderValues.isPlaceholder("AKIAIOSFODNN7EXAMPLE")).isTrue();
        assertThat(PlaceholderValues.isPlaceholder("${DB_PASSWORD}")).isTrue();
        assertThat(PlaceholderValues.isPlaceholder("$DB_PASSWORD")).isTrue();
        assertThat(PlaceholderValues.isPlaceholder("{{ .Values.token }}")).isTrue();
        assertThat(PlaceholderValues.isPlaceholder("%(password)s")).isTrue();
        assertThat(PlaceholderValues.isPlaceholder("#{vault.key}")).isTrue();
        assertThat(PlaceholderValues.isPlaceholder("<your-token>")).isTrue();
        assertThat(PlaceholderValues.isPlaceholder("test-1234")).isTrue();
        assertThat(PlaceholderValues.isPlaceholder("0000000000000000")).isTrue();
        assertThat(PlaceholderValues.isPlaceholder("q8WzR3tYp0LmN5vB")).isFalse();
        assertThat(TestPaths.isTest("src/test/java/a/FooTest.java")).isTrue();
        assertThat(TestPaths.isTest("pkg/client_test.go")).isTrue();
        assertThat(TestPaths.isTest("web/__tests__/login.js")).isTrue();
        assertThat(TestPaths.isTest("src/main/java/a/Latest.java")).isFalse();
    }
}
