package io.jenkins.plugins.devsecops.policy;

/** The outcome of evaluating a policy, or one of its gates. */
public enum PolicyVerdict {
    PASSED,
    UNSTABLE,
    FAILED;

    /** The verdict a tripped gate with {@code action} gives. */
    public static PolicyVerdict of(GateAction action) {
        return action == GateAction.FAILURE ? FAILED : UNSTABLE;
    }

    /** The stricter of this verdict and {@code other}. */
    public PolicyVerdict worst(PolicyVerdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
