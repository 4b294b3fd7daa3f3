package io.jenkins.plugins.devsecops.policy;

import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.history.HistoryComparison;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a policy on a compared report. Only active findings count: suppressed ones never trip a gate.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    /**
     * Evaluates.
     *
     * @param policy the effective policy
     * @param comparison the current report compared with its reference
     * @param now the time overdue findings are judged at
     * @param warnings notes to carry into the result, e.g. layering warnings
     */
    public static PolicyEvaluation evaluate(SecurityPolicy policy, HistoryComparison comparison, Instant now,
            List<String> warnings) {
        return evaluate(new LayeredPolicy(policy, List.of()), comparison, now, warnings);
    }

    /**
     * Evaluates a layered policy; the evaluation names each layer and where each gate and required stage came from.
     *
     * @param layered the effective policy with its layers
     * @param comparison the current report compared with its reference
     * @param now the time overdue findings are judged at
     * @param warnings notes to carry into the result, e.g. layering warnings
     */
    public static PolicyEvaluation evaluate(LayeredPolicy layered, HistoryComparison comparison, Instant now,
            List<String> warnings) {
        SecurityPolicy policy = layered.policy();
        SlaClock sla = new SlaClock(policy, now);
        Report report = comparison.report();
        List<Finding> active = report.activeFindings();
        List<Finding> referenceActive = comparison.reference() == null ? List.of()
                : comparison.reference().activeFindings();

        PolicyVerdict verdict = PolicyVerdict.PASSED;
        List<GateOutcome> gates = new ArrayList<>();
        for (QualityGate gate : policy.gates()) {
            if (!gate.enabled()) {
                continue;
            }
            List<Finding> matching = active.stream()
                    .filter(f -> gate.selector().matches(f, sla.isOverdue(f))).toList();
            long actual;
            List<Finding> tripping;
            switch (gate.scope()) {
                case NEW -> {
                    tripping = matching.stream().filter(FindingHistory::isNew).toList();
                    actual = tripping.size();
                }
                case DELTA -> {
                    long before = referenceActive.stream()
                            .filter(f -> gate.selector().matches(f, sla.isOverdue(f))).count();
                    actual = matching.size() - before;
                    tripping = matching.stream().filter(FindingHistory::isNew).toList();
                }
                default -> {
                    tripping = matching;
                    actual = matching.size();
                }
            }
            PolicyVerdict gateVerdict = actual >= gate.threshold() ? PolicyVerdict.of(gate.action())
                    : PolicyVerdict.PASSED;
            verdict = verdict.worst(gateVerdict);
            gates.add(new GateOutcome(gate, actual, gateVerdict, tripping, tripping.size()));
        }
        List<RequiredStageOutcome> stages = new ArrayList<>();
        for (String stage : policy.requiredStages()) {
            Optional<StageResult> result = report.stage(stage);
            String status = result.map(r -> r.status().name()).orElse("NOT RUN");
            PolicyVerdict stageVerdict = result.filter(r -> r.status() == StageStatus.COMPLETED).isPresent()
                    ? PolicyVerdict.PASSED : PolicyVerdict.FAILED;
            verdict = verdict.worst(stageVerdict);
            stages.add(new RequiredStageOutcome(stage, status, stageVerdict));
        }
        return new PolicyEvaluation(verdict, gates, stages, warnings, layered.layers(), layered.origins());
    }
}
