package io.jenkins.plugins.devsecops.history;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The build a report belongs to.
 *
 * @param id the build's id as users see it, e.g. {@code 42} or a CLI scan's timestamp id
 * @param time when the build's scan ran
 */
public record BuildRef(String id, Instant time) implements Serializable {

    private static final long serialVersionUID = 1L;

    public BuildRef {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A build needs an id");
        }
        Objects.requireNonNull(time, "time");
    }
}
