package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Objects;

/**
 * What one scan's builds of one week (Monday to Sunday, UTC) add to the organisation trends: findings new and fixed,
 * remediation days by severity, and the state after the week's newest build. A {@link ScanDigest} keeps a few of
 * these instead of every build's summary. Arrays are indexed by {@link Severity#ordinal()}.
 *
 * @param monday the week's first day
 * @param added findings new in the week's builds
 * @param fixed findings fixed in the week's builds
 * @param remediationDays summed days the fixed findings were open, for builds that kept days by severity
 * @param fixesWithDays fixed findings of the builds that kept days by severity (the MTTR divisor)
 * @param endTime when the week's newest build started
 * @param endOpen active findings after the week's newest build
 * @param endSlaTracked active findings with an SLA after the week's newest build
 * @param endOverdue overdue findings after the week's newest build
 */
public record WeekBucket(LocalDate monday, int[] added, int[] fixed, double[] remediationDays, int[] fixesWithDays,
        Instant endTime, int[] endOpen, int endSlaTracked, int endOverdue) {

    private static final int SEVERITIES = Severity.values().length;

    public WeekBucket {
        Objects.requireNonNull(monday, "monday");
        Objects.requireNonNull(endTime, "endTime");
        added = sized(added);
        fixed = sized(fixed);
        remediationDays = remediationDays == null ? new double[SEVERITIES]
                : Arrays.copyOf(remediationDays, SEVERITIES);
        fixesWithDays = sized(fixesWithDays);
        endOpen = sized(endOpen);
    }

    /** The Monday (UTC) of the week holding {@code time}. */
    public static LocalDate mondayOf(Instant time) {
        return time.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The bucket of {@code summary}'s week holding that one build. */
    public static WeekBucket of(BuildSummary summary) {
        return new WeekBucket(mondayOf(summary.time()), null, null, null, null, summary.time(), null, 0, 0)
                .with(summary);
    }

    /** This bucket with {@code summary} (a build of the same week) added; the end state is the newer build's. */
    public WeekBucket with(BuildSummary summary) {
        int[] sumAdded = added.clone();
        int[] sumFixed = fixed.clone();
        double[] days = remediationDays.clone();
        int[] fixes = fixesWithDays.clone();
        int[] newAdded = summary.addedBySeverity();
        int[] newFixed = summary.fixedBySeverity();
        boolean daysKept = summary.remediationDaysBySeverity().size() == SEVERITIES;
        for (int s = 0; s < SEVERITIES; s++) {
            sumAdded[s] += newAdded[s];
            sumFixed[s] += newFixed[s];
            if (daysKept) {
                days[s] += summary.remediationDaysBySeverity().get(s);
                fixes[s] += newFixed[s];
            }
        }
        boolean newer = !summary.time().isBefore(endTime);
        return new WeekBucket(monday, sumAdded, sumFixed, days, fixes, newer ? summary.time() : endTime,
                newer ? summary.openBySeverity() : endOpen, newer ? summary.slaTracked() : endSlaTracked,
                newer ? summary.overdue() : endOverdue);
    }

    private static int[] sized(int[] values) {
        return values == null ? new int[SEVERITIES] : Arrays.copyOf(values, SEVERITIES);
    }

    @Override
    public int[] added() {
        return added.clone();
    }

    @Override
    public int[] fixed() {
        return fixed.clone();
    }

    @Override
    public double[] remediationDays() {
        return remediationDays.clone();
    }

    @Override
    public int[] fixesWithDays() {
        return fixesWithDays.clone();
    }

    @Override
    public int[] endOpen() {
        return endOpen.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeekBucket that && monday.equals(that.monday) && Arrays.equals(added, that.added)
                && Arrays.equals(fixed, that.fixed) && Arrays.equals(remediationDays, that.remediationDays)
                && Arrays.equals(fixesWithDays, that.fixesWithDays) && endTime.equals(that.endTime)
                && Arrays.equals(endOpen, that.endOpen) && endSlaTracked == that.endSlaTracked
                && endOverdue == that.endOverdue;
    }

    @Override
    public int hashCode() {
        return monday.hashCode() * 31 + Arrays.hashCode(endOpen);
    }

    @Override
    public String toString() {
        return "week " + monday + " new=" + Arrays.toString(added) + " fixed=" + Arrays.toString(fixed) + " open="
                + Arrays.toString(endOpen);
    }
}
