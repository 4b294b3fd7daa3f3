package io.jenkins.plugins.devsecops.jenkins.overview;

import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import io.jenkins.plugins.devsecops.jenkins.scm.ChangeRequests;
import io.jenkins.plugins.devsecops.overview.ScanDigest;
import io.jenkins.plugins.devsecops.overview.ScanHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jenkins.model.Jenkins;

/**
 * The {@link ScanHistory} of every scan of every job the current user may read, from each job's digest file
 * ({@link JobDigests}: one small file per job, cached; never a build, never a report). Jobs come from
 * {@code Jenkins.allItems(Job.class)}, which walks the item tree as the current user and leaves out what the user may
 * not read.
 */
final class ScanHistories {

    private ScanHistories() {
    }

    /** The histories of every job the current user may read. */
    static List<ScanHistory> readable() {
        List<ScanHistory> histories = new ArrayList<>();
        for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
            List<ScanDigest> digests = JobDigests.of(job);
            if (digests.isEmpty()) {
                continue;
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
            for (ScanDigest digest : digests) {
                histories.add(new ScanHistory(job.getFullName(), job.getFullDisplayName(), folder, job.getUrl(),
                        labels, digest));
            }
        }
        return histories;
    }
}
