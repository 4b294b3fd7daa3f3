package io.jenkins.plugins.devsecops.history;

/** How the reference build of a comparison is chosen. */
public enum ReferenceKind {
    /** The newest earlier build of the same job. */
    PREVIOUS,
    /** The newest earlier build that was successful. */
    LAST_SUCCESSFUL,
    /** The build with a given id. */
    NAMED,
    /** For a pull request: the newest build of its target branch. */
    TARGET_BRANCH
}
