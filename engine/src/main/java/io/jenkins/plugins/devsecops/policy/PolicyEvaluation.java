package io.jenkins.plugins.devsecops.policy;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a policy on one scan: the verdict, and the table that says why.
 *
 * @param verdict PASSED, UNSTABLE or FAILED: the worst of every gate and required stage
 * @param gates one row per gate, in policy order
 * @param requiredStages one row per required stage
 * @param warnings layering warnings and other notes the user should read
 */
public record PolicyEvaluation(PolicyVerdict verdict, List<GateOutcome> gates,
        List<RequiredStageOutcome> requiredStages, List<String> warnings) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PolicyEvaluation {
        Objects.requireNonNull(verdict, "verdict");
        gates = gates == null ? List.of() : List.copyOf(gates);
        requiredStages = requiredStages == null ? List.of() : List.copyOf(requiredStages);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
