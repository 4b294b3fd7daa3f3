package io.jenkins.plugins.devsecops.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The compact record of one build that trends and KPIs are computed from (never from full reports): a few hundred
 * bytes of JSON, so a thousand load in milliseconds.
 *
 * @param build the build id
 * @param time when its scan started
 * @param durationMillis how long the scan took
 * @param verdict the policy verdict
 * @param stages counts per stage
 * @param overdue active findings past their SLA
 * @param remediated findings fixed in this build
 * @param remediationDays the summed days those findings were open (MTTR = sum over builds / remediated)
 * @param score the 0–100 security score ({@link SecurityScore})
 * @param tools tool name → version, the engine's and imported tools'
 * @param advisoryData stage-reported facts about advisory data, e.g. {@code dependencies.osv.modified}
 * @param gates the gate table without findings
 * @param slaTracked active findings whose severity has an SLA (SLA compliance = 1 − overdue / slaTracked)
 * @param remediationDaysBySeverity the summed days the findings fixed in this build were open, by severity ordinal;
 *     empty in a summary written before it was kept
 * @param oldestCriticalSince when the oldest active CRITICAL finding was first seen, {@code null} when there is none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BuildSummary(String build, Instant time, long durationMillis, PolicyVerdict verdict,
        List<StageCounts> stages, int overdue, int remediated, double remediationDays, int score,
        Map<String, String> tools, Map<String, String> advisoryData, List<GateRow> gates, int slaTracked,
        List<Double> remediationDaysBySeverity, Instant oldestCriticalSince) implements Serializable {

    private static final long serialVersionUID = 1L;

    public BuildSummary {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(time, "time");
        verdict = verdict == null ? PolicyVerdict.PASSED : verdict;
        stages = stages == null ? List.of() : List.copyOf(stages);
        tools = tools == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tools));
        advisoryData = advisoryData == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(advisoryData));
        gates = gates == null ? List.of() : List.copyOf(gates);
        remediationDaysBySeverity = remediationDaysBySeverity == null ? List.of()
                : List.copyOf(remediationDaysBySeverity);
    }

    /** A summary without SLA coverage, remediation days by severity and oldest critical (as older builds kept). */
    public BuildSummary(String build, Instant time, long durationMillis, PolicyVerdict verdict,
            List<StageCounts> stages, int overdue, int remediated, double remediationDays, int score,
            Map<String, String> tools, Map<String, String> advisoryData, List<GateRow> gates) {
        this(build, time, durationMillis, verdict, stages, overdue, remediated, remediationDays, score, tools,
                advisoryData, gates, 0, null, null);
    }

    /**
     * The stages that failed or timed out, sorted; empty when none did or when the summary predates stage statuses
     * (see {@link #knowsStageStatus()}).
     */
    public List<String> incompleteStages() {
        return stages.stream().filter(StageCounts::incomplete).map(StageCounts::stage).sorted().toList();
    }

    /** Whether the summary records how each stage ended (summaries written before that do not). */
    public boolean knowsStageStatus() {
        return !stages.isEmpty() && stages.stream().anyMatch(s -> s.status() != null);
    }

    /** Active findings by severity over every stage. */
    public int[] openBySeverity() {
        return sum(StageCounts::open);
    }

    /** New findings by severity over every stage. */
    public int[] addedBySeverity() {
        return sum(StageCounts::added);
    }

    /** Fixed findings by severity over every stage. */
    public int[] fixedBySeverity() {
        return sum(StageCounts::fixed);
    }

    /** Active findings of {@code severity}. */
    public int open(Severity severity) {
        return openBySeverity()[severity.ordinal()];
    }

    private int[] sum(java.util.function.Function<StageCounts, int[]> counts) {
        int[] total = new int[Severity.values().length];
        for (StageCounts stage : stages) {
            int[] values = counts.apply(stage);
            for (int i = 0; i < total.length; i++) {
                total[i] += values[i];
            }
        }
        return total;
    }
}
