package io.jenkins.plugins.devsecops.packages.version;

/**
 * Debian package versions ({@code [epoch:]upstream[-revision]}) ordered as {@code dpkg --compare-versions} orders
 * them (Debian Policy 5.6.12): the epoch numerically, then upstream version and revision by alternating runs of
 * non-digits (letters before other characters, {@code ~} before anything, even the end) and of digits (numerically).
 * Used for the Debian and Ubuntu ecosystems.
 */
final class DpkgOrdering implements VersionOrdering {

    private record Parsed(long epoch, String upstream, String revision) {
    }

    private final ParseCache<Parsed> cache = new ParseCache<>(DpkgOrdering::parse);

    @Override
    public int compare(String left, String right) {
        Parsed a = cache.get(left);
        Parsed b = cache.get(right);
        int byEpoch = Long.compare(a.epoch(), b.epoch());
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byUpstream = compareParts(a.upstream(), b.upstream());
        return byUpstream != 0 ? byUpstream : compareParts(a.revision(), b.revision());
    }

    private static Parsed parse(String version) {
        String text = version.strip();
        if (text.isEmpty() || text.length() > 256) {
            throw new IllegalArgumentException("Not a Debian version: '" + version + "'");
        }
        long epoch = 0;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            String epochText = text.substring(0, colon);
            if (epochText.isEmpty() || epochText.length() > 9 || !epochText.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("Bad epoch in Debian version '" + version + "'");
            }
            epoch = Long.parseLong(epochText);
            text = text.substring(colon + 1);
        }
        int dash = text.lastIndexOf('-');
        String upstream = dash < 0 ? text : text.substring(0, dash);
        String revision = dash < 0 ? "" : text.substring(dash + 1);
        if (upstream.isEmpty() || !Character.isDigit(upstream.charAt(0)) || !allowed(upstream, true)
                || !allowed(revision, false)) {
            throw new IllegalArgumentException("Not a Debian version: '" + version + "'");
        }
        return new Parsed(epoch, upstream, revision);
    }

    private static boolean allowed(String part, boolean upstream) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '+'
                    || c == '~' || upstream && (c == '-' || c == ':');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** dpkg's comparison of one version part. */
    static int compareParts(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !isDigit(a.charAt(i)) || j < b.length() && !isDigit(b.charAt(j))) {
                int ac = weight(a, i);
                int bc = weight(b, j);
                if (ac != bc) {
                    return Integer.compare(ac, bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDifference = 0;
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDifference == 0) {
                    firstDifference = Integer.compare(a.charAt(i), b.charAt(j));
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDifference != 0) {
                return firstDifference;
            }
        }
        return 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The sort weight of the character at {@code index}: {@code ~} lowest, then the end, letters, the rest. */
    private static int weight(String text, int index) {
        if (index >= text.length()) {
            return 0;
        }
        char c = text.charAt(index);
        if (isDigit(c)) {
            return 0;
        }
        if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
            return c;
        }
        return c == '~' ? -1 : c + 256;
    }
}
