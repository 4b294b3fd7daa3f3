package io.jenkins.plugins.devsecops.history;

/**
 * Says, in one phrase for the findings page and the check run, which build a scan was compared with and why, e.g.
 * {@code build #41 of the target branch main (pull request PR-7): new findings are the ones it introduces}.
 */
public final class ReferenceDescription {

    private ReferenceDescription() {
    }

    /** A pull request's scan compared with the newest completed scanned build of its target branch. */
    public static String targetBranch(String build, String targetBranch, String changeRequest) {
        return "build " + build + " of the target branch " + targetBranch + " (pull request " + changeRequest
                + "): new findings are the ones it introduces";
    }

    /** A pull request whose target branch has no completed build with this scan yet. */
    public static String targetBranchNotScanned(String targetBranch, String changeRequest) {
        return "nothing: the target branch " + targetBranch + " of pull request " + changeRequest
                + " has no completed build with this scan yet, so every finding is new";
    }

    /** A scan compared with an earlier build of its own job or of a named job. */
    public static String build(String build) {
        return "build " + build;
    }
}
