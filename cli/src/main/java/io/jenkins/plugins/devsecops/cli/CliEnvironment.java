package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.assessment.HistoryLocation;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI reads from its process besides arguments: the environment ({@code XDG_CACHE_HOME}) and the user's
 * home, which place the default history directory. Tests pass their own.
 */
record CliEnvironment(Map<String, String> variables, Path userHome) {

    static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The default history directory of a scanned root: in the user's cache, never inside the tree. */
    Path defaultHistory(Path root) {
        return HistoryLocation.defaultDirectory(root, variables, userHome);
    }
}
