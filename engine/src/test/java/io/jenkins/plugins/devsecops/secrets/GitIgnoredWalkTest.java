package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk of a git work tree leaves out what git ignores and build output, counted, unless asked not to. */
class GitIgnoredWalkTest {

    private static final String TOKEN = "GITHUB_TOKEN=ghp_uGMGKAuWfpTbmRsHdRXfr8nBNXYK7Gh5Qhy5\n";

    @TempDir
    Path root;

    private void write(String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private void givenAWorkTreeWithIgnoredAndTrackedFiles() throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write("app/config.env", TOKEN);
            write("build/scripts/release.env", TOKEN); // tracked, though build/ is an output name
            write("forced.log", TOKEN); // tracked before *.log was ignored: still scanned, as git still tracks it
            git.add().addFilepattern(".").call();
            write(".gitignore", "*.log\n/local/\n");
            git.add().addFilepattern(".gitignore").call();
            git.commit().setMessage("init").setSign(false).call();
        }
        write("target/classes/config.env", TOKEN);
        write("node_modules/lib/index.env", TOKEN);
        write("dist/app.env", TOKEN);
        write("debug.log", TOKEN);
        write("local/notes.env", TOKEN);
        write("untracked.env", TOKEN); // not ignored: scanned
    }

    @Test
    void shouldSkipWhatGitIgnoresAndBuildOutputCountingThem() throws Exception {
        givenAWorkTreeWithIgnoredAndTrackedFiles();

        Report report = SecretFixtures.scan(root);

        assertThat(report.findings()).extracting(f -> f.location().path()).containsExactlyInAnyOrder(
                "app/config.env", "build/scripts/release.env", "forced.log", "untracked.env");
        assertThat(report.walk().skipped()).containsEntry("gitignored", 5L);
    }

    @Test
    void shouldScanEverythingWithNoIgnore() throws Exception {
        givenAWorkTreeWithIgnoredAndTrackedFiles();

        Report report = SecretFixtures.scan(root, request -> request.scanIgnored(true));

        assertThat(report.findings()).hasSize(9);
        assertThat(report.walk().skipped()).doesNotContainKey("gitignored");
    }

    @Test
    void shouldWalkAPlainDirectoryWhole() throws Exception {
        write("target/classes/config.env", TOKEN);
        write("node_modules/lib/index.env", TOKEN);

        Report report = SecretFixtures.scan(root);

        assertThat(report.findings()).hasSize(2);
    }
}
