package io.jenkins.plugins.devsecops.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Decides which paths of git history a stage reads, by the same rules as the walk of the working tree: the
 * request's include and exclude patterns and the {@code .devsecopsignore} files of the working tree (a path of an
 * old commit is judged by the ignore files the tree has today). Ignore files are read once, when first needed.
 * Thread-safe (one caller at a time): one instance per history scan, shared by its threads.
 */
public final class HistoryPathFilter {

    private final Path root;
    private final PathFilter patterns;
    /** Per directory relative to the root ({@code ""} for the root): its parsed ignore file, or none. */
    private final Map<String, IgnoreNode> ignoreFiles = new HashMap<>();
    private static final IgnoreNode NONE = new IgnoreNode();

    public HistoryPathFilter(ScanRequest request) {
        this.root = request.root();
        this.patterns = new PathFilter(request.includes(), request.excludes());
    }

    /** Whether the file at {@code path} ({@code /}-separated, relative to the root) is scanned. */
    public synchronized boolean accepts(String path) {
        if (patterns.isExcluded(path)) {
            return false;
        }
        String[] segments = path.split("/");
        StringBuilder directory = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            if (segments[i - 1].equals(".git")) {
                return false;
            }
            if (directory.length() > 0) {
                directory.append('/');
            }
            directory.append(segments[i - 1]);
            String dir = directory.toString();
            if (patterns.isExcludedDirectory(dir) || ignored(dir, true)) {
                return false;
            }
        }
        return !ignored(path, false);
    }

    /** Whether the ignore files of the path's ancestors leave it out, the deepest deciding first. */
    private boolean ignored(String path, boolean directory) {
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        while (true) {
            IgnoreNode node = ignoreFile(parent);
            if (node != NONE) {
                String local = parent.isEmpty() ? path : path.substring(parent.length() + 1);
                IgnoreNode.MatchResult result = node.isIgnored(local, directory);
                if (result == IgnoreNode.MatchResult.IGNORED) {
                    return true;
                }
                if (result == IgnoreNode.MatchResult.NOT_IGNORED) {
                    return false;
                }
            }
            if (parent.isEmpty()) {
                return false;
            }
            int up = parent.lastIndexOf('/');
            parent = up < 0 ? "" : parent.substring(0, up);
        }
    }

    private IgnoreNode ignoreFile(String directory) {
        return ignoreFiles.computeIfAbsent(directory, dir -> {
            if (dir.startsWith("/") || ("/" + dir + "/").contains("/../")) {
                return NONE; // not a path of the working tree
            }
            Path file = (dir.isEmpty() ? root : root.resolve(dir)).resolve(PathFilter.IGNORE_FILE);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return NONE;
            }
            IgnoreNode node = new IgnoreNode();
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                node.parse(file.toString(), in);
            } catch (IOException e) {
                return NONE;
            }
            return node;
        });
    }
}
