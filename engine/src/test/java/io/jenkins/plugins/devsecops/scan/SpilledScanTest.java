package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluator;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.report.ReportWriter;
import io.jenkins.plugins.devsecops.report.ReportWriters;
import io.jenkins.plugins.devsecops.summary.BuildSummaries;
import io.jenkins.plugins.devsecops.suppression.SuppressionFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan whose findings all go through temporary files (a memory limit of 0 findings) gives the same assessment
 * and the same reports, byte for byte, as one that keeps them in memory: NEW/OUTSTANDING/FIXED against a
 * reference, suppressions, gates and every writer.
 */
class SpilledScanTest {

    @TempDir
    Path root;

    @AfterEach
    void restore() {
        System.clearProperty(FindingList.MEMORY_LIMIT_PROPERTY);
    }

    private void writeTree(int variant) throws Exception {
        for (int i = 0; i < 40; i++) {
            Path dir = Files.createDirectories(root.resolve("module-" + i));
            Files.writeString(dir.resolve("main.tf"), "resource \"aws_s3_bucket\" \"b" + i + "\" {\n  bucket = \"b" + i
                    + "\"\n  acl    = \"public-read\"\n}\n\nresource \"aws_security_group\" \"sg\" {\n  ingress {\n"
                    + "    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n"
                    + "    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n");
            if (i % 3 != variant) {
                Files.writeString(dir.resolve("app.properties"), "db.password=Zx9kQ2mW7pL4vN8r" + i + "\n");
            }
            Files.writeString(dir.resolve("Dockerfile"), "FROM debian:12\nENV API_PASSWORD=Qw7Lm2Zx9Kp4Vn8R" + i
                    + "\nRUN apt-get update && apt-get install -y curl\n");
        }
    }

    /** Scans twice (the second against the first as reference, with changes) and renders every report. */
    private Map<String, String> scanAndRender() throws Exception {
        writeTree(0);
        Assessment first = assess(null, "1");
        writeTree(1);
        Files.delete(root.resolve("module-5/main.tf"));
        Assessment second = assess(first.report(), "2");
        Map<String, String> rendered = new LinkedHashMap<>();
        for (Assessment assessment : List.of(first, second)) {
            ReportWriters writers = ReportWriters.builtIn();
            for (String format : writers.formats()) {
                ReportWriter writer = writers.find(format).orElseThrow();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                writer.write(assessment.report(), out);
                rendered.put(assessment.summary().build() + "/" + format, out.toString(StandardCharsets.UTF_8));
            }
            rendered.put(assessment.summary().build() + "/gates", assessment.evaluation().toString());
            rendered.put(assessment.summary().build() + "/fixed", assessment.comparison().fixed().toString());
        }
        return rendered;
    }

    private Assessment assess(Report reference, String build) throws Exception {
        Report scanned = ScanEngine.withBuiltInStages().scan(ScanRequest.builder(root).threads(1).build(),
                ProgressListener.NONE);
        // the scan's own times set aside, so that two runs compare byte for byte
        Report report = new Report(scanned.schemaVersion(), scanned.tool(), Instant.parse("2026-12-01T09:00:00Z"), 0,
                scanned.root(), scanned.walk(), scanned.stages().stream().map(s -> new StageResult(s.stage(),
                        s.status(), 0, s.filesScanned(), s.bytesScanned(), s.findingCount(), s.skipped(), s.errors(),
                        s.warnings(), s.properties())).toList(), scanned.findings(), scanned.properties(),
                scanned.components());
        LayeredPolicy policy = PolicyLayering.merge(List.of(PolicyLayer.defaults()));
        // every finding of module-1 with the rule of its first finding is suppressed
        String rule = report.findings().stream().filter(f -> f.location() != null
                && f.location().path().startsWith("module-1/")).findFirst().orElseThrow().ruleId();
        Assessment assessment = Assessor.assess(report, policy, SuppressionFile.parse("suppressions:\n  - rule: "
                        + rule + "\n    path: \"module-1/**\"\n    reason: test fixtures\n", "s.yaml"),
                reference, new BuildRef(build, Instant.parse("2026-12-0" + build + "T10:00:00Z")));
        // the gates and the summary, read in one pass by the assessor, are those of their own passes
        PolicyEvaluation evaluation = PolicyEvaluator.evaluate(policy, assessment.comparison(),
                Instant.parse("2026-12-0" + build + "T10:00:00Z"), assessment.evaluation().warnings());
        assertThat(assessment.evaluation()).isEqualTo(evaluation);
        assertThat(assessment.summary()).isEqualTo(BuildSummaries.of(assessment.comparison(), evaluation,
                policy.policy()));
        return assessment;
    }

    @Test
    void shouldAssessAndWriteTheSameWithEveryFindingSpilledToDisk() throws Exception {
        Map<String, String> inMemory = scanAndRender();
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "0");
        for (Path path : Files.walk(root).sorted(java.util.Comparator.reverseOrder()).toList()) {
            if (!path.equals(root)) {
                Files.delete(path);
            }
        }

        Map<String, String> spilled = scanAndRender();

        assertThat(inMemory.keySet()).contains("2/json", "2/sarif", "2/html", "2/cyclonedx", "2/gates");
        assertThat(inMemory.get("2/json")).contains("\"OUTSTANDING\"", "\"NEW\"", "suppression");
        assertThat(inMemory.get("2/fixed")).contains("module-5/main.tf");
        for (String key : inMemory.keySet()) {
            assertThat(spilled.get(key)).as(key).isEqualTo(inMemory.get(key));
        }
    }
}
