package io.jenkins.plugins.devsecops.summary;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;

/**
 * The 0–100 security score (formula and rationale in {@code docs/policy.md}):
 * {@code score = round(100 × e^(−P/100))} with the penalty {@code P = 10·critical + 5·high + 2·medium + 0.5·low
 * + 5·overdue} over active findings, then capped at 49 when the policy FAILED and at 79 when it was UNSTABLE.
 */
public final class SecurityScore {

    /** Penalty points per active finding, by severity ordinal. */
    static final double[] WEIGHTS = {10.0, 5.0, 2.0, 0.5, 0.0};
    /** Extra penalty per overdue finding. */
    static final double OVERDUE_WEIGHT = 5.0;
    /** The penalty that brings the score down to 100/e ≈ 37. */
    static final double SCALE = 100.0;

    private SecurityScore() {
    }

    /** The score of {@code openBySeverity} (indexed by severity ordinal), {@code overdue} and the verdict. */
    public static int compute(int[] openBySeverity, int overdue, PolicyVerdict verdict) {
        double penalty = OVERDUE_WEIGHT * overdue;
        for (Severity severity : Severity.values()) {
            penalty += WEIGHTS[severity.ordinal()] * openBySeverity[severity.ordinal()];
        }
        int score = (int) Math.round(100.0 * Math.exp(-penalty / SCALE));
        if (verdict == PolicyVerdict.FAILED) {
            score = Math.min(score, 49);
        } else if (verdict == PolicyVerdict.UNSTABLE) {
            score = Math.min(score, 79);
        }
        return score;
    }
}
