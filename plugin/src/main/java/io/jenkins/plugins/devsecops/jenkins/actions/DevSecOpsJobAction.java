package io.jenkins.plugins.devsecops.jenkins.actions;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.devsecops.jenkins.config.DevSecOpsGlobalConfiguration;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.TrendSeries;
import io.jenkins.plugins.devsecops.view.TrendChartView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The trend charts of one scan id on the job page ({@code floatingBox.jelly}). Reads only the summaries in the
 * builds' build.xml, never a full report, and at most {@link DevSecOpsGlobalConfiguration#getTrendBuilds()} builds.
 * The chart data reaches the page through {@code data-*} attributes read by a script adjunct.
 */
public final class DevSecOpsJobAction implements Action {

    private final Job<?, ?> job;
    private final String id;
    private final String name;
    private transient TrendSeries trend;

    DevSecOpsJobAction(Job<?, ?> job, String id, String name) {
        this.job = job;
        this.id = id;
        this.name = name;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public String getId() {
        return id;
    }

    @Override
    public String getDisplayName() {
        return name;
    }

    /** No sidebar link: the charts are in the floating box, the findings on the build page. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return "devsecops-trend-" + id;
    }

    /** The newest build with a scan of this id, for the chart's link. */
    public Optional<Run<?, ?>> getLatestScannedBuild() {
        Run<?, ?> build = job.getLastCompletedBuild();
        for (int i = 0; build != null && i < maxBuilds(); i++) {
            if (DevSecOpsBuildAction.find(build, id).isPresent()) {
                return Optional.of(build);
            }
            build = build.getPreviousCompletedBuild();
        }
        return Optional.empty();
    }

    /**
     * The trend series of the newest builds that ran this scan, oldest first, from the summaries in build.xml only;
     * builds without the scan are skipped. Computed once per action instance (job actions are created per request).
     */
    public synchronized TrendSeries getTrend() {
        if (trend == null) {
            trend = computeTrend();
        }
        return trend;
    }

    private TrendSeries computeTrend() {
        List<BuildSummary> summaries = new ArrayList<>();
        int looked = 0;
        int limit = maxBuilds();
        for (Run<?, ?> build = job.getLastCompletedBuild(); build != null && looked < limit * 2
                && summaries.size() < limit; build = build.getPreviousCompletedBuild()) {
            looked++;
            DevSecOpsBuildAction.find(build, id).ifPresent(scan -> summaries.add(scan.getSummary()));
        }
        Collections.reverse(summaries);
        return TrendSeries.of(summaries, limit);
    }

    /** Whether there are enough builds to draw a trend. */
    public boolean isTrendVisible() {
        return getTrend().builds().size() >= 2;
    }

    /** The charts of the floating box: caption, element id and the engine's ECharts option of each. */
    public List<TrendChartView> getCharts() {
        return TrendChartView.of(id, name, getTrend());
    }

    private static int maxBuilds() {
        return DevSecOpsGlobalConfiguration.get().getTrendBuilds();
    }
}
