package io.jenkins.plugins.devsecops.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.FindingSelector;
import io.jenkins.plugins.devsecops.policy.GateAction;
import io.jenkins.plugins.devsecops.policy.GateScope;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.policy.QualityGate;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.SecurityKpis;
import io.jenkins.plugins.devsecops.summary.SummaryStore;
import io.jenkins.plugins.devsecops.summary.TrendSeries;
import io.jenkins.plugins.devsecops.testing.MarkerStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty successive scans of a git repository that changes between scans, each assessed against the previous one:
 * new, outstanding and fixed counts, first sightings and ages, verdicts, and the trends and KPIs of the summaries.
 */
class TwentyScansHistoryTest {

    private static final Instant DAY0 = Instant.parse("2026-03-01T08:00:00Z");

    private static final String MAIN_JAVA = """
            package demo;

            public final class Main {
                public static void main(String[] args) {
                    // TODO-SECURITY validate args before use
                    System.out.println(args[0]);
                }
            }
            """;

    private static final String MAIN_TF = """
            provider "aws" {
              region = "eu-west-1"
            }

            resource "aws_security_group" "ssh" {
              ingress {
                from_port   = 22
                to_port     = 22
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            """;

    @TempDir
    Path repo;

    @TempDir
    Path history;

    /** A change to the working tree, and the expected new / outstanding / fixed counts after it. */
    private record Step(Edit edit, int added, int outstanding, int fixed) {
    }

    @FunctionalInterface
    private interface Edit {
        void apply() throws Exception;
    }

