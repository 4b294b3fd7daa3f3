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

    /**
     * @param source the regular expression
     * @param secretGroups the groups that may hold the secret, the first one that took part wins
     * @throws java.util.regex.PatternSyntaxException when the expression does not compile
     */
    JdkSecretPattern(String source, int... secretGroups) {
        this.pattern = Pattern.compile(source);
        this.secretGroups = secretGroups.clone();
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
        Matcher matcher = pattern.matcher(text);
        matcher.useTransparentBounds(true);
        matcher.useAnchoringBounds(false);
        matcher.region(from, to);
        while (matcher.find()) {
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
        Matcher matcher = pattern.matcher(text);
        matcher.useTransparentBounds(true);
        matcher.useAnchoringBounds(false);
        matcher.region(from, to);
        if (matcher.lookingAt()) {
            for (int group : secretGroups) {
                int start = matcher.start(group);
                if (start >= 0) {
                    consumer.match(matcher.start(), matcher.end(), start, matcher.end(group));
                    return;
                }
            }
        }
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
