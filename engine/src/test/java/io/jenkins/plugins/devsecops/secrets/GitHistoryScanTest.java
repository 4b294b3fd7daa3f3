package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryScanTest {

    private static final String TOKEN = "ghp_uGMGKAuWfpTbmRsHdRXfr8nBNXYK7Gh5Qhy5";
    private static final String STRIPE = "sk_live_YxNOkWft1K6iG3tTwZk7bcct";

    @TempDir
    Path root;

    private Git git;
    private long clock = 1_760_000_000L;

    @BeforeEach
    void createRepository() throws Exception {
        git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
    }

    @AfterEach
    void closeRepository() {
        git.close();
    }

    private RevCommit commit(String author, String message, String... pathsAndContents) throws Exception {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = root.resolve(pathsAndContents[i]);
            if (pathsAndContents[i + 1] == null) {
                git.rm().addFilepattern(pathsAndContents[i]).call();
            } else {
                Files.createDirectories(file.getParent());
                Files.writeString(file, pathsAndContents[i + 1], StandardCharsets.UTF_8);
                git.add().addFilepattern(pathsAndContents[i]).call();
            }
        }
        clock += 3600;
        PersonIdent ident = new PersonIdent(author, author.toLowerCase() + "@acme.example", Instant.ofEpochSecond(clock),
                ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).setSign(false).call();
    }

    private Report scanHistory(String... options) throws Exception {
        return SecretFixtures.scan(root, request -> {
            request.option("secrets.history", "true");
            for (int i = 0; i < options.length; i += 2) {
                request.option(options[i], options[i + 1]);
            }
        });
    }

    @Test
    void shouldFindASecretRemovedFromTheWorkingTreeInTheCommitThatAddedIt() throws Exception {
        // Given a token added in one commit and removed in a later one
        commit("Alice", "Initial", "README.md", "# Orders\n");
        RevCommit added = commit("Bob", "Add CI config", "ci/settings.env", "REGION=eu\nGITHUB_TOKEN=" + TOKEN + "\n");
        commit("Carol", "Remove token", "ci/settings.env", "REGION=eu\n");

        // When the working tree is scanned, then with history
        Report workingTree = SecretFixtures.scan(root);
        Report history = scanHistory();

        // Then only the history scan finds it, with where and when it was added
        assertThat(workingTree.findings()).isEmpty();
        Finding finding = history.findings().stream().filter(f -> f.ruleId().equals("github-pat-classic"))
                .findFirst().orElseThrow();
        assertThat(history.findings()).hasSize(1);
        assertThat(finding.location().path()).isEqualTo("ci/settings.env");
        assertThat(finding.location().startLine()).isEqualTo(2);
        assertThat(finding.location().snippet()).isEqualTo("GITHUB_TOKEN=ghp_****");
        assertThat(finding.properties())
                .containsEntry("history", "true")
                .containsEntry("commit", added.name())
                .containsEntry("lastCommit", added.name())
                .containsEntry("author", "Bob <bob@acme.example>")
                .containsEntry("date", Instant.ofEpochSecond(added.getCommitTime()).toString())
                .containsEntry("commits", "1");
        assertThat(finding.message()).contains("added in commit " + added.abbreviate(10).name()).doesNotContain(TOKEN);
        assertThat(new ReportJson().toJson(history)).doesNotContain(TOKEN);
        assertThat(history.stage("secrets").orElseThrow().properties()).containsEntry("historyCommits", "3");
    }

    @Test
    void shouldMergeOneSecretAddedInManyCommitsIntoOneFinding() throws Exception {
        // Given the same key added, removed and added again to one file
        RevCommit first = commit("Alice", "Add key", "app.properties", "stripe.key=" + STRIPE + "\n");
        commit("Alice", "Remove key", "app.properties", "stripe.key=\n");
        RevCommit last = commit("Dave", "Oops, again", "app.properties", "# restored\nstripe.key=" + STRIPE + "\n");

        // When history is scanned
        Report report = scanHistory();

        // Then there is one finding from the first to the last commit, alongside the working-tree one
        assertThat(report.findings()).filteredOn(f -> f.properties().containsKey("history")).singleElement()
                .satisfies(f -> {
                    assertThat(f.properties()).containsEntry("commit", first.name())
                            .containsEntry("lastCommit", last.name()).containsEntry("commits", "2")
                            .containsEntry("author", "Alice <alice@acme.example>");
                    assertThat(f.location().startLine()).isEqualTo(1);
                });
        assertThat(report.findings()).filteredOn(f -> !f.properties().containsKey("history")).singleElement()
                .satisfies(f -> assertThat(f.location().startLine()).isEqualTo(2));
        assertThat(report.findings()).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void shouldCountACommitThatAddsTheSameBlobAgain() throws Exception {
        // Given a file with a key, emptied, then restored byte for byte (a revert: the same blob comes back), and a
        // file with the same content under another name, where only the key line is new
        String content = "region=eu\nstripe.key=" + STRIPE + "\n";
        RevCommit first = commit("Alice", "Add key", "app.properties", content);
        commit("Bob", "Remove key", "app.properties", "region=eu\n");
        RevCommit restored = commit("Carol", "Revert", "app.properties", content);
        commit("Dave", "Keep a copy", "backup/app.properties", content);

        // When history is scanned
        Report report = scanHistory();

        // Then the restoring commit counts for the first file although its blob was searched before, and the copy is
        // its own finding
        assertThat(report.findings()).filteredOn(f -> f.properties().containsKey("history"))
                .filteredOn(f -> f.location().path().equals("app.properties")).singleElement()
                .satisfies(f -> {
                    assertThat(f.properties()).containsEntry("commit", first.name())
                            .containsEntry("lastCommit", restored.name()).containsEntry("commits", "2");
                    assertThat(f.location().startLine()).isEqualTo(2);
                });
        assertThat(report.findings()).filteredOn(f -> f.properties().containsKey("history"))
                .filteredOn(f -> f.location().path().equals("backup/app.properties")).singleElement()
                .satisfies(f -> assertThat(f.properties()).containsEntry("commits", "1")
                        .containsEntry("author", "Dave <dave@acme.example>"));
    }

    @Test
    void shouldOnlyWalkCommitsAfterSince() throws Exception {
        // Given an old secret and a new one
        commit("Alice", "Old", "old.env", "GITHUB_TOKEN=" + TOKEN + "\n");
        RevCommit base = commit("Alice", "Remove old", "old.env", null);
        commit("Bob", "New", "new.env", "STRIPE_KEY=" + STRIPE + "\n");

        // When history is scanned incrementally from the base
        Report report = scanHistory("secrets.since", base.name());

        // Then only the new commit's secret is reported from history
        assertThat(report.findings()).filteredOn(f -> f.properties().containsKey("history"))
                .extracting(Finding::ruleId).containsExactly("stripe-live-secret-key");
        assertThat(report.stage("secrets").orElseThrow().properties()).containsEntry("historyCommits", "1");
    }

    @Test
    void shouldReportAnUnknownSinceAsAStageError() throws Exception {
        // Given a repository
        commit("Alice", "Initial", "README.md", "# Orders\n");

        // When since names no commit
        StageResult stage = scanHistory("secrets.since", "no-such-ref").stage("secrets").orElseThrow();

        // Then the stage says so and still completes
        assertThat(stage.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(stage.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("no-such-ref"));
    }

    @Test
    void shouldCapTheNumberOfCommitsWithAWarning() throws Exception {
        // Given three commits, the oldest with a secret
        commit("Alice", "Old", "old.env", "GITHUB_TOKEN=" + TOKEN + "\n");
        commit("Alice", "Two", "README.md", "two\n");
        commit("Alice", "Three", "README.md", "three\n");

        // When at most two commits may be walked
        Report report = scanHistory("secrets.maxCommits", "2");

        // Then the newest two are scanned and the user is told
        StageResult stage = report.stage("secrets").orElseThrow();
        assertThat(stage.properties()).containsEntry("historyCommits", "2");
        assertThat(stage.warnings()).singleElement().satisfies(w -> assertThat(w).contains("2 commits"));
        assertThat(report.findings()).filteredOn(f -> f.properties().containsKey("history")).isEmpty();
    }

    @Test
    void shouldSkipBinaryBlobsInHistory() throws Exception {
        // Given a binary file holding a token
        byte[] content = ("\0\0PNG" + TOKEN).getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("logo.png"), content);
        git.add().addFilepattern("logo.png").call();
        commit("Alice", "Logo");

        // When history is scanned
        Report report = scanHistory();

        // Then the blob is skipped, not scanned
        assertThat(report.findings()).isEmpty();
        assertThat(report.stage("secrets").orElseThrow().skipped()).containsEntry("history-binary", 1L);
    }

    @Test
    void shouldWarnWhenTheRootIsNotARepository(@TempDir Path plain) throws Exception {
        // Given a directory outside any repository
        Files.writeString(plain.resolve("a.txt"), "nothing\n");

        // When history is requested
        Report report = SecretFixtures.scan(plain, request -> request.option("secrets.history", "true"));

        // Then a warning explains it and the stage completes
        StageResult stage = report.stage("secrets").orElseThrow();
        assertThat(stage.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(stage.warnings()).singleElement().satisfies(w -> assertThat(w).contains("not the root of a git repository"));
    }
}
