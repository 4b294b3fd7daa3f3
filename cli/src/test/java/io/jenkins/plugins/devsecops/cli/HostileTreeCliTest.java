package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code devsecops} commands against hostile trees made at test time: links where the tool writes or reads
 * its files, FIFOs, control characters in names, damaged history, bad output locations.
 */
class HostileTreeCliTest {

    /** A made-up AWS access key id of the built-in rule's shape. */
    private static final String KEY = "AKIAZ7QK3MTRW5XVN2LP";
    private static final String OUTSIDE_CONTENT = "outside-only-content";

    @TempDir
    Path repo;

    @TempDir
    Path outside;

    @TempDir
    Path cache;

    private Path victim;

    private CliRun devsecops(String... args) {
        return CliRun.of(cache, args);
    }

    private CliRun scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", repo.toString(), "--stages", "secrets,iac"));
        args.addAll(List.of(extra));
        return devsecops(args.toArray(String[]::new));
    }

    private Path victim() throws IOException {
        if (victim == null) {
            victim = Files.writeString(outside.resolve("victim.txt"), OUTSIDE_CONTENT + "\n");
        }
        return victim;
    }

    private void assertOutsideUntouched() throws IOException {
        assertThat(victim()).hasContent(OUTSIDE_CONTENT);
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).containsExactly(victim());
        }
    }

    @Test
    void shouldRefuseAReportDirectoryThatIsALinkInTheTreeBeforeScanning() throws Exception {
        // Given the tree's devsecops-report is a link to a directory outside, with index.html linked too
        victim();
        Files.createSymbolicLink(repo.resolve("devsecops-report"), outside);

        // When scanned with the report directory inside the tree
        CliRun run = scan("-o", repo.resolve("devsecops-report").toString());

        // Then the scan stops with a clear message and nothing outside changed
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("--output").contains("devsecops-report is a symbolic link");
        assertOutsideUntouched();
    }

    @Test
    void shouldNeverWriteReportFilesThroughLinksOrIntoFifos() throws Exception {
        Path output = Files.createDirectories(repo.resolve("devsecops-report"));
        Files.createSymbolicLink(output.resolve("index.html"), victim());

        CliRun linked = scan("-o", output.toString());

        assertThat(linked.exit()).isEqualTo(2);
        assertThat(linked.stderr()).contains("index.html is a symbolic link");
        assertOutsideUntouched();

        Files.delete(output.resolve("index.html"));
        Assumptions.assumeTrue(CliRun.mkfifo(output.resolve("report.json")), "mkfifo unavailable");
        CliRun fifo = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> scan("-o", output.toString()));
        assertThat(fifo.exit()).isEqualTo(2);
        assertThat(fifo.stderr()).contains("report.json is a FIFO");
    }

    @Test
    void shouldCheckTheOutputLocationBeforeScanning() throws Exception {
        Path file = Files.writeString(outside.resolve("existing.txt"), "keep\n");

        CliRun existing = scan("-o", file.toString());
        CliRun devNull = scan("-o", "/dev/null");

        assertThat(existing.exit()).isEqualTo(2);
        assertThat(existing.stderr()).contains("--output " + file + " is an existing file, not a directory");
        assertThat(existing.stdout()).doesNotContain("Stage");
        assertThat(file).hasContent("keep");
        assertThat(devNull.exit()).isEqualTo(2);
        assertThat(devNull.stderr()).contains("/dev/null is a FIFO, socket or device, not a directory");

        Assumptions.assumeTrue(CliRun.permissionsApply(cache), "permissions do not apply (root)");
        Path readOnly = Files.createDirectories(outside.resolve("ro"));
        readOnly.toFile().setWritable(false, false);
        try {
            CliRun denied = scan("-o", readOnly.toString());
            assertThat(denied.exit()).isEqualTo(2);
            assertThat(denied.stderr()).contains("cannot hold the reports").contains("not writable");
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void shouldContinueWithoutHistoryWhenTheHistoryDirectoryCannotBeUsed() throws Exception {
        // Given a history directory that is a link inside the tree, and one below a regular file
        Files.writeString(repo.resolve("app.env"), "aws_access_key_id = " + KEY + "\n");
        Files.createDirectories(repo.resolve(".devsecops"));
        Files.createSymbolicLink(repo.resolve(".devsecops/history"), outside);
        Path blocked = Files.writeString(cache.resolve("a-file"), "x");
        Path out = cache.resolve("out");

        CliRun linked = scan("-o", out.toString(), "--history-dir", repo.resolve(".devsecops/history").toString());
        CliRun underFile = scan("-o", out.toString(), "--history-dir", blocked.resolve("history").toString());

        // Then each scan warns, runs without history, writes its report and exits by the policy
        // (the default policy fails on the AWS key: exit 1, not a usage or scan error)
        assertThat(linked.exit()).isEqualTo(DevSecOpsCommand.EXIT_GATE_FAILED);
        assertThat(linked.stderr()).contains("warning: history directory").contains("is a symbolic link")
                .contains("continuing without history");
        assertThat(underFile.exit()).isEqualTo(DevSecOpsCommand.EXIT_GATE_FAILED);
        assertThat(underFile.stderr()).contains("continuing without history");
        assertThat(out.resolve("report.json")).exists();
        assertOutsideUntouched();
    }

    @Test
    void shouldSayWhenTheHistoryLiesInsideTheTreeAndKeepItOutOfTheWalk() throws Exception {
        Files.writeString(repo.resolve("app.env"), "aws_access_key_id = " + KEY + "\n");
        Path out = cache.resolve("out");

        CliRun first = scan("-o", out.toString(), "--history-dir", repo.resolve("hist").toString(), "-q");
        CliRun second = scan("-o", out.toString(), "--history-dir", repo.resolve("hist").toString(), "-q");

        assertThat(first.stderr()).contains("warning: the history directory hist lies inside the scanned tree");
        assertThat(second.stdout()).contains("History: 0 new, 1 outstanding");
        String json = Files.readString(out.resolve("report.json"));
        assertThat(json).contains("\"history.insideScannedTree\" : \"hist\"").contains("\"own-output\" : 1");
    }

    @Test
    void shouldSetAsideADamagedSummariesFileAndScanOn() throws Exception {
        Files.writeString(repo.resolve("app.env"), "aws_access_key_id = " + KEY + "\n");
        Path history = Files.createDirectories(cache.resolve("hist"));
        Files.write(history.resolve("summaries.jsonl"), new byte[1024 * 1024]);
        Files.writeString(history.resolve("last-report.json"), "{\"schemaVersion\": [");

        CliRun run = scan("-o", cache.resolve("out").toString(), "--history-dir", history.toString());

        assertThat(run.exit()).as("the default policy fails on the AWS key")
                .isEqualTo(DevSecOpsCommand.EXIT_GATE_FAILED);
        assertThat(run.stderr()).contains("summaries.jsonl holds no readable summary: set aside as")
                .contains("warning: no reference build").contains("set aside as last-report.json.corrupt-");
        assertThat(run.stdout()).contains("History: 1 new");
        assertThat(run.stdout()).contains("History kept in " + history);
        try (Stream<Path> files = Files.list(history)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(name -> name.startsWith("summaries.jsonl.corrupt-"))
                    .contains("summaries.jsonl", "last-report.json");
        }
    }

    @Test
    void shouldRefuseLinkedConfigurationWithoutPrintingWhatItPointsTo() throws Exception {
        Files.createSymbolicLink(repo.resolve("devsecops-policy.yaml"), victim());
        Files.createDirectories(repo.resolve(".devsecops/iac-rules"));
        Files.createSymbolicLink(repo.resolve(".devsecops/iac-rules/org.yaml"), victim());

        CliRun policy = scan("-o", cache.resolve("out").toString());
        Files.delete(repo.resolve("devsecops-policy.yaml"));
        CliRun rules = scan("-o", cache.resolve("out").toString());

        assertThat(policy.exit()).isEqualTo(2);
        assertThat(policy.stderr()).contains("devsecops-policy.yaml is a symbolic link");
        assertThat(policy.stdout() + policy.stderr()).doesNotContain(OUTSIDE_CONTENT);
        assertThat(rules.stdout()).contains(".devsecops/iac-rules/org.yaml");
        assertThat(rules.stdout() + rules.stderr()).doesNotContain(OUTSIDE_CONTENT);
        assertThat(Files.readString(cache.resolve("out/report.json"))).doesNotContain(OUTSIDE_CONTENT);
    }

    @Test
    void shouldBaselineWithoutWritingThroughLinks() throws Exception {
        // Given the old fixed temporary name planted as a link to an outside file
        Files.writeString(repo.resolve("app.env"), "aws_access_key_id = " + KEY + "\n");
        Files.createDirectories(repo.resolve(".devsecops"));
        Files.createSymbolicLink(repo.resolve(".devsecops/suppressions.yaml.tmp"), victim());

        CliRun run = devsecops("baseline", repo.toString(), "--stages", "secrets", "--reason", "adoption");

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(repo.resolve(".devsecops/suppressions.yaml")).content().contains("reason: \"adoption\"");
        assertOutsideUntouched();

        // And a .devsecops that is a link is refused
        Path other = Files.createDirectories(cache.resolve("other"));
        Files.writeString(other.resolve("app.env"), "aws_access_key_id = " + KEY + "\n");
        Files.createSymbolicLink(other.resolve(".devsecops"), outside);
        CliRun refused = devsecops("baseline", other.toString(), "--stages", "secrets", "--reason", "adoption");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.stderr()).contains(".devsecops is a symbolic link");
        assertOutsideUntouched();
    }

    @Test
    void shouldEscapeControlCharactersInNamesPrintedToTheConsole() throws Exception {
        // Given a file whose name would clear the screen and forge a verdict line, holding a key
        String name = "x\u001b[2J\r\nFAKE: Policy PASSED\u202E.env";
        Files.writeString(repo.resolve(name), "aws_access_key_id = " + KEY + "\n");

        CliRun run = scan("-o", cache.resolve("out").toString(), "--fail-on", "HIGH");

        assertThat(run.stdout()).doesNotContain("\u001b", "\r", "\u202E");
        assertThat(run.stdout().lines()).noneMatch(line -> line.startsWith("FAKE"));
        assertThat(run.stdout()).contains("x\\e[2J\\r\\nFAKE: Policy PASSED\\u202E.env");
        assertThat(run.stdout()).contains("Policy: FAILED");
    }

    @Test
    void shouldNameUnreadableFilesAndKeepBackslashesInTheReport() throws Exception {
        Files.writeString(repo.resolve("back\\slash.env"), "aws_access_key_id = " + KEY + "\n");
        boolean fifo = CliRun.mkfifo(repo.resolve("pipe.env"));

        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> scan("-o", cache.resolve("out").toString()));

        assertThat(run.exit()).as("the default policy fails on the AWS key")
                .isEqualTo(DevSecOpsCommand.EXIT_GATE_FAILED);
        String json = Files.readString(cache.resolve("out/report.json"));
        assertThat(json).contains("\"path\" : \"back\\\\slash.env\"");
        Assumptions.assumeTrue(fifo, "mkfifo unavailable");
        assertThat(json).contains("\"unreadable\" : [ \"pipe.env\" ]");
        assertThat(run.stdout()).contains("unreadable: pipe.env");
    }
}
