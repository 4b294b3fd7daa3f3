package io.jenkins.plugins.devsecops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's default policy on real scans by the secrets stage: FAILURE on a provider-format secret and on a new
 * CRITICAL finding, PASSED on a generic assignment and on a provider token under test code; replaced by a policy
 * file; under a global layer in the plugin's order.
 */
class DefaultPolicyTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @TempDir
    Path root;

    private Assessment assess(Map<String, String> files, PolicyLayer... layers) throws Exception {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        Report report = ScanEngine.withBuiltInStages().scan(ScanRequest.builder(root).stages(List.of("secrets"))
                .build(), ProgressListener.NONE);
        return Assessor.assess(report, PolicyLayering.merge(List.of(layers)), List.of(), null, new BuildRef("1", NOW));
    }

    @Test
    void shouldFailOnAProviderFormatSecret() throws Exception {
        // A GitHub token (HIGH severity, provider format) in a config file
        Assessment assessment = assess(Map.of("deploy/ci.env",
                "GITHUB_TOKEN=ghp_ZgYYeafg1oaAljji6XMAeCK2HPN2Ubbu0wKH\n"), PolicyLayer.defaults());

        assertThat(assessment.evaluation().verdict()).isEqualTo(PolicyVerdict.FAILED);
        GateOutcome secret = assessment.evaluation().gates().stream()
                .filter(g -> g.gate().id().equals(SecurityPolicy.DEFAULT_VERIFIED_SECRET)).findFirst().orElseThrow();
        assertThat(secret.actual()).isEqualTo(1);
        assertThat(secret.trippingFindings().get(0).ruleId()).isEqualTo("github-pat-classic");
        assertThat(assessment.evaluation().gates()).extracting(g -> g.gate().id())
                .containsExactly(SecurityPolicy.DEFAULT_NEW_CRITICAL, SecurityPolicy.DEFAULT_VERIFIED_SECRET);
    }

    @Test
    void shouldFailOnANewCriticalFinding() throws Exception {
        // An AWS access key id is CRITICAL: both gates trip
        Assessment assessment = assess(Map.of("app/settings.env", "aws_access_key_id = AKIA7KLFYYLBEG3RHDSV\n"),
                PolicyLayer.defaults());

        assertThat(assessment.evaluation().verdict()).isEqualTo(PolicyVerdict.FAILED);
        assertThat(assessment.evaluation().gates()).allMatch(GateOutcome::tripped);
    }

    @Test
    void shouldPassOnAGenericAssignmentAndOnATokenInTestCode() throws Exception {
        // The generic entropy rule (MEDIUM confidence) and a provider token under a test path (confidence lowered)
        Assessment assessment = assess(Map.of(
                "config/app.properties", "db.password=pX7!kQ9vL2mRzT4w\n",
                "src/test/resources/fixture.env", "GITHUB_TOKEN=ghp_ZgYYeafg1oaAljji6XMAeCK2HPN2Ubbu0wKH\n"),
                PolicyLayer.defaults());

        assertThat(assessment.report().activeFindings()).extracting(f -> f.ruleId())
                .contains("generic-secret-assignment", "github-pat-classic");
        assertThat(assessment.report().activeFindings()).noneMatch(f -> f.severity() == Severity.CRITICAL);
        assertThat(assessment.evaluation().verdict()).isEqualTo(PolicyVerdict.PASSED);
    }

    @Test
    void shouldBeReplacedByAPolicyFileAndStackUnderTheGlobalLayer() throws Exception {
        SecurityPolicy file = PolicyYaml.parse("version: 1\n", "devsecops-policy.yaml");
        SecurityPolicy global = SecurityPolicy.builder().failOn(Severity.HIGH).build();

        // A repository file with no gates replaces the defaults: nothing trips, no gate is left
        Assessment noGates = assess(Map.of("deploy/ci.env", "GITHUB_TOKEN=ghp_ZgYYeafg1oaAljji6XMAeCK2HPN2Ubbu0wKH\n"),
                PolicyLayer.repositoryOrDefault("devsecops-policy.yaml", file));
        assertThat(noGates.evaluation().gates()).isEmpty();
        assertThat(noGates.evaluation().verdict()).isEqualTo(PolicyVerdict.PASSED);
        assertThat(noGates.policy().policy().hasNoGates()).isTrue();

        // The plugin's order: global, then the repository file or the defaults, then the step
        LayeredPolicy layered = PolicyLayering.merge(List.of(PolicyLayer.global(global),
                PolicyLayer.repositoryOrDefault("devsecops-policy.yaml", null), PolicyLayer.step(SecurityPolicy.empty())));
        assertThat(layered.policy().gates()).extracting(QualityGate::id).containsExactly("fail-on-high",
                SecurityPolicy.DEFAULT_NEW_CRITICAL, SecurityPolicy.DEFAULT_VERIFIED_SECRET);
        assertThat(layered.warnings()).isEmpty();
    }

    @Test
    void shouldLeaveNoLayerWhenTheDefaultPolicyIsSwitchedOffAndKeepARepositoryFileEitherWay() throws Exception {
        SecurityPolicy file = PolicyYaml.parse("version: 1\n", "devsecops-policy.yaml");

        assertThat(PolicyLayer.repositoryOrDefault("devsecops-policy.yaml", null, false)).isEmpty();
        assertThat(PolicyLayer.repositoryOrDefault("devsecops-policy.yaml", null, true))
                .hasValueSatisfying(layer -> assertThat(layer.policy().gates()).extracting(QualityGate::id)
                        .containsExactly(SecurityPolicy.DEFAULT_NEW_CRITICAL, SecurityPolicy.DEFAULT_VERIFIED_SECRET));
        assertThat(PolicyLayer.repositoryOrDefault("devsecops-policy.yaml", file, false))
                .hasValueSatisfying(layer -> assertThat(layer.name()).isEqualTo("repository (devsecops-policy.yaml)"));

        // switched off and no file: the layer list is empty and a planted provider key trips nothing
        Assessment off = assess(Map.of("deploy/ci.env", "GITHUB_TOKEN=ghp_ZgYYeafg1oaAljji6XMAeCK2HPN2Ubbu0wKH\n"),
                PolicyLayer.repositoryOrDefault("devsecops-policy.yaml", null, false).stream()
                        .toArray(PolicyLayer[]::new));
        assertThat(off.report().findings()).isNotEmpty();
        assertThat(off.evaluation().gates()).isEmpty();
        assertThat(off.evaluation().verdict()).isEqualTo(PolicyVerdict.PASSED);
    }

    @Test
    void shouldReadTheConfidenceCriterionFromAPolicyFile() throws Exception {
        SecurityPolicy policy = PolicyYaml.parse("""
                version: 1
                gates:
                  - id: verified
                    secret: true
                    confidence: HIGH
                    result: FAILURE
                """, "devsecops-policy.yaml");

        assertThat(policy.gates().get(0).selector()).isEqualTo(SecurityPolicy.defaults()
                .gate(SecurityPolicy.DEFAULT_VERIFIED_SECRET).orElseThrow().selector());
        assertThat(policy.gates().get(0).selector().describe()).isEqualTo("is a secret, confidence >= HIGH");
    }
}
