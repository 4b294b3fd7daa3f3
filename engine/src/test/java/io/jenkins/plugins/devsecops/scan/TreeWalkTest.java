package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.files.HostileFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk over real directories: entries looked at and files opened relative to their open directory, which each
 * file holds until it is released; what a link, a FIFO or a missing ignore file does there; a tree deeper than the
 * stack would allow a recursive walk.
 */
class TreeWalkTest {

    @TempDir
    Path root;

    @TempDir
    Path outside;

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** A walk that keeps the files it hands over (unreleased) in {@link #files}. */
    private static final class Collecting {
        final List<SourceFile> files = new ArrayList<>();
        final TreeWalk walk;

        Collecting(ScanRequest request) {
            this(request, true);
        }

        Collecting(ScanRequest request, boolean relative) {
            walk = new TreeWalk(request, files::add, relative);
        }

        Map<String, SourceFile> run() throws IOException {
            walk.run();
            Map<String, SourceFile> byPath = new TreeMap<>();
            files.forEach(file -> byPath.put(file.path(), file));
            return byPath;
        }
    }

    @Test
    void shouldDecideEveryEntryAsTheWalkByPathsDoes() throws Exception {
        // Given a tree with what the walk leaves out or counts: git internals, ignore files at two levels, links to a
        // file and to a directory (a loop), a FIFO, a file over the size limit, excluded and own directories
        write("src/App.java", "class App {}");
        write("src/deep/er/Deep.java", "class Deep {}");
        write(".git/config", "[core]");
        write(".devsecopsignore", "build/\n*.log\n!keep.log\n");
        write("build/out.txt", "out");
        write("notes/keep.log", "kept");
        write("notes/drop.log", "dropped");
        write("notes/.devsecopsignore", "*.tmp\n");
        write("notes/x.tmp", "tmp");
        write("big.txt", "x".repeat(5000));
        write("vendor/lib.js", "lib");
        write("reports/r.json", "{}");
        Files.createSymbolicLink(root.resolve("src/loop"), root.resolve("src"));
        Files.createSymbolicLink(root.resolve("link.java"), root.resolve("src/App.java"));
        HostileFiles.mkfifo(root.resolve("pipe.env"));
        ScanRequest request = ScanRequest.builder(root).maxFileSize(1000).exclude("vendor/")
                .ownDirectory(root.resolve("reports")).build();

        // When walked relative to open directories and by paths
        Collecting relative = new Collecting(request, true);
        Collecting byPaths = new Collecting(request, false);
        Map<String, SourceFile> relativeFiles = relative.run();
        Map<String, SourceFile> pathFiles = byPaths.run();

        // Then both hand over the same files with the same sizes and count the same entries the same way
        assertThat(relativeFiles.keySet()).containsExactlyElementsOf(pathFiles.keySet())
                .containsExactlyInAnyOrder(".devsecopsignore", "notes/.devsecopsignore", "notes/keep.log",
                        "src/App.java", "src/deep/er/Deep.java");
        relativeFiles.forEach((path, file) -> assertThat(file.size()).isEqualTo(pathFiles.get(path).size()));
        assertThat(relative.walk.skipped()).isEqualTo(byPaths.walk.skipped());
        assertThat(relative.walk.unreadable()).isEqualTo(byPaths.walk.unreadable());
        assertThat(relative.walk.filesSeen()).isEqualTo(byPaths.walk.filesSeen());
        assertThat(relative.walk.skipped()).containsEntry("symlink", 2L).containsEntry("too-large", 1L)
                .containsEntry("own-output", 1L);
        for (SourceFile file : relativeFiles.values()) {
            assertThat(file.bytes()).isEqualTo(pathFiles.get(file.path()).bytes());
        }
        relativeFiles.values().forEach(SourceFile::release);
        pathFiles.values().forEach(SourceFile::release);
        assertThat(relative.walk.openDirectories()).isZero();
        assertThat(byPaths.walk.openDirectories()).isZero();
    }

    @Test
    void shouldReadEachFileThroughItsDirectoryAfterTheWalkLeftItAndLetItGoOnceReleased() throws Exception {
        // Given files in nested directories
        write("a/b/c/deep.txt", "deep");
        write("a/top.txt", "top");
        write("root.txt", "root");

        // When the walk is over (it left every directory) and no file was released yet
        Collecting collecting = new Collecting(ScanRequest.builder(root).build());
        Map<String, SourceFile> files = collecting.run();

        // Then the directories of the files are still open, and each file reads its content
        assertThat(files).containsOnlyKeys("a/b/c/deep.txt", "a/top.txt", "root.txt");
        assertThat(collecting.walk.openDirectories()).isEqualTo(3);
        assertThat(new String(files.get("a/b/c/deep.txt").bytes(), StandardCharsets.UTF_8)).isEqualTo("deep");
        assertThat(files.get("a/top.txt").isBinary()).isFalse();
        assertThat(files.get("a/top.txt").text()).isEqualTo("top");

        // And once every file is released, no directory is held open; a file read again opens by its path
        files.values().forEach(SourceFile::release);
        assertThat(collecting.walk.openDirectories()).isZero();
        assertThat(files.get("root.txt").text()).isEqualTo("root");
        files.get("root.txt").release();
        assertThat(collecting.walk.openDirectories()).isZero();
    }

    @Test
    void shouldCloseTheDirectoriesOfFilesNeverReleasedAndStillReadThemByPath() throws Exception {
        // Given a walk whose files were never scanned (a stopped scan drops them)
        write("x/y/z.txt", "zzz");
        Collecting collecting = new Collecting(ScanRequest.builder(root).build());
        Map<String, SourceFile> files = collecting.run();
        assertThat(collecting.walk.openDirectories()).isEqualTo(1);

        // When the engine closes what is left
        collecting.walk.closeDirectories();

        // Then nothing stays open, and the file still reads, by its path
        assertThat(collecting.walk.openDirectories()).isZero();
        assertThat(files.get("x/y/z.txt").text()).isEqualTo("zzz");
        files.get("x/y/z.txt").release();
    }

    @Test
    void shouldHoldABoundedNumberOfDirectoriesOpenForFilesInFlight() throws Exception {
        // Given 400 directories of one file each, none released yet (as if all were in flight)
        for (int i = 0; i < 400; i++) {
            write("d" + i + "/f.txt", "file " + i);
        }
        Collecting collecting = new Collecting(ScanRequest.builder(root).build());
        Map<String, SourceFile> files = collecting.run();

        // Then at most 128 directories stay open, and every file reads, held directory or not
        assertThat(files).hasSize(400);
        assertThat(collecting.walk.openDirectories()).isBetween(100, 128);
        for (int i = 0; i < 400; i++) {
            assertThat(files.get("d" + i + "/f.txt").text()).isEqualTo("file " + i);
        }
        files.values().forEach(SourceFile::release);
        assertThat(collecting.walk.openDirectories()).isZero();
    }

    @Test
    void shouldNotReadALinkPutInPlaceOfAFileAfterTheWalkSawIt() throws Exception {
        // Given a file the walk saw as a regular file, replaced by a link to a file outside the tree before it is read
        write("d/config.env", "harmless");
        Path secret = Files.writeString(outside.resolve("shadow"), "password=outside-the-tree", StandardCharsets.UTF_8);
        Collecting collecting = new Collecting(ScanRequest.builder(root).build());
        Map<String, SourceFile> files = collecting.run();
        Files.delete(root.resolve("d/config.env"));
        Files.createSymbolicLink(root.resolve("d/config.env"), secret);

        // Then reading it fails (the engine counts it unreadable) rather than reading the link's target
        SourceFile file = files.get("d/config.env");
        assertThatThrownBy(file::isBinary).isInstanceOf(UncheckedIOException.class).hasMessageContaining("d/config.env");

        // And the same after its directory was let go of: opened by its path, the link is not followed either
        collecting.walk.closeDirectories();
        assertThatThrownBy(file::bytes).isInstanceOf(UncheckedIOException.class);
        file.release();
    }

    @Test
    void shouldReadAFileMovedWithItsDirectoryAfterTheWalk() throws Exception {
        // Given a file whose directory is renamed between the walk and the read
        write("old/name.txt", "moved");
        Collecting collecting = new Collecting(ScanRequest.builder(root).build());
        Map<String, SourceFile> files = collecting.run();
        Files.move(root.resolve("old"), root.resolve("new"));

        // Then the file is read through its open directory, where it is now
        assertThat(files.get("old/name.txt").text()).isEqualTo("moved");
        files.values().forEach(SourceFile::release);
        assertThat(collecting.walk.openDirectories()).isZero();
    }

    @Test
    void shouldHonourOnlyARegularIgnoreFileAndWalkADirectoryOfThatName() throws Exception {
        // Given an ignore file that is a link to a real one, one that is a dangling link, and one that is a directory
        Path realIgnore = Files.writeString(outside.resolve("ignore"), "*.txt\n", StandardCharsets.UTF_8);
        write("linked/a.txt", "a");
        Files.createSymbolicLink(root.resolve("linked/.devsecopsignore"), realIgnore);
        write("dangling/b.txt", "b");
        Files.createSymbolicLink(root.resolve("dangling/.devsecopsignore"), outside.resolve("missing"));
        write("dir/.devsecopsignore/c.txt", "c");
        write("plain/.devsecopsignore", "*.txt\n");
        write("plain/d.txt", "d");
        boolean fifo = HostileFiles.mkfifo(Files.createDirectories(root.resolve("fifo")).resolve(".devsecopsignore"));
        write("fifo/e.txt", "e");

        // When walked
        Collecting collecting = new Collecting(ScanRequest.builder(root).build());
        Map<String, SourceFile> files = collecting.run();
        files.values().forEach(SourceFile::release);

        // Then only the regular ignore file leaves files out; links are not followed, the directory is walked
        assertThat(files).containsKeys("linked/a.txt", "dangling/b.txt", "dir/.devsecopsignore/c.txt",
                "plain/.devsecopsignore").doesNotContainKey("plain/d.txt");
        assertThat(collecting.walk.skipped()).containsEntry("ignored", 1L)
                .containsEntry("symlink", 2L);
        if (fifo) {
            assertThat(files).containsKey("fifo/e.txt");
            assertThat(collecting.walk.unreadable()).containsExactly("fifo/.devsecopsignore");
        }
        assertThat(collecting.walk.openDirectories()).isZero();
    }

    @Test
    void shouldHonourTheIgnoreFileOfADirectoryTooLargeToBeListedAhead() throws Exception {
        // Given directories of 1,200 and of 100 files, each with an ignore file and a file it leaves out
        for (String dir : new String[] {"large", "small"}) {
            int count = dir.equals("large") ? 1200 : 100;
            for (int i = 0; i < count; i++) {
                write(dir + "/f" + i + ".txt", "x");
            }
            write(dir + "/.devsecopsignore", "*.log\n");
            write(dir + "/out.log", "left out");
        }

        // When walked
        Collecting collecting = new Collecting(ScanRequest.builder(root).build());
        Map<String, SourceFile> files = collecting.run();
        files.values().forEach(SourceFile::release);

        // Then in both, the ignore file is read (from the listing or by asking) and leaves its file out
        assertThat(files).hasSize(1300 + 2).doesNotContainKeys("large/out.log", "small/out.log");
        assertThat(collecting.walk.skipped()).containsEntry("ignored", 2L);
        assertThat(collecting.walk.filesSeen()).isEqualTo(1300 + 4);
    }

    @Test
    void shouldWalkATreeDeeperThanARecursiveWalkCouldAndCloseEveryLevel() throws Exception {
        // Given a chain of 400 directories (relative creation keeps every path short of the limits)
        Path dir = root;
        for (int i = 0; i < 400; i++) {
            dir = Files.createDirectory(dir.resolve("d"));
        }
        Files.writeString(dir.resolve("leaf.txt"), "leaf", StandardCharsets.UTF_8);

        // When walked
        Collecting collecting = new Collecting(ScanRequest.builder(root).build());
        Map<String, SourceFile> files = collecting.run();

        // Then the leaf is found and read; with more than 128 directories open when it was found, it does not hold
        // its directory open but is opened by its path
        assertThat(files).hasSize(1);
        SourceFile leaf = files.values().iterator().next();
        assertThat(leaf.path()).isEqualTo("d/".repeat(400) + "leaf.txt");
        assertThat(collecting.walk.openDirectories()).isZero();
        assertThat(leaf.text()).isEqualTo("leaf");
        leaf.release();
        assertThat(collecting.walk.openDirectories()).isZero();
    }

    @Test
    void shouldCountALinkInPlaceOfTheRootAsALinkAndWalkNothing() throws Exception {
        // Given a root that is a link to a directory with a file
        write("f.txt", "f");
        Path link = outside.resolve("link");
        Files.createSymbolicLink(link, root);
        Assumptions.assumeTrue(Files.isSymbolicLink(link));

        // When walked from the link
        Collecting collecting = new Collecting(ScanRequest.builder(link).build());
        Map<String, SourceFile> files = collecting.run();

        // Then, as before, the link is counted and not followed
        assertThat(files).isEmpty();
        assertThat(collecting.walk.skipped()).containsEntry("symlink", 1L);
        assertThat(collecting.walk.filesSeen()).isEqualTo(1);
    }
}
