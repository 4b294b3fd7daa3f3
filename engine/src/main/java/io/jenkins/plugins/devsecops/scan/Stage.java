package io.jenkins.plugins.devsecops.scan;

import java.io.IOException;
import java.util.Set;

/**
 * A security stage: secrets, dependencies, IaC, imports, ... Stages are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.jenkins.plugins.devsecops.scan.Stage}); see {@link StageCatalog}.
 */
public interface Stage {

    /** The stable id users name the stage by, e.g. {@code secrets}. */
    String id();

    /** A one-line description for help texts. */
    String description();

    /** Whether the stage runs when the user names no stages. */
    default boolean enabledByDefault() {
        return true;
    }

    /**
     * The names of the options this stage reads (without the {@code <id>.} prefix), e.g. {@code history} for
     * {@code secrets.history}. A request naming any other option of this stage is refused before the scan, so that
     * a misspelt option is an error, not silently ignored.
     */
    default Set<String> options() {
        return Set.of();
    }

    /**
     * Loads what every scan of this stage needs whatever the tree (built-in rules, compiled patterns), so that a
     * front end may start it early, beside its own start-up ({@link ScanEngine#preload}). Idempotent and
     * thread-safe; a failure is left for {@link #open} to report.
     */
    default void preload() {
    }

    /** Prepares one scan. */
    StageScanner open(StageContext context) throws IOException;
}
