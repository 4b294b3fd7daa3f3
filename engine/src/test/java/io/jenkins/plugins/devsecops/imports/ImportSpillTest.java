package io.jenkins.plugins.devsecops.imports;

import static io.jenkins.plugins.devsecops.imports.ImportFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import stage's findings go to spilling lists ({@link FindingList}): read, merged and reported from temporary
 * files they give the same findings, in the same order, with the same properties as in memory.
 */
class ImportSpillTest {

    @TempDir
    Path root;

    /** Runs {@code work} with every finding list spilled to a temporary file from its first finding. */
    private static <T> T spilling(Supplier<T> work) {
        String before = System.getProperty(FindingList.MEMORY_LIMIT_PROPERTY);
        System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, "0");
        try {
            return work.get();
        } finally {
            if (before == null) {
                System.clearProperty(FindingList.MEMORY_LIMIT_PROPERTY);
            } else {
                System.setProperty(FindingList.MEMORY_LIMIT_PROPERTY, before);
            }
        }
    }

    private ImportFixtures everyFormat() {
        ImportFixtures fixtures = new ImportFixtures(root);
        fixtures.copy("trivy-fs.json", "reports/trivy.json");
        fixtures.copy("trivy-image.json", "reports/trivy-image.json");
        fixtures.copy("grype.json", "reports/grype.json");
        fixtures.copy("npm-audit.json", "reports/npm-audit.json");
        fixtures.copy("checkov.json", "reports/checkov.json");
        fixtures.copy("dependency-check.json", "reports/dependency-check.json");
        fixtures.copy("semgrep.json", "reports/semgrep.json");
        fixtures.copy("bandit.json", "reports/bandit.json");
        fixtures.copy("gitleaks.json", "reports/gitleaks.json");
        fixtures.copy("zap.json", "reports/zap.json");
        fixtures.copy("codeql-and-semgrep.sarif", "reports/code.sarif");
        fixtures.copy("spotbugs.xml", "reports/spotbugs.xml");
        fixtures.copy("dependency-check.xml", "reports/dependency-check.xml");
        // a report cut short: its partial findings are discarded, in memory and spilled alike
        String bandit = fixtures.read("reports/bandit.json");
        fixtures.write("reports/cut.json", bandit.substring(0, bandit.length() * 2 / 3));
        return fixtures;
    }

    private static final String PATTERNS = "auto:reports/*.json;sarif:reports/*.sarif;auto:reports/*.xml";

    @Test
    void shouldImportAndMergeEveryFormatTheSameWhenEveryListSpills() {
        // Given
        ImportFixtures fixtures = everyFormat();

        // When
        Report inMemory = fixtures.scan(PATTERNS);
        Report spilled = spilling(() -> fixtures.scan(PATTERNS));

        // Then the same findings in the same order, the same counts, warnings and errors
        assertThat(inMemory.findings()).hasSizeGreaterThan(25);
        assertThat(Integer.parseInt(stage(inMemory).properties().get("merged"))).isGreaterThan(5);
        assertThat(stage(inMemory).errors()).extracting(e -> e.path()).containsExactly("reports/cut.json");
        assertThat(inMemory.findings()).noneMatch(f -> "reports/cut.json".equals(f.properties().get("report")));
        assertThat(spilled.findings()).containsExactlyElementsOf(inMemory.findings());
        assertSameStage(stage(spilled), stage(inMemory));
    }

    @Test
    void shouldImportEveryFormatTheSameWhenEveryListSpillsWithoutMerging() {
        // Given
        ImportFixtures fixtures = everyFormat();
        Map<String, String> noMerge = Map.of("imports.merge", "false");

        // When
        Report inMemory = fixtures.scan(PATTERNS, noMerge);
        Report spilled = spilling(() -> fixtures.scan(PATTERNS, noMerge));

        // Then
        assertThat(stage(inMemory).properties()).doesNotContainKey("merged");
        assertThat(spilled.findings()).containsExactlyElementsOf(inMemory.findings());
        assertSameStage(stage(spilled), stage(inMemory));
    }

    private static void assertSameStage(StageResult actual, StageResult expected) {
        assertThat(actual.properties()).isEqualTo(expected.properties());
        assertThat(actual.warnings()).isEqualTo(expected.warnings());
        assertThat(actual.errors()).isEqualTo(expected.errors());
        assertThat(actual.findingCount()).isEqualTo(expected.findingCount());
    }

    private static Finding.Builder finding(String tool, String rule, Severity severity) {
        return Finding.builder().stage("imports").ruleId(rule).title(rule).severity(severity)
                .tool(new ToolInfo(tool, "1"));
    }

    private static Finding dependency(String tool, String name, String version, String id, Severity severity) {
        return finding(tool, id, severity).component(Component.of(null, name, version, "npm")).identifier(id)
                .location(Location.ofFile("package-lock.json")).build();
    }

    /** A GHSA id of its own for each copy, in GHSA's alphabet. */
    private static String ghsa(int copy) {
        String alphabet = "23456789cfghjmpqrvwx";
        StringBuilder id = new StringBuilder("GHSA-");
        for (int digit = 0, rest = copy; digit < 4; digit++, rest /= alphabet.length()) {
            id.append(alphabet.charAt(rest % alphabet.length()));
        }
        return id.append("-mmmm-pppp").toString();
    }

    /** Findings with a merge of every kind, and findings that must stay apart, many times over with distinct paths. */
    private static List<Finding> mergesOfEveryKind(int copies) {
        List<Finding> findings = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            String dir = "m" + copy + "/";
            String lib = "lib" + copy;
            // advisory + package: a CVE and a GHSA naming it, on one version, from three tools
            findings.add(dependency("Trivy", lib, "1.0", "CVE-2021-" + (10000 + copy), Severity.HIGH));
            findings.add(dependency("Grype", "@scope/" + lib, "1.0 ", ghsa(copy), Severity.CRITICAL)
                    .toBuilder().identifier("CVE-2021-" + (10000 + copy)).build());
            findings.add(dependency("Dependency-Check", lib, "2.0", "CVE-2021-" + (10000 + copy), Severity.LOW));
            // a versionless package: joins the one installed version, but not a package with two
            findings.add(dependency("npm audit", lib, null, ghsa(copy), Severity.HIGH));
            findings.add(dependency("npm audit", "other" + copy, null, "CVE-2022-" + (10000 + copy), Severity.LOW));
            findings.add(dependency("Trivy", "other" + copy, "3.0", "CVE-2022-" + (10000 + copy), Severity.LOW));
            findings.add(dependency("Grype", "other" + copy, "3.1", "CVE-2022-" + (10000 + copy), Severity.LOW));
            findings.add(dependency("npm audit", "lone" + copy, null, "CVE-2023-" + (10000 + copy), Severity.LOW));
            findings.add(dependency("Snyk", "lone" + copy, null, "CVE-2023-" + (10000 + copy), Severity.MEDIUM));
            // location + CWE
            findings.add(finding("Semgrep", "python.sqli", Severity.HIGH).location(Location.ofLine(dir + "a.py", 10))
                    .cwe("CWE-89").build());
            findings.add(finding("Bandit", "B608", Severity.MEDIUM).location(Location.ofLine(dir + "a.py", 10))
                    .cwe("CWE-89").build());
            findings.add(finding("Bandit", "B608", Severity.MEDIUM).location(Location.ofLine(dir + "a.py", 11))
                    .cwe("CWE-89").build());
            // the same rule at a location, whatever its case
            findings.add(finding("CodeQL", "py/Shell", Severity.HIGH).location(Location.ofLine(dir + "b.py", 3)).build());
            findings.add(finding("Semgrep", "py/shell", Severity.LOW).location(Location.ofLine(dir + "b.py", 3)).build());
            // a secret at a location
            findings.add(finding("Gitleaks", "aws-access-token", Severity.HIGH).location(Location.ofLine(dir + ".env", 2))
                    .property("kind", FindingKind.SECRET.property()).build());
            findings.add(finding("Trivy", "aws-access-key-id", Severity.CRITICAL)
                    .location(Location.ofLine(dir + ".env", 2)).property("kind", FindingKind.SECRET.property()).build());
            // a rule family in one file
            findings.add(finding("Trivy", "DS002", Severity.HIGH).location(Location.ofLine(dir + "Dockerfile", 1)).build());
            findings.add(finding("Checkov", "CKV_DOCKER_3", Severity.LOW).location(Location.ofFile(dir + "Dockerfile"))
                    .build());
            // apart: another file, another line
            findings.add(finding("Checkov", "CKV_DOCKER_3", Severity.LOW).location(Location.ofFile(dir + "other/Dockerfile"))
                    .build());
            findings.add(finding("Semgrep", "py/shell", Severity.LOW).location(Location.ofLine(dir + "b.py", 4)).build());
        }
        return findings;
    }

    @Test
    void shouldMergeASpilledListLikeOneInMemory() {
        // Given merges of every kind, 300 times over
        List<Finding> findings = mergesOfEveryKind(300);
        List<Finding> stored = FindingList.builder(0).addAll(findings).build();
        assertThat(FindingList.isSpilled(stored)).isTrue();

        // When
        List<Finding> inMemory = FindingMerger.merge(findings);
        List<Finding> fromFile = spilling(() -> FindingMerger.merge(stored));

        // Then the same merged findings, in the same order; each copy of 20 findings merges into 13
        assertThat(FindingList.isSpilled(fromFile)).isTrue();
        assertThat(inMemory).hasSize(300 * 13);
        assertThat(fromFile).containsExactlyElementsOf(inMemory);
        Finding shell = inMemory.stream().filter(f -> f.location() != null && f.location().path().equals("m7/b.py")
                && f.location().startLine() == 3).findFirst().orElseThrow();
        assertThat(shell.tools()).extracting(ToolInfo::name).containsExactly("CodeQL", "Semgrep");
        assertThat(shell.properties()).containsEntry("alsoReportedAs", "Semgrep:py/shell");
        Finding lib = inMemory.stream().filter(f -> f.identifiers().contains("CVE-2021-10007")
                && f.component().version().trim().equals("1.0")).findFirst().orElseThrow();
        assertThat(lib.tools()).extracting(ToolInfo::name).containsExactlyInAnyOrder("Trivy", "Grype", "npm audit");
        assertThat(inMemory).filteredOn(f -> f.identifiers().contains("CVE-2022-10007")).hasSize(3);
        assertThat(inMemory).filteredOn(f -> f.identifiers().contains("CVE-2023-10007")).hasSize(1);
    }

    @Test
    void shouldNotMergeFindingsWhoseKeysOnlyMeetWhenTheirPartsAreRunTogether() {
        // Given two findings whose path, line and rule joined by NUL characters read the same:
        // "a" + line 1 + rule "1\u0000r" and "a\u00001" + line 1 + rule "r"
        List<Finding> findings = List.of(
                finding("Semgrep", "1\u0000r", Severity.HIGH).location(Location.ofLine("a", 1)).build(),
                finding("Bandit", "r", Severity.HIGH).location(Location.ofLine("a\u00001", 1)).build());

        // When
        List<Finding> merged = spilling(() -> FindingMerger.merge(FindingList.builder(0).addAll(findings).build()));

        // Then they stay apart
        assertThat(merged).hasSize(2);
    }

    /**
     * A SARIF log of two runs: one whose results come before its tool (converted at the run's end), one whose
     * results refer to base ids and artifacts given after them, with every shape of location.
     */
    private static String sarifOfTwoRuns(int results) {
        StringBuilder log = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[");
        for (int i = 0; i < results; i++) {
            log.append(i == 0 ? "" : ",").append("{\"ruleId\":\"early").append(i % 7).append("\",\"message\":{\"text\":\"m")
                    .append(i).append("\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/e")
                    .append(i % 50).append(".py\"},\"region\":{\"startLine\":").append(1 + i % 30).append("}}}]}");
        }
        log.append("],\"tool\":{\"driver\":{\"name\":\"Early\",\"rules\":[{\"id\":\"early1\",")
                .append("\"properties\":{\"tags\":[\"external/cwe/cwe-79\"]}}]}}},");
        log.append("{\"tool\":{\"driver\":{\"name\":\"Late\"}},\"results\":[");
        for (int i = 0; i < results; i++) {
            String location = switch (i % 4) {
                case 0 -> "{\"uri\":\"b" + (i % 40) + ".js\",\"uriBaseId\":\"SRC\"}";
                case 1 -> "{\"index\":" + (i % 3) + "}";
                case 2 -> "{\"uri\":\"c%20" + (i % 9) + ".js\"}";
                default -> "{\"uri\":\"/elsewhere/x.js\"}";
            };
            String region = i % 5 == 0 ? "" : ",\"region\":{\"startLine\":" + (1 + i % 20) + ",\"startColumn\":" + (i % 3)
                    + (i % 2 == 0 ? ",\"endLine\":" + (2 + i % 20) + ",\"endColumn\":9" : "") + "}";
            log.append(i == 0 ? "" : ",").append("{\"ruleId\":\"late").append(i % 5).append("\",\"level\":\"error\",")
                    .append("\"message\":{\"text\":\"n").append(i % 11).append("\"},\"locations\":[{\"physicalLocation\":")
                    .append("{\"artifactLocation\":").append(location).append(region).append("}}]}");
        }
        log.append("],\"originalUriBaseIds\":{\"SRC\":{\"uri\":\"web/\"}},\"artifacts\":[")
                .append("{\"location\":{\"uri\":\"a0.js\",\"uriBaseId\":\"SRC\"}},{\"location\":{\"uri\":\"a1.js\"}},")
                .append("{\"location\":{\"uri\":\"a2.js\"}}]}]}");
        return log.toString();
    }

    @Test
    void shouldReadASarifLogWhoseResultsWaitForTheirRunTheSameWhenTheySpill() {
        // Given
        ImportFixtures fixtures = new ImportFixtures(root);
        fixtures.write("reports/two-runs.sarif", sarifOfTwoRuns(3_000));

        // When
        Report inMemory = fixtures.scan("sarif:reports/two-runs.sarif");
        Report spilled = spilling(() -> fixtures.scan("sarif:reports/two-runs.sarif"));

        // Then
        assertThat(stage(inMemory).errors()).isEmpty();
        assertThat(stage(inMemory).properties()).containsEntry("imported.Early", "3000").containsEntry("imported.Late", "3000");
        assertThat(inMemory.findings()).anyMatch(f -> f.location() != null && f.location().path().equals("web/b0.js"))
                .anyMatch(f -> f.location() != null && f.location().path().equals("web/a0.js"))
                .anyMatch(f -> f.location() != null && f.location().path().equals("a1.js"))
                .anyMatch(f -> f.cwes().contains("CWE-79"));
        assertThat(spilled.findings()).containsExactlyElementsOf(inMemory.findings());
        assertSameStage(stage(spilled), stage(inMemory));
    }
}
