package io.jenkins.plugins.devsecops.imports;

import static io.jenkins.plugins.devsecops.imports.ImportFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings of several tools about the same problem become one finding listing every tool. */
class ImportMergeTest {

    @TempDir
    Path root;

    private Report importEverything() {
        ImportFixtures fixtures = new ImportFixtures(root);
        fixtures.copy("trivy-fs.json", "reports/trivy.json");
        fixtures.copy("grype.json", "reports/grype.json");
        fixtures.copy("npm-audit.json", "reports/npm-audit.json");
        fixtures.copy("checkov.json", "reports/checkov.json");
        fixtures.copy("dependency-check.json", "reports/dependency-check.json");
        fixtures.copy("semgrep.json", "reports/semgrep.json");
        fixtures.copy("bandit.json", "reports/bandit.json");
        fixtures.copy("gitleaks.json", "reports/gitleaks.json");
        fixtures.copy("codeql-and-semgrep.sarif", "reports/code.sarif");
        return fixtures.scan("auto:reports/*.json;sarif:reports/*.sarif");
    }

    private static List<Finding> withTool(Report report, String toolName) {
        return report.findings().stream().filter(f -> f.tools().stream().anyMatch(t -> t.name().equals(toolName))).toList();
    }

    @Test
    void shouldMergeOneAdvisoryOnOnePackageReportedByFourTools() {
        // When
        Report report = importEverything();

        // Then lodash's command injection is one finding: Trivy and Checkov say CVE, Grype says GHSA and CVE,
        // npm audit says GHSA without a version
        assertThat(stage(report).errors()).isEmpty();
        List<Finding> lodash = report.findings().stream()
                .filter(f -> f.identifiers().contains("CVE-2021-23337") || f.identifiers().contains("GHSA-35jh-r3h4-6jhm"))
                .toList();
        assertThat(lodash).hasSize(1);
        Finding merged = lodash.get(0);
        assertThat(merged.tools()).extracting(ToolInfo::name)
                .containsExactlyInAnyOrder("Trivy", "Grype", "Checkov", "npm audit");
        assertThat(merged.identifiers()).containsExactlyInAnyOrder("CVE-2021-23337", "GHSA-35jh-r3h4-6jhm");
        assertThat(merged.severity()).isEqualTo(Severity.HIGH);
        assertThat(merged.component().version()).isEqualTo("4.17.20");
        assertThat(merged.fixedVersion()).isEqualTo("4.17.21");
        assertThat(merged.cwes()).contains("CWE-94", "CWE-77");
        assertThat(merged.properties().get("alsoReportedAs")).contains("npm audit:GHSA-35jh-r3h4-6jhm");
        assertThat(stage(report).properties()).containsEntry("reports", "9");
    }

    @Test
    void shouldMergeTheSameWeaknessAtTheSameLineAcrossSastTools() {
        // When
        Report report = importEverything();

        // Then Semgrep (JSON and SARIF) and Bandit agree on CWE-78 at app/views.py:12
        List<Finding> shell = report.findings().stream().filter(f -> f.location() != null
                && f.location().path().equals("app/views.py") && f.location().startLine() == 12).toList();
        assertThat(shell).hasSize(1);
        assertThat(shell.get(0).tools()).extracting(ToolInfo::name)
                .containsExactlyInAnyOrder("Semgrep", "Semgrep OSS", "Bandit");
        assertThat(shell.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(shell.get(0).cwes()).containsExactly("CWE-78");
    }

    @Test
    void shouldMergeSecretsAtTheSameLineKeepingTheHighestSeverity() {
        // When
        Report report = importEverything();

        // Then Gitleaks (HIGH) and Trivy (CRITICAL) found the same key
        List<Finding> aws = report.findings().stream().filter(f -> f.location() != null
                && f.location().path().equals("config/aws.env")).toList();
        assertThat(aws).hasSize(1);
        assertThat(aws.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(aws.get(0).tools()).extracting(ToolInfo::name).containsExactlyInAnyOrder("Trivy", "Gitleaks");
        assertThat(withTool(report, "Gitleaks")).hasSize(2);
        assertThat(stage(report).properties()).containsKey("merged");
    }

    @Test
    void shouldMergeEquivalentConfigurationChecksOfDifferentToolsOnTheSameFile() {
        // When
        Report report = importEverything();

        // Then Trivy DS002 and Checkov CKV_DOCKER_3 both say the Dockerfile's container runs as root
        List<Finding> dockerfile = report.findings().stream().filter(f -> f.location() != null
                && f.location().path().equals("Dockerfile")).toList();
        assertThat(dockerfile).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DS002");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.tools()).extracting(ToolInfo::name).containsExactlyInAnyOrder("Trivy", "Checkov");
            assertThat(f.properties()).containsEntry("alsoReportedAs", "Checkov:CKV_DOCKER_3");
        });
    }

