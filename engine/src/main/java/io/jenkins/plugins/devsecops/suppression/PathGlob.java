package io.jenkins.plugins.devsecops.suppression;

import com.google.re2j.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A path glob over {@code /}-separated relative paths: {@code *} matches within one segment, {@code **} across
 * segments, {@code ?} one character. Compiled to RE2J, so matching is linear whatever the user wrote.
 */
public final class PathGlob {

    /** The longest glob accepted. */
    public static final int MAX_LENGTH = 1000;

    private static final Map<String, PathGlob> CACHE = new ConcurrentHashMap<>();

    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob) {
        if (glob.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Path glob longer than " + MAX_LENGTH + " characters");
        }
        this.glob = glob;
        this.pattern = Pattern.compile(toRegex(glob.startsWith("/") ? glob.substring(1) : glob));
    }

    /** The compiled glob (cached). */
    public static PathGlob of(String glob) {
        if (CACHE.size() > 10_000) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(glob, PathGlob::new);
    }

    /** Whether {@code path} matches the whole glob. */
    public boolean matches(String path) {
        return pattern.matches(path);
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    regex.append(slashAfter ? "(?:.*/)?" : ".*");
                    i += slashAfter ? 2 : 1;
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return glob;
    }
}
