package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user trips over in the first hour, through the real {@code devsecops} command with the real stages on
 * fixture trees: partial scans and history, the default policy, strict options, and the printed summary.
 */
class EverydayCliTest {

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

    private static final String GITHUB_TOKEN = "GITHUB_TOKEN=ghp_ZgYYeafg1oaAljji6XMAeCK2HPN2Ubbu0wKH\n";

    @TempDir
    Path root;

    @TempDir
    Path work;

    @TempDir
    Path cache;

    private CliRun devsecops(String... args) {
        return CliRun.of(cache, args);
    }

    /** {@code devsecops scan ROOT} with reports and history outside the tree, then {@code extra}. */
    private CliRun scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", root.toString(), "-o", work.resolve("out").toString(),
                "--history-dir", work.resolve("history").toString()));
        args.addAll(List.of(extra));
        return devsecops(args.toArray(String[]::new));
    }

    private void write(String path, String content) throws Exception {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), content);
    }

    @BeforeEach
    void tree() throws Exception {
        write("infra/main.tf", OPEN_SSH);
        write("infra/legacy.tf", OPEN_SSH.replace("\"ssh\"", "\"legacy\""));
        write("config/app.properties", "db.password=pX7!kQ9vL2mRzT4w\n");
    }

    @Test
    void shouldKeepTheFindingsAndSuppressionsOfStagesAPartialScanDidNotRun() throws Exception {
        // Given a suppression of every IaC finding in legacy.tf and a full scan
        CliRun full = scan("-q", "--stages", "secrets,iac");
        assertThat(full.exit()).as(full.stderr()).isZero();
        String rule = ruleOf(Files.readString(work.resolve("out/report.json")), "infra/legacy.tf");
        write(".devsecops/suppressions.yaml", """
                suppressions:
                  - rule: %s
                    path: infra/legacy.tf
                    reason: decommissioned
                """.formatted(rule));
        CliRun again = scan("-q", "--stages", "secrets,iac");
        assertThat(again.stdout()).contains("0 new,").doesNotContain("Suppression matches no finding");

        // When only the secrets stage runs
        CliRun partial = scan("--stages", "secrets");

        // Then the IaC findings are carried over, not fixed, and the IaC suppression is not called unused
        assertThat(partial.exit()).as(partial.stderr()).isZero();
        assertThat(partial.stdout()).contains("0 new,", "carried over from stages not run", "0 fixed", "iac*")
                .doesNotContain("Suppression matches no finding");
        assertThat(Files.readString(work.resolve("out/report.json"))).contains("\"history.carriedFrom\" : \"2\"");
        assertThat(Files.readString(work.resolve("out/index.html"))).contains(">carried over</span>");

        // When the full scan runs again, nothing is new and nothing was fixed
        CliRun next = scan("-q", "--stages", "secrets,iac");
        assertThat(next.stdout()).contains("History: 0 new,", " 0 fixed,");
        List<String> trend = Files.readAllLines(work.resolve("history/summaries.jsonl"));
        assertThat(trend).hasSize(4);
        assertThat(trend.get(2)).as("the partial scan's summary keeps the IaC counts").contains("\"iac\"");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static String ruleOf(String reportJson, String path) {
        int at = reportJson.indexOf("\"path\" : \"" + path + "\"");
        int rule = reportJson.lastIndexOf("\"ruleId\" : \"", at);
        int start = rule + "\"ruleId\" : \"".length();
        return reportJson.substring(start, reportJson.indexOf('"', start));
    }

    @Test
    void shouldFailByDefaultOnAProviderSecretAndSayWhenNoGateIsConfigured() throws Exception {
        // Given only a generic assignment and IaC findings: the default policy passes
        CliRun generic = scan("-q", "--no-history");
        assertThat(generic.exit()).as(generic.stdout()).isZero();
        assertThat(generic.stdout()).contains("default-new-critical", "default-verified-secret");

        // When a GitHub token is added, the default policy fails the scan
        write("deploy/ci.env", GITHUB_TOKEN);
        CliRun secret = scan("-q", "--no-history");
        assertThat(secret.exit()).isEqualTo(DevSecOpsCommand.EXIT_GATE_FAILED);
        assertThat(secret.stdout()).containsPattern("default-verified-secret +TOTAL +1 +1 +FAILED");

        // Unless the defaults are switched off, or a policy file without gates replaces them
        CliRun off = scan("-q", "--no-history", "--no-default-policy");
        assertThat(off.exit()).isZero();
        assertThat(off.stdout()).contains("No gates configured: every scan passes");
        write("devsecops-policy.yaml", "version: 1\n");
        CliRun empty = scan("-q", "--no-history");
        assertThat(empty.exit()).isZero();
        assertThat(empty.stdout()).contains("No gates configured").doesNotContain("default-verified-secret");
    }

    @Test
    void shouldRefuseUnknownOptionsAndABadSince() throws Exception {
        CliRun option = scan("--option", "secrets.nosuch=1");
        assertThat(option.exit()).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(option.stderr()).contains("Unknown option 'secrets.nosuch'", "history, maxCommits, since");

        CliRun stage = scan("--option", "nosuch.x=1");
        assertThat(stage.exit()).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(stage.stderr()).contains("Unknown option 'nosuch.x'", "dependencies.osvZip");

        CliRun sinceAlone = scan("--since", "HEAD");
        assertThat(sinceAlone.exit()).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(sinceAlone.stderr()).contains("--since needs --history");

        RevCommit first;
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            first = git.commit().setMessage("first").setAuthor("Dev", "dev@example.com")
                    .setCommitter("Dev", "dev@example.com").call();
        }
        CliRun notACommit = scan("--history", "--since", "no-such-branch");
        assertThat(notACommit.exit()).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(notACommit.stderr()).contains("--since no-such-branch is not a commit");
        assertThat(work.resolve("history/summaries.jsonl")).as("nothing recorded").doesNotExist();

        CliRun since = scan("-q", "--history", "--since", first.getName());
        assertThat(since.exit()).as(since.stderr()).isZero();
    }

    @Test
    void shouldRefuseAnImportThatMatchesNoFileUnlessAllowed() throws Exception {
        CliRun missing = scan("--import", "sarif:build/*.sarif");
        assertThat(missing.exit()).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(missing.stderr()).contains("--import sarif:build/*.sarif matches no file", "--allow-missing-imports");
        assertThat(work.resolve("history/summaries.jsonl")).as("nothing recorded").doesNotExist();

        CliRun byOption = scan("-q", "--import", "sarif:build/*.sarif", "--option", "imports.allowMissing=true");
        assertThat(byOption.exit()).as(byOption.stderr()).isZero();

        CliRun allowed = scan("--import", "sarif:build/*.sarif", "--allow-missing-imports");
        assertThat(allowed.exit()).as(allowed.stderr()).isZero();
        assertThat(allowed.stdout()).contains("warning: imports: Import pattern 'sarif:build/*.sarif' matches no file")
                .containsPattern("(?m)^imports +0");
    }

    @Test
    void shouldReportEveryPolicyErrorAtItsLineAndColumn() throws Exception {
        Path policy = work.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                gates:
                  - id: a
                    severity: SEVERE
                    result: FAILURE
                    colour: red
                  - id: b
                    threshold: 0
                    result: MAYBE
                sla:
                  HIGH: soon
                """);

        CliRun check = devsecops("policy", "check", policy.toString());

        assertThat(check.exit()).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(check.stderr().lines().filter(l -> l.startsWith("error: ")).toList()).containsExactly(
                "error: policy.yaml:4:15: Unknown severity 'SEVERE': expected one of CRITICAL, HIGH, MEDIUM, LOW, "
                        + "INFO (at gates[0].severity)",
                "error: policy.yaml:6:5: unknown field 'colour' (at gates[0]); known fields: advisories, baseImage, compliance, "
                        + "confidence, enabled, fixAvailable, id, overdue, result, rules, scope, secret, severity, stages, threshold",
                "error: policy.yaml:8:16: must be at least 1, was 0 (at gates[1].threshold)",
                "error: policy.yaml:9:13: Unknown result 'MAYBE': expected one of [UNSTABLE, FAILURE] (at "
                        + "gates[1].result)",
                "error: policy.yaml:11:9: expected a whole number (at sla.HIGH)");
        assertThat(check.stderr()).contains("5 errors, the policy is invalid");

        CliRun scanWithIt = scan("--policy", policy.toString());
        assertThat(scanWithIt.exit()).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(scanWithIt.stderr()).contains("policy.yaml:4:15: Unknown severity 'SEVERE'",
                "(and 4 more: devsecops policy check " + policy + " lists them all)");

        CliRun missing = devsecops("policy", "check", work.resolve("nothere.yaml").toString());
        assertThat(missing.exit()).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(missing.stderr()).contains("nothere.yaml: file not found");

        CliRun missingInScan = scan("--policy", work.resolve("nothere.yaml").toString());
        assertThat(missingInScan.exit()).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(missingInScan.stderr()).contains("nothere.yaml: file not found");
    }

    @Test
    void shouldPrintATidySummaryHelpAndFormatError() throws Exception {
        CliRun scan = scan("--no-history", "--stages", "secrets,iac,imports");
        assertThat(scan.stdout()).doesNotContain("skipped {}").doesNotContain("1 findings").doesNotContain("1 files")
                .doesNotContainPattern("(?m)^imports ").doesNotContain("Stage imports")
                .containsPattern("(?m)^\\d+ files scanned \\(\\d+ bytes\\) in \\d+ ms$");

        CliRun format = scan("--format", "pdf");
        assertThat(format.exit()).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(format.stderr()).contains("known formats are json, sarif, html, cyclonedx, compliance-csv, dashboard");

        CliRun help = devsecops("scan", "--help");
        assertThat(help.stdout()).contains(".devsecops/suppressions.yaml", "--import sarif:build/**/*.sarif",
                "--allow-missing-imports", "--no-default-policy");
        // No help text breaks a path across lines: every mention of the suppressions file is whole
        for (String[] command : List.of(new String[] {"scan", "--help"}, new String[] {"baseline", "--help"})) {
            String text = devsecops(command).stdout();
            assertThat(count(text, ".devsecops/suppressions.yaml")).as(String.join(" ", command))
                    .isEqualTo(count(text, "devsecops/suppressions")).isPositive();
        }
    }
}
