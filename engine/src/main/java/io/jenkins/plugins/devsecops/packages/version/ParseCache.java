package io.jenkins.plugins.devsecops.packages.version;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers parsed versions: matching compares the same few versions (a package's, an advisory's events) many
 * times. Bounded: emptied when it grows past its limit. Thread-safe.
 */
final class ParseCache<T> {

    private static final int LIMIT = 200_000;

    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private final Function<String, T> parser;

    ParseCache(Function<String, T> parser) {
        this.parser = parser;
    }

    /**
     * The parsed form of {@code version}.
     *
     * @throws IllegalArgumentException when it does not parse (remembered too)
     */
    @SuppressWarnings("unchecked")
    T get(String version) {
        if (version == null) {
            throw new IllegalArgumentException("No version");
        }
        Object parsed = cache.get(version);
        if (parsed == null) {
            try {
                parsed = parser.apply(version);
            } catch (IllegalArgumentException e) {
                parsed = e;
            }
            if (cache.size() >= LIMIT) {
                cache.clear();
            }
            cache.put(version, parsed);
        }
        if (parsed instanceof IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return (T) parsed;
    }
}
