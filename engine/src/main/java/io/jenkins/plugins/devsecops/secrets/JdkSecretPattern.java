package io.jenkins.plugins.devsecops.secrets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A built-in rule's pattern, compiled once with {@link java.util.regex}. Built-in patterns are reviewed and tested,
 * and they only ever run over a line or a bounded window around a keyword hit, never over a whole file.
 */
final class JdkSecretPattern implements SecretPattern {

    private final Pattern pattern;
    private final int[] secretGroups;
    /** One matcher per thread, reset for each use: a pattern runs at every keyword hit, so allocation adds up. */
    private final ThreadLocal<Matcher> matchers;
    /**
     * For a pattern that opens with literal alternatives, blanks and one literal character ({@code (?i)(?:password|pwd)
     * [ \t]{0,3}=}), that opening in lower case, checked by hand before the matcher is set up at a hit (most hits
     * of a common keyword are not followed by the operator); {@code null} for other patterns.
     */
    private final String[] openingWords;
    private final int openingBlanks;
    private final char openingChar;

    /** {@code (?i)(?:word|word...)}, then optionally {@code [ \t]{0,n}}, then one literal character. */
    private static final Pattern OPENING = Pattern.compile(
            "(?:\\(\\?i\\))?\\(\\?:((?:[A-Za-z0-9_-]|\\\\\\.)+(?:\\|(?:[A-Za-z0-9_-]|\\\\\\.)+)*)\\)"
            + "(?:\\[ \\\\t\\]\\{0,([1-9])\\})?(\\\\[(.\\[{]|[=:])(?![?*+{])");

    /**
     * @param source the regular expression
     * @param secretGroups the groups that may hold the secret, the first one that took part wins; none means group 1,
     *     or the whole match when the pattern has no group
     * @throws java.util.regex.PatternSyntaxException when the expression does not compile
     */
    JdkSecretPattern(String source, int... secretGroups) {
        this.pattern = Pattern.compile(source);
        int groups = pattern.matcher("").groupCount();
        this.secretGroups = secretGroups.length > 0 ? secretGroups.clone() : new int[] {groups > 0 ? 1 : 0};
        this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
        Matcher opening = OPENING.matcher(source);
        if (opening.lookingAt() && !hasTopLevelAlternative(source)) {
            this.openingWords = opening.group(1).replace("\\.", ".").toLowerCase(java.util.Locale.ROOT).split("\\|");
            this.openingBlanks = opening.group(2) == null ? 0 : Integer.parseInt(opening.group(2));
            String literal = opening.group(3);
            this.openingChar = literal.charAt(literal.length() - 1);
        } else {
            this.openingWords = null;
            this.openingBlanks = 0;
            this.openingChar = 0;
        }
    }

    /** Whether the expression has a {@code |} outside every group and class: then a match may start anywhere. */
    private static boolean hasTopLevelAlternative(String source) {
        int depth = 0;
        int classes = 0; // nested classes: [a-z&&[^e]]
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                classes++;
            } else if (c == ']' && classes > 0) {
                classes--;
            } else if (classes > 0) {
                continue;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} at {@code from} may start a match: always, unless the pattern has a checkable opening. */
    boolean mayMatchAt(CharSequence text, int from, int to) {
        if (openingWords == null) {
            return true;
        }
        for (String word : openingWords) {
            int i = from;
            int w = 0;
            while (w < word.length() && i < to && Character.toLowerCase(text.charAt(i)) == word.charAt(w)) {
                i++;
                w++;
            }
            if (w < word.length()) {
                continue;
            }
            for (int blanks = 0; blanks < openingBlanks && i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t');
                    blanks++) {
                i++;
            }
            if (i < to && text.charAt(i) == openingChar) {
                return true;
            }
        }
        return false;
    }

    private Matcher matcher(CharSequence text, int from, int to) {
        Matcher matcher = matchers.get();
        matcher.reset(text);
        matcher.useTransparentBounds(true);
        matcher.useAnchoringBounds(false);
        matcher.region(from, to);
        return matcher;
    }

    private void release(Matcher matcher) {
        // Do not keep the last scanned file reachable from the thread.
        matcher.reset("");
    }

    @Override
    public String source() {
        return pattern.pattern();
    }

    @Override
    public int groupCount() {
        return pattern.matcher("").groupCount();
    }

    @Override
    public void findAll(CharSequence text, int from, int to, MatchConsumer consumer) {
        Matcher matcher = matcher(text, from, to);
        try {
            findAll(matcher, to, consumer);
        } finally {
            release(matcher);
        }
    }

    private void findAll(Matcher matcher, int to, MatchConsumer consumer) {
        while (!consumer.stopped() && matcher.find()) {
            for (int group : secretGroups) {
                int start = matcher.start(group);
                if (start >= 0) {
                    consumer.match(matcher.start(), matcher.end(), start, matcher.end(group));
                    break;
                }
            }
            if (matcher.end() == matcher.start()) {
                if (matcher.end() >= to) {
                    break;
                }
                matcher.region(matcher.end() + 1, to);
            }
        }
    }

    @Override
    public void matchAt(CharSequence text, int from, int to, MatchConsumer consumer) {
        if (!mayMatchAt(text, from, to)) {
            return;
        }
        Matcher matcher = matcher(text, from, to);
        try {
            if (matcher.lookingAt()) {
                for (int group : secretGroups) {
                    int start = matcher.start(group);
                    if (start >= 0) {
                        consumer.match(matcher.start(), matcher.end(), start, matcher.end(group));
                        return;
                    }
                }
            }
        } finally {
            release(matcher);
        }
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
