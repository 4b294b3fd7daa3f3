package io.jenkins.plugins.devsecops.policy;

import io.jenkins.plugins.devsecops.model.Finding;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One row of the gate table: how one gate fared.
 *
 * @param gate the gate
 * @param actual the count the gate measured (for DELTA: now minus reference, may be negative)
 * @param verdict PASSED, or the gate's action when it tripped
 * @param trippingFindings the findings that made up the count (at most {@link #MAX_LISTED}); for DELTA the new ones
 * @param trippingCount how many findings made up the count in all
 */
public record GateOutcome(QualityGate gate, long actual, PolicyVerdict verdict, List<Finding> trippingFindings,
        int trippingCount) implements Serializable {

    /** The most findings a row lists. */
    public static final int MAX_LISTED = 50;

    private static final long serialVersionUID = 1L;

    public GateOutcome {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(verdict, "verdict");
        trippingFindings = trippingFindings == null ? List.of()
                : List.copyOf(trippingFindings.subList(0, Math.min(MAX_LISTED, trippingFindings.size())));
    }

    /** Whether the gate tripped. */
    public boolean tripped() {
        return verdict != PolicyVerdict.PASSED;
    }
}
