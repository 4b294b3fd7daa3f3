package io.jenkins.plugins.devsecops.scan;

import java.io.IOException;

/**
 * One stage's work during one scan. The engine calls {@link #scan} from several threads at once, one call per
 * file the stage {@link #accepts}, then {@link #finish} once. An exception from {@code scan} is recorded as an
 * error on that file and the scan goes on.
 */
public interface StageScanner {

    /** Whether the stage wants this file. By default every text file. */
    default boolean accepts(SourceFile file) {
        return !file.isBinary();
    }

    /** Scans one file. Must be thread-safe. */
    default void scan(SourceFile file, FindingSink sink) throws IOException {
    }

    /** Completes the stage after every file was scanned, e.g. matches collected packages or walks git history. */
    default void finish(FindingSink sink) throws IOException, InterruptedException {
    }
}
