package io.jenkins.plugins.devsecops.policy;

/** What a tripped quality gate does to the build. */
public enum GateAction {
    /** Marks the build unstable. */
    UNSTABLE,
    /** Fails the build. */
    FAILURE;

    /** Whether this action is at least as strict as {@code other}. */
    public boolean isAtLeast(GateAction other) {
        return ordinal() >= other.ordinal();
    }
}
