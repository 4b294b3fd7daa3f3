package io.jenkins.plugins.devsecops.iac.rule;

/** What a rule looks at: a resource with its neighbours, or a whole Dockerfile. */
public interface RuleTarget {

    /** The file the target was read from, relative to the scan root. */
    String path();
}
