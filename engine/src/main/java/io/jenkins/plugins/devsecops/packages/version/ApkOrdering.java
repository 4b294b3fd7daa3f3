package io.jenkins.plugins.devsecops.packages.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alpine package versions ({@code 1.2.3a_rc1_p2-r4}) ordered as {@code apk version -t} orders them: dot-separated
 * numbers (the first numerically; later ones with a leading zero as decimal fractions), an optional letter, any
 * number of suffixes with optional numbers ({@code _alpha < _beta < _pre < _rc <} no suffix {@code < _cvs < _svn <
 * _git < _hg < _p}), then the package revision {@code -rN}. A trailing {@code ~hash} (git builds) is ignored. Used
 * for the Alpine and Wolfi ecosystems.
 */
final class ApkOrdering implements VersionOrdering {

    private static final Pattern FORMAT = Pattern.compile(
            "(\\d+(?:\\.\\d+)*)([a-z])?((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\\d*)*)(?:~[0-9a-f]+)?(?:-r(\\d+))?");
    private static final Pattern SUFFIX = Pattern.compile("_(alpha|beta|pre|rc|cvs|svn|git|hg|p)(\\d*)");
    private static final List<String> SUFFIX_ORDER = List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git",
            "hg", "p");
    private static final int NO_SUFFIX = SUFFIX_ORDER.indexOf("");

    private record Suffix(int rank, String number) {
    }

    private record Parsed(List<String> numbers, int letter, List<Suffix> suffixes, String revision) {
    }

    private final ParseCache<Parsed> cache = new ParseCache<>(ApkOrdering::parse);

    @Override
    public int compare(String left, String right) {
        Parsed a = cache.get(left);
        Parsed b = cache.get(right);
        int common = Math.min(a.numbers().size(), b.numbers().size());
        for (int k = 0; k < common; k++) {
            int result = compareNumber(a.numbers().get(k), b.numbers().get(k), k == 0);
            if (result != 0) {
                return result;
            }
        }
        if (a.numbers().size() != b.numbers().size()) {
            return Integer.compare(a.numbers().size(), b.numbers().size());
        }
        if (a.letter() != b.letter()) {
            return Integer.compare(a.letter(), b.letter());
        }
        int suffixes = Math.max(a.suffixes().size(), b.suffixes().size());
        for (int k = 0; k < suffixes; k++) {
            Suffix sa = k < a.suffixes().size() ? a.suffixes().get(k) : new Suffix(NO_SUFFIX, "");
            Suffix sb = k < b.suffixes().size() ? b.suffixes().get(k) : new Suffix(NO_SUFFIX, "");
            if (sa.rank() != sb.rank()) {
                return Integer.compare(sa.rank(), sb.rank());
            }
            int result = compareNumber(sa.number().isEmpty() ? "0" : sa.number(),
                    sb.number().isEmpty() ? "0" : sb.number(), true);
            if (result != 0) {
                return result;
            }
        }
        return compareNumber(a.revision(), b.revision(), true);
    }

    private static Parsed parse(String version) {
        String text = version.strip();
        Matcher matcher = FORMAT.matcher(text);
        if (text.length() > 256 || !matcher.matches()) {
            throw new IllegalArgumentException("Not an Alpine version: '" + version + "'");
        }
        List<String> numbers = List.of(matcher.group(1).split("\\."));
        int letter = matcher.group(2) == null ? 0 : matcher.group(2).charAt(0);
        List<Suffix> suffixes = new ArrayList<>();
        Matcher suffix = SUFFIX.matcher(matcher.group(3));
        while (suffix.find()) {
            suffixes.add(new Suffix(SUFFIX_ORDER.indexOf(suffix.group(1)), suffix.group(2)));
        }
        return new Parsed(numbers, letter, List.copyOf(suffixes), matcher.group(4) == null ? "0" : matcher.group(4));
    }

    /** Numbers compare numerically; a later dotted part with a leading zero compares as a decimal fraction. */
    private static int compareNumber(String a, String b, boolean first) {
        if (!first && (a.startsWith("0") || b.startsWith("0"))) {
            int result = a.compareTo(b);
            return Integer.signum(result);
        }
        String x = strip(a);
        String y = strip(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : Integer.signum(x.compareTo(y));
    }

    private static String strip(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
