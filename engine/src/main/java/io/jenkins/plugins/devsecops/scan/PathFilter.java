package io.jenkins.plugins.devsecops.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Decides which paths the walk leaves out: {@code .devsecopsignore} files (gitignore syntax, one per directory,
 * like {@code .gitignore}), and the request's include and exclude patterns (gitignore syntax too).
 * Patterns are matched by {@link Glob}, in time linear in the path. One instance per walk; not thread-safe.
 */
final class PathFilter {

    /** The name of the ignore file honoured in every directory. */
    static final String IGNORE_FILE = ".devsecopsignore";

    private final List<Glob> includes;
    private final List<Glob> excludes;
    private final Deque<IgnoreLevel> levels = new ArrayDeque<>();

    private record IgnoreLevel(String directory, IgnoreFile node) {
    }

    PathFilter(List<String> includePatterns, List<String> excludePatterns) {
        this.includes = includePatterns.stream().map(Glob::gitignore).filter(glob -> !glob.isEmpty()).toList();
        this.excludes = excludePatterns.stream().map(Glob::gitignore).filter(glob -> !glob.isEmpty()).toList();
    }

    /**
     * Enters a directory ({@code ""} for the root): reads its ignore file if it has one.
     *
     * @param mayHoldIgnoreFile {@code false} when the directory's listing showed no ignore file: then the file
     *     system is not asked
     */
    void enterDirectory(Path directory, String relativePath, boolean mayHoldIgnoreFile) throws IOException {
        IgnoreFile node = null;
        Path ignoreFile = mayHoldIgnoreFile ? directory.resolve(IGNORE_FILE) : null;
        // Never through a link, never a FIFO (which would block the walk). Asked first whether anything is there at
        // all (access(2)), which answers a missing file without the exception that a look at the attributes of a
        // missing file costs.
        if (ignoreFile != null && Files.exists(ignoreFile)
                && Files.isRegularFile(ignoreFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (InputStream in = Files.newInputStream(ignoreFile)) {
                node = IgnoreFile.read(in);
            }
        }
        levels.push(new IgnoreLevel(relativePath, node));
    }

    /** Leaves the directory entered last. */
    void leaveDirectory() {
        levels.pop();
    }

    /** Whether an ignore file leaves out this path (relative to the root). */
    boolean isIgnored(String relativePath, boolean directory) {
        for (IgnoreLevel level : levels) {
            if (level.node() == null) {
                continue;
            }
            String local = level.directory().isEmpty() ? relativePath : relativePath.substring(level.directory().length() + 1);
            IgnoreFile.Decision result = level.node().decide(local, directory);
            if (result == IgnoreFile.Decision.IGNORED) {
                return true;
            }
            if (result == IgnoreFile.Decision.NOT_IGNORED) {
                return false;
            }
        }
        return false;
    }

    /** Whether the request's patterns leave out this file. */
    boolean isExcluded(String relativePath) {
        for (Glob rule : excludes) {
            if (!rule.negated() && rule.matchesPathOrParent(relativePath, false)) {
                return true;
            }
        }
        if (includes.isEmpty()) {
            return false;
        }
        for (Glob rule : includes) {
            if (rule.matchesPathOrParent(relativePath, false)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the request's exclude patterns leave out a whole directory. */
    boolean isExcludedDirectory(String relativePath) {
        for (Glob rule : excludes) {
            if (!rule.negated() && rule.matchesPathOrParent(relativePath, true)) {
                return true;
            }
        }
        return false;
    }
}
