package io.jenkins.plugins.devsecops.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * What git would not commit in a work tree: paths its {@code .gitignore} files and {@code .git/info/exclude} ignore,
 * and the usual build output directories ({@code target/}, {@code build/}, {@code dist/}, {@code node_modules/}),
 * unless git tracks files there. Tracked files are never left out, as in git. One instance per walk; not
 * thread-safe.
 */
final class GitIgnoredPaths {

    /** The reason skipped paths are counted under. */
    static final String SKIP_GITIGNORED = "gitignored";

    /** The name of git's ignore file in a directory. */
    static final String IGNORE_FILE = ".gitignore";

    /** Build output directories left out by default. */
    static final Set<String> OUTPUT_DIRECTORIES = Set.of("target", "build", "dist", "node_modules");

    /** Tracked files, relative to the scan root. */
    private final Set<String> tracked = new HashSet<>();
    /** Directories holding tracked files, relative to the scan root ({@code ""} is the root). */
    private final Set<String> trackedDirectories = new HashSet<>();
    private final IgnoreNode infoExclude;
    private final Deque<Level> levels = new ArrayDeque<>();

    private record Level(String directory, IgnoreNode node) {
    }

    private GitIgnoredPaths(IgnoreNode infoExclude) {
        this.infoExclude = infoExclude;
    }

    /** The ignored paths of the work tree holding {@code root}, or {@code null} when it is not in one. */
    static GitIgnoredPaths of(Path root) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            return null;
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            if (repository.isBare()) {
                return null;
            }
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            Path realRoot = root.toRealPath();
            if (!realRoot.startsWith(workTree)) {
                return null;
            }
            String prefix = workTree.relativize(realRoot).toString().replace('\\', '/');
            IgnoreNode exclude = read(repository.getDirectory().toPath().resolve("info").resolve("exclude"));
            GitIgnoredPaths paths = new GitIgnoredPaths(prefix.isEmpty() ? exclude : null);
            DirCache index = DirCache.read(repository.getIndexFile(), FS.DETECTED);
            for (int i = 0; i < index.getEntryCount(); i++) {
                String path = index.getEntry(i).getPathString();
                if (!prefix.isEmpty()) {
                    if (!path.startsWith(prefix + "/")) {
                        continue;
                    }
                    path = path.substring(prefix.length() + 1);
                }
                paths.tracked.add(path);
                for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                    if (!paths.trackedDirectories.add(path.substring(0, slash))) {
                        break;
                    }
                }
            }
            // A directory with no tracked file (a build output, a copy of fixtures) is walked as a plain directory.
            return paths.tracked.isEmpty() ? null : paths;
        } catch (IOException | RuntimeException e) {
            return null; // not a readable repository: walk as a plain directory
        }
    }

    private static IgnoreNode read(Path file) {
        // Files.exists first: a missing file (most directories) is answered without an exception (PathFilter)
        if (!Files.exists(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        IgnoreNode node = new IgnoreNode();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            node.parse(file.toString(), in);
            return node;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Enters a directory ({@code ""} for the root): reads its {@code .gitignore} if it has one.
     *
     * @param mayHoldIgnoreFile {@code false} when the directory's listing showed no {@code .gitignore}: then the file
     *     system is not asked
     */
    void enterDirectory(Path directory, String relativePath, boolean mayHoldIgnoreFile) {
        levels.push(new Level(relativePath, mayHoldIgnoreFile ? read(directory.resolve(IGNORE_FILE)) : null));
    }

    /** Leaves the directory entered last. */
    void leaveDirectory() {
        levels.pop();
    }

    /** Whether git would leave this untracked path out (relative to the root). */
    boolean isIgnored(String relativePath, boolean directory) {
        if (directory ? trackedDirectories.contains(relativePath) : tracked.contains(relativePath)) {
            return false;
        }
        if (directory && OUTPUT_DIRECTORIES.contains(relativePath.substring(relativePath.lastIndexOf('/') + 1))) {
            return true;
        }
        for (Level level : levels) {
            if (level.node() == null) {
                continue;
            }
            String local = level.directory().isEmpty() ? relativePath
                    : relativePath.substring(level.directory().length() + 1);
            IgnoreNode.MatchResult result = level.node().isIgnored(local, directory);
            if (result == IgnoreNode.MatchResult.IGNORED) {
                return true;
            }
            if (result == IgnoreNode.MatchResult.NOT_IGNORED) {
                return false;
            }
        }
        return infoExclude != null && infoExclude.isIgnored(relativePath, directory) == IgnoreNode.MatchResult.IGNORED;
    }
}
