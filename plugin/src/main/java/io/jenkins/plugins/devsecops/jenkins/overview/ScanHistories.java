package io.jenkins.plugins.devsecops.jenkins.overview;

import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.devsecops.jenkins.actions.DevSecOpsBuildAction;
import io.jenkins.plugins.devsecops.jenkins.scm.ChangeRequests;
import io.jenkins.plugins.devsecops.overview.OrganisationTrends;
import io.jenkins.plugins.devsecops.overview.ScanHistory;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.model.Jenkins;

/**
 * Collects the {@link ScanHistory} of every job the current user may read, from the summaries the build actions
 * keep in build.xml (never a report). A job's histories are cached until its last completed build changes, so a
 * controller with thousands of jobs reads each build once. Jobs come from {@code Jenkins.allItems(Job.class)},
 * which walks the item tree as the current user and leaves out what the user may not read.
 */
final class ScanHistories {

    /** Builds read per job at most. */
    static final int MAX_BUILDS = 100;
    /** Entries kept at most before the cache starts again. */
    private static final int MAX_CACHED = 50_000;

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(int lastCompleted, List<ScanHistory> histories) {
    }

    private ScanHistories() {
    }

    /** The histories of every job the current user may read. */
    static List<ScanHistory> readable(Instant now) {
        Instant windowStart = now.minus(Duration.ofDays(7L * OrganisationTrends.DEFAULT_WEEKS + 7));
        List<ScanHistory> histories = new ArrayList<>();
        if (CACHE.size() > MAX_CACHED) {
            CACHE.clear();
        }
        for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
            Run<?, ?> last = job.getLastCompletedBuild();
            if (last == null) {
                continue;
            }
            Cached cached = CACHE.get(job.getFullName());
            if (cached == null || cached.lastCompleted() != last.getNumber()) {
                cached = new Cached(last.getNumber(), read(job, last, windowStart));
                CACHE.put(job.getFullName(), cached);
            }
            histories.addAll(cached.histories());
        }
        return histories;
    }

    private static List<ScanHistory> read(Job<?, ?> job, Run<?, ?> last, Instant windowStart) {
        Map<String, List<BuildSummary>> byScan = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        int looked = 0;
        for (Run<?, ?> build = last; build != null && looked < MAX_BUILDS; build = build.getPreviousCompletedBuild()) {
            looked++;
            for (DevSecOpsBuildAction scan : build.getActions(DevSecOpsBuildAction.class)) {
                byScan.computeIfAbsent(scan.getId(), id -> new ArrayList<>()).add(scan.getSummary());
                names.putIfAbsent(scan.getId(), scan.getDisplayName());
            }
            if (build.getStartTimeInMillis() < windowStart.toEpochMilli() && !byScan.isEmpty()
                    && looked >= 20) {
                break;
            }
        }
        if (byScan.isEmpty()) {
            return List.of();
        }
        ItemGroup<?> parent = job.getParent();
        String folder = parent instanceof Item item ? item.getFullName() : "";
        Set<String> labels = new TreeSet<>();
        if (job instanceof AbstractProject<?, ?> project && project.getAssignedLabelString() != null) {
            labels.add(project.getAssignedLabelString());
        }
        if (ChangeRequests.of(job).isPresent()) {
            labels.add("pull-request");
        }
        List<ScanHistory> histories = new ArrayList<>();
        byScan.forEach((id, summaries) -> {
            Collections.reverse(summaries);
            histories.add(new ScanHistory(job.getFullName(), job.getFullDisplayName(), folder, job.getUrl(), labels,
                    id, names.get(id), summaries));
        });
        return List.copyOf(histories);
    }
}
