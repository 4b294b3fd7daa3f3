package io.jenkins.plugins.devsecops.model;

/** How a stage ended. */
public enum StageStatus {
    /** Ran over every input; per-file errors may still be listed. */
    COMPLETED,
    /** Threw an error; the findings it reported before are kept. */
    FAILED,
    /** Ran out of time; the findings it reported before are kept. */
    TIMED_OUT,
    /** Was not asked for, or had nothing to do. */
    SKIPPED
}
