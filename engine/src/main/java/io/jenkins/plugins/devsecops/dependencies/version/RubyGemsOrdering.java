package io.jenkins.plugins.devsecops.dependencies.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RubyGems' {@code Gem::Version} ordering: segments split at dots and at digit/letter changes, a {@code -} read as
 * {@code .pre.}, numbers compared numerically, any letter segment (a pre-release) before any number, missing
 * segments equal to zero (so {@code 1.0 == 1}).
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
        return segments;
    }
}
