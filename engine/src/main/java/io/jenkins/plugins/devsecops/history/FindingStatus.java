package io.jenkins.plugins.devsecops.history;

/** A finding's standing against the reference build. */
public enum FindingStatus {
    /** Not in the reference build. */
    NEW,
    /** Also in the reference build. */
    OUTSTANDING,
    /** In the reference build, gone now. */
    FIXED
}
