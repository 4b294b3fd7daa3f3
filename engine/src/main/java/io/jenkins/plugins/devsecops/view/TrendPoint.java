package io.jenkins.plugins.devsecops.view;

import java.util.Objects;

/**
 * The summary of the scan of one build, as a point of a trend.
 *
 * @param buildNumber the build number, used for ordering and links
 * @param label the axis label, e.g. {@code #42}
 */
public record TrendPoint(int buildNumber, String label, ScanSummary summary) {

    public TrendPoint {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(summary, "summary");
    }

    /** A point labelled {@code #buildNumber}. */
    public static TrendPoint of(int buildNumber, ScanSummary summary) {
        return new TrendPoint(buildNumber, "#" + buildNumber, summary);
    }
}
