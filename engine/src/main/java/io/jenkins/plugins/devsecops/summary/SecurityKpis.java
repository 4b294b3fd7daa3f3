package io.jenkins.plugins.devsecops.summary;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The headline security KPIs, computed from summaries only.
 *
 * @param openBySeverity active findings of the newest build, by severity
 * @param added new findings in the newest build
 * @param fixed findings fixed in the newest build
 * @param meanTimeToRemediateDays mean days from first sighting to fix over every summarised fix, or {@code null}
 *     when nothing was fixed yet
 * @param overdue active findings past their SLA in the newest build
 * @param score the newest build's 0–100 security score
 * @param verdict the newest build's policy verdict
 */
public record SecurityKpis(Map<Severity, Integer> openBySeverity, int added, int fixed, Double meanTimeToRemediateDays,
        int overdue, int score, PolicyVerdict verdict) {

    /** The KPIs of {@code summaries} (oldest first); empty KPIs when there are none. */
    public static SecurityKpis of(List<BuildSummary> summaries) {
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            open.put(severity, 0);
        }
        if (summaries.isEmpty()) {
            return new SecurityKpis(Collections.unmodifiableMap(open), 0, 0, null, 0, 100, PolicyVerdict.PASSED);
        }
        BuildSummary last = summaries.get(summaries.size() - 1);
        int[] counts = last.openBySeverity();
        for (Severity severity : Severity.values()) {
            open.put(severity, counts[severity.ordinal()]);
        }
        long remediated = 0;
        double days = 0;
        for (BuildSummary summary : summaries) {
            remediated += summary.remediated();
            days += summary.remediationDays();
        }
        Double mttr = remediated == 0 ? null : days / remediated;
        return new SecurityKpis(Collections.unmodifiableMap(open), StageCounts.total(last.addedBySeverity()),
                StageCounts.total(last.fixedBySeverity()), mttr, last.overdue(), last.score(), last.verdict());
    }
}
