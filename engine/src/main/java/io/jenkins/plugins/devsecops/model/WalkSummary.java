package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the single walk of the source tree saw.
 *
 * @param filesSeen regular files found under the root (ignored ones included)
 * @param filesScanned files handed to at least one stage
 * @param bytesScanned bytes of those files
 * @param skipped files not handed to any stage, counted by reason ({@code binary}, {@code too-large},
 *     {@code ignored}, {@code excluded}, {@code symlink}, {@code unreadable}, {@code own-output})
 * @param unreadable the first {@link #MAX_UNREADABLE_NAMED} unreadable files by path relative to the root (FIFOs,
 *     devices, files without read permission, files that failed to read)
 */
public record WalkSummary(long filesSeen, long filesScanned, long bytesScanned, Map<String, Long> skipped,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unreadable) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many unreadable files are named; the rest are only counted. */
    public static final int MAX_UNREADABLE_NAMED = 50;

    public WalkSummary {
        skipped = skipped == null || skipped.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(skipped));
        unreadable = unreadable == null ? List.of()
                : List.copyOf(unreadable.subList(0, Math.min(unreadable.size(), MAX_UNREADABLE_NAMED)));
    }

    public WalkSummary(long filesSeen, long filesScanned, long bytesScanned, Map<String, Long> skipped) {
        this(filesSeen, filesScanned, bytesScanned, skipped, List.of());
    }

    /** A walk that saw nothing. */
    public static WalkSummary empty() {
        return new WalkSummary(0, 0, 0, Map.of());
    }
}
