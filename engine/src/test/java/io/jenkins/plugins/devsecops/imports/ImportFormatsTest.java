package io.jenkins.plugins.devsecops.imports;

import static io.jenkins.plugins.devsecops.imports.ImportFixtures.byRule;
import static io.jenkins.plugins.devsecops.imports.ImportFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each supported format, imported from a realistic report through the real engine, with merging off. */
class ImportFormatsTest {

    private static final Map<String, String> NO_MERGE = Map.of("imports.merge", "false");

    @TempDir
    Path root;

    ImportFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ImportFixtures(root);
    }

    @Test
    void shouldImportSarifRunsWithRulesFromExtensionsUriBaseIdsTaxaAndSuppressions() {
        // Given a CodeQL run (rules in an extension, nested uriBaseIds, artifact indexes) and a Semgrep run
        fixtures.copy("codeql-and-semgrep.sarif", "build/reports/scan.sarif");

        // When
        Report report = fixtures.scan("sarif:build/**/*.sarif", NO_MERGE);

        // Then pass results and results absent since the baseline are not findings
        assertThat(stage(report).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(stage(report).errors()).isEmpty();
        assertThat(report.findings()).hasSize(4);
        Finding xss = byRule(report, "js/xss");
        assertThat(xss.severity()).as("security-severity 6.1").isEqualTo(Severity.MEDIUM);
        assertThat(xss.location()).isEqualTo(new Location("src/web/render.js", 42, 7, 42, 31, null));
        assertThat(xss.cwes()).containsExactly("CWE-79", "CWE-116");
        assertThat(xss.title()).isEqualTo("Client-side cross-site scripting");
        assertThat(xss.remediation()).startsWith("# Client-side cross-site scripting");
        assertThat(xss.properties()).containsEntry("helpUri", "https://codeql.github.com/codeql-query-help/javascript/js-xss/");
        assertThat(xss.tools()).containsExactly(new ToolInfo("CodeQL", "2.15.3"));
        assertThat(xss.fingerprint()).isEqualTo(ImportContext.toolFingerprint("CodeQL", "js/xss",
                "{primaryLocationLineHash=9d1a5e2b0c3f4e71:1, primaryLocationStartColumnFingerprint=2}"));
        assertThat(xss.stage()).isEqualTo("imports");

        Finding sql = byRule(report, "js/sql-injection");
        assertThat(xss.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(sql.severity()).as("security-severity 8.8").isEqualTo(Severity.HIGH);
        assertThat(sql.message()).isEqualTo("This query string depends on a user-provided value and reaches a MySQL query.");
        assertThat(sql.location()).isEqualTo(new Location("src/db/users.js", 17, 20, 18, 4, null));
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("invalid helpUri"));

        Finding random = byRule(report, "js/insecure-randomness");
        assertThat(random.severity()).as("level note").isEqualTo(Severity.LOW);
        assertThat(random.location().path()).as("percent-decoded").isEqualTo("src/my lib/token.js");
        assertThat(random.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(random.suppression()).isNotNull();
        assertThat(random.suppression().kind()).isEqualTo("sarif-inSource");
        assertThat(random.suppression().reason()).isEqualTo("only used for test ids");

        Finding shell = byRule(report, "python.lang.security.audit.subprocess-shell-true.subprocess-shell-true");
        assertThat(shell.severity()).isEqualTo(Severity.HIGH);
        assertThat(shell.cwes()).containsExactly("CWE-78");
        assertThat(shell.location().path()).isEqualTo("app/views.py");
        assertThat(shell.tools()).containsExactly(new ToolInfo("Semgrep OSS", "1.52.0"));
        assertThat(new ReportJson().toJson(report)).doesNotContain("el.innerHTML").doesNotContain("threadFlows");
    }

    @Test
    void shouldTakeTheRulesDefaultLevelWhenAResultHasNone() {
        // Given results without level: one for a rule whose default is error, one for a rule without default
        fixtures.write("a.sarif", """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Scanner", "rules": [
                    {"id": "R1", "defaultConfiguration": {"level": "error"}}, {"id": "R2"}]}},
                  "results": [
                    {"ruleId": "R1", "ruleIndex": 0, "message": {"text": "one"}},
                    {"ruleId": "R2", "message": {"text": "two"}},
                    {"ruleId": "R2", "level": "none", "message": {"text": "three"}}]}]}
                """);

        // When
        Report report = fixtures.scan("sarif:a.sarif", NO_MERGE);

        // Then
        assertThat(report.findings()).extracting(Finding::message, Finding::severity).containsExactlyInAnyOrder(
                tuple("one", Severity.HIGH), tuple("two", Severity.MEDIUM), tuple("three", Severity.INFO));
    }

    @Test
    void shouldImportTrivyVulnerabilitiesMisconfigurationsAndSecretsWithoutTheSecret() {
        // Given
        fixtures.copy("trivy-fs.json", "reports/trivy.json");

        // When
        Report report = fixtures.scan("trivy:reports/trivy.json", NO_MERGE);

        // Then the passed check is no finding
        assertThat(report.findings()).extracting(Finding::ruleId, Finding::severity).containsExactlyInAnyOrder(
                tuple("CVE-2021-44906", Severity.CRITICAL), tuple("CVE-2021-23337", Severity.HIGH),
                tuple("TEMP-0841856-B18BAF", Severity.INFO), tuple("DS002", Severity.HIGH),
                tuple("aws-access-key-id", Severity.CRITICAL));
        Finding lodash = byRule(report, "CVE-2021-23337");
        assertThat(lodash.identifiers()).containsExactly("CVE-2021-23337");
        assertThat(lodash.cwes()).containsExactly("CWE-94", "CWE-77");
        assertThat(lodash.component().name()).isEqualTo("lodash");
        assertThat(lodash.component().version()).isEqualTo("4.17.20");
        assertThat(lodash.component().purl()).isEqualTo("pkg:npm/lodash@4.17.20");
        assertThat(lodash.component().ecosystem()).isEqualTo("npm");
        assertThat(lodash.fixedVersion()).isEqualTo("4.17.21");
        assertThat(lodash.cvss().score()).isEqualTo(7.2);
        assertThat(lodash.location()).isEqualTo(Location.ofFile("package-lock.json"));
        assertThat(lodash.tools()).containsExactly(new ToolInfo("Trivy", null));
        Finding root = byRule(report, "DS002");
        assertThat(root.location()).isEqualTo(new Location("Dockerfile", 1, 0, 9, 0, null));
        assertThat(root.remediation()).isEqualTo("Add 'USER <non root user name>' line to the Dockerfile");
        Finding secret = byRule(report, "aws-access-key-id");
        assertThat(secret.location()).isEqualTo(new Location("config/aws.env", 2, 0, 2, 0, null));
        assertThat(secret.properties()).containsEntry("kind", "secret");
        assertThat(new ReportJson().toJson(report)).doesNotContain("AWS_ACCESS_KEY_ID=");
    }

    @Test
    void shouldImportTrivyImageScansWithTheTargetInsteadOfAFileAndTheTrivyVersion() {
        // Given
        fixtures.copy("trivy-image.json", "reports/image.json");

        // When: detected from content
        Report report = fixtures.scan("auto:reports/*.json", NO_MERGE);

        // Then
        Finding openssl = byRule(report, "CVE-2023-5363");
        assertThat(openssl.location()).isNull();
        assertThat(openssl.properties()).containsEntry("target", "registry.example.com/shop/api:1.4.2 (alpine 3.18.4)");
        assertThat(openssl.component().ecosystem()).isEqualTo("alpine");
        assertThat(openssl.tools()).containsExactly(new ToolInfo("Trivy", "0.57.1"));
        assertThat(report.findings()).hasSize(1);
    }

    @Test
    void shouldDetectAndImportAReportWrittenInUtf16ByPowerShell() {
        // Given
        String text = fixtures.read(fixtures.copy("trivy-image.json", "tmp.json").getFileName().toString());
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(body, 0, withBom, 2, body.length);
        fixtures.write("reports/image.json", withBom);

        // When
        Report report = fixtures.scan("auto:reports/image.json", NO_MERGE);

        // Then
        assertThat(stage(report).errors()).isEmpty();
        assertThat(byRule(report, "CVE-2023-5363").tools()).containsExactly(new ToolInfo("Trivy", "0.57.1"));
    }

    @Test
    void shouldImportGrypeMatchesWithRelatedCvesAndPathsRelativeToTheScannedDirectory() {
        // Given
        fixtures.copy("grype.json", "reports/grype.json");

        // When
        Report report = fixtures.scan("auto:reports/grype.json", NO_MERGE);

        // Then
        Finding lodash = byRule(report, "GHSA-35jh-r3h4-6jhm");
        assertThat(lodash.identifiers()).containsExactly("GHSA-35jh-r3h4-6jhm", "CVE-2021-23337");
        assertThat(lodash.severity()).isEqualTo(Severity.HIGH);
        assertThat(lodash.location()).isEqualTo(Location.ofFile("package-lock.json"));
        assertThat(lodash.fixedVersion()).isEqualTo("4.17.21");
        assertThat(lodash.cvss().vector()).startsWith("CVSS:3.1/");
        assertThat(lodash.tools()).containsExactly(new ToolInfo("Grype", "0.74.1"));
        Finding tar = byRule(report, "CVE-2005-2541");
        assertThat(tar.severity()).as("Negligible").isEqualTo(Severity.INFO);
        assertThat(tar.fixedVersion()).isNull();
        assertThat(tar.component().name()).isEqualTo("tar");
    }

    @Test
    void shouldTakeGrypePathsAsRelativeToTheRootWhenGrypeScannedAnotherDirectory() {
        // Given Grype ran in a container on /src
        fixtures.copy("grype.json", "reports/grype.json");
        fixtures.write("reports/grype.json", fixtures.read("reports/grype.json")
                .replace("\"target\": \"" + root.toString().replace('\\', '/') + "\"", "\"target\": \"/src\""));
        assertThat(fixtures.read("reports/grype.json")).contains("\"target\": \"/src\"");

        // When
        Report report = fixtures.scan("grype:reports/grype.json", NO_MERGE);

        // Then
        assertThat(byRule(report, "GHSA-35jh-r3h4-6jhm").location()).isEqualTo(Location.ofFile("package-lock.json"));
        assertThat(stage(report).warnings()).isEmpty();
    }

    @Test
    void shouldImportGitleaksLeaksWithoutEverCopyingTheSecret() {
        // Given
        fixtures.copy("gitleaks.json", "gitleaks-report.json");

        // When
        Report report = fixtures.scan("auto:gitleaks-report.json", NO_MERGE);

        // Then
        assertThat(report.findings()).hasSize(2);
        Finding aws = byRule(report, "aws-access-token");
        assertThat(aws.severity()).isEqualTo(Severity.HIGH);
        assertThat(aws.location()).isEqualTo(new Location("config/aws.env", 2, 19, 2, 38, null));
        assertThat(aws.properties()).containsEntry("commit", "5f2c8a1e9b0d4c3a7e6f1b2d8c9a0e4f3b2c1d0a");
        assertThat(aws.cwes()).containsExactly("CWE-798");
        assertThat(byRule(report, "generic-api-key").location().path()).as("absolute path in the root")
                .isEqualTo("src/settings/dev.py");
        String json = new ReportJson().toJson(report);
        assertThat(json).doesNotContain("AKIAQWERTYUIOPASDF7Q").doesNotContain("zq8Lr2VtX0pW5nYb7KcJ3mHs9DfGa1Ue")
                .doesNotContain("dev.one@example.com");
    }

    @Test
    void shouldImportSemgrepResultsWithMetadataIgnoringPlaceholderFingerprintsAndMatchedLines() {
        // Given
        fixtures.copy("semgrep.json", "semgrep.json");

        // When
        Report report = fixtures.scan("semgrep:semgrep.json", NO_MERGE);

        // Then
        Finding shell = byRule(report, "python.lang.security.audit.subprocess-shell-true.subprocess-shell-true");
        assertThat(shell.severity()).isEqualTo(Severity.HIGH);
        assertThat(shell.cwes()).containsExactly("CWE-78");
        assertThat(shell.location()).isEqualTo(new Location("app/views.py", 12, 5, 12, 48, null));
        assertThat(shell.fingerprint()).as("'requires login' is no fingerprint: the engine's is used")
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(ImportContext.toolFingerprint("Semgrep", shell.ruleId(), "requires login"));
        assertThat(shell.tools()).containsExactly(new ToolInfo("Semgrep", "1.52.0"));
        Finding xss = byRule(report, "python.django.security.audit.xss.template-autoescape-off.template-autoescape-off");
        assertThat(xss.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(xss.confidence()).isEqualTo(Confidence.LOW);
        assertThat(xss.location().path()).isEqualTo("app/templates/profile.html");
        assertThat(xss.cwes()).containsExactly("CWE-79");
        assertThat(xss.fingerprint()).isEqualTo(ImportContext.toolFingerprint("Semgrep", xss.ruleId(), "c0ffee1234abcd"));
        Finding key = byRule(report, "generic.secrets.security.detected-private-key.detected-private-key");
        assertThat(key.severity()).isEqualTo(Severity.LOW);
        assertThat(key.properties()).containsEntry("kind", "secret");
        assertThat(key.isSuppressed()).isTrue();
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("Syntax error at line app/legacy.py:1"));
        assertThat(new ReportJson().toJson(report)).doesNotContain("BEGIN RSA PRIVATE KEY");
    }

    @Test
    void shouldImportBanditWithConfidenceCweAndVersionFromTheDocumentationLinks() {
        // Given
        fixtures.copy("bandit.json", "bandit.json");

        // When
        Report report = fixtures.scan("auto:bandit.json", NO_MERGE);

        // Then
        Finding shell = byRule(report, "B602");
        assertThat(shell.severity()).isEqualTo(Severity.HIGH);
        assertThat(shell.location()).isEqualTo(new Location("app/views.py", 12, 5, 12, 47, null));
        assertThat(shell.cwes()).containsExactly("CWE-78");
        assertThat(shell.tools()).containsExactly(new ToolInfo("Bandit", "1.7.5"));
        Finding password = byRule(report, "B105");
        assertThat(password.severity()).isEqualTo(Severity.LOW);
        assertThat(password.confidence()).isEqualTo(Confidence.MEDIUM);
        Finding yaml = byRule(report, "B506");
        assertThat(yaml.location()).isEqualTo(new Location("app/loader.py", 44, 12, 45, 29, null));
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("./app/broken.py"));
        assertThat(new ReportJson().toJson(report)).doesNotContain("hunter2");
    }

    @Test
    void shouldImportNpmAuditAdvisoriesButNotTheTransitivePointers() {
        // Given
        fixtures.copy("npm-audit.json", "audit.json");

        // When
        Report report = fixtures.scan("auto:audit.json", NO_MERGE);

        // Then mkdirp's "via": ["minimist"] is no finding of its own
        assertThat(report.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder(
                "GHSA-35jh-r3h4-6jhm", "GHSA-29mw-wpgm-hmr9", "GHSA-xvch-5gv4-984h");
        Finding command = byRule(report, "GHSA-35jh-r3h4-6jhm");
        assertThat(command.severity()).isEqualTo(Severity.HIGH);
        assertThat(command.fixedVersion()).isEqualTo("4.17.21");
        assertThat(command.component().direct()).isTrue();
        assertThat(command.component().purl()).isEqualTo("pkg:npm/lodash");
        assertThat(command.cwes()).containsExactly("CWE-77", "CWE-94");
        assertThat(byRule(report, "GHSA-29mw-wpgm-hmr9").severity()).as("moderate").isEqualTo(Severity.MEDIUM);
        Finding minimist = byRule(report, "GHSA-xvch-5gv4-984h");
        assertThat(minimist.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(minimist.fixedVersion()).as("the fix is an update of mkdirp").isNull();
        assertThat(minimist.remediation()).isEqualTo("Update mkdirp to 0.5.6");
        assertThat(minimist.properties()).containsEntry("nodes", "node_modules/mkdirp/node_modules/minimist");
    }

    @Test
    void shouldImportDependencyCheckJsonWithFixedVersionFromTheMatchedSoftwareAndSuppressions() {
        // Given
        fixtures.copy("dependency-check.json", "target/dependency-check-report.json");

        // When
        Report report = fixtures.scan("auto:target/*.json", NO_MERGE);

        // Then
        Finding text4shell = byRule(report, "CVE-2022-42889");
        assertThat(text4shell.severity()).as("from CVSS v3 9.8").isEqualTo(Severity.CRITICAL);
        assertThat(text4shell.fixedVersion()).isEqualTo("1.10.0");
        assertThat(text4shell.component().name()).isEqualTo("org.apache.commons:commons-text");
        assertThat(text4shell.component().version()).isEqualTo("1.9");
        assertThat(text4shell.component().ecosystem()).isEqualTo("Maven");
        assertThat(text4shell.location()).isEqualTo(Location.ofFile("lib/commons-text-1.9.jar"));
        assertThat(text4shell.cwes()).containsExactly("CWE-94");
        assertThat(text4shell.tools()).containsExactly(new ToolInfo("OWASP Dependency-Check", "9.0.9"));
        assertThat(byRule(report, "sonatype-2022-5401").isSuppressed()).isTrue();
        Finding minimist = byRule(report, "GHSA-xvch-5gv4-984h");
        assertThat(minimist.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(minimist.identifiers()).containsExactly("GHSA-xvch-5gv4-984h");
        assertThat(report.findings()).hasSize(3);
    }

    @Test
    void shouldImportDependencyCheckXmlLikeItsJson() {
        // Given
        fixtures.copy("dependency-check.xml", "target/dependency-check-report.xml");

        // When
        Report report = fixtures.scan("auto:target/*.xml", NO_MERGE);

        // Then
        assertThat(stage(report).errors()).isEmpty();
        Finding text4shell = byRule(report, "CVE-2022-42889");
        assertThat(text4shell.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(text4shell.fixedVersion()).as("only the matched entry counts").isEqualTo("1.10.0");
        assertThat(text4shell.component().name()).isEqualTo("org.apache.commons:commons-text");
        assertThat(text4shell.message()).contains("<${prefix:name}>");
        assertThat(byRule(report, "sonatype-2022-5401").isSuppressed()).isTrue();
        Finding log4shell = byRule(report, "CVE-2021-44228");
        assertThat(log4shell.cwes()).containsExactly("CWE-502", "CWE-400", "CWE-20");
        assertThat(log4shell.fixedVersion()).isEqualTo("2.15.0");
        assertThat(log4shell.location()).isEqualTo(Location.ofFile("lib/log4j-core-2.14.1.jar"));
    }

    @Test
    void shouldImportZapAlertsPerSiteDroppingFalsePositivesAndHtml() {
        // Given
        fixtures.copy("zap.json", "zap/report.json");

        // When
        Report report = fixtures.scan("zap:zap/*.json", NO_MERGE);

        // Then
        assertThat(report.findings()).extracting(Finding::ruleId, Finding::severity).containsExactlyInAnyOrder(
                tuple("zap-40012", Severity.HIGH), tuple("zap-10038-1", Severity.MEDIUM),
                tuple("zap-10096", Severity.INFO), tuple("zap-10038-1", Severity.MEDIUM));
        Finding xss = byRule(report, "zap-40012");
        assertThat(xss.cwes()).containsExactly("CWE-79");
        assertThat(xss.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(xss.message()).startsWith("Cross-site Scripting (XSS) is an attack technique").doesNotContain("<p>")
                .contains("user's browser");
        assertThat(xss.properties()).containsEntry("param", "q").containsEntry("site", "http://shop.internal:8080")
                .containsEntry("wasc", "WASC-8");
        assertThat(xss.tools()).containsExactly(new ToolInfo("OWASP ZAP", "2.14.0"));
        assertThat(report.findings().stream().filter(f -> f.ruleId().equals("zap-10038-1")).map(Finding::fingerprint)
                .distinct()).as("one finding per site").hasSize(2);
        assertThat(new ReportJson().toJson(report)).doesNotContain("scrIpt");
    }

    @Test
    void shouldImportOlderZapReportsWithASingleSiteObject() {
        // Given ZAP 2.9-style output: no @programName, "site" an object
        fixtures.write("zap.json", """
                {"@version": "2.9.0", "@generated": "Mon, 2 Nov 2020 10:00:00",
                 "site": {"@name": "http://legacy.internal", "@host": "legacy.internal", "@port": "80", "@ssl": "false",
                   "alerts": [{"pluginid": "10021", "alert": "X-Content-Type-Options Header Missing", "name": "X-Content-Type-Options Header Missing",
                     "riskcode": "1", "confidence": "2", "riskdesc": "Low (Medium)", "desc": "<p>The Anti-MIME-Sniffing header is not set.</p>",
                     "instances": [{"uri": "http://legacy.internal/", "method": "GET", "param": "X-Content-Type-Options"}],
                     "count": "1", "solution": "<p>Set it.</p>", "cweid": "16", "wascid": "15", "sourceid": "3"}]}}
                """);

        // When
        Report report = fixtures.scan("auto:zap.json", NO_MERGE);

        // Then
        Finding header = byRule(report, "zap-10021");
        assertThat(header.severity()).isEqualTo(Severity.LOW);
        assertThat(header.properties()).containsEntry("site", "http://legacy.internal");
        assertThat(header.tools()).containsExactly(new ToolInfo("ZAP", "2.9.0"));
    }

    @Test
    void shouldImportCheckovFailedChecksOfEveryFrameworkIncludingScaPackages() {
        // Given
        fixtures.copy("checkov.json", "checkov/results_json.json");

        // When
        Report report = fixtures.scan("auto:checkov/*.json", NO_MERGE);

        // Then
        assertThat(report.findings()).extracting(Finding::ruleId, Finding::severity).containsExactlyInAnyOrder(
                tuple("CKV_AWS_20", Severity.MEDIUM), tuple("CKV_AWS_145", Severity.HIGH),
                tuple("CKV_DOCKER_3", Severity.LOW), tuple("CVE-2021-23337", Severity.HIGH));
        Finding acl = byRule(report, "CKV_AWS_20");
        assertThat(acl.location()).isEqualTo(new Location("infra/main.tf", 1, 0, 12, 0, null));
        assertThat(acl.properties()).containsEntry("resource", "aws_s3_bucket.data");
        assertThat(acl.tools()).containsExactly(new ToolInfo("Checkov", "3.1.38"));
        assertThat(byRule(report, "CKV_AWS_145").location().path()).as("other checkout: repo path")
                .isEqualTo("infra/main.tf");
        Finding sca = byRule(report, "CVE-2021-23337");
        assertThat(sca.component().name()).isEqualTo("lodash");
        assertThat(sca.fixedVersion()).isEqualTo("4.17.21");
        assertThat(sca.identifiers()).containsExactly("CVE-2021-23337");
    }

    @Test
    void shouldAcceptEmptyReportsOfEveryToolAsNoFindings() {
        // Given the output of each tool when it finds nothing
        fixtures.write("empty/checkov.json", "{\"passed\": 0, \"failed\": 0, \"skipped\": 0, \"parsing_errors\": 0, "
                + "\"resource_count\": 0, \"checkov_version\": \"3.2.1\"}");
        fixtures.write("empty/gitleaks.json", "[]");
        fixtures.write("empty/trivy.json", "{\"SchemaVersion\": 2, \"ArtifactName\": \".\", \"ArtifactType\": \"filesystem\"}");
        fixtures.write("empty/semgrep.json", "{\"results\": [], \"errors\": [], \"paths\": {\"scanned\": []}, \"version\": \"1.52.0\"}");
        fixtures.write("empty/bandit.json", "{\"errors\": [], \"generated_at\": \"2026-11-20T09:30:11Z\", \"metrics\": {}, \"results\": []}");
        fixtures.write("empty/npm.json", "{\"auditReportVersion\": 2, \"vulnerabilities\": {}, \"metadata\": {}}");
        fixtures.write("empty/grype.json", "{\"matches\": [], \"source\": {\"type\": \"directory\", \"target\": \".\"}, "
                + "\"descriptor\": {\"name\": \"grype\", \"version\": \"0.74.1\"}}");
        fixtures.write("empty/zap.json", "{\"@programName\": \"ZAP\", \"@version\": \"2.14.0\", \"site\": []}");
        fixtures.write("empty/run.sarif", "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"X\"}}, \"results\": []}]}");
        fixtures.write("empty/spotbugs.xml", "<BugCollection version=\"4.8.3\"><Project/></BugCollection>");
        fixtures.write("empty/dc.json", "{\"reportSchema\": \"1.1\", \"scanInfo\": {\"engineVersion\": \"9.0.9\"}, \"dependencies\": []}");

        // When
        Report report = fixtures.scan("checkov:empty/checkov.json;gitleaks:empty/gitleaks.json;trivy:empty/trivy.json;"
                + "semgrep:empty/semgrep.json;bandit:empty/bandit.json;npm-audit:empty/npm.json;grype:empty/grype.json;"
                + "zap:empty/zap.json;sarif:empty/run.sarif;spotbugs:empty/spotbugs.xml;dependency-check:empty/dc.json");

        // Then
        assertThat(stage(report).errors()).isEmpty();
        assertThat(stage(report).properties()).containsEntry("reports", "11");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void shouldImportSpotBugsSecurityBugsWithSourcePathsResolvedAgainstTheSourceDirectories() {
        // Given the sources SpotBugs names relative to its SrcDir
        fixtures.write("src/main/java/com/example/shop/UserDao.java", "class UserDao {}\n");
        fixtures.write("src/main/java/com/example/shop/TokenFactory.java", "class TokenFactory {}\n");
        fixtures.copy("spotbugs.xml", "target/spotbugsXml.xml");

        // When
        Report report = fixtures.scan("spotbugs:target/spotbugsXml.xml", NO_MERGE);

        // Then the I18N bug is left out
        assertThat(report.findings()).extracting(Finding::ruleId, Finding::severity).containsExactlyInAnyOrder(
                tuple("SQL_INJECTION_JDBC", Severity.HIGH), tuple("PREDICTABLE_RANDOM", Severity.MEDIUM),
                tuple("XXE_DOCUMENT", Severity.LOW));
        Finding sql = byRule(report, "SQL_INJECTION_JDBC");
        assertThat(sql.location()).isEqualTo(new Location("src/main/java/com/example/shop/UserDao.java", 34, 0, 34, 0, null));
        assertThat(sql.cwes()).containsExactly("CWE-89");
        assertThat(sql.tools()).containsExactly(new ToolInfo("SpotBugs", "4.8.3"));
        Finding random = byRule(report, "PREDICTABLE_RANDOM");
        assertThat(random.cwes()).as("from the bug pattern").containsExactly("CWE-330");
        assertThat(random.location().path()).isEqualTo("src/main/java/com/example/shop/TokenFactory.java");
        assertThat(random.remediation()).contains("java.security.SecureRandom").doesNotContain("<code>");
        Finding xxe = byRule(report, "XXE_DOCUMENT");
        assertThat(xxe.location()).as("source not found: kept as SpotBugs names it")
                .isEqualTo(new Location("com/example/legacy/Importer.java", 22, 0, 22, 0, null));
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("1 SpotBugs bugs outside the security categories"));
    }
}
