package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored summaries of one scan id of one job, as the cross-job overview reads them: never a full report.
 *
 * @param job the job's full name, e.g. {@code team/app/main}; unique per job
 * @param displayName the job's full display name, shown in the row
 * @param folder the full name of the folder holding the job, empty at the top level
 * @param jobUrl the job's URL relative to the Jenkins root, ending in {@code /}, e.g. {@code job/team/job/app/}
 * @param labels free labels the overview can filter by (e.g. {@code pull-request}, an agent label)
 * @param scanId the scan id ({@code devSecOpsScan(id: …)})
 * @param scanName the scan's display name
 * @param summaries the summaries of the builds that ran this scan, oldest first; the newest is the row's state
 */
public record ScanHistory(String job, String displayName, String folder, String jobUrl, Set<String> labels,
        String scanId, String scanName, List<BuildSummary> summaries) {

    public ScanHistory {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(scanId, "scanId");
        displayName = displayName == null || displayName.isBlank() ? job : displayName;
        folder = folder == null ? "" : folder;
        jobUrl = jobUrl == null ? "" : jobUrl;
        labels = labels == null ? Set.of() : Set.copyOf(new TreeSet<>(labels));
        scanName = scanName == null || scanName.isBlank() ? scanId : scanName;
        summaries = summaries == null ? List.of() : List.copyOf(summaries);
    }

    /** The newest summary, or {@code null} when there is none. */
    public BuildSummary latest() {
        return summaries.isEmpty() ? null : summaries.get(summaries.size() - 1);
    }
}
