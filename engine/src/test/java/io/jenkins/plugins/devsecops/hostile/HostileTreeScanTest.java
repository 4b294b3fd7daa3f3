package io.jenkins.plugins.devsecops.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.files.HostileFiles;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.report.ReportWriter;
import io.jenkins.plugins.devsecops.report.ReportWriters;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole scans of hostile trees made at test time: what ends up in the reports. */
class HostileTreeScanTest {

    /** A made-up AWS access key id of the built-in rule's shape. */
    private static final String KEY = "AKIAZ7QK3MTRW5XVN2LP";
    private static final String LEAK = "hunter2-leak";

    @TempDir
    Path root;

    private Report scan(ScanRequest.Builder request) throws Exception {
        return ScanEngine.withBuiltInStages().scan(request.build(), ProgressListener.NONE);
    }

    /** Every built-in report format of {@code report}, concatenated. */
    private static String allFormats(Report report) throws Exception {
        ReportWriters writers = ReportWriters.builtIn();
        StringBuilder all = new StringBuilder();
        for (String format : writers.formats()) {
            ReportWriter writer = writers.find(format).orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(report, out);
            all.append(out.toString(StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    private static List<StageError> errors(Report report) {
        List<StageError> errors = new ArrayList<>();
        report.stages().forEach(stage -> errors.addAll(stage.errors()));
        return errors;
    }

    private void write(String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void shouldReduceParserErrorsToFileLineAndAFixedDescription() throws Exception {
        // Given malformed files of every parsed kind, each with a password and attacker HTML on the bad line
        write("k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  password: " + LEAK
                + ": <script>alert(1)</script>\n");
        write("cfn/template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n"
                + "    Properties: {BucketName: " + LEAK + " <b>x</b>\n");
        write("cfn/template.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {" + LEAK + "}}");
        write("infra/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  " + LEAK + " " + LEAK + "\n}\n");
        write("Dockerfile", "FROM alpine:3.19\n" + LEAK + "<script> x\n");
        write("web/package-lock.json", "{\"lockfileVersion\": 3, " + LEAK + "}");
        write("java/pom.xml", "<project><password>" + LEAK + "</passw></project>");
        write("ci/pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  x: " + LEAK + ": <script>\n");

        // When scanned
        Report report = scan(ScanRequest.builder(root).stages(List.of("iac", "dependencies")));

        // Then every bad file is named with a line, and no report format carries the content
        List<StageError> errors = errors(report);
        assertThat(errors).extracting(StageError::path).contains("k8s/pod.yaml", "cfn/template.yaml",
                "cfn/template.json", "infra/main.tf", "Dockerfile", "web/package-lock.json", "java/pom.xml",
                "ci/pnpm-lock.yaml");
        assertThat(errors).filteredOn(e -> e.path() != null).allSatisfy(e -> assertThat(e.message()).contains("line"));
        assertThat(errors.toString()).doesNotContain(LEAK, "<script>", "<b>", "alert");
        String written = allFormats(report);
        assertThat(written).doesNotContain(LEAK, "alert(1)");
    }

    @Test
    void shouldMaskAFoundSecretInFileAndDirectoryNamesAndAuthorNames() throws Exception {
        // Given a key in a file's content, the same key as a directory and a file name, and as a commit's author
        write(KEY + "/config.env", "aws_access_key_id = " + KEY + "\n");
        write("keys/" + KEY + ".txt", "aws_access_key_id=" + KEY + "\n");
        write(KEY + "/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n");
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent author = new PersonIdent("dev " + KEY, "dev@example.com");
            git.commit().setMessage("add config").setAuthor(author).setCommitter(author).call();
        }

        // When scanned with history, following the stages as the console does
        List<String> printed = new ArrayList<>();
        Report report = ScanEngine.withBuiltInStages().scan(ScanRequest.builder(root).stages(List.of("secrets", "iac"))
                .option("secrets.history", "true").build(), new ProgressListener() {
                    @Override
                    public void stageFinished(io.jenkins.plugins.devsecops.model.StageResult result) {
                        printed.add(result.toString());
                    }
                });

        // Then the findings are there, but no path, property or written report shows the key
        assertThat(report.findings()).isNotEmpty();
        assertThat(report.findings()).extracting(f -> f.location().path())
                .contains("****/config.env", "keys/****.txt");
        assertThat(report.findings().stream().map(Finding::properties).map(Map::toString).toList().toString())
                .doesNotContain(KEY);
        assertThat(report.toString()).doesNotContain(KEY);
        assertThat(allFormats(report)).doesNotContain(KEY);
        assertThat(errors(report)).extracting(StageError::path).contains("****/pod.yaml");
        assertThat(printed).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain(KEY));
        assertThat(printed.toString()).contains("****/pod.yaml");
    }

    @Test
    void shouldLeaveOutItsOwnDirectoriesNameUnreadableFilesAndKeepBackslashes() throws Exception {
        // Given reports and history inside the root, a FIFO, and a file whose name holds a backslash
        write("devsecops-report/report.json", "aws_access_key_id = " + KEY + "\n");
        write("cache/history/summaries.jsonl", "aws_access_key_id = " + KEY + "\n");
        write("back\\slash.env", "aws_access_key_id = " + KEY + "\n");
        boolean fifo = HostileFiles.mkfifo(root.resolve("pipe.env"));

        // When scanned with its own directories declared
        Report report = scan(ScanRequest.builder(root).stages(List.of("secrets"))
                .ownDirectory(root.resolve("devsecops-report")).ownDirectory(root.resolve("cache/history"))
                .ownDirectory(root.getParent().resolve("elsewhere")));

        // Then only the real file is found, with its real name; own directories are counted as such
        assertThat(report.findings()).extracting(f -> f.location().path()).containsExactly("back\\slash.env");
        assertThat(report.walk().skipped()).containsEntry("own-output", 2L);
        Assumptions.assumeTrue(fifo, "mkfifo unavailable");
        assertThat(report.walk().unreadable()).containsExactly("pipe.env");
        assertThat(allFormats(report)).contains("<li><code>pipe.env</code></li>");
        assertThat(report.walk().skipped()).containsEntry("unreadable", 1L);
        assertThat(report.startedAt()).isBefore(Instant.now().plusSeconds(1));
    }
}
