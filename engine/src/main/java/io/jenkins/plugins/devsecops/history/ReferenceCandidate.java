package io.jenkins.plugins.devsecops.history;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An earlier build that could serve as reference; the Jenkins plugin maps its builds onto these, the CLI its
 * history directory.
 *
 * @param id the build's id
 * @param branch the branch it built, or {@code null} when unknown
 * @param successful whether the build succeeded
 * @param time when it ran
 * @param hasReport whether a report of it is available; builds without one are never chosen
 */
public record ReferenceCandidate(String id, String branch, boolean successful, Instant time, boolean hasReport)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ReferenceCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }
}
