package io.jenkins.plugins.devsecops.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeDirectoryTest {

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void shouldRefuseADirectoryThatIsALinkInsideTheTree() throws Exception {
        // Given a scanned tree whose .devsecops/history is a link to a directory outside it
        Files.createDirectories(root.resolve(".devsecops"));
        Files.createSymbolicLink(root.resolve(".devsecops/history"), outside);

        // When the history directory is opened for writing / Then it is refused, naming the link
        assertThatThrownBy(() -> SafeDirectory.create(root.resolve(".devsecops/history"), new TreeFiles(root)))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining(".devsecops/history is a symbolic link");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void shouldJudgeContainmentThroughTheCanonicalRootToo() throws Exception {
        // Given the root is given through a link while the output path is written through the physical path
        Path alias = Files.createSymbolicLink(outside.resolve("alias"), root);
        Files.createSymbolicLink(root.resolve("devsecops-report"), Files.createDirectories(outside.resolve("dest")));
        TreeFiles tree = new TreeFiles(alias);

        // When the physical path is opened / Then it is still inside the tree and the link is refused
        assertThat(tree.inside(root.toRealPath().resolve("devsecops-report"))).contains(Path.of("devsecops-report"));
        assertThatThrownBy(() -> SafeDirectory.create(root.toRealPath().resolve("devsecops-report"), tree))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("devsecops-report is a symbolic link");
        assertThat(outside.resolve("dest")).isEmptyDirectory();
    }

    @Test
    void shouldRefuseALinkHigherUpTheChain() throws Exception {
        // Given .devsecops itself is a link
        Files.createSymbolicLink(root.resolve(".devsecops"), outside);

        // When a directory below it is created / Then refused, nothing created outside
        assertThatThrownBy(() -> SafeDirectory.create(root.resolve(".devsecops/history"), new TreeFiles(root)))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining(".devsecops is a symbolic link");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void shouldNeverWriteOrAppendThroughALinkedFile() throws Exception {
        // Given a real directory whose report.json and summaries.jsonl are links to files outside
        Path victim = Files.writeString(outside.resolve("victim.txt"), "precious\n");
        SafeDirectory directory = SafeDirectory.create(root.resolve("devsecops-report"), new TreeFiles(root));
        Files.createSymbolicLink(directory.path().resolve("report.json"), victim);
        Files.createSymbolicLink(directory.path().resolve("summaries.jsonl"), victim);

        // When written and appended to / Then both are refused and the outside file is intact
        assertThatThrownBy(() -> directory.writeString("report.json", "{}"))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("report.json is a symbolic link");
        assertThatThrownBy(() -> directory.append("summaries.jsonl", "{}\n"))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("summaries.jsonl is a symbolic link");
        assertThat(victim).hasContent("precious");
    }

    @Test
    void shouldWriteThroughRandomTemporaryNamesSoAPlantedTemporaryLinkIsNeverUsed() throws Exception {
        // Given the predictable temporary name of older versions planted as a link to an outside file
        Path victim = Files.writeString(outside.resolve("victim.txt"), "precious\n");
        SafeDirectory directory = SafeDirectory.create(root.resolve("h"), new TreeFiles(root));
        Files.createSymbolicLink(directory.path().resolve("last-report.json.tmp"), victim);

        // When the file is written twice
        directory.writeString("last-report.json", "one");
        directory.writeString("last-report.json", "two");

        // Then the target holds the content, the outside file is intact and no temporary file is left over
        assertThat(directory.path().resolve("last-report.json")).hasContent("two");
        assertThat(victim).hasContent("precious");
        try (var files = Files.list(directory.path())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("last-report.json", "last-report.json.tmp");
        }
    }

    @Test
    void shouldRefuseAFifoInsteadOfBlocking() throws Exception {
        SafeDirectory directory = SafeDirectory.create(root.resolve("h"), new TreeFiles(root));
        Assumptions.assumeTrue(HostileFiles.mkfifo(directory.path().resolve("summaries.jsonl")), "mkfifo unavailable");

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> directory.append("summaries.jsonl", "{}\n"))
                    .isInstanceOf(UnsafePathException.class).hasMessageContaining("FIFO");
            assertThatThrownBy(() -> directory.open("summaries.jsonl"))
                    .isInstanceOf(UnsafePathException.class).hasMessageContaining("not a regular file");
        });
    }

    @Test
    void shouldSayWhenADirectoryIsNotWritable() throws Exception {
        Assumptions.assumeTrue(HostileFiles.permissionsApply(outside), "permissions do not apply (root)");
        Path readOnly = Files.createDirectories(outside.resolve("ro"));
        readOnly.toFile().setWritable(false, false);
        try {
            assertThatThrownBy(() -> SafeDirectory.create(readOnly, new TreeFiles(root)).requireWritable())
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not writable");
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void shouldRefuseADirectoryOwnedBySomeoneElse() throws Exception {
        SafeDirectory mine = SafeDirectory.create(outside.resolve("mine"), null);
        mine.requireOwnedByCurrentUser();

        Path theirs = Files.createDirectories(outside.resolve("theirs"));
        theirs.toFile().setWritable(true, false);
        java.nio.file.attribute.UserPrincipal nobody;
        try {
            nobody = theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(theirs, nobody);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot give a directory to another user here: " + e);
            return;
        }
        assertThatThrownBy(() -> SafeDirectory.create(theirs, null).requireOwnedByCurrentUser())
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("belongs to nobody");
    }

    @Test
    void shouldSetADamagedFileAside() throws Exception {
        SafeDirectory directory = SafeDirectory.create(root.resolve("h"), new TreeFiles(root));
        directory.writeString("summaries.jsonl", "garbage");

        Path aside = directory.setAside("summaries.jsonl");

        assertThat(aside.getFileName().toString()).startsWith("summaries.jsonl.corrupt-");
        assertThat(aside).hasContent("garbage");
        assertThat(directory.hasFile("summaries.jsonl")).isFalse();
    }
}
