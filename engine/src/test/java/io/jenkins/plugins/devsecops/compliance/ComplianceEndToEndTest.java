package io.jenkins.plugins.devsecops.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.dependencies.OsvFixtures;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.history.HistoryComparator;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.GateSpec;
import io.jenkins.plugins.devsecops.policy.PolicyCheck;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluator;
import io.jenkins.plugins.devsecops.policy.PolicyYaml;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.report.HtmlReportWriter;
import io.jenkins.plugins.devsecops.report.SarifReportWriter;
import io.jenkins.plugins.devsecops.report.SarifSchemaValidator;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project with a committed AWS key, a Terraform security group open to the internet, an npm lockfile and a pom
 * with known-vulnerable packages, and a Go module whose advisory carries no CWE: scanned by the real secrets, iac
 * and dependencies stages (offline OSV records), then mapped, exported, rendered and gated.
 */
class ComplianceEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    static Report report;

    @BeforeAll
    static void scan() throws Exception {
        Path project = temp.resolve("project");
        write(project, "=cmd.env", "aws_access_key_id = AKIA7KLFYYLBEG3RHDSV\n");
        write(project, "infra/main.tf", """
                resource "aws_security_group" "admin" {
                  name = "admin"
                  ingress {
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """);
        write(project, "web/package.json", "{ \"name\": \"web\", \"dependencies\": { \"lodash\": \"4.17.20\" } }\n");
        write(project, "web/package-lock.json", """
                {
                  "name": "web",
                  "lockfileVersion": 3,
                  "packages": {
                    "": { "name": "web", "dependencies": { "lodash": "4.17.20" } },
                    "node_modules/lodash": { "version": "4.17.20" }
                  }
                }
                """);
        write(project, "service/pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>service</artifactId>
                  <version>1.0.0</version>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.logging.log4j</groupId>
                      <artifactId>log4j-core</artifactId>
                      <version>2.14.1</version>
                    </dependency>
                  </dependencies>
                </project>
                """);
        write(project, "tool/go.mod", "module example.com/tool\n\ngo 1.20\n\nrequire github.com/gin-gonic/gin v1.5.0\n");
        Path osv = temp.resolve("osv");
        for (Map.Entry<String, String> entry : OsvFixtures.all().entrySet()) {
            write(osv, entry.getKey() + ".json", entry.getValue());
        }
        report = ScanEngine.withBuiltInStages().scan(ScanRequest.builder(project)
                .stages(List.of("secrets", "iac", "dependencies")).threads(2)
                .option("dependencies.osvDir", osv.toString())
                .option("dependencies.indexDir", temp.resolve("index").toString())
                .option("dependencies.maxAdvisoryAgeDays", "100000").build(), ProgressListener.NONE);
    }

    private static void write(Path base, String path, String content) throws Exception {
        Path file = base.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Finding only(String ruleId) {
        return report.activeFindings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow(
                () -> new AssertionError(ruleId + " not found in " + report.findings().stream()
                        .map(Finding::ruleId).toList()));
    }

    @Test
    void shouldMapRealFindingsOfEveryStageToTheirRequirements() {
        ComplianceCatalog catalog = ComplianceCatalog.builtIn();
        assertThat(catalog.matches(only("aws-access-key-id"))).extracting(ComplianceMatch::reference)
                .containsExactly("OWASP-TOP10-2021:A07", "CWE-TOP25-2024:CWE-798", "PCI-DSS-4.0:8.3.2",
                        "PCI-DSS-4.0:8.6.2", "HIPAA-164.312:164.312(d)");
        assertThat(catalog.matches(only("aws-sg-open-ssh"))).extracting(m -> m.reference() + " <- " + m.basis())
                .containsExactly("OWASP-TOP10-2021:A01 <- CWE-284", "PCI-DSS-4.0:1.4.2 <- rule aws-sg-open-ssh",
                        "PCI-DSS-4.0:2.2.6 <- stage iac", "PCI-DSS-4.0:7.2.1 <- CWE-284",
                        "HIPAA-164.312:164.312(a) <- CWE-284");
        // lodash: command and code injection inside a third-party package
        assertThat(catalog.matches(only("CVE-2021-23337"))).extracting(ComplianceMatch::reference)
                .containsExactly("OWASP-TOP10-2021:A03", "OWASP-TOP10-2021:A06", "CWE-TOP25-2024:CWE-94",
                        "CWE-TOP25-2024:CWE-77", "PCI-DSS-4.0:6.3.1", "PCI-DSS-4.0:6.3.3",
                        "HIPAA-164.312:164.312(c)");
        // gin's Go advisory has no CWE: it bears on requirements by its stage only
        Finding gin = only("CVE-2020-36567");
        assertThat(gin.cwes()).isEmpty();
        assertThat(catalog.matches(gin)).extracting(ComplianceMatch::reference).containsExactly(
                "OWASP-TOP10-2021:A06", "PCI-DSS-4.0:6.3.1", "PCI-DSS-4.0:6.3.3");
    }

    @Test
    void shouldBuildTheViewWithStatusCountsAndUnmappedFindings() {
        ComplianceView view = ComplianceView.of(report);
        assertThat(view.openFindings()).isEqualTo(report.activeFindings().size());
        assertThat(view.withoutCwe()).isEqualTo(1);
        FrameworkView pci = view.framework("PCI-DSS-4.0").orElseThrow();
        RequirementView patches = pci.requirements().stream().filter(r -> r.id().equals("6.3.3")).findFirst()
                .orElseThrow();
        assertThat(patches.status()).isEqualTo(ComplianceStatus.ATTENTION);
        assertThat(patches.findings()).extracting(ComplianceFindingRow::ruleId)
                .containsExactlyInAnyOrder("CVE-2021-44228", "CVE-2021-23337", "CVE-2020-36567");
        assertThat(patches.findings().get(0).ruleId()).as("most severe first").isEqualTo("CVE-2021-44228");
        RequirementView ownCode = pci.requirements().stream().filter(r -> r.id().equals("6.2.4")).findFirst()
                .orElseThrow();
        assertThat(ownCode.status()).isEqualTo(ComplianceStatus.PASS);
        assertThat(pci.unmapped()).isEmpty();
        FrameworkView top25 = view.framework("CWE-TOP25-2024").orElseThrow();
        assertThat(top25.unmapped()).extracting(r -> r.ruleId() + ": " + r.basis()).contains(
                "CVE-2020-36567: no CWE", "aws-sg-open-ssh: CWE-284 not in this framework");
        assertThat(top25.attentionCount() + top25.passCount()).isEqualTo(25);
    }

    @Test
    void shouldExportEveryRowAsCsvWithFormulasNeutralised() {
        String csv = ComplianceCsv.toCsv(ComplianceView.of(report));
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("\"framework\",\"requirement\",\"requirement_title\",\"status\",\"severity\","
                + "\"stage\",\"rule\",\"title\",\"location\",\"cwes\",\"basis\",\"fingerprint\"");
        Finding secret = only("aws-access-key-id");
        // The secret sits in a file named "=cmd.env": its location cell must not start a formula
        assertThat(secret.location().path()).isEqualTo("=cmd.env");
        assertThat(lines).contains("\"PCI-DSS-4.0\",\"8.6.2\",\"Passwords/passphrases of application and system "
                + "accounts are not hard coded in scripts, configuration files or source code\",\"ATTENTION\","
                + "\"CRITICAL\",\"secrets\",\"aws-access-key-id\",\"" + secret.title() + "\",\"'=cmd.env:1\","
                + "\"CWE-798\",\"CWE-798, stage secrets\",\"" + secret.fingerprint() + "\"");
        assertThat(lines).contains("\"PCI-DSS-4.0\",\"6.2.4\",\"Software engineering techniques prevent or mitigate "
                + "common software attacks in bespoke and custom software\",\"PASS\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"");
        assertThat(lines).anyMatch(l -> l.startsWith("\"CWE-TOP25-2024\",\"(unmapped)\",\"\",\"\",\"MEDIUM\","
                + "\"dependencies\",\"CVE-2020-36567\"") && l.contains("\"no CWE\""));
        assertThat(lines).noneMatch(l -> l.contains(",\"=") || l.contains(",\"+") || l.contains(",\"@"));
        assertThat(csv).doesNotContain("AKIA7KLFYYLBEG3RHDSV");
        // Every row has the header's column count
        assertThat(lines).allSatisfy(l -> assertThat(l.split("\",\"", -1)).hasSize(ComplianceCsv.COLUMNS.size()));
    }

    @Test
    void shouldNeutraliseEveryFormulaPrefixAndQuoteQuotes() {
        assertThat(ComplianceCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ComplianceCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(ComplianceCsv.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(ComplianceCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ComplianceCsv.cell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(ComplianceCsv.cell("a,b\nc")).isEqualTo("\"a,b\nc\"");
        assertThat(ComplianceCsv.cell(null)).isEqualTo("\"\"");
    }

    @Test
    void shouldRenderTheSectionInTheHtmlReportEscapedAndWithoutScripts() {
        String page = new HtmlReportWriter().render(report);
        assertThat(page).contains("<section class=\"card\" id=\"section-compliance\">", ComplianceView.STATEMENT
                .replace("'", "&#39;"), "id=\"compliance-PCI-DSS-4.0\"", "<b>8.6.2</b>",
                "Source: <code>https://owasp.org/Top10/</code>");
        String section = page.substring(page.indexOf("id=\"section-compliance\""),
                page.indexOf("id=\"findings-card\""));
        assertThat(section).doesNotContain("<script", "AKIA7KLFYYLBEG3RHDSV").contains("=cmd.env:1")
                .doesNotContainPattern("\\son[a-z]+\\s*=");
        // The page's policy still allows exactly its own scripts: the section added none
        assertThat(page.split("<script>", -1)).hasSize(2);
    }

    @Test
    void shouldCarryTheMappingAsSchemaValidSarifTaxonomies() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter().write(report, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(SarifSchemaValidator.validate(text)).isEmpty();
        JsonNode run = JSON.readTree(text).path("runs").path(0);
        List<String> taxonomies = new ArrayList<>();
        run.path("taxonomies").forEach(t -> taxonomies.add(t.path("name").asText()));
        assertThat(taxonomies).containsExactlyInAnyOrder("OWASP-TOP10-2021", "CWE-TOP25-2024", "PCI-DSS-4.0",
                "HIPAA-164.312");
        assertThat(run.path("tool").path("driver").path("supportedTaxonomies")).hasSize(4);
        // Every reference of every rule and result points at the taxon it names
        int references = 0;
        for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
            for (JsonNode relationship : rule.path("relationships")) {
                references += checkReference(run, relationship.path("target"));
                assertThat(relationship.path("description").path("text").asText()).isNotBlank();
            }
        }
        for (JsonNode result : run.path("results")) {
            for (JsonNode taxon : result.path("taxa")) {
                references += checkReference(run, taxon);
            }
        }
        assertThat(references).isGreaterThan(10);
        JsonNode secretResult = null;
        for (JsonNode result : run.path("results")) {
            if (result.path("ruleId").asText().equals("aws-access-key-id")) {
                secretResult = result;
            }
        }
        assertThat(secretResult).isNotNull();
        // The mapping is written once, on the rule: the result of a rule whose findings all bear on the same
        // requirements carries no taxa of its own
        assertThat(secretResult.has("taxa")).isFalse();
        JsonNode rule = run.path("tool").path("driver").path("rules").path(secretResult.path("ruleIndex").asInt());
        List<String> ids = new ArrayList<>();
        rule.path("relationships").forEach(r -> ids.add(r.path("target").path("toolComponent").path("name").asText()
                + ":" + r.path("target").path("id").asText()));
        assertThat(ids).contains("PCI-DSS-4.0:8.6.2", "OWASP-TOP10-2021:A07");
        // kinds ["relevant"] is SARIF's default, so the writer leaves it out
        assertThat(rule.path("relationships").path(0).path("target").path("toolComponent").path("name").asText())
                .isEqualTo("OWASP-TOP10-2021");
        assertThat(rule.path("relationships").path(0).path("target").path("id").asText()).isEqualTo("A07");
        assertThat(rule.path("relationships").path(0).path("description").path("text").asText())
                .contains("CWE-798");
    }

    private static int checkReference(JsonNode run, JsonNode reference) {
        JsonNode taxonomy = run.path("taxonomies").path(reference.path("toolComponent").path("index").asInt());
        assertThat(taxonomy.path("name").asText()).isEqualTo(reference.path("toolComponent").path("name").asText());
        assertThat(taxonomy.path("taxa").path(reference.path("index").asInt()).path("id").asText())
                .isEqualTo(reference.path("id").asText());
        return 1;
    }

    @Test
    void shouldGateOnAFrameworkRequirement() throws Exception {
        SecurityPolicy policy = PolicyYaml.parse("""
                version: 1
                gates:
                  - id: pci-patches
                    compliance: 'PCI-DSS-4.0:6.3.3'
                    result: UNSTABLE
                  - id: pci-own-code
                    compliance: ['pci-dss-4.0:6.2.4']
                    result: FAILURE
                  - id: hipaa-any
                    compliance: HIPAA-164.312
                    severity: CRITICAL
                    result: FAILURE
                """, "devsecops-policy.yaml");
        PolicyEvaluation evaluation = PolicyEvaluator.evaluate(policy,
                HistoryComparator.compare(report, null, new BuildRef("1", Instant.now())), Instant.now(), List.of());
        assertThat(evaluation.gates()).extracting(g -> g.gate().id() + "=" + g.actual()).containsExactly(
                "pci-patches=3", "pci-own-code=0", "hipaa-any=" + report.activeFindings().stream()
                        .filter(f -> f.severity() == io.jenkins.plugins.devsecops.model.Severity.CRITICAL)
                        .filter(f -> ComplianceCatalog.builtIn().selects(f, "HIPAA-164.312")).count());
        GateOutcome patches = evaluation.gates().get(0);
        assertThat(patches.gate().selector().compliance()).containsExactly("PCI-DSS-4.0:6.3.3");
        assertThat(patches.gate().selector().describe()).isEqualTo("compliance in [PCI-DSS-4.0:6.3.3]");
        assertThat(evaluation.gates().get(1).gate().selector().compliance()).containsExactly("PCI-DSS-4.0:6.2.4");
        // The builder form (Jenkins step and global configuration) reads the same selector
        assertThat(new GateSpec("pci", "", "", "", "", false, false, false, "TOTAL", 1, "UNSTABLE",
                "PCI-DSS-4.0:6.3.3").toGate().selector()).isEqualTo(patches.gate().selector());
    }

    @Test
    void shouldRefuseAnUnknownFrameworkOrRequirementNamingIt() {
        assertThatThrownBy(() -> PolicyYaml.parse("""
                version: 1
                gates:
                  - id: typo
                    compliance: 'PCI-DSS-4.0:6.2.9'
                    result: FAILURE
                """, "devsecops-policy.yaml")).isInstanceOf(YamlInputException.class)
                .hasMessageContaining("Unknown requirement '6.2.9' of PCI-DSS-4.0");
        assertThatThrownBy(() -> new GateSpec("g", "", "", "", "", false, false, false, "TOTAL", 1, "FAILURE",
                "SOX:404").toGate()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Gate 'g': compliance: Unknown compliance framework 'SOX' in 'SOX:404': expected one of "
                        + "[OWASP-TOP10-2021, CWE-TOP25-2024, PCI-DSS-4.0, HIPAA-164.312]");
        List<YamlInputException> problems = PolicyCheck.check("""
                version: 1
                gates:
                  - id: typo
                    compliance: [PCI-DSS-4.0:6.3.3, 'OWASP-TOP10-2021:A11']
                    result: FAILURE
                """, "devsecops-policy.yaml");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.getMessage()).contains("Unknown requirement 'A11' of OWASP-TOP10-2021")
                    .contains("gates[0].compliance");
        });
    }
}
