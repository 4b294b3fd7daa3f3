package io.jenkins.plugins.devsecops.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The allowlist of values that look like secrets but are not: vendors' documented example keys, placeholders
 * ({@code xxxx}, {@code changeme}, {@code <your-token>}, {@code example}, {@code dummy}), test-only values, values
 * made mostly of one repeated character, and templated values filled in at deploy time ({@code ${VAR}}, {@code $VAR},
 * <code>{{ var }}</code>, {@code %(var)s}, {@code #{var}}, {@code %VAR%}). Applies to every rule.
 */
final class PlaceholderValues {

    /** Documented example credentials, as published by their vendors. */
    private static final Set<String> DOCUMENTED_EXAMPLES = Set.of(
            "akiaiosfodnn7example",
            "wjalrxutnfemi/k7mdeng/bpxrficyexamplekey",
            "je7mtgbclwbf/2tk6ceyexamplekey",
            "akidexample",
            "wjalrxutnfemi/k7mdeng+bpxrficyexamplekey",
            "sk_test_4ec39hqlyjwdarjtt1zdp7dc",
            "pk_test_tyooedauvdexample",
            "xoxb-not-a-real-token-this-will-not-work");

    /** The payload of jwt.io's example token (John Doe, 1516239022), pasted into countless docs and tests. */
    private static final String JWT_IO_EXAMPLE_PAYLOAD =
            "eyjzdwiioiixmjm0nty3odkwiiwibmftzsi6ikpvag4grg9liiwiawf0ijoxnte2mjm5mdiyfq";

    /** Substrings that mark a placeholder, compared in lower case. */
    private static final List<String> PLACEHOLDER_WORDS = List.of(
            "example", "xxxx", "changeme", "change_me", "change-me", "placeholder", "dummy", "your-", "your_",
            "yourtoken", "yourkey", "yourpassword", "redacted", "notreal", "not-a-real", "not_a_real", "fake-",
            "fake_", "sample", "insert-", "insert_", "replace-me", "replace_me", "replaceme", "****", "....");

    /** Whole values that are placeholders, compared in lower case. */
    private static final Set<String> PLACEHOLDER_VALUES = Set.of(
            "password", "passwd", "pass", "secret", "token", "apikey", "api_key", "admin", "root", "user",
            "username", "none", "null", "nil", "undefined", "true", "false", "empty", "default", "string", "value",
            "changeit", "letmein", "qwerty", "todo", "fixme", "tbd", "n/a", "na", "hunter2");

    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$[A-Za-z_]");
    private static final Pattern WINDOWS_VARIABLE =
            Pattern.compile("%[A-Za-z_][A-Za-z0-9_]*%");

    private PlaceholderValues() {
    }

    /** Whether {@code value} is a documented example, a placeholder, a test-only or a templated value. */
    static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (DOCUMENTED_EXAMPLES.contains(lower) || PLACEHOLDER_VALUES.contains(lower)) {
            return true;
        }
        for (String word : PLACEHOLDER_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return isTestOnly(lower) || isTestOnly(withoutPrefix(lower)) || hasLongRun(value) || isTemplated(value);
    }

    /**
     * The value without a provider's prefix of four characters ({@code AKIA}, {@code ghp_}): {@code
     * AKIATESTTESTTESTTEST} is the word test behind a real prefix. Values shorter than 16 characters are kept whole.
     */
    private static String withoutPrefix(String lower) {
        return lower.length() >= 16 ? lower.substring(4) : "";
    }

    /** Whether the value holds the payload of jwt.io's example token. */
    static boolean isJwtIoExample(String lower) {
        return lower.contains(JWT_IO_EXAMPLE_PAYLOAD);
    }

    /** A value that is one shorter piece repeated, e.g. {@code 1234abcd1234abcd1234abcd}: typed, not generated. */
    static boolean isPeriodic(String value) {
        int length = value.length();
        if (length < 8) {
            return false;
        }
        for (int period = 1; period <= length / 2; period++) {
            if (length % period == 0 && value.regionMatches(0, value, period, length - period)) {
                return true;
            }
        }
        return false;
    }

    /** Eight or more consecutive ascending characters ({@code 12345678}, {@code abcdefgh}): a keyboard sample. */
    static boolean hasSequentialRun(String lower) {
        int run = 1;
        for (int i = 1; i < lower.length(); i++) {
            char c = lower.charAt(i);
            run = c == lower.charAt(i - 1) + 1 && Character.isLetterOrDigit(c) ? run + 1 : 1;
            if (run >= 8) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two ascending runs interleaved ({@code a1b2c3d4}, {@code 1a2b3c4d}): typed as an illustration, not generated.
     */
    static boolean hasInterleavedRun(String lower) {
        int[] run = {1, 1};
        for (int i = 2; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int parity = i & 1;
            run[parity] = c == lower.charAt(i - 2) + 1 && Character.isLetterOrDigit(c) ? run[parity] + 1 : 1;
            if (run[parity] >= 4 && run[1 - parity] >= 3) {
                return true;
            }
        }
        return false;
    }

    /** Values made only of the word test (and digits or punctuation), e.g. {@code test}, {@code test-123}, {@code testtest}. */
    static boolean isTestOnly(String lower) {
        StringBuilder kept = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z') {
                kept.append(c);
            }
        }
        String letters = kept.toString();
        return !letters.isEmpty() && letters.replace("testing", "").replace("test", "").isEmpty();
    }

    /**
     * A run of six or more copies of one character making up at least a third of the value ({@code AKIA0000000000000000},
     * {@code aaaaaaaa1234}), or a value of at most two distinct characters. Runs in a long random value are a format,
     * not a placeholder: Twitter bearer tokens start with twenty-odd {@code A}s.
     */
    static boolean hasLongRun(String value) {
        int run = 1;
        int longest = 1;
        for (int i = 1; i < value.length(); i++) {
            run = value.charAt(i) == value.charAt(i - 1) ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        if (longest >= 6 && longest * 3 >= value.length()) {
            return true;
        }
        if (value.length() < 4) {
            return false;
        }
        char first = value.charAt(0);
        char second = first;
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != first) {
                if (second == first) {
                    second = c;
                } else if (c != second) {
                    return false; // a third distinct character
                }
            }
        }
        return true;
    }

    /** Whether the value is filled in by a template engine, a shell or a build tool rather than being the secret. */
    static boolean isTemplated(String value) {
        if (value.contains("${") || value.contains("{{") || value.contains("}}") || value.contains("#{")
                || value.contains("%(") || value.contains("<%")) {
            return true;
        }
        if (SHELL_VARIABLE.matcher(value).lookingAt() || WINDOWS_VARIABLE.matcher(value).matches()) {
            return true;
        }
        // Angle-bracket placeholders such as <your-token> or <TOKEN>.
        return value.startsWith("<") && value.endsWith(">");
    }
}
