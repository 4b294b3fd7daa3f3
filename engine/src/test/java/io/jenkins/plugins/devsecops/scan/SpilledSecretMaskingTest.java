package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.FindingSelector;
import io.jenkins.plugins.devsecops.policy.GateAction;
import io.jenkins.plugins.devsecops.policy.GateScope;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluator;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.QualityGate;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.report.ReportWriters;
import io.jenkins.plugins.devsecops.summary.BuildSummaries;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A found secret is masked wherever a finding of a large scan carries it, when the findings are spilled to disk and
 * only those whose stored record holds a secret are decoded: in paths of other stages' findings, ASCII or not, in
 * snippets and messages; the findings are those of the same scan kept in memory, where every finding is masked.
 */
class SpilledSecretMaskingTest {

    private static final String SECRET = "Qw7Lm2Zx9Kp4Vn8R";

    @TempDir
    Path root;

    @AfterEach
    void restore() {
        System.clearProperty(FindingList.MEMORY_LIMIT_PROPERTY);
    }

    private void writeTree() throws Exception {
        String terraform = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n\n"
                + "resource \"aws_security_group\" \"sg\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n"
                + "    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";
        for (int i = 0; i < 90; i++) {
            Path dir = Files.createDirectories(root.resolve("module-" + i));
            Files.writeString(dir.resolve("main.tf"), terraform);
            Files.writeString(dir.resolve("Dockerfile"), "FROM debian:12\nENV API_PASSWORD=" + SECRET + i
                    + "\nRUN apt-get update && apt-get install -y curl\n");
        }
        // secrets in file and directory names: other stages' findings carry them in their paths (stored as ASCII,
        // and as modified UTF-8 when the path has other characters)
        Files.writeString(root.resolve("module-3/" + SECRET + "3.tf"), terraform);
        Path unicode = Files.createDirectories(root.resolve("mod\u00FCl\u00E9-" + SECRET + "5-\u4E2D"));
        Files.writeString(unicode.resolve("main.tf"), terraform);
        Files.writeString(unicode.resolve("Dockerfile"), "FROM debian:12\nUSER root\n");
    }

    private Report scan() throws Exception {
        return ScanEngine.withBuiltInStages().scan(ScanRequest.builder(root).threads(1).build(),
                ProgressListener.NONE);
    }

    private static String json(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriters.builtIn().find("json").orElseThrow().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldMaskEveryFoundSecretInSpilledFindingsAsInFindingsKeptInMemory() throws Exception {
        writeTree();
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "1000000");
        Report inMemory = scan();
        System.clearProperty(FindingList.MEMORY_LIMIT_PROPERTY);

        Report spilled = scan();

        assertThat(FindingList.isSpilled(inMemory.findings())).isFalse();
        assertThat(FindingList.isSpilled(spilled.findings())).isTrue();
        assertThat(spilled.findings()).hasSizeGreaterThan(1_000).containsExactlyElementsOf(inMemory.findings());
        String report = json(spilled);
        assertThat(report).doesNotContain(SECRET).contains("module-3/****.tf", "mod\u00FCl\u00E9-****-\u4E2D/main.tf");
        // the values found in the Dockerfiles: reported masked, in their snippets too
        assertThat(spilled.findings()).filteredOn(f -> f.location() != null && f.location().snippet() != null
                && f.location().snippet().contains("API_PASSWORD=****")).hasSizeGreaterThanOrEqualTo(90);
        List<Finding> maskedPaths = spilled.findings().stream()
                .filter(f -> f.location() != null && f.location().path().contains("****")).toList();
        assertThat(maskedPaths).extracting(Finding::stage).contains("iac");
        assertThat(maskedPaths).anyMatch(f -> f.location().path().startsWith("mod\u00FCl\u00E9-"));
    }

    /** The assessor's one pass for the gates and the summary gives what their own passes give. */
    @Test
    void shouldEvaluateAndSummariseSpilledFindingsInOnePassAsInTwo() throws Exception {
        writeTree();
        Report spilled = scan();
        // the default gates and two that trip: every high finding, and every new one (all are, without a reference)
        LayeredPolicy policy = PolicyLayering.merge(List.of(PolicyLayer.defaults(), new PolicyLayer("team",
                SecurityPolicy.builder()
                        .gate(QualityGate.of("high", FindingSelector.atLeast(Severity.HIGH), GateScope.TOTAL, 10,
                                GateAction.UNSTABLE))
                        .gate(QualityGate.of("new-medium", FindingSelector.atLeast(Severity.MEDIUM), GateScope.NEW,
                                1, GateAction.FAILURE))
                        .build())));
        Instant now = Instant.parse("2026-12-03T10:00:00Z");

        Assessment assessment = Assessor.assess(spilled, policy, List.of(), null, new BuildRef("7", now));

        assertThat(FindingList.isSpilled(assessment.report().findings())).isTrue();
        assertThat(assessment.report().findings()).hasSizeGreaterThan(1_000);
        PolicyEvaluation evaluation = PolicyEvaluator.evaluate(policy, assessment.comparison(), now,
                assessment.evaluation().warnings());
        assertThat(assessment.evaluation()).isEqualTo(evaluation);
        assertThat(evaluation.gates()).filteredOn(gate -> gate.trippingCount() > 100).hasSize(2);
        assertThat(assessment.summary()).isEqualTo(BuildSummaries.of(assessment.comparison(), evaluation,
                policy.policy()));
        assertThat(java.util.Arrays.stream(assessment.summary().openBySeverity()).sum())
                .isEqualTo(assessment.report().findings().size());
    }
}