    private void write(String path, String content) throws Exception {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), content);
    }

    private String read(String path) throws Exception {
        return Files.readString(repo.resolve(path));
    }

    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(() -> {
            write("app/Main.java", MAIN_JAVA);
            write("infra/main.tf", MAIN_TF);
        }, 2, 0, 0));
        steps.add(new Step(() -> { }, 0, 2, 0));
        steps.add(new Step(() -> write("app/Main.java", MAIN_JAVA.replace("package demo;\n",
                "package demo;\n\nimport java.util.Objects;\n// entry point\n")), 0, 2, 0));
        steps.add(new Step(() -> write("docs/notes.md", "# Notes\n\nFIXME-CRITICAL rotate the deploy key\n"), 1, 2, 0));
        steps.add(new Step(() -> write("app/Main.java", read("app/Main.java")
                .replace("    // TODO-SECURITY validate args before use\n", "")), 0, 2, 1));
        steps.add(new Step(() -> write("infra/main.tf", read("infra/main.tf").replace("\n    ", "\n        ")),
                0, 2, 0));
        steps.add(new Step(() -> write("infra/main.tf", read("infra/main.tf").replace("  }\n}",
                "  }\n  egress {\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}")), 1, 2, 0));
        steps.add(new Step(() -> write("infra/main.tf", read("infra/main.tf").replace("eu-west-1", "eu-north-1")),
                0, 3, 0));
        steps.add(new Step(() -> Files.delete(repo.resolve("docs/notes.md")), 0, 2, 1));
        steps.add(new Step(() -> write("app/Main.java", read("app/Main.java").replace("        System.out",
                "        // TODO-SECURITY validate args before use\n        System.out")), 1, 2, 0));
        for (int i = 11; i <= 20; i++) {
            int build = i;
            steps.add(new Step(() -> {
                write("src/Mod" + build + ".java", "class Mod" + build + " {\n  // TODO-SECURITY module " + build
                        + "\n}\n");
                Files.deleteIfExists(repo.resolve("src/Mod" + (build - 2) + ".java"));
            }, 1, i == 11 ? 3 : 4, i >= 13 ? 1 : 0));
        }
        return steps;
    }

    @Test
    void shouldTrackNewOutstandingFixedAndAgeOverTwentyScans() throws Exception {
        // Given a git repository, a policy failing on new HIGH+ and unstable on findings past a 10-day HIGH SLA
        SecurityPolicy policy = SecurityPolicy.builder().sla(Severity.HIGH, 10)
                .gate(QualityGate.of("new-high", FindingSelector.atLeast(Severity.HIGH), GateScope.NEW, 1,
                        GateAction.FAILURE))
                .gate(QualityGate.of("overdue", new FindingSelector(null, null, null, null, null, null, true),
                        GateScope.TOTAL, 1, GateAction.UNSTABLE))
                .build();
        ScanEngine engine = new ScanEngine(new StageCatalog(List.of(MarkerStage.standard())));
        SummaryStore store = new SummaryStore(history);
        List<Step> steps = steps();
        List<PolicyVerdict> verdicts = new ArrayList<>();
        Report reference = null;
        Instant ingressFirstSeen = null;

        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            for (int i = 1; i <= steps.size(); i++) {
                // When the tree changes, is committed, scanned and assessed against the previous build
                Step step = steps.get(i - 1);
                step.edit().apply();
                git.add().addFilepattern(".").call();
                git.add().addFilepattern(".").setUpdate(true).call();
                RevCommit commit = git.commit().setMessage("step " + i).setAllowEmpty(true)
                        .setAuthor("Dev", "dev@example.com").setCommitter("Dev", "dev@example.com").call();
                Instant time = DAY0.plus(Duration.ofDays(i));
                Report scanned = engine.scan(ScanRequest.builder(repo).threads(1).build(), ProgressListener.NONE)
                        .toBuilder().property("commit", commit.getName()).build();
                Assessment assessment = Assessor.assess(scanned, new LayeredPolicy(policy, List.of()), List.of(),
                        reference, new BuildRef("b" + i, time));
                store.append(assessment.summary());

                // Then the counts match the step's expectation
                assertThat(assessment.comparison().newFindings()).as("new at step %d", i).hasSize(step.added());
                assertThat(assessment.comparison().outstanding()).as("outstanding at step %d", i)
                        .hasSize(step.outstanding());
                assertThat(assessment.comparison().fixed()).as("fixed at step %d", i).hasSize(step.fixed());

                // And the SSH ingress finding keeps its first sighting, so its age grows by a day per build
                Finding ingress = assessment.report().findings().stream()
                        .filter(f -> f.location().path().equals("infra/main.tf"))
                        .min(java.util.Comparator.comparingInt(f -> f.location().startLine())).orElseThrow();
                if (ingressFirstSeen == null) {
                    ingressFirstSeen = FindingHistory.firstSeenAt(ingress).orElseThrow();
                }
                assertThat(FindingHistory.firstSeenAt(ingress)).contains(ingressFirstSeen);
                assertThat(FindingHistory.firstSeenBuild(ingress)).contains("b1");
                assertThat(FindingHistory.age(ingress, time)).isEqualTo(Duration.ofDays(i - 1));

                verdicts.add(assessment.evaluation().verdict());
                reference = assessment.report();
            }
        }

        // Then the verdicts follow the new HIGH+ findings (steps 1, 4, 7) and the SLA (from step 12, age 11 days)
        List<PolicyVerdict> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            expected.add(i == 1 || i == 4 || i == 7 ? PolicyVerdict.FAILED
                    : i >= 12 ? PolicyVerdict.UNSTABLE : PolicyVerdict.PASSED);
        }
        assertThat(verdicts).isEqualTo(expected);

        // And the re-introduced TODO of step 10 is new again with its own first sighting
        Finding reintroduced = reference.findings().stream()
                .filter(f -> f.location().path().equals("app/Main.java")).findFirst().orElseThrow();
        assertThat(FindingHistory.firstSeenBuild(reintroduced)).contains("b10");

        // And the trends and KPIs, computed from the stored summaries alone, agree
        SummaryStore.Loaded loaded = store.load();
        assertThat(loaded.skipped()).isZero();
        List<BuildSummary> summaries = loaded.summaries();
        assertThat(summaries).hasSize(20);
        TrendSeries series = TrendSeries.of(summaries, 100);
        assertThat(series.added()).isEqualTo(steps.stream().map(Step::added).toList());
        assertThat(series.fixed()).isEqualTo(steps.stream().map(Step::fixed).toList());
        assertThat(series.openBySeverity().get(Severity.CRITICAL))
                .containsExactly(0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        SecurityKpis kpis = SecurityKpis.of(summaries);
        // Fixes: the TODO after 4 days, the FIXME after 5, and eight modules after 2 days each: 25 days / 10
        assertThat(kpis.meanTimeToRemediateDays()).isEqualTo(2.5);
        assertThat(kpis.openBySeverity().get(Severity.HIGH)).isEqualTo(2);
        assertThat(kpis.openBySeverity().get(Severity.MEDIUM)).isEqualTo(3);
        assertThat(kpis.overdue()).isEqualTo(2);
        assertThat(kpis.verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
        assertThat(kpis.score()).isBetween(0, 79);
    }
}
