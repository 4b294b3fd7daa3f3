package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOLDEN = "golden/report.sarif";

    private final SarifReportWriter writer = new SarifReportWriter();

    static String sarif(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteALogTheOfficialSchemaAccepts() throws IOException {
        // Given a report with findings of every shape
        Report report = ReportFixtures.complete();

        // When it is written as SARIF
        String text = sarif(report);

        // Then the official SARIF 2.1.0 schema accepts it
        assertThat(SarifSchemaValidator.validate(text)).isEmpty();
        assertThat(JSON.readTree(text).path("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void shouldRejectAnInvalidLogSoTheSchemaCheckIsReal() {
        // Given SARIF logs with a wrong level, a missing message and a zero start line
        String badLevel = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"message\":{\"text\":\"m\"},\"level\":\"fatal\"}]}]}";
        String noMessage = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"ruleId\":\"r\"}]}]}";
        String zeroLine = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"message\":{\"text\":\"m\"},\"locations\":[{\"physicalLocation\":{"
                + "\"artifactLocation\":{\"uri\":\"a\"},\"region\":{\"startLine\":0}}}]}]}]}";

        // Then the validator reports each of them
        assertThat(SarifSchemaValidator.validate(badLevel)).isNotEmpty();
        assertThat(SarifSchemaValidator.validate(noMessage)).isNotEmpty();
        assertThat(SarifSchemaValidator.validate(zeroLine)).isNotEmpty();
    }

    @Test
    void shouldMatchTheGoldenFile() throws IOException {
        // Given the fixed report
        String text = sarif(ReportFixtures.complete());

        // When compared to the committed golden file (regenerate with -Dgolden.update=true)
        Path golden = Paths.get("src/test/resources/io/jenkins/plugins/devsecops/report/" + GOLDEN);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        String expected;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // Then it is the same, byte for byte (line ends aside)
        assertThat(text.replace("\r\n", "\n")).isEqualTo(expected.replace("\r\n", "\n"));
    }

    @Test
    void shouldDescribeEachRuleOnceWithHelpSeverityAndTags() throws IOException {
        // Given the fixed report
        JsonNode run = JSON.readTree(sarif(ReportFixtures.complete())).path("runs").path(0);

        // When reading our run's rules
        JsonNode rules = run.path("tool").path("driver").path("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.path("id").asText()));

        // Then every rule appears once, in order of first use, with texts, security-severity and tags
        assertThat(ids).containsExactly("aws-access-key-id", "GHSA-jfh8-c2jp-5v3q", "github-classic-pat",
                "GHSA-35jh-r3h4-6jhm", "generic-password", "dockerfile-latest-tag");
        JsonNode aws = rules.path(0);
        assertThat(aws.path("shortDescription").path("text").asText()).isEqualTo("AWS access key id");
        assertThat(aws.path("help").path("text").asText()).contains("Remediation: Revoke and rotate the key");
        assertThat(aws.path("help").path("markdown").asText()).contains("**Remediation:**")
                .contains("[CWE\\-798](https://cwe.mitre.org/data/definitions/798.html)");
        assertThat(aws.path("properties").path("security-severity").asText()).isEqualTo("9.5");
        assertThat(aws.path("properties").path("tags")).extracting(JsonNode::asText)
                .containsExactly("security", "secrets", "external/cwe/cwe-798");
        JsonNode log4j = rules.path(1);
        assertThat(log4j.path("properties").path("security-severity").asText()).as("CVSS wins").isEqualTo("10.0");
        assertThat(log4j.path("helpUri").asText()).isEqualTo("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(log4j.path("properties").path("tags")).extracting(JsonNode::asText)
                .containsExactly("security", "dependencies", "external/cwe/cwe-502", "external/cwe/cwe-917");
        assertThat(rules.path(2).path("properties").path("security-severity").asText()).isEqualTo("8.0");
        assertThat(rules.path(4).path("properties").path("security-severity").asText()).isEqualTo("5.5");
        assertThat(rules.path(5).path("properties").path("security-severity").asText()).isEqualTo("0.0");
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("DevSecOps Scan");
        assertThat(run.path("tool").path("driver").path("version").asText()).isEqualTo("0.1.0");
        assertThat(run.path("tool").path("driver").path("informationUri").asText()).startsWith("https://");
        assertThat(run.path("columnKind").asText()).isEqualTo("utf16CodeUnits");
    }

    @Test
    void shouldMapResultsWithLevelsLocationsFingerprintsAndProperties() throws IOException {
        // Given the fixed report
        JsonNode results = JSON.readTree(sarif(ReportFixtures.complete())).path("runs").path(0).path("results");

        // Then each result points at its rule, has the mapped level, a relative location and our fingerprint
        JsonNode aws = results.path(0);
        assertThat(aws.path("ruleId").asText()).isEqualTo("aws-access-key-id");
        assertThat(aws.path("ruleIndex").asInt()).isZero();
        assertThat(aws.path("level").asText()).isEqualTo("error");
        JsonNode physical = aws.path("locations").path(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("config/app.env");
        assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(3);
        assertThat(physical.path("region").path("startColumn").asInt()).isEqualTo(12);
        assertThat(physical.path("region").path("endColumn").asInt()).isEqualTo(32);
        assertThat(physical.path("region").path("snippet").path("text").asText())
                .isEqualTo("AWS_ACCESS_KEY_ID=AKIA************MPLE");
        assertThat(aws.path("partialFingerprints").path("devsecops/v1").asText())
                .isEqualTo("5f0c6a1b9a2f4e0d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d");

        // and a dependency finding carries its component, identifiers and fix, located on its manifest
        JsonNode log4j = results.path(1);
        assertThat(log4j.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri")
                .asText()).isEqualTo("pom.xml");
        assertThat(log4j.path("locations").path(0).path("logicalLocations").path(0).path("fullyQualifiedName")
                .asText()).as("the package as companion").isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(log4j.path("properties").path("purl").asText())
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(log4j.path("properties").path("fixedVersion").asText()).isEqualTo("2.15.0");
        assertThat(log4j.path("properties").path("identifiers")).extracting(JsonNode::asText)
                .containsExactly("GHSA-jfh8-c2jp-5v3q", "CVE-2021-44228");

        // and a dependency finding without manifest gets a logical location on its package
        JsonNode lodash = results.path(3);
        assertThat(lodash.path("locations").path(0).path("logicalLocations").path(0).path("fullyQualifiedName")
                .asText()).isEqualTo("pkg:npm/lodash@4.17.20");
        assertThat(lodash.path("level").asText()).isEqualTo("error");

        // and git history facts, levels of lower severities and percent-encoded paths
        JsonNode history = results.path(2);
        assertThat(history.path("properties").path("commit").asText())
                .isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(history.path("properties").path("author").asText()).isEqualTo("Dana Dev");
        JsonNode fixture = results.path(4);
        assertThat(fixture.path("level").asText()).isEqualTo("warning");
        assertThat(fixture.path("locations").path(0).path("physicalLocation").path("artifactLocation")
                .path("uri").asText()).isEqualTo("src/test/resources/db%20test.properties");
        assertThat(results.path(5).path("level").asText()).isEqualTo("note");
    }

    @Test
    void shouldMarkSuppressedFindingsInSourceOrExternal() throws IOException {
        // Given the fixed report with an inline and a file-based suppression
        JsonNode results = JSON.readTree(sarif(ReportFixtures.complete())).path("runs").path(0).path("results");

        // Then the inline one is inSource, the other external, both accepted with their justification
        JsonNode inline = results.path(4).path("suppressions").path(0);
        assertThat(inline.path("kind").asText()).isEqualTo("inSource");
        assertThat(inline.path("status").asText()).isEqualTo("accepted");
        assertThat(inline.path("justification").asText()).isEqualTo("test credentials for the in-memory database");
        JsonNode external = results.path(3).path("suppressions").path(0);
        assertThat(external.path("kind").asText()).isEqualTo("external");
        assertThat(external.path("properties").path("owner").asText()).isEqualTo("team-web");
        assertThat(external.path("properties").path("expires").asText()).isEqualTo("2027-01-31");
        assertThat(results.path(0).has("suppressions")).isFalse();
    }

    @Test
    void shouldPutImportedFindingsInARunOfTheirOwnTool() throws IOException {
        // Given the fixed report with one finding Trivy reported
        JsonNode runs = JSON.readTree(sarif(ReportFixtures.complete())).path("runs");

        // Then there is a second run whose driver is Trivy, converted by our engine
        assertThat(runs).hasSize(2);
        JsonNode trivy = runs.path(1);
        assertThat(trivy.path("tool").path("driver").path("name").asText()).isEqualTo("Trivy");
        assertThat(trivy.path("tool").path("driver").path("version").asText()).isEqualTo("0.57.1");
        assertThat(trivy.path("conversion").path("tool").path("driver").path("name").asText())
                .isEqualTo("DevSecOps Scan");
        assertThat(trivy.path("results")).hasSize(1);
        JsonNode result = trivy.path("results").path(0);
        assertThat(result.path("ruleId").asText()).isEqualTo("DS002");
        assertThat(result.path("ruleIndex").asInt()).isZero();
        assertThat(result.path("locations").path(0).path("physicalLocation").path("artifactLocation")
                .path("uri").asText()).isEqualTo("file:///builds/shop/docker/Dockerfile");
        assertThat(runs.path(0).path("results")).hasSize(6);
    }

    @Test
    void shouldReportStageErrorsAndWarningsAsToolNotifications() throws IOException {
        // Given the fixed report where a stage timed out and others had errors and warnings
        JsonNode invocation = JSON.readTree(sarif(ReportFixtures.complete())).path("runs").path(0)
                .path("invocations").path(0);

        // Then the invocation failed and lists them
        assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
        assertThat(invocation.path("startTimeUtc").asText()).startsWith("2026-11-23T10:00:00");
        List<String> messages = new ArrayList<>();
        invocation.path("toolExecutionNotifications").forEach(n -> messages.add(
                n.path("level").asText() + " " + n.path("message").path("text").asText()));
        assertThat(messages).containsExactly("error [secrets] malformed JSON at line 7",
                "warning [dependencies] advisory database is 3 days old", "error Stage iac timed out",
                "error [iac] timed out after 30 s");
        assertThat(JSON.readTree(sarif(ReportFixtures.complete())).path("runs").path(0).path("originalUriBaseIds")
                .path("%SRCROOT%").path("uri").asText()).isEqualTo("file:///home/ci/workspace/shop/");
    }

    @Test
    void shouldStayValidWithHostileText() throws IOException {
        // Given a report whose every text field holds markup and odd characters
        String text = sarif(ReportFixtures.hostile());

        // Then the log is still valid SARIF and the markdown help escapes the markup
        assertThat(SarifSchemaValidator.validate(text)).isEmpty();
        JsonNode rule = JSON.readTree(text).path("runs").path(1).path("tool").path("driver").path("rules").path(0);
        String markdown = rule.path("help").path("markdown").asText();
        assertThat(markdown).doesNotContainPattern("(?<!\\\\)[<>\\[\\]()]").contains("\\<script\\>");
        JsonNode uri = JSON.readTree(text).path("runs").path(1).path("results").path(0).path("locations").path(0)
                .path("physicalLocation").path("artifactLocation").path("uri");
        assertThat(uri.asText()).doesNotContain("<", "\"", " ").startsWith("dir/%22%20onmouseover");
    }

    @Test
    void shouldValidateTheReportOfARealScan(@TempDir Path dir) throws Exception {
        // Given the report of a real scan of a small tree
        Report report = ReportFixtures.realScan(dir);

        // When written as SARIF
        String text = sarif(report);

        // Then it is valid and has the two findings on relative paths, secrets masked
        assertThat(SarifSchemaValidator.validate(text)).isEmpty();
        JsonNode results = JSON.readTree(text).path("runs").path(0).path("results");
        List<String> uris = new ArrayList<>();
        results.forEach(r -> uris.add(r.path("locations").path(0).path("physicalLocation").path("artifactLocation")
                .path("uri").asText() + ":" + r.path("locations").path(0).path("physicalLocation").path("region")
                .path("startLine").asInt()));
        assertThat(uris).containsExactlyInAnyOrder(".env:1", "src/main/resources/application.yml:4");
        assertThat(text).doesNotContain("s3cr3t-Pa55word", "hunter2-but-longer");
    }

    @Test
    void shouldWriteAnEmptyRunForAReportWithoutFindings() throws IOException {
        // Given a report with no finding
        Report report = Report.builder(ReportFixtures.ENGINE, java.time.Instant.parse("2026-01-01T00:00:00Z"))
                .build();

        // When written
        String text = sarif(report);

        // Then it is valid with one run and no result
        assertThat(SarifSchemaValidator.validate(text)).isEmpty();
        assertThat(JSON.readTree(text).path("runs")).hasSize(1);
        assertThat(JSON.readTree(text).path("runs").path(0).path("results").isArray()).as("results: []").isTrue();
        assertThat(JSON.readTree(text).path("runs").path(0).path("results")).isEmpty();
    }

    @Test
    void shouldCapHugeMessagesAndSnippets() throws IOException {
        // Given a finding with a 1 MB message and snippet
        String huge = "A".repeat(1_000_000);
        Report report = Report.builder(ReportFixtures.ENGINE, java.time.Instant.parse("2026-01-01T00:00:00Z"))
                .finding(Finding.builder().ruleId("r").stage("s").severity(Severity.LOW).title("t").message(huge)
                        .location(new io.jenkins.plugins.devsecops.model.Location("a.txt", 1, 1, 1, 2, huge)).build())
                .build();

        // When written
        String text = sarif(report);

        // Then the output stays small and valid
        assertThat(text.length()).isLessThan(60_000);
        assertThat(SarifSchemaValidator.validate(text)).isEmpty();
    }

    @Test
    void shouldStayValidWithBrokenUnicodeAndControlCharacters() throws IOException {
        // Given texts with lone surrogates, NUL, escape and bidi override characters, as a hostile import may hold
        String broken = "a\uD800b\uDC00c\u0000d\u001be\u202Ef";
        Report report = Report.builder(ReportFixtures.ENGINE, java.time.Instant.parse("2026-01-01T00:00:00Z"))
                .finding(Finding.builder().ruleId("r" + broken).stage("s").severity(Severity.MEDIUM).title(broken)
                        .message(broken).remediation(broken)
                        .location(new io.jenkins.plugins.devsecops.model.Location("p" + broken, 1, 1, 1, 2, broken))
                        .build())
                .build();

        // When written
        String text = sarif(report);

        // Then the log is still valid SARIF
        assertThat(SarifSchemaValidator.validate(text)).isEmpty();
        assertThat(JSON.readTree(text).path("runs").path(0).path("results")).hasSize(1);
    }

    @Test
    void shouldBeFoundByItsFormatName() {
        assertThat(ReportWriters.builtIn().find("sarif")).get().isInstanceOf(SarifReportWriter.class);
        assertThat(writer.fileName()).isEqualTo("report.sarif");
    }
}
