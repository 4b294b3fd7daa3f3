package io.jenkins.plugins.devsecops.jenkins.dashboard;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Job;
import hudson.plugins.view.dashboard.Dashboard;
import hudson.plugins.view.dashboard.DashboardPortlet;
import io.jenkins.plugins.devsecops.jenkins.overview.JobDigests;
import io.jenkins.plugins.devsecops.overview.JobLatest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * A Dashboard View portlet (dashboard-view plugin, an optional dependency: this class is only loaded when it is
 * installed): the dashboard's jobs with a scanned build, most urgent first (worst verdict, most open CRITICAL, most
 * open HIGH), each with its verdict and counts and a link to its findings page, at most {@link #MAX_ROWS}. Reads only
 * the jobs' digest files, never a build; the dashboard lists only jobs the user may read.
 */
public final class SecurityPortlet extends DashboardPortlet {

    /** Rows shown at most; the rest is counted. */
    public static final int MAX_ROWS = 50;

    @DataBoundConstructor
    public SecurityPortlet(String name) {
        super(name);
    }

    /**
     * One row: a job and its glance.
     *
     * @param job the job
     * @param latest its newest scanned build's verdict and counts
     */
    public record Row(Job<?, ?> job, JobLatest latest) {
    }

    /** The rows of the dashboard's jobs, most urgent first, at most {@link #MAX_ROWS}. */
    public List<Row> getRows() {
        List<Row> rows = new ArrayList<>();
        for (Job<?, ?> job : jobs()) {
            JobLatest.of(JobDigests.of(job)).ifPresent(latest -> rows.add(new Row(job, latest)));
        }
        rows.sort((a, b) -> JobLatest.URGENCY.compare(a.latest(), b.latest()));
        return rows.size() > MAX_ROWS ? List.copyOf(rows.subList(0, MAX_ROWS)) : rows;
    }

    /** How many of the dashboard's jobs have a scanned build. */
    public int getScannedJobs() {
        int count = 0;
        for (Job<?, ?> job : jobs()) {
            if (!JobDigests.of(job).isEmpty()) {
                count++;
            }
        }
        return count;
    }

    private Collection<Job> jobs() {
        Dashboard dashboard = getDashboard();
        return dashboard == null ? List.of() : dashboard.getJobs();
    }

    /** Registers the portlet with the dashboard-view plugin, when it is installed. */
    @Extension(optional = true)
    public static final class DescriptorImpl extends Descriptor<DashboardPortlet> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "DevSecOps security";
        }
    }
}
