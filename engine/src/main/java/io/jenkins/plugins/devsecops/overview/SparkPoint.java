package io.jenkins.plugins.devsecops.overview;

import java.time.Instant;
import java.util.Objects;

/**
 * One build in a scan's sparkline.
 *
 * @param build the build id
 * @param time when its scan started
 * @param open its active findings
 */
public record SparkPoint(String build, Instant time, int open) {

    public SparkPoint {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(time, "time");
    }
}
