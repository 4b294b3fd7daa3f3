package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cross-job overview needs of one scan id of one job, kept up to date build by build so that the overview
 * reads one small record per job instead of every build: the newest build's summary (verdict, counts by severity,
 * new in it, oldest critical, stage statuses), the sparkline points, the MTTR inputs (fixed findings and their summed
 * days over every build digested) and the last {@link #WEEKS} weeks that had a build, for the organisation trends.
 * Immutable; {@link #with} and {@link #without} return new digests. Its size is bounded whatever the number of builds.
 * A build that ran no scan ({@code MissingScan}: every stage {@code NOT_RUN}) becomes the newest state but adds
 * nothing to the sparkline, MTTR or weeks, whose open counts carry on from the last real scan.
 *
 * @param scanId the scan id
 * @param scanName the scan's display name
 * @param latest the newest build's summary, without tools and advisory facts
 * @param sparkline open findings of the newest builds, at most {@link OverviewRow#SPARKLINE_POINTS}, oldest first
 * @param recentBuilds ids of the last {@link #RECENT} builds digested, so that a build is never counted twice
 * @param remediated findings fixed over every digested build
 * @param remediationDays the summed days those findings were open
 * @param weeks the newest weeks that had a build, at most {@link #WEEKS}, oldest first
 */
public record ScanDigest(String scanId, String scanName, BuildSummary latest, List<SparkPoint> sparkline,
        List<String> recentBuilds, long remediated, double remediationDays, List<WeekBucket> weeks) {

    /** Weeks kept: the trend window and two before it, so the state carried into the window is known. */
    public static final int WEEKS = OrganisationTrends.DEFAULT_WEEKS + 2;
    /** Build ids remembered against double counting. */
    public static final int RECENT = 64;

    public ScanDigest {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(latest, "latest");
        scanName = scanName == null || scanName.isBlank() ? scanId : scanName;
        sparkline = List.copyOf(sparkline);
        recentBuilds = List.copyOf(recentBuilds);
        weeks = List.copyOf(weeks);
    }

    /** The digest of {@code summaries} (any order; duplicates counted once), or {@code null} when there is none. */
    public static ScanDigest of(String scanId, String scanName, List<BuildSummary> summaries) {
        List<BuildSummary> ordered = new ArrayList<>(summaries);
        ordered.sort(Comparator.comparing(BuildSummary::time));
        ScanDigest digest = null;
        for (BuildSummary summary : ordered) {
            digest = digest == null ? first(scanId, scanName, summary) : digest.with(summary);
        }
        return digest;
    }

    private static ScanDigest first(String scanId, String scanName, BuildSummary summary) {
        if (withoutScan(summary)) {
            return new ScanDigest(scanId, scanName, compact(summary), List.of(), List.of(summary.build()), 0, 0,
                    List.of());
        }
        return new ScanDigest(scanId, scanName, compact(summary),
                List.of(new SparkPoint(summary.build(), summary.time(), StageCounts.total(summary.openBySeverity()))),
                List.of(summary.build()), summary.remediated(), summary.remediationDays(),
                List.of(WeekBucket.of(summary)));
    }

    /**
     * This digest with {@code summary} added. A build already digested is ignored; an older build than the newest
     * (builds may complete out of order) counts in its week, the sparkline and MTTR but leaves the newest state.
     */
    public ScanDigest with(BuildSummary summary) {
        if (recentBuilds.contains(summary.build())) {
            return this;
        }
        boolean newest = !summary.time().isBefore(latest.time());
        List<String> recent = new ArrayList<>(recentBuilds);
        recent.add(summary.build());
        while (recent.size() > RECENT) {
            recent.remove(0);
        }
        if (withoutScan(summary)) {
            // Nothing was scanned, so nothing is known of open findings: the row shows the failure, the sparkline,
            // MTTR and weekly states carry on from the last real scan.
            return new ScanDigest(scanId, scanName, newest ? compact(summary) : latest, sparkline, recent, remediated,
                    remediationDays, weeks);
        }
        List<SparkPoint> points = new ArrayList<>(sparkline);
        points.add(new SparkPoint(summary.build(), summary.time(), StageCounts.total(summary.openBySeverity())));
        points.sort(Comparator.comparing(SparkPoint::time));
        while (points.size() > OverviewRow.SPARKLINE_POINTS) {
            points.remove(0);
        }
        List<WeekBucket> buckets = new ArrayList<>(weeks);
        java.time.LocalDate monday = WeekBucket.mondayOf(summary.time());
        int index = -1;
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).monday().equals(monday)) {
                index = i;
            }
        }
        if (index >= 0) {
            buckets.set(index, buckets.get(index).with(summary));
        } else {
            buckets.add(WeekBucket.of(summary));
            buckets.sort(Comparator.comparing(WeekBucket::monday));
        }
        while (buckets.size() > WEEKS) {
            buckets.remove(0);
        }
        return new ScanDigest(scanId, scanName, newest ? compact(summary) : latest, points, recent,
                remediated + summary.remediated(), remediationDays + summary.remediationDays(), buckets);
    }

    /**
     * This digest after build {@code build} was deleted: its sparkline point goes (its week's counts stay, as they
     * happened). Empty when it was the newest build, whose state only its summary holds: the digest must then be
     * made again from the builds that are left.
     */
    public Optional<ScanDigest> without(String build) {
        if (latest.build().equals(build)) {
            return Optional.empty();
        }
        List<SparkPoint> points = sparkline.stream().filter(p -> !p.build().equals(build)).toList();
        return Optional.of(new ScanDigest(scanId, scanName, latest, points, recentBuilds, remediated,
                remediationDays, weeks));
    }

    /** Whether {@code summary} is of a build that ran no scan at all (every stage a required one that did not run). */
    private static boolean withoutScan(BuildSummary summary) {
        return !summary.stages().isEmpty()
                && summary.stages().stream().allMatch(s -> StageCounts.NOT_RUN.equals(s.status()));
    }

    /** The sparkline's values, oldest first. */
    public List<Integer> sparklineValues() {
        return sparkline.stream().map(SparkPoint::open).toList();
    }

    /** Mean days from first sighting to fix over every digested build, {@code null} before any fix. */
    public Double mttrDays() {
        return remediated == 0 ? null : remediationDays / remediated;
    }

    /** The summary without what the overview never shows (tool versions, advisory facts): smaller files. */
    private static BuildSummary compact(BuildSummary summary) {
        return new BuildSummary(summary.build(), summary.time(), summary.durationMillis(), summary.verdict(),
                summary.stages(), summary.overdue(), summary.remediated(), summary.remediationDays(), summary.score(),
                Map.of(), Map.of(), summary.gates(), summary.slaTracked(), summary.remediationDaysBySeverity(),
                summary.oldestCriticalSince());
    }
}
