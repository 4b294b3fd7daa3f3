package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scan id of one job as the cross-job overview reads it: where the job is and the scan's {@link ScanDigest}
 * (never a full report, never every build).
 *
 * @param job the job's full name, e.g. {@code team/app/main}; unique per job
 * @param displayName the job's full display name, shown in the row
 * @param folder the full name of the folder holding the job, empty at the top level
 * @param jobUrl the job's URL relative to the Jenkins root, ending in {@code /}, e.g. {@code job/team/job/app/}
 * @param labels free labels the overview can filter by (e.g. {@code pull-request}, an agent label)
 * @param digest the scan's digest, {@code null} when the job never ran this scan
 */
public record ScanHistory(String job, String displayName, String folder, String jobUrl, Set<String> labels,
        ScanDigest digest) {

    public ScanHistory {
        Objects.requireNonNull(job, "job");
        displayName = displayName == null || displayName.isBlank() ? job : displayName;
        folder = folder == null ? "" : folder;
        jobUrl = jobUrl == null ? "" : jobUrl;
        labels = labels == null ? Set.of() : Set.copyOf(new TreeSet<>(labels));
    }

    /** The history of {@code summaries} (oldest first) of scan {@code scanId}, digested. */
    public ScanHistory(String job, String displayName, String folder, String jobUrl, Set<String> labels,
            String scanId, String scanName, List<BuildSummary> summaries) {
        this(job, displayName, folder, jobUrl, labels,
                ScanDigest.of(Objects.requireNonNull(scanId, "scanId"), scanName,
                        summaries == null ? List.of() : summaries));
    }

    /** The newest summary, or {@code null} when there is none. */
    public BuildSummary latest() {
        return digest == null ? null : digest.latest();
    }

    /** The scan id, or {@code null} without a digest. */
    public String scanId() {
        return digest == null ? null : digest.scanId();
    }

    /** The scan's display name, or {@code null} without a digest. */
    public String scanName() {
        return digest == null ? null : digest.scanName();
    }
}
