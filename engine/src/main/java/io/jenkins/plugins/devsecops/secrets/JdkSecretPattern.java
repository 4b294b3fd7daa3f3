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
