package io.jenkins.plugins.devsecops.model;

/** How sure a stage is that a finding is a true positive. */
public enum Confidence {
    HIGH,
    MEDIUM,
    LOW;

    /** One step lower, never below {@link #LOW}. */
    public Confidence lower() {
        return this == HIGH ? MEDIUM : LOW;
    }
}
