package io.jenkins.plugins.devsecops.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the single walk of the source tree saw.
 *
 * @param filesSeen regular files found under the root (ignored ones included)
 * @param filesScanned files handed to at least one stage
 * @param bytesScanned bytes of those files
 * @param skipped files not handed to any stage, counted by reason ({@code binary}, {@code too-large},
 *     {@code ignored}, {@code excluded}, {@code symlink}, {@code unreadable})
 */
public record WalkSummary(long filesSeen, long filesScanned, long bytesScanned, Map<String, Long> skipped)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public WalkSummary {
        skipped = skipped == null || skipped.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(skipped));
    }

    /** A walk that saw nothing. */
    public static WalkSummary empty() {
        return new WalkSummary(0, 0, 0, Map.of());
    }
}
