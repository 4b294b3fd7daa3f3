package io.jenkins.plugins.devsecops.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.GateSpec;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.policy.QualityGate;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build record of the Jenkins plugin: one gzip file per scan, findings stored once, measured on real scans of
 * the project's IaC and secrets fixtures.
 */
class ScanRecordTest {

    private static final Instant FIRST = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-03T09:00:00Z");

    private static List<Finding> scanned;
    private static Report iacReport;

    @BeforeAll
    static void scanTheFixtures() throws Exception {
        ScanEngine engine = ScanEngine.withBuiltInStages();
        iacReport = engine.scan(ScanRequest.builder(resource("/iac/rules")).stage("iac").threads(2).build(),
                ProgressListener.NONE);
        Report secrets = engine.scan(ScanRequest.builder(resource("/secrets/planted")).stage("secrets").threads(2)
                .build(), ProgressListener.NONE);
        List<Finding> all = new ArrayList<>(secrets.findings());
        all.addAll(iacReport.findings());
        scanned = all;
    }

    private static Path resource(String name) {
        try {
            return Path.of(ScanRecordTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A report of the real findings from {@code from} to {@code to}, scanned at {@code time}. */
    private static Report report(int from, int to, Instant time) {
        List<Finding> findings = new ArrayList<>(scanned.subList(from, to));
        findings.sort(ScanEngine.REPORT_ORDER);
        Report.Builder builder = Report.builder(iacReport.tool(), time).root(".").walk(iacReport.walk())
                .durationMillis(1234).findings(findings);
        builder.stage(StageResult.builder("iac").findingCount(findings.size()).build());
        builder.stage(StageResult.builder("secrets").build());
        return builder.build();
    }

    private static LayeredPolicy policy() {
        return PolicyLayering.merge(List.of(PolicyLayer.global(SecurityPolicy.builder()
                .gate(new GateSpec("no-new-high", "HIGH", "", "", "", false, false, false, "NEW", 1, "FAILURE")
                        .toGate())
                .gate(new GateSpec("few-medium", "MEDIUM", "", "", "", false, false, false, "TOTAL", 500, "UNSTABLE")
                        .toGate())
                .gate(new GateSpec("no-secrets", "", "", "", "", false, true, false, "TOTAL", 1, "FAILURE").toGate())
                .requiredStage("iac").build())));
    }

    /** Build 2 of 102 real findings, compared with build 1 that had 30 other ones (fixed now). */
    private static Assessment secondBuildOf102() {
        assertThat(scanned).as("findings of the fixtures").hasSizeGreaterThanOrEqualTo(132);
        Assessment first = Assessor.assess(report(0, 102, FIRST).toBuilder()
                .findings(scanned.subList(30, 132).stream().sorted(ScanEngine.REPORT_ORDER).toList()).build(),
                policy(), List.of(), null, new BuildRef("1", FIRST));
        return Assessor.assess(report(0, 102, SECOND), policy(), List.of(), first.report(),
                new BuildRef("2", SECOND));
    }

    @Test
    void shouldStoreARealScanOf102FindingsOnceCompressedInAtMost60Kilobytes(@TempDir Path buildDirectory)
            throws Exception {
        // Given build 2 with 102 real findings, a gate table that lists them, and fixed findings of build 1
        Assessment assessment = secondBuildOf102();
        assertThat(assessment.report().findings()).hasSize(102);
        assertThat(assessment.evaluation().gates()).anySatisfy(g -> assertThat(g.trippingFindings()).hasSize(50));
        assertThat(assessment.comparison().fixed()).isNotEmpty();

        // When it is recorded
        ScanRecordFiles files = new ScanRecordFiles(buildDirectory.resolve("devsecops"));
        Path file = files.write("devsecops", ScanRecord.of(assessment));

        // Then the build keeps one file, at most 60 KB, far below the two JSON files of the first layout
        long size = Files.size(file);
        long legacy = legacySize(assessment);
        System.out.printf("Scan record of 102 real findings: %d bytes (first layout: %d bytes, ratio %.1f)%n", size,
                legacy, (double) legacy / size);
        try (var listing = Files.list(buildDirectory.resolve("devsecops"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("devsecops.json.gz");
        }
        assertThat(size).isLessThanOrEqualTo(60 * 1024);
        assertThat(size * 4).isLessThan(legacy);

        // And it reads back equal: the gate rows refer to the very findings of the report
        ScanRecord read = files.read("devsecops").orElseThrow();
        assertThat(read.report()).isEqualTo(assessment.report());
        assertThat(read.evaluation()).isEqualTo(assessment.evaluation());
        assertThat(read.fixed()).isEqualTo(assessment.comparison().fixed());
        Finding listed = read.evaluation().gates().get(0).trippingFindings().get(0);
        assertThat(read.report().findings()).anyMatch(finding -> finding == listed);
    }

    private static long legacySize(Assessment assessment) throws IOException {
        ReportJson json = new ReportJson();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        json.write(assessment.report(), report);
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        json.mapper().writeValue(stored, new HistoryDirectory.StoredAssessment(assessment.evaluation(),
                assessment.comparison().fixed(), assessment.evaluation().warnings()));
        return report.size() + stored.size();
    }

    @Test
    void shouldHandOverARealReportAsACompressedFileThatReadsBackEqual(@TempDir Path directory) throws Exception {
        // Given the report of a real scan of the IaC fixtures, as the agent has it
        Path handOver = directory.resolve("devsecops-main-1.json.gz");
        ScanRecordJson json = new ScanRecordJson();

        // When the agent writes it to the hand-over file and the controller reads the file
        try (OutputStream out = Files.newOutputStream(handOver)) {
            json.writeReport(iacReport, out);
        }
        Report received;
        try (var in = Files.newInputStream(handOver)) {
            received = json.readReport(in);
        }

        // Then nothing is lost, and the file is gzip and far smaller than the report's JSON
        assertThat(received).isEqualTo(iacReport);
        byte[] bytes = Files.readAllBytes(handOver);
        assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
        assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
        assertThat((long) bytes.length * 5).isLessThan(new ReportJson().toJson(iacReport).length());
        assertThatThrownBy(() -> json.readReport(new ByteArrayInputStream("{}".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("Not a readable compressed report");
    }

    @Test
    void shouldReadTheFirstLayoutOfTwoJsonFilesAndReplaceItOnTheNextWrite(@TempDir Path directory) throws Exception {
        // Given a build directory in the first layout: the report and the assessment as two JSON files
        Assessment assessment = secondBuildOf102();
        ReportJson json = new ReportJson();
        try (OutputStream out = Files.newOutputStream(directory.resolve("main.json"))) {
            json.write(assessment.report(), out);
        }
        try (OutputStream out = Files.newOutputStream(directory.resolve("main-assessment.json"))) {
            json.mapper().writeValue(out, new HistoryDirectory.StoredAssessment(assessment.evaluation(),
                    assessment.comparison().fixed(), assessment.evaluation().warnings()));
        }
        ScanRecordFiles files = new ScanRecordFiles(directory);

        // When it is read, then written again
        ScanRecord read = files.read("main").orElseThrow();
        files.write("main", read);

        // Then it reads as the same record, and only the compressed file is left
        assertThat(read.report()).isEqualTo(assessment.report());
        assertThat(read.evaluation()).isEqualTo(assessment.evaluation());
        assertThat(read.fixed()).isEqualTo(assessment.comparison().fixed());
        try (var listing = Files.list(directory)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("main.json.gz");
        }
        assertThat(files.read("other")).isEmpty();
    }

    @Test
    void shouldRefuseDamagedRecordsWithAClearError(@TempDir Path directory) throws Exception {
        // Given a valid record's bytes
        ScanRecordJson json = new ScanRecordJson();
        ByteArrayOutputStream valid = new ByteArrayOutputStream();
        json.write(ScanRecord.of(secondBuildOf102()), valid);
        byte[] bytes = valid.toByteArray();
        ScanRecordFiles files = new ScanRecordFiles(directory);

        // Then truncated, plain-text, newer and dangling records are refused, naming the file or the problem
        Files.write(files.file("cut"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> files.read("cut")).isInstanceOf(IOException.class).hasMessageContaining("cut.json.gz");
        assertThatThrownBy(() -> json.read(new ByteArrayInputStream("{\"report\":{}}".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("Not a readable scan record");
        assertThatThrownBy(() -> json.read(gzip("{\"recordVersion\":2,\"verdict\":\"PASSED\",\"report\":"
                + "{\"schemaVersion\":1,\"tool\":{\"name\":\"x\",\"version\":\"1\"},\"startedAt\":\"2026-01-01T00:00:00Z\"}}")))
                .isInstanceOf(IOException.class).hasMessageContaining("version 2 is newer");
        assertThatThrownBy(() -> json.read(gzip("{\"recordVersion\":1,\"verdict\":\"FAILED\",\"report\":"
                + "{\"schemaVersion\":1,\"tool\":{\"name\":\"x\",\"version\":\"1\"},\"startedAt\":\"2026-01-01T00:00:00Z\"},"
                + "\"gates\":[{\"gate\":{\"id\":\"g\",\"selector\":{},\"scope\":\"TOTAL\",\"threshold\":1,"
                + "\"action\":\"FAILURE\",\"enabled\":true},\"actual\":1,\"verdict\":\"FAILED\",\"count\":1,"
                + "\"findings\":[7]}]}")))
                .isInstanceOf(IOException.class).hasMessageContaining("refers to finding 7 of 0");
    }

    private static ByteArrayInputStream gzip(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    void shouldStream200000FindingsInBoundedChunksBothWays() throws Exception {
        // Given a report of 200,000 findings and a gate that lists some of them
        int count = 200_000;
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            findings.add(Finding.builder().ruleId("aws-sg-open-ssh").stage("iac").severity(Severity.HIGH)
                    .title("Security group allows SSH from the internet")
                    .location(Location.ofLine("infra/module-" + (i / 1000) + "/main.tf", i % 1000 + 1))
                    .fingerprint("fp-" + i).build());
        }
        Report report = Report.builder(new ToolInfo("DevSecOps Scan", "test"), FIRST).findings(findings).build();
        QualityGate gate = new GateSpec("no-ssh", "", "aws-sg-open-ssh", "", "", false, false, false, "TOTAL", 1,
                "FAILURE").toGate();
        ScanRecord record = new ScanRecord(report, new PolicyEvaluation(PolicyVerdict.FAILED,
                List.of(new GateOutcome(gate, count, PolicyVerdict.FAILED, findings, count)), List.of(), List.of()),
                List.of());

        // When it is written to a stream that notes the largest single write, and read back in small reads
        ChunkRecorder out = new ChunkRecorder();
        new ScanRecordJson().write(record, out);
        ChunkedInput in = new ChunkedInput(out.bytes.toByteArray());
        ScanRecord read = new ScanRecordJson().read(in);

        // Then the output came in bounded chunks while it was produced (never one buffer of the whole document)
        System.out.printf("Scan record of %d findings: %d bytes compressed, %d writes, largest %d bytes%n", count,
                out.bytes.size(), out.writes, out.largest);
        assertThat(out.writes).isGreaterThan(10);
        assertThat(out.largest).isLessThanOrEqualTo(64 * 1024);
        assertThat(in.largestRequest).isLessThanOrEqualTo(64 * 1024);
        assertThat(read.report().findings()).hasSize(count);
        assertThat(read.report().findings().get(count - 1)).isEqualTo(findings.get(count - 1));
        assertThat(read.evaluation().gates().get(0).trippingCount()).isEqualTo(count);
        assertThat(read.evaluation().gates().get(0).trippingFindings()).hasSize(50);
    }

    /** Keeps what is written and notes how large the writes are. */
    private static final class ChunkRecorder extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;
        int largest;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            largest = Math.max(largest, len);
            bytes.write(b, off, len);
        }
    }

    /** Serves bytes and notes the largest read asked for. */
    private static final class ChunkedInput extends ByteArrayInputStream {
        int largestRequest;

        ChunkedInput(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            largestRequest = Math.max(largestRequest, len);
            return super.read(b, off, len);
        }
    }
}
