package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop through the CLI alone on a real git repository scanned repeatedly: gate table and exit codes,
 * new/fixed/outstanding, baseline, suppressions with expiry, the dashboard and {@code devsecops report}.
 */
class PolicyLoopCliTest {

    private static final String POLICY = """
            version: 1
            gates:
              - id: no-new-high
                severity: HIGH
                scope: NEW
                result: FAILURE
              - id: any-high
                severity: HIGH
                result: UNSTABLE
            requiredStages: [policytest-marker]
            sla:
              HIGH: 30
            """;

    @TempDir
    Path repo;

    @TempDir
    Path out;

    @TempDir
    Path cache;

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run devsecops(String... args) {
        CliRun run = CliRun.of(cache, args);
        return new Run(run.exit(), run.stdout(), run.stderr());
    }

    private Run scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", repo.toString(), "--stages", PolicyTestMarkerStage.ID,
                "-o", out.toString(), "-q"));
        args.addAll(List.of(extra));
        return devsecops(args.toArray(String[]::new));
    }

    private void commit(Git git, String path, String content) throws Exception {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), content);
        git.add().addFilepattern(".").call();
        git.commit().setMessage("edit " + path).setAuthor("Dev", "dev@example.com")
                .setCommitter("Dev", "dev@example.com").call();
    }

    @Test
    void shouldRunTheWholeLoopFromTheCommandLine() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            // Given a repository with a policy, one HIGH and one LOW finding
            commit(git, "devsecops-policy.yaml", POLICY);
            commit(git, "infra/main.tf", "resource \"x\" \"y\" {\n  # SECURITY-HIGH open to the world\n}\n");
            commit(git, "src/App.java", "class App {\n  // SECURITY-LOW weak hash\n}\n");

            // When it is scanned the first time
            Run first = scan();

            // Then the new HIGH fails the build and the gate table names it
            assertThat(first.exit()).as(first.stderr()).isEqualTo(1);
            assertThat(first.stdout()).contains("History: 2 new, 0 outstanding, 0 fixed, 0 suppressed (build 1, no"
                    + " reference build)");
            assertThat(first.stdout()).containsPattern("no-new-high\\s+NEW\\s+1\\s+1\\s+FAILED");
            assertThat(first.stdout()).contains("    HIGH security-high at infra/main.tf:2");
            assertThat(first.stdout()).contains("Policy: FAILED");
            assertThat(out.resolve("dashboard.html")).exists();
            assertThat(out.resolve("report.json")).content().contains("\"history.status\" : \"NEW\"");
            // And the history lives in the user's cache, never in the repository
            assertThat(repo.resolve(".devsecops/history")).doesNotExist();
            assertThat(cache.resolve("devsecops")).isDirectoryRecursivelyContaining("glob:**/summaries.jsonl");

            // When the same tree is scanned again
            Run second = scan();

            // Then nothing is new, the HIGH is outstanding: the total gate makes it UNSTABLE, exit 0
            assertThat(second.exit()).isZero();
            assertThat(second.stdout()).contains("History: 0 new, 2 outstanding, 0 fixed");
            assertThat(second.stdout()).contains("Policy: UNSTABLE");

            // When the current findings are baselined and the tree scanned again
            Run baseline = devsecops("baseline", repo.toString(), "--stages", PolicyTestMarkerStage.ID,
                    "--reason", "Accepted at adoption", "--owner", "security-team", "--days", "30");
            assertThat(baseline.exit()).as(baseline.stderr()).isZero();
            assertThat(baseline.stdout()).contains("Wrote 2 new suppressions");
            Path suppressions = repo.resolve(".devsecops/suppressions.yaml");
            assertThat(suppressions).content().contains("reason: \"Accepted at adoption\"")
                    .contains("expires: \"" + LocalDate.now(ZoneOffset.UTC).plusDays(30) + "\"");
            Run third = scan();

            // Then both are suppressed (kept, marked) and the policy passes
            assertThat(third.exit()).isZero();
            assertThat(third.stdout()).contains("0 new, 0 outstanding, 0 fixed, 2 suppressed");
            assertThat(third.stdout()).contains("Policy: PASSED");
            assertThat(out.resolve("report.json")).content().contains("Accepted at adoption");

            // When the LOW is fixed and a new HIGH appears in a commit
            commit(git, "src/App.java", "class App {\n  // hashed with SHA-256 now\n}\n");
            commit(git, "web/app.js", "// SECURITY-HIGH eval of user input\n");
            Run fourth = scan();

            // Then one is new, one fixed, and the new HIGH fails the build
            assertThat(fourth.exit()).isEqualTo(1);
            assertThat(fourth.stdout()).contains("History: 1 new, 0 outstanding, 1 fixed, 1 suppressed (build 4)");
            assertThat(fourth.stdout()).contains("HIGH security-high at web/app.js:1");
            // And index.html carries the verdict, the gate that tripped, the fixed finding and the trends, and
            // links to dashboard.html, which links back
            String index = Files.readString(out.resolve("index.html"));
            assertThat(index).contains("<span class=\"verdict v-failed\">FAILED</span>")
                    .contains("<div class=\"tripped\">HIGH security-high at web/app.js:1</div>")
                    .contains("Fixed in this build (1)").contains("id=\"trend-chart-0\"")
                    .contains("<a href=\"dashboard.html\">Open the dashboard</a>")
                    .contains("<th class=\"sortable\" data-sort=\"state\">State</th>");
            assertThat(out.resolve("dashboard.html")).content().contains("href=\"index.html\"");

            // When an expired suppression and an unused one are declared by hand
            String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
            Files.writeString(suppressions, Files.readString(suppressions)
                    + "  - rule: security-high\n    path: \"web/**\"\n    reason: Sandboxed\n    expires: " + yesterday
                    + "\n  - rule: security-high\n    path: \"docs/**\"\n    reason: Not used\n");
            Run fifth = scan();

            // Then the expired one is stale, its finding stays active (UNSTABLE), the other (of a rule whose stage
            // ran) is reported unused
            assertThat(fifth.exit()).isZero();
            assertThat(fifth.stdout()).contains("warning: Suppression expired on " + yesterday)
                    .contains("warning: Suppression matches no finding, remove it: rule security-high in docs/**");
            assertThat(fifth.stdout()).contains("Policy: UNSTABLE");

            // When the dashboard is rendered from the history alone
            Files.delete(out.resolve("dashboard.html"));
            Run report = devsecops("report", repo.toString(), "-o", out.toString());

            // Then it covers the five builds, with inlined charts and the gate table
            assertThat(report.exit()).as(report.stderr()).isZero();
            assertThat(report.stdout()).contains("from 5 builds").contains("policy UNSTABLE");
            String html = Files.readString(out.resolve("dashboard.html"));
            assertThat(html).contains("echarts.init").contains("<td>any-high</td>").contains("href=\"index.html\"")
                    .contains("\"data\":[\"1\",\"2\",\"3\",\"4\",\"5\"]");
        }
    }

    @Test
    void shouldCheckPolicyFilesWithLineAndColumn() throws Exception {
        // Given a valid and an invalid policy
        Path valid = out.resolve("valid.yaml");
        Files.writeString(valid, POLICY);
        Path invalid = out.resolve("invalid.yaml");
        Files.writeString(invalid, "gates:\n  - id: a\n    severity: SEVERE\n    result: FAILURE\n");

        // When checked
        Run good = devsecops("policy", "check", valid.toString());
        Run bad = devsecops("policy", "check", invalid.toString());

        // Then the valid one is explained and the invalid one located
        assertThat(good.exit()).isZero();
        assertThat(good.stdout()).contains("gate no-new-high: NEW findings with severity >= HIGH >= 1 -> FAILURE")
                .contains("required stages: policytest-marker").contains("SLA HIGH: 30 days");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).containsPattern("error: invalid\\.yaml:\\d+:\\d+: Unknown severity 'SEVERE'");
    }

    @Test
    void shouldStopBeforeScanningOnABrokenPolicyAndKeepFailOnAsAGate() throws Exception {
        // Given a repository with a HIGH finding
        Files.createDirectories(repo.resolve("a"));
        Files.writeString(repo.resolve("a/x.txt"), "SECURITY-HIGH\n");

        // When scanned with --fail-on HIGH and no history / with a broken policy
        Run failOn = scan("--fail-on", "HIGH", "--no-history");
        assertThat(cache.resolve("devsecops")).doesNotExist();
        Files.writeString(repo.resolve("devsecops-policy.yaml"), "gates: [\n");
        Run broken = scan();

        // Then --fail-on is a FAILURE gate; the broken policy is a usage error with its location
        assertThat(failOn.exit()).isEqualTo(1);
        assertThat(failOn.stdout()).containsPattern("fail-on-high\\s+TOTAL\\s+1\\s+1\\s+FAILED");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.stderr()).contains("devsecops-policy.yaml:");
    }

    @Test
    void shouldNotScanItsOwnReportsOrHistoryInsideTheRoot() throws Exception {
        // Given a finding, and reports and history written inside the scanned root (they quote the marker)
        Files.writeString(repo.resolve("x.txt"), "SECURITY-HIGH\n");
        String reports = repo.resolve("devsecops-report").toString();
        Run first = devsecops("scan", repo.toString(), "--stages", PolicyTestMarkerStage.ID, "-o", reports, "-q");
        assertThat(repo.resolve("devsecops-report/report.json")).content().contains("SECURITY-HIGH");

        // When scanned again
        Run second = devsecops("scan", repo.toString(), "--stages", PolicyTestMarkerStage.ID, "-o", reports, "-q");

        // Then only the one real finding is there: neither reports nor history were scanned
        assertThat(first.stdout()).contains("History: 1 new, 0 outstanding");
        assertThat(second.stdout()).contains("History: 0 new, 1 outstanding, 0 fixed");
    }
}
