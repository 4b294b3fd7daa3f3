package io.jenkins.plugins.devsecops.packages.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Composer's ordering, PHP's {@code version_compare}: a leading {@code v} dropped, {@code -_+} read as dots, a dot
 * inserted between digits and letters; numeric parts compared as numbers; the special words ordered
 * {@code dev} &lt; {@code alpha}/{@code a} &lt; {@code beta}/{@code b} &lt; {@code RC}/{@code rc} &lt; a number
 * &lt; {@code patch}/{@code pl}/{@code p}; a word ranks as the first of these forms it starts with (PHP's prefix
 * match: {@code post} as {@code p}), any other word before {@code dev}.
 */
public final class PackagistOrdering implements VersionOrdering {

    /** PHP's special forms in the order it tries them; a word takes the rank of the first form it starts with. */
    private static final List<String> SPECIAL_FORMS = List.of("dev", "alpha", "a", "beta", "b", "rc", "#", "pl", "p");
    private static final Map<String, Integer> SPECIAL = Map.of(
            "dev", 0, "alpha", 1, "a", 1, "beta", 2, "b", 2, "rc", 3, "#", 4, "pl", 5, "p", 5);

    @Override
    public int compare(String left, String right) {
        List<String> a = canonical(left);
        List<String> b = canonical(right);
        int length = Math.max(a.size(), b.size());
        for (int i = 0; i < length; i++) {
            if (i >= a.size() || i >= b.size()) {
                // PHP: a longer version is newer when the extra part is a number, older when it is a word
                String extra = i >= a.size() ? b.get(i) : a.get(i);
                int sign = i >= a.size() ? -1 : 1;
                return isNumber(extra) || rank(extra) >= 4 ? sign : -sign;
            }
            int result = comparePart(a.get(i), b.get(i));
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    private static int comparePart(String x, String y) {
        if (isNumber(x) && isNumber(y)) {
            return new BigInteger(x).compareTo(new BigInteger(y));
        }
        return Integer.compare(rank(x), rank(y));
    }

    private static int rank(String part) {
        if (isNumber(part)) {
            return SPECIAL.get("#");
        }
        // like PHP's version_compare, a word takes the first form it starts with: "post" and "patch" rank as "p"
        String word = part.toLowerCase(Locale.ROOT);
        for (String form : SPECIAL_FORMS) {
            if (word.startsWith(form)) {
                return SPECIAL.get(form);
            }
        }
        return -1;
    }

    private static boolean isNumber(String part) {
        return !part.isEmpty() && part.chars().allMatch(Character::isDigit);
    }

    private static List<String> canonical(String version) {
        if (version == null || version.isBlank() || version.length() > 256) {
            throw new IllegalArgumentException("Not a Composer version: " + version);
        }
        String text = version.strip();
        if (text.startsWith("v") || text.startsWith("V")) {
            text = text.substring(1);
        }
        if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            throw new IllegalArgumentException("Not a Composer version: " + version);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '-' || c == '_' || c == '+') {
                flush(parts, current);
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                throw new IllegalArgumentException("Not a Composer version: " + version);
            }
            if (current.length() > 0 && Character.isDigit(c) != Character.isDigit(current.charAt(current.length() - 1))) {
                flush(parts, current);
            }
            current.append(c);
        }
        flush(parts, current);
        return parts;
    }

    private static void flush(List<String> parts, StringBuilder current) {
        if (current.length() > 0) {
            parts.add(current.toString());
            current.setLength(0);
        }
    }
}
