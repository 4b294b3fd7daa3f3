package io.jenkins.plugins.devsecops.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pull request's scan compared with its target branch, published as a check run. */
class CheckRunsTest {

    private static final Instant TARGET = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant PR = Instant.parse("2026-12-01T10:00:00Z");

    private static Finding secret(String path, int line, Severity severity, String rule) {
        return Finding.builder().ruleId(rule).stage("secrets").severity(severity).title("Secret in source")
                .message("A credential is committed\u001b[31m").remediation("Revoke it and use a secret store")
                .location(new Location(path, line, 1, line, 60, "token=ghp_****")).build();
    }

    private static Finding lodash() {
        return Finding.builder().ruleId("GHSA-35jh-r3h4-6jhm").stage("dependencies").severity(Severity.HIGH)
                .title("Command injection in lodash").identifier("CVE-2021-23337")
                .component(Component.of("pkg:npm/lodash@4.17.20", "lodash", "4.17.20", "npm")).build();
    }

    private static Report report(Instant time, List<Finding> findings) {
        Report.Builder builder = Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), time)
                .stage(StageResult.builder("secrets").build()).stage(StageResult.builder("dependencies").build());
        findings.forEach(builder::finding);
        return builder.build();
    }

    @Test
    void shouldPublishTheVerdictAndOnlyTheNewFindingsMostSevereFirstCapped() {
        // Given the target branch with one outstanding MEDIUM secret, and a pull request that adds three findings
        Finding old = secret("src/Config.java", 12, Severity.MEDIUM, "generic-secret-assignment");
        var policy = PolicyLayering.merge(List.of(PolicyLayer.defaults()));
        Assessment target = Assessor.assess(report(TARGET, List.of(old)), policy, List.of(), null,
                new BuildRef("41", TARGET));
        Assessment pr = Assessor.assess(report(PR, List.of(old,
                secret("src/Low.java", 3, Severity.LOW, "generic-secret-assignment"),
                secret("deploy/app.env", 2, Severity.CRITICAL, "github-pat"), lodash())), policy, List.of(),
                target.report(), new BuildRef("3", PR));

        // When mapped with a cap of one annotation, the scan run in the sub-directory "service"
        String reference = io.jenkins.plugins.devsecops.history.ReferenceDescription.targetBranch("#41",
                "main [x](y)", "PR-7");
        assertThat(reference).isEqualTo("build #41 of the target branch main [x](y) (pull request PR-7): new "
                + "findings are the ones it introduces");
        CheckRunReport check = CheckRuns.of(pr, "DevSecOps Scan", "./service", 1, reference);

        // Then the new CRITICAL tripped the default policy, and only it is annotated, under the repository path
        assertThat(check.conclusion()).isEqualTo(CheckRunReport.Conclusion.FAILURE);
        assertThat(check.title()).isEqualTo("FAILED: 3 new findings (1 CRITICAL), 0 fixed");
        assertThat(check.annotations()).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo("service/deploy/app.env");
            assertThat(a.startLine()).isEqualTo(2);
            assertThat(a.level()).isEqualTo(CheckAnnotation.Level.FAILURE);
            assertThat(a.title()).isEqualTo("CRITICAL github-pat");
            assertThat(a.message()).contains("Fix: Revoke it").doesNotContain("ghp_").doesNotContain("\u001b");
        });
        // The LOW one is over the cap, lodash has no line: both are counted, not lost
        assertThat(check.notAnnotated()).isEqualTo(2);
        // And the summary escapes what it quotes and names the tripped default gate
        assertThat(check.summary()).contains("Compared with build \\#41 of the target branch main \\[x\\]\\(y\\)")
                .contains("| new | 1 | 1 | 0 | 1 | 0 |").contains("gate `default-new-critical`")
                .contains("(from default policy)");

        // With the default cap every new finding with a location is annotated, most severe first
        assertThat(CheckRuns.of(pr, "DevSecOps Scan", "", CheckRuns.DEFAULT_CAP, "").annotations())
                .extracting(CheckAnnotation::path).containsExactly("deploy/app.env", "src/Low.java");
        // A passing scan is a SUCCESS without annotations
        CheckRunReport clean = CheckRuns.of(Assessor.assess(report(TARGET, List.of()), policy, List.of(), null,
                new BuildRef("40", TARGET)), "DevSecOps Scan", "", 50, "");
        assertThat(clean.conclusion()).isEqualTo(CheckRunReport.Conclusion.SUCCESS);
        assertThat(clean.summary()).contains("No reference build");
    }
}
