package io.jenkins.plugins.devsecops.packages.version;

/**
 * RPM versions ({@code [epoch:]version[-release]}) ordered as rpm's {@code rpmvercmp} orders them: the epoch
 * numerically (none is 0), then version and release segment by segment, where separators are ignored, digit runs
 * compare numerically and beat letter runs, {@code ~} sorts before anything (even the end) and {@code ^} after the
 * end but before anything else. A release missing on either side is not compared, as rpm does for dependency
 * ranges. Used for Red Hat, Rocky Linux, AlmaLinux, SUSE and openSUSE.
 */
final class RpmOrdering implements VersionOrdering {

    private record Parsed(long epoch, String version, String release) {
    }

    private final ParseCache<Parsed> cache = new ParseCache<>(RpmOrdering::parse);

    @Override
    public int compare(String left, String right) {
        Parsed a = cache.get(left);
        Parsed b = cache.get(right);
        int byEpoch = Long.compare(a.epoch(), b.epoch());
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byVersion = rpmvercmp(a.version(), b.version());
        if (byVersion != 0 || a.release() == null || b.release() == null) {
            return byVersion;
        }
        return rpmvercmp(a.release(), b.release());
    }

    private static Parsed parse(String evr) {
        String text = evr.strip();
        if (text.isEmpty() || text.length() > 256 || text.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("Not an RPM version: '" + evr + "'");
        }
        long epoch = 0;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            String epochText = text.substring(0, colon);
            if (!epochText.isEmpty()) {
                if (epochText.length() > 9 || !epochText.chars().allMatch(Character::isDigit)) {
                    throw new IllegalArgumentException("Bad epoch in RPM version '" + evr + "'");
                }
                epoch = Long.parseLong(epochText);
            }
            text = text.substring(colon + 1);
        }
        int dash = text.lastIndexOf('-');
        String version = dash < 0 ? text : text.substring(0, dash);
        String release = dash < 0 ? null : text.substring(dash + 1);
        if (version.isEmpty() || version.chars().noneMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("Not an RPM version: '" + evr + "'");
        }
        return new Parsed(epoch, version, release);
    }

    /** rpm's segment-wise comparison of two version (or release) strings. */
    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !isAlnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
                i++;
            }
            while (j < b.length() && !isAlnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
                j++;
            }
            char ca = i < a.length() ? a.charAt(i) : 0;
            char cb = j < b.length() ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (ca == 0) {
                    return -1;
                }
                if (cb == 0) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == 0 || cb == 0) {
                break;
            }
            int startA = i;
            int startB = j;
            boolean numeric = isDigit(ca);
            while (i < a.length() && (numeric ? isDigit(a.charAt(i)) : isAlpha(a.charAt(i)))) {
                i++;
            }
            while (j < b.length() && (numeric ? isDigit(b.charAt(j)) : isAlpha(b.charAt(j)))) {
                j++;
            }
            if (j == startB) {
                // segments of different kinds: a number is newer than letters
                return numeric ? 1 : -1;
            }
            String segA = a.substring(startA, i);
            String segB = b.substring(startB, j);
            int result;
            if (numeric) {
                segA = stripZeros(segA);
                segB = stripZeros(segB);
                result = segA.length() != segB.length() ? Integer.compare(segA.length(), segB.length())
                        : segA.compareTo(segB);
            } else {
                result = segA.compareTo(segB);
            }
            if (result != 0) {
                return result < 0 ? -1 : 1;
            }
        }
        boolean restA = i < a.length();
        boolean restB = j < b.length();
        if (!restA && !restB) {
            return 0;
        }
        return restA ? 1 : -1;
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isAlpha(c);
    }
}
