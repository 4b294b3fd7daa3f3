package io.jenkins.plugins.devsecops.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import io.jenkins.plugins.devsecops.suppression.SuppressionFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan of some stages after a full scan, then a full scan again, with the real secrets and IaC stages: the stages
 * that did not run keep their findings (carried over, not fixed), their suppressions are not judged unused, trends
 * do not dip and the next full scan calls nothing new.
 */
class PartialScanHistoryTest {

    private static final String OPEN_SSH = """
            resource "aws_security_group" "ssh" {
              name = "ssh"
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            """;

    @TempDir
    Path root;

    private List<SuppressionEntry> suppressions;

    @BeforeEach
    void tree() throws Exception {
        Files.createDirectories(root.resolve("infra"));
        Files.writeString(root.resolve("infra/main.tf"), OPEN_SSH);
        Files.writeString(root.resolve("deploy.env"), "aws_access_key_id = AKIA7KLFYYLBEG3RHDSV\n");
        Files.writeString(root.resolve("infra/legacy.tf"), OPEN_SSH.replace("\"ssh\"", "\"legacy\""));
    }

    private Report scan(String... stages) throws Exception {
        return ScanEngine.withBuiltInStages().scan(ScanRequest.builder(root).stages(List.of(stages)).build(),
                ProgressListener.NONE);
    }

    private Assessment assess(Report report, Report reference, String build) {
        return Assessor.assess(report, new LayeredPolicy(SecurityPolicy.empty(), List.of()), suppressions, reference,
                new BuildRef(build, Instant.parse("2026-05-0" + build + "T10:00:00Z")));
    }

    @Test
    void shouldCarryOverTheFindingsOfStagesThatDidNotRun() throws Exception {
        // Given a suppression of the legacy IaC finding by rule and path, and a full scan as build 1
        Report first = scan("secrets", "iac");
        String iacRule = first.findings().stream().filter(f -> f.stage().equals("iac")).findFirst().orElseThrow()
                .ruleId();
        suppressions = SuppressionFile.parse("""
                suppressions:
                  - rule: %s
                    path: infra/legacy.tf
                    reason: decommissioned next sprint
                """.formatted(iacRule), "suppressions.yaml");
        Assessment full = assess(first, null, "1");
        long iacOpen = full.report().activeFindings().stream().filter(f -> f.stage().equals("iac")).count();
        assertThat(iacOpen).isPositive();
        assertThat(full.suppressions().applied()).hasSize(1);

        // When only the secrets stage runs (build 2)
        Assessment partial = assess(scan("secrets"), full.report(), "2");

        // Then nothing is fixed, the IaC findings are carried over unchanged, the suppression is still applied
        assertThat(partial.comparison().fixed()).isEmpty();
        assertThat(partial.comparison().newFindings()).isEmpty();
        List<Finding> carried = partial.report().findings().stream().filter(FindingHistory::isCarried).toList();
        assertThat(carried).isNotEmpty().allSatisfy(f -> {
            assertThat(f.stage()).isEqualTo("iac");
            assertThat(f.properties()).containsEntry(FindingHistory.CARRIED_FROM, "1")
                    .containsEntry(FindingHistory.STATUS, "OUTSTANDING")
                    .containsEntry(FindingHistory.FIRST_SEEN_BUILD, "1");
        });
        assertThat(partial.report().activeFindings().stream().filter(f -> f.stage().equals("iac")).count())
                .isEqualTo(iacOpen);
        assertThat(partial.suppressions().unused()).isEmpty();
        assertThat(partial.suppressions().warnings()).isEmpty();
        // and the trend sees the same open IaC findings: no dip
        assertThat(openOf(partial, "iac")).isEqualTo(openOf(full, "iac"));

        // When a second partial scan follows (build 3), the findings stay carried from build 1
        Assessment again = assess(scan("secrets"), partial.report(), "3");
        assertThat(again.report().findings().stream().filter(FindingHistory::isCarried))
                .allSatisfy(f -> assertThat(f.properties()).containsEntry(FindingHistory.CARRIED_FROM, "1"));

        // When the full scan runs again (build 4), nothing is new and nothing is carried
        Assessment next = assess(scan("secrets", "iac"), again.report(), "4");
        assertThat(next.comparison().newFindings()).isEmpty();
        assertThat(next.comparison().fixed()).isEmpty();
        assertThat(next.report().findings()).noneMatch(FindingHistory::isCarried);
        assertThat(next.report().findings()).filteredOn(f -> f.stage().equals("iac"))
                .allSatisfy(f -> assertThat(FindingHistory.firstSeenBuild(f)).contains("1"));

        // When the IaC finding really goes away in a full scan, it is fixed
        Files.delete(root.resolve("infra/main.tf"));
        Assessment fixed = assess(scan("secrets", "iac"), next.report(), "5");
        assertThat(fixed.comparison().fixed()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.finding().location().path()).isEqualTo("infra/main.tf"));
    }

    @Test
    void shouldNotCallFindingsOfAFailedStageFixed() throws Exception {
        // Given a full scan, then a scan whose IaC stage failed before finishing
        suppressions = List.of();
        Assessment full = assess(scan("secrets", "iac"), null, "1");
        Report partial = scan("secrets", "iac");
        Report failed = new Report(partial.schemaVersion(), partial.tool(), partial.startedAt(),
                partial.durationMillis(), partial.root(), partial.walk(),
                partial.stages().stream().map(s -> s.stage().equals("iac") ? StageResult.builder("iac")
                        .status(StageStatus.FAILED).build() : s).toList(),
                partial.findings().stream().filter(f -> !f.stage().equals("iac")).toList(), partial.properties());

        // When it is compared
        HistoryComparison comparison = HistoryComparator.compare(failed, full.report(), new BuildRef("2",
                Instant.parse("2026-05-02T10:00:00Z")));

        // Then the IaC findings are outstanding and carried, not fixed
        assertThat(comparison.fixed()).isEmpty();
        assertThat(comparison.report().findings()).filteredOn(f -> f.stage().equals("iac")).isNotEmpty()
                .allMatch(FindingHistory::isCarried);
    }

    @Test
    void shouldJudgeOnlySuppressionsOfStagesThatRan() throws Exception {
        // Given suppressions of an IaC rule, a secret rule and an unknown fingerprint, and no history
        Report secretsOnly = scan("secrets");
        String secretRule = secretsOnly.findings().get(0).ruleId();
        suppressions = SuppressionFile.parse("""
                suppressions:
                  - rule: aws-security-group-open-ssh
                    path: infra/**
                    reason: bastion
                  - rule: %s
                    path: elsewhere/**
                    reason: fixture
                  - fingerprint: 0123456789abcdef
                    reason: old
                """.formatted(secretRule), "suppressions.yaml");

        // When only the secrets stage ran
        Assessment partial = assess(secretsOnly, null, "1");

        // Then only the secrets suppression (whose rule has findings in a stage that ran) is judged unused
        assertThat(partial.suppressions().unused()).extracting(SuppressionEntry::rule).containsExactly(secretRule);
        assertThat(secretsOnly.properties().get(ScanEngine.STAGES_NOT_RUN)).contains("iac");

        // When every stage ran, every entry is judged
        Assessment full = assess(scan(), null, "2");
        assertThat(full.suppressions().unused()).hasSize(3);
    }

    private static int openOf(Assessment assessment, String stage) {
        return assessment.summary().stages().stream().filter(s -> s.stage().equals(stage))
                .mapToInt(s -> StageCounts.total(s.open())).sum();
    }
}
