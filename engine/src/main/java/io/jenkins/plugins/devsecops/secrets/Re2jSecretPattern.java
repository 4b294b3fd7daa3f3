package io.jenkins.plugins.devsecops.secrets;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A user rule's pattern, compiled with RE2J: matching takes time linear in the input whatever the pattern, so a
 * careless or hostile pattern in {@code .devsecops/rules/} cannot hang a scan.
 */
final class Re2jSecretPattern implements SecretPattern {

    private final Pattern pattern;
    private final int secretGroup;

    /**
     * @throws com.google.re2j.PatternSyntaxException when the expression does not compile
     */
    Re2jSecretPattern(String source, int secretGroup) {
        this.pattern = Pattern.compile(source);
        this.secretGroup = secretGroup;
    }

    @Override
    public String source() {
        return pattern.pattern();
    }

    @Override
    public int groupCount() {
        return pattern.groupCount();
    }

    @Override
    public void findAll(CharSequence text, int from, int to, MatchConsumer consumer) {
        // RE2J has no regions: match a view of the region and shift the offsets back.
        CharSequence region = from == 0 && to == text.length() ? text : text.subSequence(from, to);
        Matcher matcher = pattern.matcher(region);
        int position = 0;
        while (position <= region.length() && !consumer.stopped() && matcher.find(position)) {
            int start = matcher.start(secretGroup);
            if (start >= 0) {
                consumer.match(from + matcher.start(), from + matcher.end(), from + start, from + matcher.end(secretGroup));
            }
            position = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
        }
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
