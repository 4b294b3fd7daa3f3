package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.compliance.ComplianceCatalog;
import io.jenkins.plugins.devsecops.compliance.ComplianceMatch;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * SARIF taxonomies written once per rule: a rule's relationships carry the requirements all its results bear on, a
 * result's taxa only what it adds; rule and result together are exactly the catalogue's mapping of the finding.
 */
class SarifTaxonomiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ComplianceCatalog CATALOG = ComplianceCatalog.builtIn();

    private static Finding finding(String rule, String stage, int n, List<String> cwes) {
        return Finding.builder().ruleId(rule).stage(stage).severity(Severity.HIGH).title(rule + " finding")
                .message("Finding " + n + " of " + rule)
                .location(new Location("src/main/java/app/File" + (n % 500) + ".java", 1 + n % 300, 1, 1 + n % 300,
                        40, null))
                .cwes(cwes).build();
    }

    /** Rules of four shapes: uniform with a CWE, one finding adding a CWE, one finding without any, no mapping. */
    private static Report report(int findings) {
        Report.Builder report = Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"),
                Instant.parse("2026-12-02T10:00:00Z"))
                .stage(StageResult.builder("secrets").build()).stage(StageResult.builder("sast").build());
        for (int n = 0; n < findings; n++) {
            switch (n % 4) {
                case 0 -> report.finding(finding("hardcoded-password", "secrets", n, List.of("CWE-798")));
                case 1 -> report.finding(finding("java-sql-injection", "sast", n,
                        n == 1 ? List.of("CWE-89", "CWE-79") : List.of("CWE-89")));
                case 2 -> report.finding(finding("java-weak-crypto", "sast", n,
                        n == 2 ? List.of() : List.of("CWE-327")));
                default -> report.finding(finding("java-style", "sast", n, List.of("CWE-1104")));
            }
        }
        return report.build();
    }

    private static JsonNode run(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter().write(report, out);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("runs").path(0);
    }

    private static Set<String> expected(Finding finding) {
        Set<String> references = new TreeSet<>();
        for (ComplianceMatch match : CATALOG.matches(finding)) {
            references.add(match.reference());
        }
        return references;
    }

    private static String key(JsonNode reference) {
        return reference.path("toolComponent").path("name").asText() + ":" + reference.path("id").asText();
    }

    @Test
    void shouldWriteEachRulesMappingOnceAndOnlyTheDifferenceOnResults() throws Exception {
        Report report = report(40);
        JsonNode run = run(report);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        int results = 0;
        int withTaxa = 0;
        for (JsonNode result : run.path("results")) {
            Finding finding = report.findings().get(results++);
            JsonNode rule = rules.path(result.path("ruleIndex").asInt());
            assertThat(rule.path("id").asText()).isEqualTo(finding.ruleId());
            Set<String> written = new TreeSet<>();
            rule.path("relationships").forEach(r -> written.add(key(r.path("target"))));
            result.path("taxa").forEach(t -> assertThat(written.add(key(t))).as("taxon on rule and result").isTrue());
            // Rule and result together say exactly what the catalogue maps the finding to
            assertThat(written).as(finding.ruleId() + " #" + results).isEqualTo(expected(finding));
            withTaxa += result.has("taxa") ? 1 : 0;
        }
        assertThat(results).isEqualTo(40);
        // Only the result adding CWE-79 and the weak-crypto results (whose rule has one finding without CWE-327)
        // carry taxa of their own; secrets, SQL injection and the unmapped rule's results carry none
        assertThat(expected(report.findings().get(1))).isNotEqualTo(expected(report.findings().get(5)));
        assertThat(run.path("results").path(1).has("taxa")).isTrue();
        assertThat(run.path("results").path(0).has("taxa")).isFalse();
        assertThat(run.path("results").path(5).has("taxa")).isFalse();
        assertThat(withTaxa).isLessThanOrEqualTo(1 + 9);
        JsonNode secretRule = rules.path(run.path("results").path(0).path("ruleIndex").asInt());
        assertThat(secretRule.path("relationships")).isNotEmpty();
        assertThat(secretRule.path("relationships").path(0).path("description").path("text").asText())
                .contains("CWE-798");
    }

    @Test
    void shouldKeepTheMappingsShareOfA20000FindingLogSmall() throws Exception {
        Report report = report(20_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter().write(report, out);
        String text = out.toString(StandardCharsets.UTF_8);
        JsonNode run = JSON.readTree(text).path("runs").path(0);
        assertThat(run.path("results")).hasSize(20_000);

        // The references to requirements the mapping would have written once per result, and those written now
        long perResult = 0;
        for (Finding finding : report.findings()) {
            perResult += expected(finding).size();
        }
        long written = 0;
        for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
            written += rule.path("relationships").size();
        }
        for (JsonNode result : run.path("results")) {
            written += result.path("taxa").size();
        }
        int taxaBytes = 0;
        for (JsonNode result : run.path("results")) {
            if (result.has("taxa")) {
                taxaBytes += result.path("taxa").toString().length();
            }
        }
        System.out.printf("20,000 findings: SARIF %,d bytes (%.0f per result); requirement references %,d"
                + " (once per result it would be %,d); result taxa %,d bytes%n", text.length(),
                text.length() / 20_000.0, written, perResult, taxaBytes);
        assertThat(perResult).isGreaterThan(20_000);
        // Only the 5,000 weak-crypto results and one SQL injection result add requirements of their own
        assertThat(written).isLessThan(perResult / 3);
        assertThat(text.length()).isLessThan(20_000 * 1_400);
    }
}
