package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.policy.SuppressionRules;
import io.jenkins.plugins.devsecops.suppression.SuppressionApplier;
import io.jenkins.plugins.devsecops.suppression.SuppressionBaseline;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;
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

        // Then the working-tree finding is the only one, and carries the history from the first to the last commit
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.location().startLine()).isEqualTo(2);
            assertThat(f.fingerprint()).isEqualTo(SecretFingerprint.of("stripe-live-secret-key", STRIPE));
            assertThat(f.properties()).containsEntry("history", "true").containsEntry("commit", first.name())
                    .containsEntry("lastCommit", last.name()).containsEntry("commits", "2")
                    .containsEntry("ref", "main").containsEntry("historyLocation", "app.properties:1")
                    .containsEntry("author", "Alice <alice@acme.example>");
        });
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
    void shouldCountABinaryBlobOncePerPathItHad() throws Exception {
        // Given a binary file holding a token, copied to another path in a later commit
        byte[] content = ("\0\0PNG" + TOKEN).getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("logo.png"), content);
        git.add().addFilepattern("logo.png").call();
        commit("Alice", "Logo");
        Files.createDirectories(root.resolve("img"));
        Files.write(root.resolve("img/logo.png"), content);
        git.add().addFilepattern("img/logo.png").call();
        commit("Alice", "Logo, again");

        // When history is scanned
        Report report = scanHistory();

        // Then each (blob, path) is skipped and counted, though the blob is read once
        assertThat(report.findings()).isEmpty();
        assertThat(report.stage("secrets").orElseThrow().skipped()).containsEntry("history-binary", 2L);
    }

    @Test
    void shouldSearchABlobWithoutKeywordsAgainWhereARuleWithoutKeywordsApplies() throws Exception {
        // Given a line with no keyword in a text file, then the same blob as a PostgreSQL password file (whose rule
        // has no keyword and runs over the whole file), then the same blob under a third, ordinary name
        String line = "db.corp.internal:5432:orders:app:Pg7xQ2pass9Lq\n";
        commit("Alice", "Notes", "notes/hosts.txt", line);
        RevCommit pgpass = commit("Bob", "Password file", ".pgpass", line);
        commit("Carol", "More notes", "notes/copy.txt", line);

        // When history is scanned
        Report report = scanHistory();

        // Then the password file is found in the commit that added it, though the blob was found keyword-free
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("pgpass-password");
            assertThat(f.location().path()).isEqualTo(".pgpass");
            assertThat(f.properties()).containsEntry("commit", pgpass.name());
        });
    }

    @Test
    void shouldCountOnlyTheLinesAddedToAFileMovedWithItsDirectory() throws Exception {
        // Given a directory of files, one with a token, moved in one commit; on the way the file with the token
        // gains a second secret, and another file of the directory gets a token of its own
        String[] before = new String[12];
        for (int i = 0; i < 5; i++) {
            before[2 * i] = "old/module" + i + ".properties";
            before[2 * i + 1] = ("name=module" + i + "\nsize=" + i + "\n").repeat(4);
        }
        before[10] = "old/ci.env";
        before[11] = "REGION=eu\nZONE=a\nGITHUB_TOKEN=" + TOKEN + "\nRETRIES=3\nTIMEOUT=30\n";
        RevCommit added = commit("Alice", "Modules", before);
        String[] move = new String[24];
        for (int i = 0; i < 12; i += 2) {
            move[2 * i] = before[i];
            move[2 * i + 1] = null;
            move[2 * i + 2] = before[i].replace("old/", "new/");
            move[2 * i + 3] = before[i + 1];
        }
        move[23] = before[11] + "stripe.key=" + STRIPE + "\n";
        move[3] = before[1] + "github.token=ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" + "\n";
        RevCommit moved = commit("Bob", "Move modules", move);

        // When history is scanned
        Report report = scanHistory();

        // Then the token that moved is reported from the commit that added it, the secrets added on the way from the
        // commit that moved them
        Finding token = report.findings().stream().filter(f -> f.location().path().endsWith("ci.env")
                && f.ruleId().equals("github-pat-classic")).findFirst().orElseThrow();
        assertThat(token.properties()).containsEntry("commit", added.name());
        Finding stripe = report.findings().stream().filter(f -> f.ruleId().equals("stripe-live-secret-key"))
                .findFirst().orElseThrow();
        assertThat(stripe.properties()).containsEntry("commit", moved.name());
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.location().path()).isEqualTo("new/module0.properties");
            assertThat(f.properties()).containsEntry("commit", moved.name());
        });
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

    @Test
    void shouldFindASecretThatOnlyExistsOnAnotherBranchAndNameTheBranch() throws Exception {
        // Given a token committed on a feature branch that was never merged, and main checked out again
        commit("Alice", "Initial", "README.md", "# Orders\n");
        git.checkout().setCreateBranch(true).setName("feature/payments").call();
        RevCommit onBranch = commit("Bob", "WIP", "pay.env", "STRIPE_KEY=" + STRIPE + "\n");
        git.checkout().setName("main").call();

        // When history is scanned
        Report report = scanHistory();

        // Then the secret is found in that commit, on that branch
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.properties()).containsEntry("commit", onBranch.name()).containsEntry("ref", "feature/payments");
            assertThat(f.message()).contains("on feature/payments");
        });
        assertThat(report.stage("secrets").orElseThrow().properties()).containsEntry("historyRefs", "2");
    }

    @Test
    void shouldWalkTagsStashesAndRemoteTrackingRefsLikeGitLogAll() throws Exception {
        // Given secrets reachable only from a tag, from the stash and from a remote-tracking ref
        RevCommit base = commit("Alice", "Initial", "README.md", "# Orders\n");
        git.checkout().setCreateBranch(true).setName("release").call();
        RevCommit tagged = commit("Alice", "Release config", "release.env", "GITHUB_TOKEN=" + TOKEN + "\n");
        git.tag().setName("v1.0").setObjectId(tagged).setAnnotated(true).setMessage("v1.0").call();
        git.checkout().setName("main").call();
        git.branchDelete().setBranchNames("release").setForce(true).call();
        RevCommit remote = commit("Carol", "Remote work", "remote.env",
                "AWS_ACCESS_KEY_ID=AKIAUJZDEGXDNCF32EPF\n");
        RefUpdate update = git.getRepository().updateRef("refs/remotes/origin/topic");
        update.setNewObjectId(remote);
        update.forceUpdate();
        git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(base.name()).call();
        Files.writeString(root.resolve("README.md"), "# Orders\nSLACK=xoxb-750047439575-5131373537990-E6PwZPf1Qh6yYTWmE4lBYOvf\n");
        git.stashCreate().call();

        // When history is scanned
        Report report = scanHistory();

        // Then each is found and named after the ref that reaches it
        assertThat(report.findings()).extracting(f -> f.properties().get("ref"))
                .containsExactlyInAnyOrder("tag v1.0", "origin/topic", "stash");
    }

    @Test
    void shouldHonourDevsecopsignoreAndExcludesInHistory() throws Exception {
        // Given secrets in an ignored directory and in an excluded file, both in history
        Files.writeString(root.resolve(".devsecopsignore"), "vendor/\n");
        commit("Alice", "Add", ".devsecopsignore", "vendor/\n", "vendor/lib.env", "GITHUB_TOKEN=" + TOKEN + "\n",
                "fixtures/pay.env", "STRIPE_KEY=" + STRIPE + "\n");
        commit("Alice", "Remove", "vendor/lib.env", null, "fixtures/pay.env", null);

        // When history is scanned with an exclude pattern
        Report report = SecretFixtures.scan(root, request -> request.option("secrets.history", "true")
                .exclude("fixtures/"));

        // Then neither is reported, and both are counted as skipped
        assertThat(report.findings()).isEmpty();
        assertThat(report.stage("secrets").orElseThrow().skipped()).containsEntry("history-ignored", 2L);
    }

    @Test
    void shouldLetOneBaselineSuppressionCoverASecretInTheTreeAndInHistory() throws Exception {
        // Given a secret committed and still in the working tree, baselined from a scan without history
        commit("Alice", "Add", "app.env", "GITHUB_TOKEN=" + TOKEN + "\n");
        List<SuppressionEntry> baseline = SuppressionBaseline.extend(List.of(), SecretFixtures.scan(root),
                "accepted", "alice", LocalDate.of(2026, 1, 1), null);

        // When history is scanned and the baseline applied
        Report report = scanHistory();
        Report suppressed = SuppressionApplier.apply(report, baseline, LocalDate.of(2026, 1, 2),
                SuppressionRules.inherit()).report();

        // Then there is one finding, with both locations, and the baseline covers it
        assertThat(suppressed.findings()).singleElement().satisfies(f -> {
            assertThat(f.isSuppressed()).isTrue();
            assertThat(f.location().path()).isEqualTo("app.env");
            assertThat(f.properties()).containsEntry("historyLocation", "app.env:1").containsKey("commit");
        });
    }

    @Test
    void shouldNameACorruptLooseObjectInsteadOfAZlibError() throws Exception {
        // Given a committed file whose loose blob is truncated on disk
        commit("Alice", "Initial", "README.md", "# Orders\n");
        RevCommit second = commit("Alice", "Config", "app.env", "REGION=eu\nGITHUB_TOKEN=" + TOKEN + "\n");
        String blob;
        try (TreeWalk tree = TreeWalk.forPath(git.getRepository(), "app.env", second.getTree())) {
            blob = tree.getObjectId(0).name();
        }
        Path object = root.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
        byte[] bytes = Files.readAllBytes(object);
        object.toFile().setWritable(true);
        Files.write(object, Arrays.copyOf(bytes, bytes.length / 2));

        // When history is scanned
        StageResult stage = scanHistory().stage("secrets").orElseThrow();

        // Then the error names the blob and the commit, and the scan completes
        assertThat(stage.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(stage.errors()).extracting(StageError::message)
                .anySatisfy(m -> assertThat(m).contains(blob).contains(second.abbreviate(10).name()))
                .noneSatisfy(m -> assertThat(m).isEqualTo("Unexpected end of ZLIB input stream"));
    }

    @Test
    void shouldNameAMissingCommitInsteadOfWalkFailure() throws Exception {
        // Given a history whose middle commit object was deleted
        commit("Alice", "One", "README.md", "one\n");
        RevCommit middle = commit("Alice", "Two", "README.md", "two\n");
        commit("Alice", "Three", "README.md", "three\n");
        String id = middle.name();
        Files.delete(root.resolve(".git/objects/" + id.substring(0, 2) + "/" + id.substring(2)));

        // When history is scanned
        StageResult stage = scanHistory().stage("secrets").orElseThrow();

        // Then the error names the missing commit
        assertThat(stage.errors()).extracting(StageError::message)
                .anySatisfy(m -> assertThat(m).contains(id).contains("missing").doesNotContain("Walk failure"));
    }

    @Test
    void shouldNameTheProblemWithACorruptPack() throws Exception {
        // Given a repository packed by gc, whose pack is then damaged in the middle
        commit("Alice", "One", "README.md", "one\n");
        commit("Alice", "Two", "app.env", "GITHUB_TOKEN=" + TOKEN + "\n");
        git.gc().setAggressive(false).call();
        try (var packs = Files.list(root.resolve(".git/objects/pack"))) {
            Path pack = packs.filter(p -> p.toString().endsWith(".pack")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(pack);
            for (int i = 40; i < bytes.length - 40; i++) {
                bytes[i] = (byte) 0x55;
            }
            pack.toFile().setWritable(true);
            Files.write(pack, bytes);
        }

        // When history is scanned
        StageResult stage = scanHistory().stage("secrets").orElseThrow();

        // Then the scan completes with an error that names an object or a commit, not a bare JGit message
        assertThat(stage.status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(stage.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.message())
                .containsPattern("[0-9a-f]{10}").doesNotContain("Walk failure"));
    }

    @Test
    void shouldReportABrokenHeadAsBrokenNotAsAnEmptyRepository() throws Exception {
        // Given a repository with commits whose HEAD file holds garbage
        commit("Alice", "One", "README.md", "one\n");
        Files.writeString(root.resolve(".git/HEAD"), "this is not a ref\n");

        // When history is scanned
        StageResult stage = scanHistory().stage("secrets").orElseThrow();

        // Then the user is told HEAD is broken, and the branches are still scanned
        assertThat(String.join("\n", stage.warnings()) + stage.errors()).doesNotContain("no commit yet")
                .contains("HEAD");
        assertThat(stage.properties()).containsEntry("historyCommits", "1");
    }

    @Test
    void shouldSayAShallowCloneIsShallowWithTheCommitsSeen() throws Exception {
        // Given a clone that only has the last of three commits
        commit("Alice", "One", "README.md", "one\n");
        commit("Alice", "Two", "README.md", "two\n");
        RevCommit three = commit("Alice", "Three", "README.md", "three\n");
        Files.writeString(root.resolve(".git/shallow"), three.getParent(0).name() + "\n");

        // When history is scanned
        StageResult stage = scanHistory().stage("secrets").orElseThrow();

        // Then the user is told the history is incomplete, with the number of commits seen
        assertThat(stage.warnings()).anySatisfy(w -> assertThat(w).contains("shallow clone").contains("2 commits"));
        assertThat(stage.properties()).containsEntry("historyShallow", "true");
    }
}