    private static Finding dependency(String tool, String version, String id, Severity severity) {
        return Finding.builder().stage("imports").ruleId(id).title(id).severity(severity)
                .component(Component.of(null, "org.apache.commons:commons-text", version, "Maven"))
                .identifier(id).tool(new ToolInfo(tool, "1")).location(Location.ofFile("pom.xml")).build();
    }

    @Test
    void shouldKeepDifferentInstalledVersionsApartAndNotGuessForAVersionlessReport() {
        // Given two versions of one package with one advisory, and a report that names no version
        List<Finding> findings = List.of(
                dependency("Trivy", "1.9", "CVE-2022-42889", Severity.CRITICAL),
                dependency("Grype", "1.8", "CVE-2022-42889", Severity.HIGH),
                dependency("npm audit", null, "CVE-2022-42889", Severity.HIGH));

        // When
        List<Finding> merged = FindingMerger.merge(findings);

        // Then nothing merges: the versionless one could be either
        assertThat(merged).hasSize(3);
    }

    @Test
    void shouldMergeDeterministicallyWhateverTheInputOrder() {
        // Given
        List<Finding> findings = new ArrayList<>(List.of(
                dependency("Trivy", "1.9", "CVE-2022-42889", Severity.HIGH),
                dependency("Dependency-Check", "1.9", "CVE-2022-42889", Severity.CRITICAL),
                dependency("Grype", "1.9", "GHSA-599f-7c49-w659", Severity.HIGH).toBuilder()
                        .identifier("CVE-2022-42889").build(),
                dependency("Trivy", "1.9", "CVE-2020-0001", Severity.LOW)));

        // When merged in two orders
        List<Finding> first = FindingMerger.merge(findings);
        Collections.reverse(findings);
        List<Finding> second = FindingMerger.merge(findings);

        // Then
        assertThat(first).isEqualTo(second).hasSize(2);
        Finding text4shell = first.stream().filter(f -> f.identifiers().contains("CVE-2022-42889")).findFirst().orElseThrow();
        assertThat(text4shell.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(text4shell.tools()).extracting(ToolInfo::name).containsExactly("Dependency-Check", "Grype", "Trivy");
        assertThat(text4shell.identifiers()).containsExactlyInAnyOrder("CVE-2022-42889", "GHSA-599f-7c49-w659");
    }

    @Test
    void shouldReadThePackageFromTrivySarifMessagesAndMergeWithGrype() {
        // Given Trivy's SARIF output for lodash, which names the package only in the message text
        ImportFixtures fixtures = new ImportFixtures(root);
        fixtures.copy("grype.json", "reports/grype.json");
        fixtures.write("reports/trivy.sarif", """
                {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                 "runs": [{"tool": {"driver": {"name": "Trivy", "version": "0.57.1", "fullName": "Trivy Vulnerability Scanner",
                   "rules": [{"id": "CVE-2021-23337", "name": "LanguageSpecificPackageVulnerability",
                     "shortDescription": {"text": "nodejs-lodash: command injection via template"},
                     "defaultConfiguration": {"level": "error"},
                     "properties": {"precision": "very-high", "security-severity": "7.2", "tags": ["vulnerability", "security", "HIGH"]}}]}},
                   "results": [{"ruleId": "CVE-2021-23337", "ruleIndex": 0, "level": "error",
                     "message": {"text": "Package: lodash\\nInstalled Version: 4.17.20\\nVulnerability CVE-2021-23337\\nSeverity: HIGH\\nFixed Version: 4.17.21\\nLink: [CVE-2021-23337](https://avd.aquasec.com/nvd/cve-2021-23337)"},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "package-lock.json", "uriBaseId": "ROOTPATH"},
                       "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}}}]}],
                   "originalUriBaseIds": {"ROOTPATH": {"uri": "file:///"}}}]}
                """);

        // When
        Report report = fixtures.scan("auto:reports/*");

        // Then
        Finding merged = report.findings().stream().filter(f -> f.identifiers().contains("CVE-2021-23337"))
                .findFirst().orElseThrow();
        assertThat(stage(report).errors()).isEmpty();
        assertThat(merged.tools()).extracting(ToolInfo::name).containsExactlyInAnyOrder("Trivy", "Grype");
        assertThat(merged.component().version()).isEqualTo("4.17.20");
        assertThat(merged.fixedVersion()).isEqualTo("4.17.21");
        assertThat(report.findings()).filteredOn(f -> f.identifiers().contains("CVE-2021-23337")).hasSize(1);
    }

    @Test
    void shouldTreatEveryResultOfASecretScannersSarifAsASecretAndMergeItWithTheNativeReport() {
        // Given Gitleaks' own JSON and Gitleaks' SARIF (rule names that do not say "secret", snippet holding it)
        ImportFixtures fixtures = new ImportFixtures(root);
        fixtures.copy("gitleaks.json", "reports/gitleaks.json");
        fixtures.write("reports/gitleaks.sarif", """
                {"$schema": "https://schemastore.azurewebsites.net/schemas/json/sarif-2.1.0-rtm.5.json", "version": "2.1.0",
                 "runs": [{"tool": {"driver": {"name": "gitleaks", "semanticVersion": "v8.18.2",
                   "rules": [{"id": "aws-access-token", "name": "AWS", "shortDescription": {"text": "AWS"}}]}},
                   "results": [{"message": {"text": "aws-access-token has detected secret for file config/aws.env at commit 5f2c8a1."},
                     "ruleId": "aws-access-token",
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "config/aws.env"},
                       "region": {"startLine": 2, "startColumn": 19, "endLine": 2, "endColumn": 38,
                         "snippet": {"text": "AKIAQWERTYUIOPASDF7Q"}}}}],
                     "partialFingerprints": {"commitSha": "5f2c8a1", "email": "dev.one@example.com"}}]}]}
                """);

        // When
        Report report = fixtures.scan("auto:reports/*");

        // Then
        List<Finding> aws = report.findings().stream().filter(f -> f.location().path().equals("config/aws.env")).toList();
        assertThat(aws).singleElement().satisfies(f -> {
            assertThat(f.properties()).containsEntry("kind", "secret");
            assertThat(f.tools()).extracting(ToolInfo::name).containsExactlyInAnyOrder("Gitleaks", "gitleaks");
        });
        assertThat(new io.jenkins.plugins.devsecops.model.ReportJson().toJson(report))
                .doesNotContain("AKIAQWERTYUIOPASDF7Q").doesNotContain("dev.one@example.com");
    }

    @Test
    void shouldGiveAVulnerablePackageTheSameFingerprintWhicheverToolsReportIt() {
        // Given Trivy alone, then Trivy with Grype and npm audit
        ImportFixtures fixtures = new ImportFixtures(root);
        fixtures.copy("trivy-fs.json", "reports/trivy.json");
        Report trivyOnly = fixtures.scan("trivy:reports/trivy.json");
        fixtures.copy("grype.json", "reports/grype.json");
        fixtures.copy("npm-audit.json", "reports/npm-audit.json");

        // When
        Report all = fixtures.scan("auto:reports/*.json");

        // Then
        Finding before = trivyOnly.findings().stream().filter(f -> f.ruleId().equals("CVE-2021-23337")).findFirst().orElseThrow();
        Finding after = all.findings().stream().filter(f -> f.identifiers().contains("CVE-2021-23337")).findFirst().orElseThrow();
        assertThat(after.tools()).hasSize(3);
        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
    }

    @Test
    void shouldKeepEveryToolsFindingWhenMergingIsOff() {
        // Given
        ImportFixtures fixtures = new ImportFixtures(root);
        fixtures.copy("trivy-fs.json", "reports/trivy.json");
        fixtures.copy("grype.json", "reports/grype.json");

        // When
        Report report = fixtures.scan("auto:reports/*.json", java.util.Map.of("imports.merge", "false"));

        // Then
        assertThat(report.findings()).filteredOn(f -> f.identifiers().contains("CVE-2021-23337")).hasSize(2);
    }
}
