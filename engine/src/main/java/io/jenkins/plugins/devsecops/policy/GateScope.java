package io.jenkins.plugins.devsecops.policy;

/** Which findings a quality gate counts. */
public enum GateScope {
    /** Active findings that were not in the reference report. */
    NEW,
    /** Every active finding. */
    TOTAL,
    /** Active matching findings now minus active matching findings in the reference report (may be negative). */
    DELTA
}
