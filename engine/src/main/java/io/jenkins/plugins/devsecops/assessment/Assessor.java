package io.jenkins.plugins.devsecops.assessment;

import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.history.CarriedFindings;
import io.jenkins.plugins.devsecops.history.HistoryComparator;
import io.jenkins.plugins.devsecops.history.HistoryComparison;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluator;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.summary.BuildSummaries;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.suppression.SuppressionApplier;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import io.jenkins.plugins.devsecops.suppression.SuppressionOutcome;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assesses a scan the same way in the CLI and in Jenkins: applies suppressions, compares with the reference build,
 * evaluates the policy and summarises the build.
 */
public final class Assessor {

    private Assessor() {
    }

    /**
     * Assesses.
     *
     * @param report the scan's report
     * @param policy the effective policy (stack layers with {@link io.jenkins.plugins.devsecops.policy.PolicyLayering})
     * @param suppressions the declared suppressions
     * @param reference the reference build's report, or {@code null}
     * @param build the current build; its time is "now" for expiry and SLA
     */
    public static Assessment assess(Report report, LayeredPolicy policy, List<SuppressionEntry> suppressions,
            Report reference, BuildRef build) {
        // Stages this scan did not run keep their findings (carried over) and their suppressions (not judged).
        Report scanned = CarriedFindings.addTo(report, reference);
        Set<String> stagesNotRun = new TreeSet<>(CarriedFindings.incompleteStages(report, reference));
        stagesNotRun.addAll(ScanEngine.stagesNotRun(report));
        SuppressionOutcome suppressed = SuppressionApplier.apply(scanned, suppressions,
                build.time().atZone(ZoneOffset.UTC).toLocalDate(), policy.policy().suppressionRules(), stagesNotRun);
        HistoryComparison comparison = HistoryComparator.compare(suppressed.report(), reference, build);
        List<String> warnings = new ArrayList<>(policy.warnings());
        warnings.addAll(suppressed.warnings());
        // The policy's gates and the build summary read the findings in one pass (a large list is read back from
        // disk, and each finding decoded, at every pass).
        PolicyEvaluator.Tally gates = new PolicyEvaluator.Tally(policy, comparison, build.time(), warnings);
        BuildSummaries.Tally counts = new BuildSummaries.Tally(comparison, policy.policy());
        for (Finding finding : comparison.report().findings()) {
            gates.accept(finding);
            counts.accept(finding);
        }
        PolicyEvaluation evaluation = gates.evaluation();
        BuildSummary summary = counts.summary(evaluation);
        return new Assessment(comparison.report(), comparison, suppressed, policy, evaluation, summary);
    }
}
