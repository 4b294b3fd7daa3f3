package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of the cross-job overview: the state of one scan id of one job after its newest build, from summaries
 * only. Texts are raw; pages escape them.
 *
 * @param job the job's full name
 * @param displayName the job's full display name
 * @param folder the folder's full name, empty at the top level
 * @param labels the job's labels
 * @param scanId the scan id
 * @param scanName the scan's display name
 * @param build the newest build's id (its number in Jenkins)
 * @param time when the newest build's scan started
 * @param verdict the newest build's policy verdict
 * @param open active findings by severity ordinal
 * @param added findings new in the newest build
 * @param fixed findings fixed in the newest build
 * @param overdue active findings past their SLA
 * @param mttrDays mean days from first sighting to fix over the digested builds, {@code null} before any fix
 * @param score the 0–100 security score
 * @param sparkline open findings of the newest builds (at most {@link #SPARKLINE_POINTS}), oldest first
 * @param oldestCriticalDays days the oldest active CRITICAL has been open at the overview's time, {@code null} when
 *     there is none
 * @param stages the stages the newest build ran
 * @param incompleteStages the stages of the newest build that failed or timed out
 * @param jobUrl the job's URL relative to the Jenkins root
 * @param findingsUrl the newest build's findings page relative to the Jenkins root
 */
public record OverviewRow(String job, String displayName, String folder, Set<String> labels, String scanId,
        String scanName, String build, Instant time, PolicyVerdict verdict, int[] open, int added, int fixed,
        int overdue, Double mttrDays, int score, List<Integer> sparkline, Long oldestCriticalDays,
        Set<String> stages, List<String> incompleteStages, String jobUrl, String findingsUrl) {

    /** Builds drawn in a row's sparkline at most. */
    public static final int SPARKLINE_POINTS = 20;

    public OverviewRow {
        open = Arrays.copyOf(open, Severity.values().length);
        labels = Set.copyOf(labels);
        sparkline = List.copyOf(sparkline);
        stages = Set.copyOf(stages);
        incompleteStages = List.copyOf(incompleteStages);
    }

    /** The row of {@code history} at {@code now}, or {@code null} when it holds no digest. */
    static OverviewRow of(ScanHistory history, Instant now) {
        BuildSummary latest = history.latest();
        if (latest == null) {
            return null;
        }
        ScanDigest digest = history.digest();
        List<Integer> sparkline = digest.sparklineValues();
        int[] open = latest.openBySeverity();
        Long oldestCritical = open[Severity.CRITICAL.ordinal()] == 0 || latest.oldestCriticalSince() == null ? null
                : Math.max(0, Duration.between(latest.oldestCriticalSince(), now).toDays());
        Set<String> stages = new TreeSet<>();
        latest.stages().forEach(s -> stages.add(s.stage()));
        String findingsUrl = history.jobUrl() + encode(latest.build()) + "/" + encode(history.scanId()) + "/";
        return new OverviewRow(history.job(), history.displayName(), history.folder(), history.labels(),
                history.scanId(), history.scanName(), latest.build(), latest.time(), latest.verdict(), open,
                StageCounts.total(latest.addedBySeverity()), StageCounts.total(latest.fixedBySeverity()),
                latest.overdue(), digest.mttrDays(), latest.score(), sparkline,
                oldestCritical, stages, latest.incompleteStages(), history.jobUrl(), findingsUrl);
    }

    /** Keeps a URL segment to unreserved characters (build and scan ids are digits and {@code [a-z0-9_-]}). */
    private static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (char c : segment.toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append(String.format(Locale.ROOT, "%%%02X", b));
                }
            }
        }
        return out.toString();
    }

    /** Active findings by severity ordinal (a copy). */
    @Override
    public int[] open() {
        return open.clone();
    }

    /** Active CRITICAL findings. */
    public int critical() {
        return open[Severity.CRITICAL.ordinal()];
    }

    /** Active HIGH findings. */
    public int high() {
        return open[Severity.HIGH.ordinal()];
    }

    /** Active MEDIUM findings. */
    public int medium() {
        return open[Severity.MEDIUM.ordinal()];
    }

    /** Active LOW findings. */
    public int low() {
        return open[Severity.LOW.ordinal()];
    }

    /** Active INFO findings. */
    public int info() {
        return open[Severity.INFO.ordinal()];
    }

    /** Every active finding. */
    public int openTotal() {
        return StageCounts.total(open);
    }

    /** Active findings of {@code severity} or worse. */
    public int openAtLeast(Severity severity) {
        int count = 0;
        for (Severity s : Severity.values()) {
            if (s.isAtLeast(severity)) {
                count += open[s.ordinal()];
            }
        }
        return count;
    }

    /** The MTTR as text, e.g. {@code 3.5 d}, or {@code –} before any fix. */
    public String mttrText() {
        return mttrDays == null ? "–" : String.format(Locale.ROOT, "%.1f d", mttrDays);
    }

    /** The oldest critical's age as text, e.g. {@code 12 d}, or {@code –}. */
    public String oldestCriticalText() {
        return oldestCriticalDays == null ? "–" : oldestCriticalDays + " d";
    }

    /** The CSS modifier of the verdict: {@code passed}, {@code unstable} or {@code failed}. */
    public String verdictClass() {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The sparkline as the {@code points} of an SVG polyline in a {@code width × height} box (digits, commas, dots
     * and blanks only), scaled to the row's own maximum; a single build draws a flat line.
     */
    public String sparklinePoints(int width, int height) {
        if (sparkline.isEmpty()) {
            return "";
        }
        int max = Math.max(1, sparkline.stream().mapToInt(Integer::intValue).max().orElse(1));
        int n = sparkline.size();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < Math.max(2, n); i++) {
            int value = sparkline.get(Math.min(i, n - 1));
            double x = n <= 1 ? (i == 0 ? 0 : width) : (double) i * width / (n - 1);
            double y = height - 1 - (double) value * (height - 2) / max;
            points.append(points.length() == 0 ? "" : " ")
                    .append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return points.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OverviewRow that && job.equals(that.job) && scanId.equals(that.scanId)
                && build.equals(that.build) && Arrays.equals(open, that.open);
    }

    @Override
    public int hashCode() {
        return (job.hashCode() * 31 + scanId.hashCode()) * 31 + build.hashCode();
    }

    @Override
    public String toString() {
        return job + " [" + scanId + "] #" + build + " " + verdict + " open=" + Arrays.toString(open);
    }
}
