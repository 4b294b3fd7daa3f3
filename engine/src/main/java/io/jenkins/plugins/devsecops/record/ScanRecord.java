package io.jenkins.plugins.devsecops.record;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.history.FixedFinding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import java.util.List;
import java.util.Objects;

/**
 * What a build keeps of one assessed scan, besides its summary: the assessed report, the policy evaluation (gate
 * table, required stages, warnings) and the findings of the reference build that are gone. Stored as one compressed
 * file by {@link ScanRecordJson}, where the gate table refers to the report's findings instead of repeating them.
 *
 * @param report the assessed report: suppressions marked, every finding annotated NEW or OUTSTANDING
 * @param evaluation the verdict with the gate table; its warnings are the assessment's warnings
 * @param fixed the reference build's findings that are gone
 */
public record ScanRecord(Report report, PolicyEvaluation evaluation, List<FixedFinding> fixed) {

    public ScanRecord {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(evaluation, "evaluation");
        fixed = fixed == null ? List.of() : List.copyOf(fixed);
    }

    /** The record of {@code assessment}. */
    public static ScanRecord of(Assessment assessment) {
        return new ScanRecord(assessment.report(), assessment.evaluation(), assessment.comparison().fixed());
    }

    /** The layering, suppression and other warnings of the assessment. */
    public List<String> warnings() {
        return evaluation.warnings();
    }
}
