package io.jenkins.plugins.devsecops.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.history.HistoryComparator;
import io.jenkins.plugins.devsecops.history.HistoryComparison;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.GateSpec;
import io.jenkins.plugins.devsecops.policy.PolicyCheck;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluator;
import io.jenkins.plugins.devsecops.policy.PolicyYaml;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code baseImage} gate selector on a real scan: an image written in the test with a Debian base layer (under
 * the base image's {@code CMD}) and an application layer on top, matched against OSV records in the real schema.
 */
class BaseImageGateTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path temp;

    private Report scanImage() throws Exception {
        Path archive = TestImage.of(ImageStageTest.debianBase(), ImageStageTest.application()).baseLayers(1)
                .dockerArchive(temp.resolve("app.tar"));
        Path root = Files.createDirectories(temp.resolve("root"));
        ScanRequest request = ScanRequest.builder(root).stage("images").threads(2)
                .option("images.refs", archive.toString())
                .option("images.osvDir", ImageStageTest.osvRecords().toString())
                .option("images.cacheDir", temp.resolve("cache").toString())
                .option("images.indexDir", temp.resolve("index").toString()).build();
        return new ScanEngine(new StageCatalog(List.of(new ImageStage()))).scan(request, ProgressListener.NONE);
    }

    private static PolicyEvaluation evaluate(SecurityPolicy policy, Report report) {
        HistoryComparison comparison = HistoryComparator.compare(report, null, new BuildRef("1", NOW));
        return PolicyEvaluator.evaluate(policy, comparison, NOW, List.of());
    }

    private static List<String> rules(GateOutcome gate) {
        return gate.trippingFindings().stream().map(Finding::ruleId).sorted().toList();
    }

    @Test
    void shouldCountOnlyTheImagesOwnLayersWithBaseImageFalse() throws Exception {
        // Given the image's findings (glibc and coreutils in the Debian base layer, lodash in the app layer) and a
        // secret from another stage in the same report
        Report scanned = scanImage();
        assertThat(scanned.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("CVE-2023-4527", "CVE-2016-2781", "CVE-2021-23337");
        List<Finding> findings = new ArrayList<>(scanned.findings());
        findings.add(Finding.builder().ruleId("aws-access-key-id").stage("secrets").severity(Severity.HIGH)
                .title("AWS key").location(Location.ofLine("app.env", 1)).fingerprint("salted").build());
        Report report = scanned.toBuilder().findings(findings).build();
        SecurityPolicy policy = PolicyYaml.parse("""
                version: 1
                gates:
                  - id: own-layers
                    baseImage: false
                    result: FAILURE
                  - id: base-only
                    baseImage: true
                    result: UNSTABLE
                  - id: own-image-packages
                    stages: [images]
                    baseImage: false
                    result: FAILURE
                """, "devsecops-policy.yaml");

        // When the policy is evaluated
        PolicyEvaluation evaluation = evaluate(policy, report);

        // Then baseImage: false leaves out both base-layer findings but keeps lodash and the secret;
        // baseImage: true counts only the base layer's
        assertThat(rules(evaluation.gates().get(0))).containsExactly("CVE-2021-23337", "aws-access-key-id");
        assertThat(rules(evaluation.gates().get(1))).containsExactly("CVE-2016-2781", "CVE-2023-4527");
        assertThat(rules(evaluation.gates().get(2))).containsExactly("CVE-2021-23337");
        assertThat(evaluation.gates().get(0).gate().selector().describe()).isEqualTo("not from the base image");
    }

    @Test
    void shouldReadTheSameSelectorFromTheStepsGateFields() throws Exception {
        // Given the step's form fields for the same gate
        Report report = scanImage();
        SecurityPolicy policy = SecurityPolicy.builder()
                .gate(new GateSpec("own", "MEDIUM", "", "", "images", false, false, false, "TOTAL", 1, "FAILURE", "",
                        "false").toGate())
                .gate(new GateSpec("any", "", "", "", "", false, false, false, "", 1, "", "", "any").toGate())
                .build();

        // When evaluated
        PolicyEvaluation evaluation = evaluate(policy, report);

        // Then the base image's MEDIUM glibc finding does not count, the app layer's lodash does; with "any" every
        // finding does
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("CVE-2023-4527"))
                .extracting(f -> f.severity()).containsExactly(Severity.MEDIUM);
        assertThat(rules(evaluation.gates().get(0))).containsExactly("CVE-2021-23337");
        assertThat(evaluation.gates().get(1).actual()).isEqualTo(3);
    }

    @Test
    void shouldRefuseValuesOtherThanTrueOrFalse() {
        // A policy file with a word instead of a boolean fails to read and the checker points at it
        String yaml = """
                version: 1
                gates:
                  - id: own-layers
                    baseImage: exclude
                    result: FAILURE
                """;
        assertThatThrownBy(() -> PolicyYaml.parse(yaml, "devsecops-policy.yaml"))
                .isInstanceOf(YamlInputException.class);
        List<YamlInputException> problems = PolicyCheck.check(yaml, "devsecops-policy.yaml");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).getMessage()).contains("expected true or false", "gates[0].baseImage")
                .contains(":4:");
        // and the step's field names the gate and the field
        assertThatThrownBy(() -> new GateSpec("own", "", "", "", "", false, false, false, "", 1, "", "", "no")
                .toGate()).hasMessageContaining("Gate 'own': baseImage: expected true")
                .hasMessageContaining("was 'no'");
    }
}
