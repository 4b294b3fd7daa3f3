package io.jenkins.plugins.devsecops.suppression;

import io.jenkins.plugins.devsecops.scan.Glob;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A path glob over {@code /}-separated relative paths: {@code *} matches within one segment, {@code **} across
 * segments, {@code ?} one character. Matched by the shared {@link Glob} (path dialect), in time linear in the path
 * whatever the user wrote.
 */
public final class PathGlob {

    /** The longest glob accepted. */
    public static final int MAX_LENGTH = 1000;

    private static final Map<String, PathGlob> CACHE = new ConcurrentHashMap<>();

    private final String glob;
    private final Glob compiled;

    private PathGlob(String glob) {
        if (glob.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Path glob longer than " + MAX_LENGTH + " characters");
        }
        this.glob = glob;
        this.compiled = Glob.path(glob);
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
        return compiled.matches(path, false);
    }

    @Override
    public String toString() {
        return glob;
    }
}
