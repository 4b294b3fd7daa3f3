package io.jenkins.plugins.devsecops.secrets;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code devsecops:ignore} comments: on the line of a finding or on the line before it, {@code
 * devsecops:ignore} suppresses every secret finding and {@code devsecops:ignore RULE-ID[,RULE-ID...]} only those
 * rules. Text after the directive that does not name a rule is kept as the reason. For projects coming from other
 * scanners, their markers are honoured too: {@code pragma: allowlist secret} (detect-secrets) and
 * {@code gitleaks:allow} on the same line, {@code pragma: allowlist nextline secret} on the line before.
 */
final class InlineIgnore {

    /** The directive users write. */
    static final String DIRECTIVE = "devsecops:ignore";

    /** Other scanners' same-line markers. */
    static final String DETECT_SECRETS = "pragma: allowlist secret";
    static final String GITLEAKS = "gitleaks:allow";
    /** detect-secrets' marker for the next line. */
    static final String DETECT_SECRETS_NEXT_LINE = "pragma: allowlist nextline secret";

    private static final Pattern IDS = Pattern.compile("\\G[\\s,]*([a-z0-9]+(?:-[a-z0-9]+)*)");

    private InlineIgnore() {
    }

    /**
     * Whether {@code line} holds a directive that applies to {@code ruleId}.
     *
     * @param knownRuleIds whether a word names a loaded rule: words after the directive that are rule ids restrict it
     *     to those rules, other words are the reason
     */
    static boolean applies(String line, String ruleId, Predicate<String> knownRuleIds) {
        int at = line.toLowerCase(Locale.ROOT).indexOf(DIRECTIVE);
        while (at >= 0) {
            if (appliesAt(line, at + DIRECTIVE.length(), ruleId, knownRuleIds)) {
                return true;
            }
            at = line.toLowerCase(Locale.ROOT).indexOf(DIRECTIVE, at + 1);
        }
        return false;
    }

    private static boolean appliesAt(String line, int after, String ruleId, Predicate<String> known) {
        Matcher matcher = IDS.matcher(line);
        matcher.region(after, line.length());
        boolean named = false;
        while (matcher.find()) {
            String word = matcher.group(1);
            if (!known.test(word)) {
                break;
            }
            named = true;
            if (word.equals(ruleId)) {
                return true;
            }
        }
        return !named;
    }

    /**
     * Whether another scanner's marker on {@code line} suppresses a finding on the same line ({@code sameLine}) or on
     * the next one.
     */
    static boolean foreignMarker(String line, boolean sameLine) {
        String lower = line.toLowerCase(Locale.ROOT);
        return sameLine ? lower.contains(DETECT_SECRETS) || lower.contains(GITLEAKS) : lower.contains(DETECT_SECRETS_NEXT_LINE);
    }

    /** The text after the directive, as the suppression's reason; a default when there is none. */
    static String reason(String line) {
        int at = line.toLowerCase(Locale.ROOT).indexOf(DIRECTIVE);
        String rest = at < 0 ? "" : line.substring(at + DIRECTIVE.length())
                .replaceAll("(\\*/|-->|#\\}|%>)\\s*$", "").strip();
        return rest.isEmpty() ? "Ignored by an inline devsecops:ignore comment" : "devsecops:ignore " + rest;
    }
}
