package io.jenkins.plugins.devsecops.imports;

import static io.jenkins.plugins.devsecops.imports.ImportFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageError;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Shapes of reports and patterns that used to cost quadratic time, the whole stage, or entries without a word. */
class HostileImportShapesTest {

    @TempDir
    Path root;

    ImportFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ImportFixtures(root);
        fixtures.copy("bandit.json", "reports/good/bandit.json");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldImportEveryResultOfASarifLogWithManyRuns() {
        // Given a SARIF log of 20,000 runs of one result each
        int runs = 20_000;
        StringBuilder sarif = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[");
        for (int i = 0; i < runs; i++) {
            sarif.append(i == 0 ? "" : ",").append("{\"tool\":{\"driver\":{\"name\":\"t").append(i % 7)
                    .append("\",\"rules\":[{\"id\":\"R").append(i).append("\"}]}},\"results\":[{\"ruleId\":\"R")
                    .append(i).append("\",\"level\":\"error\",\"message\":{\"text\":\"m").append(i)
                    .append("\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/f")
                    .append(i).append(".c\"},\"region\":{\"startLine\":1}}}]}]}");
        }
        fixtures.write("reports/many-runs.sarif", sarif.append("]}").toString());

        // When
        Report report = fixtures.scan("sarif:reports/many-runs.sarif", java.util.Map.of("imports.merge", "false"));

        // Then every result is a finding
        assertThat(report.findings()).hasSize(runs);
        assertThat(report.findings()).extracting(Finding::ruleId).contains("R0", "R19999");
    }

    @Test
    void shouldFailOnlyTheInvalidImportPatternAndImportTheOthers() {
        // When one pattern is not a valid glob
        Report report = fixtures.scan("sarif:[[[[;auto:reports/good/*.json");

        // Then that pattern is an error naming it and the good report is still imported
        assertThat(stage(report).errors()).extracting(StageError::message)
                .anySatisfy(m -> assertThat(m).contains("'sarif:[[[['").contains("never closed"));
        assertThat(report.findings()).extracting(Finding::ruleId).contains("B602");
    }

    @Test
    void shouldWarnNamingTheFieldWhenAReportHasWrongJsonTypes() {
        // Given a Trivy report whose Results is a string and one whose Vulnerabilities is a number
        fixtures.write("reports/trivy-a.json", "{\"SchemaVersion\":2,\"ArtifactName\":\".\",\"Results\":\"oops\"}");
        fixtures.write("reports/trivy-b.json", "{\"SchemaVersion\":2,\"ArtifactName\":\".\",\"Results\":[{\"Target\":"
                + "\"go.sum\",\"Vulnerabilities\":42}]}");

        // When
        Report report = fixtures.scan("trivy:reports/trivy-*.json");

        // Then each says which field had the wrong type instead of importing nothing silently
        assertThat(stage(report).warnings()).anySatisfy(w -> assertThat(w).contains("reports/trivy-a.json")
                .contains("'Results' is a string, expected an array"));
        assertThat(stage(report).warnings()).anySatisfy(w -> assertThat(w).contains("reports/trivy-b.json")
                .contains("'Results[0].Vulnerabilities' is a number, expected an array"));
    }
}
