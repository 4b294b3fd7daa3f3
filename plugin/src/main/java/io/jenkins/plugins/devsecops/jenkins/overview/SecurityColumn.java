package io.jenkins.plugins.devsecops.jenkins.overview;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Job;
import hudson.views.ListViewColumn;
import hudson.views.ListViewColumnDescriptor;
import io.jenkins.plugins.devsecops.overview.JobLatest;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The "Security" column of list views: the worst verdict of the job's newest scanned build and its open CRITICAL
 * and HIGH findings, linking to the findings page. Reads only the job's digest file ({@link JobDigests}), never a
 * build.
 */
public final class SecurityColumn extends ListViewColumn {

    @DataBoundConstructor
    public SecurityColumn() {
        super();
    }

    /** What the cell shows for {@code job}, or {@code null} when the job has no scanned build. */
    public JobLatest cell(Job<?, ?> job) {
        return JobLatest.of(JobDigests.of(job)).orElse(null);
    }

    /** Registers the column; not shown in new views by default. */
    @Extension
    public static final class DescriptorImpl extends ListViewColumnDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Security";
        }

        @Override
        public boolean shownByDefault() {
            return false;
        }
    }
}
