package io.jenkins.plugins.devsecops.scan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.ClosedDirectoryStreamException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final Set<String> ownDirectories;
    private final boolean relative;
    /** The directories still open: held by the walk or by files not yet released. */
    private final Set<Directory> open = ConcurrentHashMap.newKeySet();
    private final Consumer<SourceFile> onFile;
    private final Map<String, Long> skipped = new TreeMap<>();
    private final List<String> unreadable = new ArrayList<>();
    private long filesSeen;

    /**
     * A walk that hands each file to scan to {@code onFile}, on the walking thread, keeping none. Each file holds
     * the directory it was found in open until {@link SourceFile#release()} (or {@link #closeDirectories()}).
     */
    TreeWalk(ScanRequest request, Consumer<SourceFile> onFile) {
        this(request, onFile, true);
    }

    /**
     * @param relative whether to walk relative to open directories where the platform allows it; {@code false}
     *     walks by paths as on a platform without {@link SecureDirectoryStream} (for tests on Linux)
     */
    TreeWalk(ScanRequest request, Consumer<SourceFile> onFile, boolean relative) {
        this.relative = relative;
        this.onFile = onFile;
        this.root = request.root();
        this.maxFileSize = request.maxFileSize();
        this.filter = new PathFilter(request.includes(), request.excludes());
        this.gitIgnored = request.scanIgnored() ? null : GitIgnoredPaths.of(request.root());
        this.ownDirectories = Set.copyOf(request.ownDirectories());
    }

    /**
     * Walks the tree, handing over each file to scan: depth first, each directory's entries in the order the file
     * system lists them, as {@link Files#walkFileTree} does. Where the platform has them ({@link
     * SecureDirectoryStream}: Linux), entries are looked at and subdirectories opened relative to their open directory
     * ({@code fstatat}, {@code openat}), not by a path the kernel resolves from the root again for every entry, and
     * never through a link, even one put in place of a directory after it was looked at. The walk keeps one open
     * directory per level, at most {@link Level#LISTED_AHEAD} of a directory's entries, and no recursion: a deep tree
     * cannot exhaust the stack.
     */
    void run() throws IOException {
        BasicFileAttributes rootAttributes;
        try {
            rootAttributes = Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            filesSeen++;
            unreadable(relativize(root));
            return;
        }
        if (!rootAttributes.isDirectory()) {
            // a link in place of the root is not followed, as for any other entry
            Path name = root.getFileName();
            visit(null, root, name, name == null ? "" : name.toString(), rootAttributes);
            return;
        }
        if (!relative) {
            walkByPaths();
            return;
        }
        Directory top;
        try {
            top = Directory.open(root, open);
        } catch (IOException e) {
            filesSeen++;
            unreadable(relativize(root));
            return;
        }
        if (top.secure == null) {
            // No relative access here (Windows): the JDK's walk, which reuses the attributes a directory listing
            // brings there instead of asking for each entry's
            top.release();
            walkByPaths();
            return;
        }
        ArrayDeque<Level> levels = new ArrayDeque<>();
        try {
            enter(levels, top, root, relativize(root));
            while (!levels.isEmpty()) {
                Level level = levels.peekLast();
                Path entry = level.next();
                if (entry == null) {
                    levels.pollLast();
                    leave(level);
                    continue;
                }
                Path name = level.name;
                String relative = level.relative.isEmpty() ? name.toString() : level.relative + "/" + name;
                BasicFileAttributes attrs;
                try {
                    attrs = level.directory.attributes(entry, name);
                } catch (IOException e) {
                    filesSeen++; // gone or not readable since it was listed
                    unreadable(relative);
                    continue;
                }
                if (!attrs.isDirectory()) {
                    visit(level.directory, entry, name, relative, attrs);
                    continue;
                }
                Directory child;
                try {
                    child = level.directory.openDirectory(entry, name);
                } catch (IOException e) {
                    filesSeen++;
                    unreadable(relative);
                    continue;
                }
                if (skipped(entry, relative)) {
                    child.release();
                } else {
                    enter(levels, child, entry, relative);
                }
            }
        } finally {
            while (!levels.isEmpty()) {
                levels.pollLast().directory.release();
            }
        }
    }

    /** The walk by paths, {@link Files#walkFileTree}: the same decisions, each entry looked up from the root. */
    private void walkByPaths() throws IOException {
        ArrayDeque<String> directories = new ArrayDeque<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String relative = directories.isEmpty() ? relativize(dir) : childOf(directories, dir);
                if (!relative.isEmpty() && skipped(dir, relative)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                filter.enterDirectory(dir, relative, true);
                if (gitIgnored != null) {
                    gitIgnored.enterDirectory(dir, relative, true);
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
                if (!attrs.isDirectory()) {
                    visit(null, file, file.getFileName(),
                            directories.isEmpty() ? file.getFileName().toString() : childOf(directories, file), attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                filesSeen++;
                unreadable(directories.isEmpty() ? relativize(file) : childOf(directories, file));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The relative path of an entry of the innermost directory being walked by {@link #walkByPaths()}. */
    private static String childOf(ArrayDeque<String> directories, Path entry) {
        String parent = directories.peekLast();
        String name = entry.getFileName().toString();
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /** Whether a directory (not the root) is left out with everything in it; counted if so. */
    private boolean skipped(Path dir, String relative) {
        if (dir.getFileName().toString().equals(".git")) {
            return true;
        }
        if (ownDirectories.contains(relative)) {
            count(SKIP_OWN_OUTPUT);
            return true;
        }
        if (filter.isIgnored(relative, true) || filter.isExcludedDirectory(relative)) {
            count(SKIP_IGNORED);
            return true;
        }
        if (gitIgnored != null && gitIgnored.isIgnored(relative, true)) {
            count(GitIgnoredPaths.SKIP_GITIGNORED);
            return true;
        }
        return false;
    }

    private void enter(ArrayDeque<Level> levels, Directory directory, Path dir, String relative) throws IOException {
        Level level;
        try {
            level = new Level(directory, relative);
            filter.enterDirectory(dir, relative, level.mayHold(PathFilter.IGNORE_FILE));
        } catch (IOException | RuntimeException e) {
            directory.release();
            throw e;
        }
        if (gitIgnored != null) {
            gitIgnored.enterDirectory(dir, relative, level.mayHold(GitIgnoredPaths.IGNORE_FILE));
        }
        levels.addLast(level);
    }

    private void leave(Level level) {
        level.directory.release();
        filter.leaveDirectory();
        if (gitIgnored != null) {
            gitIgnored.leaveDirectory();
        }
    }

    /**
     * A directory being walked: its open stream, where its listing is, and its path relative to the root. Its first
     * {@link #LISTED_AHEAD} entries are listed before any is looked at, so that a directory listed whole is known to
     * hold an ignore file or not without asking the file system (most directories hold none).
     */
    private static final class Level {
        /** How many entries are listed ahead: a larger directory is listed as it is walked. */
        static final int LISTED_AHEAD = 512;

        final Directory directory;
        final String relative;
        private final Iterator<Path> entries;
        private Path[] ahead = new Path[8];
        private Path[] aheadNames = new Path[8];
        private int aheadCount;
        private int taken;
        /** Whether {@link #ahead} is the whole listing. */
        private final boolean listedWhole;
        /** The name of the entry {@link #next()} returned last. */
        Path name;

        Level(Directory directory, String relative) {
            this.directory = directory;
            this.relative = relative;
            this.entries = directory.stream.iterator();
            boolean whole = false;
            while (aheadCount < LISTED_AHEAD) {
                Path entry;
                try {
                    if (!entries.hasNext()) {
                        whole = true;
                        break;
                    }
                    entry = entries.next();
                } catch (DirectoryIteratorException e) {
                    break; // the listing ends here, as it would have without looking ahead; not known whole
                }
                if (aheadCount == ahead.length) {
                    ahead = Arrays.copyOf(ahead, aheadCount * 2);
                    aheadNames = Arrays.copyOf(aheadNames, aheadCount * 2);
                }
                ahead[aheadCount] = entry;
                aheadNames[aheadCount++] = entry.getFileName();
            }
            this.listedWhole = whole;
        }

        /**
         * Whether the directory may hold an entry named {@code name}: {@code false} only when it was listed whole
         * without one.
         */
        boolean mayHold(String fileName) {
            if (!listedWhole) {
                return true;
            }
            for (int i = 0; i < aheadCount; i++) {
                if (aheadNames[i].toString().equals(fileName)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The next entry (its name in {@link #name}), or {@code null} at the end (or when the listing fails part way,
         * as the walk did).
         */
        Path next() {
            if (taken < aheadCount) {
                Path entry = ahead[taken];
                name = aheadNames[taken];
                ahead[taken] = null;
                aheadNames[taken++] = null;
                return entry;
            }
            if (listedWhole) {
                return null;
            }
            try {
                if (!entries.hasNext()) {
                    return null;
                }
                Path entry = entries.next();
                name = entry.getFileName();
                return entry;
            } catch (DirectoryIteratorException e) {
                return null;
            }
        }
    }

    /** How many directories are open: held by the walk or by files not yet released. */
    int openDirectories() {
        return open.size();
    }

    /**
     * Closes the directories that files not released still hold (files dropped when a scan is stopped): a file read
     * after this opens by its path.
     */
    void closeDirectories() {
        for (Directory directory : open) {
            directory.close();
        }
    }

    /**
     * An open directory of the walk. On a platform with {@link SecureDirectoryStream} its entries are looked at and
     * its subdirectories and files opened relative to it, without following links; elsewhere by their paths. Held
     * open by the walk while it lists the directory and by each of its files to scan until the file is released.
     */
    private static final class Directory implements SourceFile.Folder {
        /** While this many directories are open, files found do not hold theirs open: they open by path. */
        static final int MAX_HELD_OPEN = 128;
        private static final Set<OpenOption> READ_NO_LINK = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

        final DirectoryStream<Path> stream;
        final SecureDirectoryStream<Path> secure;
        private final Set<Directory> open;
        private final AtomicInteger holders = new AtomicInteger(1);

        private Directory(DirectoryStream<Path> stream, Set<Directory> open) {
            this.stream = stream;
            this.secure = stream instanceof SecureDirectoryStream<Path> relative ? relative : null;
            this.open = open;
            open.add(this);
        }

        static Directory open(Path dir, Set<Directory> open) throws IOException {
            return new Directory(Files.newDirectoryStream(dir), open);
        }

        /** The attributes of the entry {@code path} (named {@code name} here), not following a link. */
        BasicFileAttributes attributes(Path path, Path name) throws IOException {
            if (secure != null) {
                return secure.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .readAttributes();
            }
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }

        /** Opens the subdirectory {@code path} (named {@code name} here); never through a link. */
        Directory openDirectory(Path path, Path name) throws IOException {
            if (secure != null) {
                return new Directory(secure.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS), open);
            }
            return open(path, open);
        }

        /**
         * This directory for a file found in it, held until the file lets go; {@code null} where files open by path:
         * on a platform without relative opens, and while {@link #MAX_HELD_OPEN} directories are open (a tree of one
         * file per directory must not hold a descriptor per file in flight).
         */
        SourceFile.Folder holdFor() {
            if (secure == null || open.size() >= MAX_HELD_OPEN) {
                return null;
            }
            holders.incrementAndGet();
            return this;
        }

        @Override
        public FileChannel openFile(Path name) throws IOException {
            SeekableByteChannel opened;
            try {
                opened = secure.newByteChannel(name, READ_NO_LINK);
            } catch (ClosedDirectoryStreamException e) {
                return null; // closed by closeDirectories(): the file opens by its path
            }
            if (opened instanceof FileChannel channel) {
                return channel;
            }
            opened.close(); // not a file channel (no JDK gives one): opened by its path instead
            return null;
        }

        @Override
        public void release() {
            if (holders.decrementAndGet() == 0) {
                close();
            }
        }

        void close() {
            open.remove(this);
            try {
                stream.close();
            } catch (IOException e) {
                // nothing was written: a failed close loses nothing
            }
        }
    }

    private void visit(Directory directory, Path file, Path name, String relative, BasicFileAttributes attrs) {
        filesSeen++;
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
            SourceFile.Folder folder = directory == null ? null : directory.holdFor();
            onFile.accept(new SourceFile(file, relative, attrs.size(), folder, name));
        }
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

    Map<String, Long> skipped() {
        return skipped;
    }

    long filesSeen() {
        return filesSeen;
    }
}
