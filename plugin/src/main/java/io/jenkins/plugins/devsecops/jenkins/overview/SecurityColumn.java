package io.jenkins.plugins.devsecops.jenkins.overview;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Job;
import hudson.model.Run;
import hudson.views.ListViewColumn;
import hudson.views.ListViewColumnDescriptor;
import io.jenkins.plugins.devsecops.jenkins.actions.DevSecOpsBuildAction;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.util.List;
import java.util.Locale;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The "Security" column of list views: the worst verdict of the job's newest scanned build and its open CRITICAL
 * and HIGH findings, linking to the findings page. Reads only the summaries in build.xml.
 */
public final class SecurityColumn extends ListViewColumn {

    @DataBoundConstructor
    public SecurityColumn() {
        super();
    }

    /**
     * What the cell shows for {@code job}: verdict, icon, counts and relative link; {@code null} when the job has no
     * completed build with a scan.
     *
     * @param verdict the worst verdict over the build's scans
     * @param icon the status symbol of the verdict
     * @param critical open CRITICAL findings over the build's scans
     * @param high open HIGH findings over the build's scans
     * @param url the findings page of the build's first scan, relative to the job
     */
    public record Cell(String verdict, String icon, int critical, int high, String url) {

        /** The CSS modifier of the verdict. */
        public String verdictClass() {
            return verdict.toLowerCase(Locale.ROOT);
        }
    }

    /** The cell of {@code job}, or {@code null}. */
    public Cell cell(Job<?, ?> job) {
        Run<?, ?> build = job.getLastCompletedBuild();
        List<DevSecOpsBuildAction> scans = build == null ? List.of() : build.getActions(DevSecOpsBuildAction.class);
        if (scans.isEmpty()) {
            build = job.getLastSuccessfulBuild();
            scans = build == null ? List.of() : build.getActions(DevSecOpsBuildAction.class);
        }
        if (build == null || scans.isEmpty()) {
            return null;
        }
        PolicyVerdict worst = PolicyVerdict.PASSED;
        int critical = 0;
        int high = 0;
        for (DevSecOpsBuildAction scan : scans) {
            BuildSummary summary = scan.getSummary();
            worst = worst.worst(summary.verdict());
            critical += summary.open(Severity.CRITICAL);
            high += summary.open(Severity.HIGH);
        }
        String icon = switch (worst) {
            case FAILED -> "symbol-status-red";
            case UNSTABLE -> "symbol-status-yellow";
            default -> "symbol-status-blue";
        };
        return new Cell(worst.name(), icon, critical, high, build.getNumber() + "/" + scans.get(0).getUrlName() + "/");
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
