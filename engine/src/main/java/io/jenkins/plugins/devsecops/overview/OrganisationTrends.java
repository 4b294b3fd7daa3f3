package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation's trends over the shown jobs, week by week (weeks start on Monday, UTC), from the scans'
 * {@link ScanDigest} week buckets only.
 *
 * @param weeks the first day of each week, oldest first, e.g. {@code 2026-11-23}
 * @param openBySeverity active findings per severity at the end of each week (the current week: now): the sum over
 *     scans of each scan's newest summary up to then
 * @param added findings new in the builds of each week
 * @param fixed findings fixed in the builds of each week
 * @param slaCompliance per week, the percentage of SLA-tracked active findings within their SLA at the week's end,
 *     {@code null} when no active finding had an SLA
 * @param mttrBySeverity mean days from first sighting to fix per severity over the builds of the shown weeks,
 *     {@code null} for a severity without a fix (or only fixes recorded before the engine kept days by severity)
 */
public record OrganisationTrends(List<String> weeks, Map<Severity, List<Integer>> openBySeverity,
        List<Integer> added, List<Integer> fixed, List<Double> slaCompliance, Map<Severity, Double> mttrBySeverity) {

    /** Weeks shown by default. */
    public static final int DEFAULT_WEEKS = 12;

    /** The trends of {@code histories} over the {@code weeks} weeks up to {@code now}'s week. */
    public static OrganisationTrends of(List<ScanHistory> histories, Instant now, int weeks) {
        int count = Math.max(1, weeks);
        LocalDate thisMonday = now.atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstMonday = thisMonday.minusWeeks(count - 1L);
        List<String> labels = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            LocalDate monday = firstMonday.plusWeeks(w);
            labels.add(monday.toString());
        }
        int[][] open = new int[count][Severity.values().length];
        int[] added = new int[count];
        int[] fixed = new int[count];
        long[] tracked = new long[count];
        long[] overdue = new long[count];
        double[] days = new double[Severity.values().length];
        long[] fixes = new long[Severity.values().length];

        for (ScanHistory history : histories) {
            if (history.digest() == null) {
                continue;
            }
            List<WeekBucket> buckets = history.digest().weeks();
            int next = 0;
            WeekBucket current = null;
            for (int w = 0; w < count; w++) {
                LocalDate monday = firstMonday.plusWeeks(w);
                while (next < buckets.size() && !buckets.get(next).monday().isAfter(monday)) {
                    WeekBucket bucket = buckets.get(next++);
                    current = bucket;
                    if (!bucket.monday().equals(monday)) {
                        continue;
                    }
                    int[] bucketAdded = bucket.added();
                    int[] bucketFixed = bucket.fixed();
                    double[] bucketDays = bucket.remediationDays();
                    int[] bucketFixes = bucket.fixesWithDays();
                    added[w] += StageCounts.total(bucketAdded);
                    fixed[w] += StageCounts.total(bucketFixed);
                    for (int s = 0; s < days.length; s++) {
                        days[s] += bucketDays[s];
                        fixes[s] += bucketFixes[s];
                    }
                }
                if (current != null) {
                    int[] counts = current.endOpen();
                    for (int s = 0; s < counts.length; s++) {
                        open[w][s] += counts[s];
                    }
                    tracked[w] += current.endSlaTracked();
                    overdue[w] += Math.min(current.endOverdue(), current.endSlaTracked());
                }
            }
        }
        Map<Severity, List<Integer>> bySeverity = new EnumMap<>(Severity.class);
        Map<Severity, Double> mttr = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            List<Integer> values = new ArrayList<>();
            for (int w = 0; w < count; w++) {
                values.add(open[w][severity.ordinal()]);
            }
            bySeverity.put(severity, List.copyOf(values));
            int s = severity.ordinal();
            mttr.put(severity, fixes[s] == 0 ? null : days[s] / fixes[s]);
        }
        List<Double> compliance = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            compliance.add(tracked[w] == 0 ? null : 100.0 * (tracked[w] - overdue[w]) / tracked[w]);
        }
        return new OrganisationTrends(List.copyOf(labels), Collections.unmodifiableMap(bySeverity), ints(added),
                ints(fixed), Collections.unmodifiableList(compliance), Collections.unmodifiableMap(mttr));
    }

    private static List<Integer> ints(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int value : values) {
            list.add(value);
        }
        return List.copyOf(list);
    }

    /** The SLA compliance of the newest week, {@code null} when nothing is tracked. */
    public Double currentSlaCompliance() {
        return slaCompliance.isEmpty() ? null : slaCompliance.get(slaCompliance.size() - 1);
    }
}
