package io.jenkins.plugins.devsecops.scan;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a stage knows about the scan it takes part in.
 *
 * @param root the scanned directory
 * @param request the whole request, for stage options ({@link ScanRequest#option})
 * @param stageId the id of the stage this context is for
 */
public record StageContext(Path root, ScanRequest request, String stageId) {

    /** The option {@code <stageId>.<name>}, e.g. {@code secrets.history}. */
    public Optional<String> option(String name) {
        return request.option(stageId + "." + name);
    }

    /** A boolean option, {@code false} when absent. */
    public boolean flag(String name) {
        return option(name).map(Boolean::parseBoolean).orElse(false);
    }
}
