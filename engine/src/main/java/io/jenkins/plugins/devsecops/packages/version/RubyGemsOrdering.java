package io.jenkins.plugins.devsecops.packages.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RubyGems' {@code Gem::Version} ordering: segments split at dots and at digit/letter changes, a {@code -} read as
 * {@code .pre.}, numbers compared numerically, any letter segment (a pre-release) before any number, missing
 * segments equal to zero (so {@code 1.0 == 1}). Like {@code Gem::Version#canonical_segments}, trailing zeros are
 * dropped from the release part and from the pre-release part before comparing, so {@code 3.0.0.beta4} is
 * {@code 3.beta.4} and sorts before {@code 3.0.pre} ({@code 3.pre}).
 */
public final class RubyGemsOrdering implements VersionOrdering {

    private static final Pattern VALID = Pattern.compile("^\\s*[0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?\\s*$");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    @Override
    public int compare(String left, String right) {
        List<Object> a = segments(left);
        List<Object> b = segments(right);
        int length = Math.max(a.size(), b.size());
        for (int i = 0; i < length; i++) {
            Object x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            Object y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int result;
            if (x instanceof BigInteger xi && y instanceof BigInteger yi) {
                result = xi.compareTo(yi);
            } else if (x instanceof String xs && y instanceof String ys) {
                result = xs.compareTo(ys);
            } else {
                result = x instanceof String ? -1 : 1;
            }
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    private static List<Object> segments(String version) {
        if (version == null || version.length() > 256 || !VALID.matcher(version).matches()) {
            throw new IllegalArgumentException("Not a RubyGems version: " + version);
        }
        String text = version.strip().replace("-", ".pre.");
        List<Object> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(text);
        while (matcher.find()) {
            String segment = matcher.group();
            segments.add(Character.isDigit(segment.charAt(0)) ? new BigInteger(segment) : segment);
        }
        return canonical(segments);
    }

    /** The release part (up to the first letter segment) and the rest, each without its trailing zeros. */
    private static List<Object> canonical(List<Object> segments) {
        int firstWord = 0;
        while (firstWord < segments.size() && segments.get(firstWord) instanceof BigInteger) {
            firstWord++;
        }
        List<Object> canonical = new ArrayList<>(withoutTrailingZeros(segments.subList(0, firstWord)));
        canonical.addAll(withoutTrailingZeros(segments.subList(firstWord, segments.size())));
        return canonical;
    }

    private static List<Object> withoutTrailingZeros(List<Object> part) {
        int end = part.size();
        while (end > 0 && BigInteger.ZERO.equals(part.get(end - 1))) {
            end--;
        }
        return part.subList(0, end);
    }
}
