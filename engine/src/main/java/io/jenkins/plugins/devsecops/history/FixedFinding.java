package io.jenkins.plugins.devsecops.history;

import io.jenkins.plugins.devsecops.model.Finding;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A finding of the reference build that is gone now.
 *
 * @param finding the finding as the reference build reported it
 * @param firstSeenAt when it was first seen
 * @param fixedAt the time of the first build without it
 * @param fixedInBuild the id of that build
 */
public record FixedFinding(Finding finding, Instant firstSeenAt, Instant fixedAt, String fixedInBuild)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public FixedFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        Objects.requireNonNull(fixedAt, "fixedAt");
    }

    /** How long the finding was open: its time to remediate. */
    public Duration timeToRemediate() {
        Duration duration = Duration.between(firstSeenAt, fixedAt);
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
