package io.jenkins.plugins.devsecops.report;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.model.WalkSummary;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Reports the report writer tests share: a fixed one covering every field, a hostile one, and a real scan's. */
final class ReportFixtures {

    static final ToolInfo ENGINE = new ToolInfo("DevSecOps Scan", "0.1.0");
    static final ToolInfo TRIVY = new ToolInfo("Trivy", "0.57.1");

    private ReportFixtures() {
    }

    /** A fixed report (fixed times and fingerprints) with findings of every shape the stages produce. */
    static Report complete() {
        Finding awsKey = Finding.builder().ruleId("aws-access-key-id").stage("secrets").severity(Severity.CRITICAL)
                .title("AWS access key id").message("AWS access key id AKIA************MPLE found in a config file")
                .location(new Location("config/app.env", 3, 12, 3, 32, "AWS_ACCESS_KEY_ID=AKIA************MPLE"))
                .cwe("CWE-798").remediation("Revoke and rotate the key at https://console.aws.amazon.com/iam/")
                .tool(ENGINE).fingerprint("5f0c6a1b9a2f4e0d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d")
                .build();
        Finding historyToken = Finding.builder().ruleId("github-classic-pat").stage("secrets")
                .severity(Severity.HIGH).title("GitHub personal access token (classic)")
                .message("GitHub token ghp_****************************2f9a in git history")
                .location(new Location("deploy/release.sh", 14, 9, 14, 49, "export GH_TOKEN=ghp_****************2f9a"))
                .cwe("CWE-798").remediation("Revoke the token at https://github.com/settings/tokens")
                .confidence(Confidence.MEDIUM).tool(ENGINE)
                .fingerprint("0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .property("commit", "9fceb02d0ae598e95dc970b74767f19372d61af8").property("author", "Dana Dev")
                .property("date", "2026-10-02T08:15:00Z").build();
        Finding testFixtureSecret = Finding.builder().ruleId("generic-password").stage("secrets")
                .severity(Severity.MEDIUM).title("Hard-coded password")
                .message("A password assigned in a test fixture")
                .location(new Location("src/test/resources/db test.properties", 2, 1, 2, 0, "password=********"))
                .cwe("CWE-259").confidence(Confidence.LOW).tool(ENGINE)
                .fingerprint("77aa77aa77aa77aa77aa77aa77aa77aa77aa77aa77aa77aa77aa77aa77aa77aa")
                .suppression(new Suppression("inline", "test credentials for the in-memory database", null, null,
                        "src/test/resources/db test.properties:2"))
                .build();
        Finding log4j = Finding.builder().ruleId("GHSA-jfh8-c2jp-5v3q").stage("dependencies")
                .severity(Severity.CRITICAL).title("Remote code injection in Log4j")
                .message("log4j-core 2.14.1 is affected by GHSA-jfh8-c2jp-5v3q (Log4Shell)")
                .component(new Component("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "log4j-core",
                        "2.14.1", "Maven", true, List.of("com.example:shop", "org.apache.logging.log4j:log4j-core")))
                .identifier("GHSA-jfh8-c2jp-5v3q").identifier("CVE-2021-44228").cwe("CWE-502").cwe("CWE-917")
                .cvss(new Cvss("3.1", 10.0, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"))
                .fixedVersion("2.15.0").remediation("Upgrade log4j-core to 2.15.0 or later")
                .tool(ENGINE).fingerprint("b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1")
                .property("manifest", "pom.xml").build();
        Finding lodash = Finding.builder().ruleId("GHSA-35jh-r3h4-6jhm").stage("dependencies")
                .severity(Severity.HIGH).title("Command Injection in lodash")
                .component(Component.of("pkg:npm/lodash@4.17.20", "lodash", "4.17.20", "npm"))
                .identifier("CVE-2021-23337").fixedVersion("4.17.21")
                .suppression(new Suppression("advisory", "template() is never called with user input", "team-web",
                        LocalDate.of(2027, 1, 31), ".devsecops/suppressions.yaml:4"))
                .tool(ENGINE).fingerprint("c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2")
                .build();
        Finding imported = Finding.builder().ruleId("DS002").stage("import").severity(Severity.LOW)
                .title("Image user should not be 'root'")
                .message("Specify at least 1 USER command in Dockerfile with non-root user as argument")
                .location(new Location("/builds/shop/docker/Dockerfile", 1, 0, 1, 0, null))
                .tool(TRIVY).tool(ENGINE)
                .fingerprint("d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3")
                .build();
        Finding info = Finding.builder().ruleId("dockerfile-latest-tag").stage("iac").severity(Severity.INFO)
                .title("Base image uses the latest tag")
                .location(Location.ofLine("docker/Dockerfile", 1))
                .remediation("Pin the base image to a digest").tool(ENGINE)
                .fingerprint("e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4")
                .build();
        return Report.builder(ENGINE, Instant.parse("2026-11-23T10:00:00Z")).durationMillis(4321)
                .root("/home/ci/workspace/shop")
                .walk(new WalkSummary(1280, 1190, 18_874_368,
                        Map.of("binary", 61L, "too-large", 2L, "ignored", 25L, "symlink", 2L)))
                .stage(StageResult.builder("secrets").durationMillis(812).filesScanned(1190)
                        .bytesScanned(18_874_368).findingCount(3).skipped("minified", 4)
                        .error(new StageError("vendor/broken.json", "malformed JSON at line 7")).build())
                .stage(StageResult.builder("dependencies").durationMillis(2210).filesScanned(3).bytesScanned(91_000)
                        .findingCount(2).warning("advisory database is 3 days old")
                        .property("advisorySource", "OSV (offline mirror)").build())
                .stage(StageResult.builder("iac").status(StageStatus.TIMED_OUT).durationMillis(30_000)
                        .filesScanned(12).findingCount(1).error(new StageError(null, "timed out after 30 s")).build())
                .stage(StageResult.builder("import").durationMillis(40).filesScanned(1).findingCount(1).build())
                .finding(awsKey).finding(log4j).finding(historyToken).finding(lodash).finding(testFixtureSecret)
                .finding(imported).finding(info)
                .property("commit", "9fceb02d0ae598e95dc970b74767f19372d61af8").property("branch", "main")
                .build();
    }

    /** Attacker-controlled text in every field a scanned file or an imported report can fill. */
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ATTR = "\" onmouseover=\"alert(2)";
    static final String TEXTAREA = "</textarea><img src=x onerror=alert(3)>";
    static final String JSON_BREAK = "</script><script>alert(4)</script>\u2028\u2029";
    static final String REMOTE = "<img src=\"https://evil.example/p.png\"><a href=\"http://evil.example/\">x</a>";

    static Report hostile() {
        Finding finding = Finding.builder().ruleId("rule" + SCRIPT).stage("stage" + ATTR).severity(Severity.HIGH)
                .title("Title " + SCRIPT + " & more").message("Message " + TEXTAREA + " " + REMOTE)
                .location(new Location("dir/" + ATTR + "/" + SCRIPT + ".js", 4, 2, 4, 9, "snippet " + JSON_BREAK))
                .component(new Component("pkg:npm/" + SCRIPT + "@1.0.0", "name" + ATTR, "1.0.0" + TEXTAREA, "npm",
                        false, List.of(SCRIPT)))
                .identifier("CVE-" + SCRIPT).cwe("CWE-79" + ATTR).remediation("Fix " + REMOTE)
                .fixedVersion(JSON_BREAK).tool(new ToolInfo("Evil" + SCRIPT, ATTR))
                .property("author", "Mallory " + SCRIPT).property(ATTR, JSON_BREAK)
                .suppression(new Suppression("inline", "because " + SCRIPT, ATTR, null, TEXTAREA))
                .fingerprint("f" + SCRIPT).build();
        return Report.builder(ENGINE, Instant.parse("2026-11-23T10:00:00Z")).root("/src/" + SCRIPT)
                .walk(new WalkSummary(3, 2, 10, Map.of("reason" + SCRIPT, 1L)))
                .stage(StageResult.builder("stage" + ATTR).findingCount(1).skipped(SCRIPT, 1)
                        .error(new StageError(SCRIPT, "error " + TEXTAREA)).warning("warning " + REMOTE)
                        .property("k" + SCRIPT, "v" + JSON_BREAK).build())
                .finding(finding).property("commit", SCRIPT).build();
    }

    /**
     * The report of a real scan by the engine over files written to {@code dir}: a stage that flags hard-coded
     * passwords the way the secrets stage does (masked snippet), so the report has real walk and stage figures.
     */
    static Report realScan(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(dir.resolve("src/main/resources/application.yml"),
                "spring:\n  datasource:\n    url: jdbc:postgresql://db:5432/shop\n    password: s3cr3t-Pa55word\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(".env"), "DB_PASSWORD=hunter2-but-longer\nPORT=8080\n", StandardCharsets.UTF_8);
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 1});
        Files.writeString(dir.resolve("README.md"), "# Shop\nNo secrets here.\n", StandardCharsets.UTF_8);
        Stage passwords = new PasswordStage();
        return new ScanEngine(new StageCatalog(List.of(passwords)))
                .scan(ScanRequest.builder(dir).threads(1).build(), ProgressListener.NONE);
    }

    /** Flags {@code password: value} and {@code PASSWORD=value} lines, masking the value. */
    private static final class PasswordStage implements Stage {
        @Override
        public String id() {
            return "secrets";
        }

        @Override
        public String description() {
            return "password assignments";
        }

        @Override
        public StageScanner open(StageContext context) {
            return new StageScanner() {
                @Override
                public void scan(SourceFile file, FindingSink sink) {
                    String[] lines = file.text().split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        String line = lines[i];
                        int at = line.toLowerCase(java.util.Locale.ROOT).indexOf("password");
                        int sep = Math.max(line.indexOf(':', Math.max(at, 0)), line.indexOf('=', Math.max(at, 0)));
                        if (at >= 0 && sep > at) {
                            String masked = line.substring(0, sep + 1) + " ********";
                            sink.report(Finding.builder().ruleId("generic-password").stage("secrets")
                                    .severity(Severity.HIGH).title("Hard-coded password")
                                    .message("A password is assigned a literal value").cwe("CWE-798")
                                    .remediation("Move the password to a secret store and rotate it")
                                    .location(new Location(file.path(), i + 1, sep + 2, i + 1, line.length() + 1,
                                            masked)).build());
                        }
                    }
                }
            };
        }
    }
}
