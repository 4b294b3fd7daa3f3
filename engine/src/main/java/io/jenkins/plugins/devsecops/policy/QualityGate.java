package io.jenkins.plugins.devsecops.policy;

import java.io.Serializable;
import java.util.Objects;

/**
 * A quality gate: counts the active findings its selector picks within its scope and trips when the count reaches
 * the threshold.
 *
 * @param id a stable name, unique within a policy; lower policy layers refer to a gate by it
 * @param selector which findings count
 * @param scope NEW, TOTAL or DELTA against the reference build
 * @param threshold the count at which the gate trips (at least 1)
 * @param action what a tripped gate does: UNSTABLE or FAILURE
 * @param enabled {@code false} only in a lower layer's attempt to switch an inherited gate off (always refused)
 */
public record QualityGate(String id, FindingSelector selector, GateScope scope, int threshold, GateAction action,
        boolean enabled) implements Serializable {

    private static final long serialVersionUID = 1L;

    public QualityGate {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A gate needs an id");
        }
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(action, "action");
        if (threshold < 1) {
            throw new IllegalArgumentException("Gate '" + id + "': threshold must be at least 1, was " + threshold);
        }
    }

    /** An enabled gate. */
    public static QualityGate of(String id, FindingSelector selector, GateScope scope, int threshold,
            GateAction action) {
        return new QualityGate(id, selector, scope, threshold, action, true);
    }

    /** This gate with another threshold. */
    public QualityGate withThreshold(int value) {
        return new QualityGate(id, selector, scope, value, action, enabled);
    }

    /** This gate with another action. */
    public QualityGate withAction(GateAction value) {
        return new QualityGate(id, selector, scope, threshold, value, enabled);
    }

    /** A one-line description, e.g. {@code NEW findings with severity >= HIGH: 1 -> FAILURE}. */
    public String describe() {
        return scope + " findings with " + selector.describe() + " >= " + threshold + " -> " + action;
    }
}
