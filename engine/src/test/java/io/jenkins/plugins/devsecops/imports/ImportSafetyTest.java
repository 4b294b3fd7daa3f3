package io.jenkins.plugins.devsecops.imports;

import static io.jenkins.plugins.devsecops.imports.ImportFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile, broken and oversized reports fail cleanly, each on its own, and never cost the other reports. */
class ImportSafetyTest {

    @TempDir
    Path root;

    @TempDir
    Path outside;

    ImportFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ImportFixtures(root);
        fixtures.copy("bandit.json", "reports/good/bandit.json");
    }

    private static String errorFor(Report report, String path) {
        return stage(report).errors().stream().filter(e -> path.equals(e.path())).map(StageError::message)
                .findFirst().orElseThrow(() -> new AssertionError("No error for " + path + ": " + stage(report).errors()));
    }

    private static void assertGoodReportStillImported(Report report) {
        assertThat(report.findings()).extracting(Finding::ruleId).contains("B602", "B105", "B506");
        assertThat(stage(report).status()).isEqualTo(StageStatus.COMPLETED);
    }

    @Test
    void shouldRefuseAnXxePayloadWithoutReadingTheEntity() throws IOException {
        // Given a SpotBugs report whose DTD pulls in a local file
        Path secret = Files.writeString(outside.resolve("secret.txt"), "TOPSECRET-XXE-CONTENT");
        fixtures.write("reports/spotbugs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE BugCollection [\n"
                + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + "<BugCollection version=\"4.8.3\"><BugInstance type=\"SQL_INJECTION_JDBC\" category=\"SECURITY\" rank=\"5\">"
                + "<ShortMessage>&xxe;</ShortMessage></BugInstance></BugCollection>\n");

        // When
        Report report = fixtures.scan("auto:reports/**/*.json;spotbugs:reports/spotbugs.xml");

        // Then
        assertThat(errorFor(report, "reports/spotbugs.xml")).contains("DTD");
        assertThat(new ReportJson().toJson(report)).doesNotContain("TOPSECRET");
        assertGoodReportStillImported(report);
    }

    @Test
    void shouldRefuseABillionLaughsPayload() {
        // Given
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE analysis [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            String previous = i == 1 ? "lol" : "lol" + (i - 1);
            dtd.append(("&" + previous + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n<analysis xmlns=\"https://jeremylong.github.io/DependencyCheck/dependency-check.4.0.xsd\">"
                + "<scanInfo><engineVersion>&lol9;</engineVersion></scanInfo></analysis>\n");
        fixtures.write("reports/dependency-check-report.xml", dtd.toString());

        // When
        Report report = fixtures.scan("auto:reports/**/*.json;dependency-check:reports/*.xml");

        // Then
        assertThat(errorFor(report, "reports/dependency-check-report.xml")).contains("DTD");
        assertGoodReportStillImported(report);
    }

    @Test
    void shouldRefuseAnUndeclaredEntityEvenWithoutADtd() {
        // Given
        fixtures.write("reports/spotbugs.xml", "<BugCollection version=\"1\"><BugInstance type=\"X\" category=\"SECURITY\">"
                + "<ShortMessage>&ext;</ShortMessage></BugInstance></BugCollection>");

        // When
        Report report = fixtures.scan("auto:reports/**/*.json;spotbugs:reports/spotbugs.xml");

        // Then
        assertThat(errorFor(report, "reports/spotbugs.xml")).containsIgnoringCase("entity");
        assertGoodReportStillImported(report);
    }

    @ParameterizedTest
    @CsvSource({
        "codeql-and-semgrep.sarif, sarif", "trivy-fs.json, trivy", "grype.json, grype", "gitleaks.json, gitleaks",
        "semgrep.json, semgrep", "dependency-check.json, dependency-check", "dependency-check.xml, dependency-check",
        "zap.json, zap", "checkov.json, checkov", "npm-audit.json, npm-audit", "spotbugs.xml, spotbugs"})
    void shouldReportATruncatedReportAsAnErrorAndDiscardItsPartialFindings(String fixture, String format)
            throws IOException {
        // Given the report cut in the middle
        String text;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/imports/" + fixture))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@ROOT@", root.toString());
        }
        fixtures.write("reports/cut/" + fixture, text.substring(0, text.length() * 2 / 3));

        // When
        Report report = fixtures.scan(format + ":reports/cut/*;auto:reports/good/*");

        // Then
        assertThat(errorFor(report, "reports/cut/" + fixture)).startsWith("Report not imported (" + format + ")");
        assertThat(report.findings()).allMatch(f -> f.properties().get("report").equals("reports/good/bandit.json"));
        assertGoodReportStillImported(report);
    }

    @Test
    void shouldNameTheFileWhoseFormatIsNotRecognised() {
        // Given
        fixtures.write("reports/other/notes.json", "{\"hello\": \"world\"}");

        // When
        Report report = fixtures.scan("auto:reports/**/*.json");

        // Then
        assertThat(errorFor(report, "reports/other/notes.json")).startsWith("Unknown report format: reports/other/notes.json")
                .contains("sarif:reports/other/notes.json");
        assertGoodReportStillImported(report);
    }

    @Test
    void shouldFailTheStageWithAClearMessageForAnUnknownFormatName() {
        // When
        Report report = fixtures.scan("sarif:x.sarif;findbugz:reports/*.xml");

        // Then
        assertThat(stage(report).status()).isEqualTo(StageStatus.FAILED);
        assertThat(stage(report).errors()).singleElement().extracting(StageError::message).asString()
                .contains("Unknown import format 'findbugz'").contains("spotbugs");
    }

    @Test
    void shouldRefuseAReportOverTheSizeLimit() {
        // Given
        fixtures.copy("trivy-fs.json", "reports/big/trivy.json");

        // When
        Report report = fixtures.scan("trivy:reports/big/trivy.json;auto:reports/good/*",
                Map.of("imports.maxReportSize", "4000"));

        // Then
        assertThat(errorFor(report, "reports/big/trivy.json")).contains("larger than the limit of 4000 bytes")
                .contains("imports.maxReportSize");
        assertGoodReportStillImported(report);
    }

    @Test
    void shouldStopReadingEntriesOnceTheImportLimitIsReached() {
        // Given a report of many tiny entries, as a hostile report would be
        StringBuilder leaks = new StringBuilder("[");
        for (int i = 0; i < 5_000; i++) {
            leaks.append(i > 0 ? "," : "").append("{\"RuleID\":\"r\",\"File\":\"f").append(i).append(".txt\",\"StartLine\":1}");
        }
        fixtures.write("reports/many.json", leaks.append("]").toString());

        // When only 1,000 entries may be read
        Report report = fixtures.scan("gitleaks:reports/many.json", Map.of("imports.maxEntries", "1000"));

        // Then
        assertThat(report.findings()).hasSize(1_000);
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("import limit of 1000 entries")
                && w.contains("4000 entries were not imported"));
    }

    @Test
    void shouldRefuseASingleEntryTooLargeToHoldInMemory() {
        // Given one SARIF result holding a huge array, and one SpotBugs bug holding a huge number of elements
        fixtures.write("reports/one.sarif", "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"ruleId\":\"r\",\"stacks\":["
                + "0,".repeat(600_000) + "0]}]}]}");
        fixtures.write("reports/one.xml", "<BugCollection><BugInstance type=\"X\" category=\"SECURITY\">"
                + "<String/>".repeat(250_000) + "</BugInstance></BugCollection>");

        // When
        Report report = fixtures.scan("sarif:reports/one.sarif;spotbugs:reports/one.xml;auto:reports/good/*");

        // Then
        assertThat(errorFor(report, "reports/one.sarif")).contains("more than 500000 values");
        assertThat(errorFor(report, "reports/one.xml")).contains("more than 200000 elements");
        assertGoodReportStillImported(report);
    }

    @Test
    void shouldRefuseDeepNestingWithoutExhaustingTheStack() {
        // Given
        fixtures.write("reports/deep.sarif", "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"message\":"
                + "[".repeat(50_000) + "]".repeat(50_000) + "}]}]}");

        // When
        Report report = fixtures.scan("sarif:reports/deep.sarif;auto:reports/good/*");

        // Then
        assertThat(errorFor(report, "reports/deep.sarif")).containsIgnoringCase("nesting depth");
        assertGoodReportStillImported(report);
    }

    @Test
    void shouldRejectAReportOfAnotherFormatThanTheNamedOne() {
        // Given
        fixtures.copy("codeql-and-semgrep.sarif", "reports/code.json");

        // When
        Report report = fixtures.scan("trivy:reports/code.json;gitleaks:reports/good/*");

        // Then
        assertThat(errorFor(report, "reports/code.json")).contains("Not a Trivy JSON report");
        assertThat(errorFor(report, "reports/good/bandit.json")).contains("Not a Gitleaks report");
    }

    @Test
    void shouldRejectOtherSarifVersionsAndNpmAuditV1WithClearMessages() {
        // Given
        fixtures.write("reports/old.sarif", "{\"version\":\"2.0.0\",\"runs\":[]}");
        fixtures.write("reports/audit.json", "{\"actions\":[],\"advisories\":{\"1\":{\"title\":\"x\"}},\"muted\":[]}");

        // When
        Report report = fixtures.scan("sarif:reports/old.sarif;npm-audit:reports/audit.json");

        // Then
        assertThat(errorFor(report, "reports/old.sarif")).contains("Not a SARIF 2.1.0 log: version is '2.0.0'");
        assertThat(errorFor(report, "reports/audit.json")).contains("npm audit v1 format");
    }

    @Test
    void shouldSkipBrokenEntriesButKeepTheRestOfTheReport() {
        // Given one result without a rule, one with an invalid level, one good
        fixtures.write("reports/mixed.sarif", "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\"}},"
                + "\"results\":[{\"message\":{\"text\":\"no rule\"}},"
                + "{\"ruleId\":\"r1\",\"level\":\"catastrophic\",\"message\":{\"text\":\"bad level\"}},"
                + "{\"ruleId\":\"r2\",\"level\":\"error\",\"message\":{\"text\":\"ok\"},"
                + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"a.c\"},\"region\":{\"startLine\":-5}}}]}]}]}");

        // When
        Report report = fixtures.scan("sarif:reports/mixed.sarif");

        // Then
        assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("r2");
        assertThat(report.findings().get(0).location().startLine()).isZero();
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("without a rule id"))
                .anyMatch(w -> w.contains("does not follow the schema"));
    }

    @Test
    void shouldNeverFollowASymbolicLinkOutOfTheRoot() throws IOException {
        // Given a link in the root to a report outside it
        Path target = outside.resolve("trivy.json");
        Files.writeString(target, "{\"SchemaVersion\":2,\"Results\":[]}");
        Files.createSymbolicLink(root.resolve("reports/linked.json"), target);

        // When
        Report report = fixtures.scan("auto:reports/**/*.json");

        // Then
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("symbolic links"));
        assertThat(stage(report).properties()).containsEntry("reports", "1");
        assertGoodReportStillImported(report);
    }

    @Test
    void shouldFindReportsWhenTheRootItselfIsASymbolicLink() throws IOException {
        // Given a scan root reached through a link, and a report naming files by the link's target
        Path link = outside.resolve("checkout");
        Files.createSymbolicLink(link, root);
        fixtures.write("reports/gitleaks.json", "[{\"RuleID\":\"generic-api-key\",\"File\":\""
                + root.toRealPath().resolve("src/a.py") + "\",\"StartLine\":3}]");

        // When
        Report report = new ImportFixtures(link).scan("gitleaks:reports/gitleaks.json");

        // Then
        assertThat(report.findings()).extracting(f -> f.location().path()).containsExactly("src/a.py");
    }

    @Test
    void shouldKeepPathsOutsideTheRootAsGivenWithAWarning() {
        // Given
        fixtures.write("reports/gitleaks.json", "[{\"RuleID\":\"generic-api-key\",\"File\":\"/etc/app/secret.conf\","
                + "\"StartLine\":3,\"Secret\":\"s3cr3t-value-000\",\"Fingerprint\":\"x\"},"
                + "{\"RuleID\":\"generic-api-key\",\"File\":\"../sibling/app.conf\",\"StartLine\":4}]");

        // When
        Report report = fixtures.scan("gitleaks:reports/gitleaks.json");

        // Then
        assertThat(report.findings()).extracting(f -> f.location().path())
                .containsExactlyInAnyOrder("/etc/app/secret.conf", "../sibling/app.conf");
        assertThat(stage(report).warnings()).anyMatch(w -> w.contains("'/etc/app/secret.conf' is outside the scan root"))
                .anyMatch(w -> w.contains("'../sibling/app.conf' points outside the scan root"));
        assertThat(new ReportJson().toJson(report)).doesNotContain("s3cr3t-value-000");
    }

    @Test
    void shouldReportAnEmptyFileAndGarbageAsErrors() {
        // Given
        fixtures.write("reports/empty.sarif", "");
        fixtures.write("reports/binary.sarif", new byte[] {0, 1, 2, (byte) 0xff, '{'});

        // When
        Report report = fixtures.scan("sarif:reports/*.sarif;auto:reports/good/*");

        // Then
        assertThat(errorFor(report, "reports/empty.sarif")).contains("empty");
        assertThat(errorFor(report, "reports/binary.sarif")).startsWith("Report not imported (sarif)");
        assertGoodReportStillImported(report);
    }

    @Test
    void shouldDoNothingWithoutPatterns() {
        // When
        Report report = fixtures.scan(null);

        // Then
        assertThat(report.findings()).isEmpty();
        assertThat(stage(report).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(stage(report).properties()).containsEntry("reports", "0");
    }
}
