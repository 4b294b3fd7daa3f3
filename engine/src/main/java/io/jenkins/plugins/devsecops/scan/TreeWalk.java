package io.jenkins.plugins.devsecops.scan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The one walk of the source tree that serves every file-based stage. Leaves out {@code .git} directories,
 * what git ignores in a git work tree ({@link GitIgnoredPaths}, unless the request scans ignored files), symbolic
 * links (never followed, so no loops and no escape from the root), ignored and excluded paths,
 * unreadable and oversized files, each counted by reason. Each file to scan is handed on as soon as it is found, so
 * that scanning overlaps the walk and no list of the whole tree is kept.
 */
final class TreeWalk {

    static final String SKIP_IGNORED = "ignored";
    static final String SKIP_EXCLUDED = "excluded";
    static final String SKIP_TOO_LARGE = "too-large";
    static final String SKIP_SYMLINK = "symlink";
    static final String SKIP_UNREADABLE = "unreadable";
    static final String SKIP_OWN_OUTPUT = "own-output";

    private final Path root;
    private final long maxFileSize;
    private final PathFilter filter;
    /** What git ignores, when the root is in a git work tree and the request does not scan ignored files. */
    private final GitIgnoredPaths gitIgnored;
    private final java.util.Set<String> ownDirectories;
    private final List<SourceFile> files = new ArrayList<>();
    private final Consumer<SourceFile> onFile;
    private final Map<String, Long> skipped = new TreeMap<>();
    private final List<String> unreadable = new ArrayList<>();
    private long filesSeen;
    /** The relative paths of the directories being walked, innermost last ("" for the root). */
    private final java.util.ArrayDeque<String> directories = new java.util.ArrayDeque<>();

    /** A walk that collects the files to scan in {@link #files()}. */
    TreeWalk(ScanRequest request) {
        this(request, null);
    }

    /** A walk that hands each file to scan to {@code onFile}, on the walking thread, keeping none. */
    TreeWalk(ScanRequest request, Consumer<SourceFile> onFile) {
        this.onFile = onFile == null ? files::add : onFile;
        this.root = request.root();
        this.maxFileSize = request.maxFileSize();
        this.filter = new PathFilter(request.includes(), request.excludes());
        this.gitIgnored = request.scanIgnored() ? null : GitIgnoredPaths.of(request.root());
        this.ownDirectories = java.util.Set.copyOf(request.ownDirectories());
    }

    /** Walks the tree, handing over each file to scan. */
    void run() throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String relative = directories.isEmpty() ? relativize(dir) : childOf(dir);
                if (!relative.isEmpty()) {
                    if (dir.getFileName().toString().equals(".git")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (ownDirectories.contains(relative)) {
                        count(SKIP_OWN_OUTPUT);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (filter.isIgnored(relative, true) || filter.isExcludedDirectory(relative)) {
                        count(SKIP_IGNORED);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (gitIgnored != null && gitIgnored.isIgnored(relative, true)) {
                        count(GitIgnoredPaths.SKIP_GITIGNORED);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                filter.enterDirectory(dir, relative);
                if (gitIgnored != null) {
                    gitIgnored.enterDirectory(dir, relative);
                }
                directories.addLast(relative);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                directories.pollLast();
                filter.leaveDirectory();
                if (gitIgnored != null) {
                    gitIgnored.leaveDirectory();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                visit(file, attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                filesSeen++;
                unreadable(directories.isEmpty() ? relativize(file) : childOf(file));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void visit(Path file, BasicFileAttributes attrs) {
        if (attrs.isDirectory()) {
            return;
        }
        filesSeen++;
        String relative = childOf(file);
        if (attrs.isSymbolicLink()) {
            count(SKIP_SYMLINK);
        } else if (!attrs.isRegularFile()) {
            unreadable(relative);
        } else if (filter.isIgnored(relative, false)) {
            count(SKIP_IGNORED);
        } else if (gitIgnored != null && gitIgnored.isIgnored(relative, false)) {
            count(GitIgnoredPaths.SKIP_GITIGNORED);
        } else if (filter.isExcluded(relative)) {
            count(SKIP_EXCLUDED);
        } else if (attrs.size() > maxFileSize) {
            count(SKIP_TOO_LARGE);
        } else {
            // No access check here (a system call per file): a file that cannot be read fails when it is read and
            // is counted as unreadable then.
            onFile.accept(new SourceFile(file, relative, attrs.size()));
        }
    }

    /**
     * The relative path of an entry of the directory being walked: its parent's relative path and its name, without
     * asking the file system for a relative path each time.
     */
    private String childOf(Path entry) {
        String parent = directories.peekLast();
        String name = entry.getFileName().toString();
        return parent == null || parent.isEmpty() ? name : parent + "/" + name;
    }

    private String relativize(Path path) {
        // Only the platform's separator becomes '/': on Linux a backslash is part of a file name.
        String separator = path.getFileSystem().getSeparator();
        String relative = root.relativize(path).toString();
        return separator.equals("/") ? relative : relative.replace(separator, "/");
    }

    private void unreadable(String relative) {
        count(SKIP_UNREADABLE);
        if (unreadable.size() < io.jenkins.plugins.devsecops.model.WalkSummary.MAX_UNREADABLE_NAMED) {
            unreadable.add(relative);
        }
    }

    /** The first unreadable files, by relative path. */
    List<String> unreadable() {
        return unreadable;
    }

    void count(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    List<SourceFile> files() {
        return files;
    }

    Map<String, Long> skipped() {
        return skipped;
    }

    long filesSeen() {
        return filesSeen;
    }
}
