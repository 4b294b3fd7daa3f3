package io.jenkins.plugins.devsecops.assessment;

import io.jenkins.plugins.devsecops.history.HistoryComparison;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.suppression.SuppressionOutcome;
import java.util.Objects;

/**
 * Everything the engine concludes about one scan: the report with suppressions and history marked, its comparison
 * with the reference, the policy verdict with its gate table, and the build summary for trends.
 *
 * @param report the final report: suppressed findings marked, every finding annotated NEW or OUTSTANDING
 * @param comparison the comparison with the reference build (holds the fixed findings)
 * @param suppressions which suppressions applied, expired, matched nothing, or were refused
 * @param policy the effective policy and its layering warnings
 * @param evaluation the verdict and the gate table
 * @param summary the compact build summary
 */
public record Assessment(Report report, HistoryComparison comparison, SuppressionOutcome suppressions,
        LayeredPolicy policy, PolicyEvaluation evaluation, BuildSummary summary) implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public Assessment {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(suppressions, "suppressions");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(summary, "summary");
    }
}
