package io.jenkins.plugins.devsecops.scan;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;

/** Where a stage reports what it finds. Thread-safe. */
public interface FindingSink {

    /** Reports a finding. */
    void report(Finding finding);

    /** Reports an error on one input ({@code path} relative to the root), after which the stage goes on. */
    void error(String path, String message);

    /** Reports something the user should know that is not a finding. */
    void warning(String message);

    /** Counts an input the stage passed over, by reason. */
    void skipped(String reason);

    /** Records a stage-wide fact, e.g. the advisory source used. */
    void property(String key, String value);

    /**
     * Replaces a finding this stage reported earlier (the same object) by a more complete version of it, e.g. a
     * working-tree secret that history shows was committed. Sinks that cannot replace keep the earlier finding.
     */
    default void replace(Finding previous, Finding updated) {
    }

    /**
     * Tells the engine a secret value this stage found, so that it is masked wherever else it appears in the report
     * (a file or directory name, an author's name, another stage's message). The value is kept in memory only.
     * Sinks that write nothing ignore it.
     */
    default void secretValue(CharSequence value) {
    }

    /** Adds a component to the report's package inventory (the SBOM). Sinks that keep no inventory ignore it. */
    default void component(Component component) {
    }
}
