package io.jenkins.plugins.devsecops.checks;

import java.io.Serializable;
import java.util.List;

/**
 * What a scan publishes as a check run (GitHub or GitLab checks through the checks-api plugin), platform-neutral.
 *
 * @param name the check's name, e.g. {@code DevSecOps Scan}
 * @param conclusion SUCCESS when the policy passed, NEUTRAL when it was UNSTABLE, FAILURE when it failed
 * @param title one line, e.g. {@code FAILED: 2 new findings (1 CRITICAL), 1 fixed}
 * @param summary Markdown: the verdict, the tripped gates and the counts; untrusted text is escaped
 * @param annotations new findings with a location, most severe first, at most the cap
 * @param notAnnotated new findings left out: over the cap, or without a file and line
 */
public record CheckRunReport(String name, Conclusion conclusion, String title, String summary,
        List<CheckAnnotation> annotations, int notAnnotated) implements Serializable {

    private static final long serialVersionUID = 1L;

    public CheckRunReport {
        annotations = List.copyOf(annotations);
    }

    /** How the check run ends. */
    public enum Conclusion {
        SUCCESS,
        NEUTRAL,
        FAILURE
    }
}
