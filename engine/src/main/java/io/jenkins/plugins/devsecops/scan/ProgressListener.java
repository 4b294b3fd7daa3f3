package io.jenkins.plugins.devsecops.scan;

import io.jenkins.plugins.devsecops.model.StageResult;

/** Follows a scan: the CLI draws a progress bar with it, the Jenkins step prints console lines. */
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** Called now and then while files are scanned, from any thread. */
    default void progress(ScanProgress progress) {
    }

    /** Called when a stage has finished. */
    default void stageFinished(StageResult result) {
    }
}
