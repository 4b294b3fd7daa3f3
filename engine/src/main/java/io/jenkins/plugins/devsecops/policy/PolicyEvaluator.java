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
        Tally tally = new Tally(layered, comparison, now, warnings);
        if (tally.needsFindings()) {
            for (Finding finding : comparison.report().findings()) {
                tally.accept(finding);
            }
        }
        return tally.evaluation();
    }

    /**
     * An evaluation fed the current report's findings one at a time, in order, by a pass that may serve other
     * readers too (a large list is read back from disk at every pass): {@link #accept} each finding, then
     * {@link #evaluation}. Gives what {@link #evaluate(LayeredPolicy, HistoryComparison, Instant, List)} gives.
     */
    public static final class Tally {
        private final LayeredPolicy layered;
        private final HistoryComparison comparison;
        private final List<String> warnings;
        private final SlaClock sla;
        private final List<QualityGate> enabled;
        private final long[] matching;
        private final int[] trippingCount;
        private final List<List<Finding>> tripping = new ArrayList<>();

        /** A tally with the arguments of {@link #evaluate(LayeredPolicy, HistoryComparison, Instant, List)}. */
        public Tally(LayeredPolicy layered, HistoryComparison comparison, Instant now, List<String> warnings) {
            this.layered = layered;
            this.comparison = comparison;
            this.warnings = warnings;
            this.sla = new SlaClock(layered.policy(), now);
            this.enabled = layered.policy().gates().stream().filter(QualityGate::enabled).toList();
            this.matching = new long[enabled.size()];
            this.trippingCount = new int[enabled.size()];
            enabled.forEach(gate -> tripping.add(new ArrayList<>()));
        }

        /** Whether any gate reads the findings (when none does, they need not be read for this tally). */
        public boolean needsFindings() {
            return !enabled.isEmpty();
        }

        /** Counts the next finding of the current report for every enabled gate. */
        public void accept(Finding finding) {
            if (enabled.isEmpty() || finding.isSuppressed()) {
                return;
            }
            boolean overdue = sla.isOverdue(finding);
            for (int g = 0; g < enabled.size(); g++) {
                QualityGate gate = enabled.get(g);
                if (!gate.selector().matches(finding, overdue)) {
                    continue;
                }
                matching[g]++;
                boolean onlyNew = gate.scope() == GateScope.NEW || gate.scope() == GateScope.DELTA;
                if (!onlyNew || FindingHistory.isNew(finding)) {
                    trippingCount[g]++;
                    if (tripping.get(g).size() < GateOutcome.MAX_LISTED) {
                        tripping.get(g).add(finding);
                    }
                }
            }
        }

        /** The evaluation of the findings accepted. */
        public PolicyEvaluation evaluation() {
            SecurityPolicy policy = layered.policy();
            Report report = comparison.report();
            PolicyVerdict verdict = PolicyVerdict.PASSED;
            List<GateOutcome> gates = new ArrayList<>();
            for (int g = 0; g < enabled.size(); g++) {
                QualityGate gate = enabled.get(g);
                long actual;
                switch (gate.scope()) {
                    case NEW -> actual = trippingCount[g];
                    case DELTA -> {
                        long before = 0;
                        if (comparison.reference() != null) {
                            for (Finding finding : comparison.reference().findings()) {
                                if (!finding.isSuppressed()
                                        && gate.selector().matches(finding, sla.isOverdue(finding))) {
                                    before++;
                                }
                            }
                        }
                        actual = matching[g] - before;
                    }
                    default -> actual = matching[g];
                }
                PolicyVerdict gateVerdict = actual >= gate.threshold() ? PolicyVerdict.of(gate.action())
                        : PolicyVerdict.PASSED;
                verdict = verdict.worst(gateVerdict);
                gates.add(new GateOutcome(gate, actual, gateVerdict, tripping.get(g), trippingCount[g]));
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
}
