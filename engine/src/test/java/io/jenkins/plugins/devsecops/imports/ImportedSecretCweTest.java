package io.jenkins.plugins.devsecops.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.compliance.ComplianceCatalog;
import io.jenkins.plugins.devsecops.compliance.ComplianceMatch;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An imported leaked credential without a CWE gets CWE-798, so compliance views relate it like our own secrets. */
class ImportedSecretCweTest {

    @TempDir
    Path root;

    @Test
    void shouldGiveAnImportedSecretWithoutCweTheHardCodedCredentialWeakness() {
        ImportFixtures fixtures = new ImportFixtures(root);
        fixtures.write("app/settings.py", "API_TOKEN = 'x'\nquery = 'select'\n");
        fixtures.write("reports/semgrep.json", """
                {"version": "1.52.0", "results": [
                  {"check_id": "acme.secrets.hardcoded-api-token", "path": "app/settings.py",
                   "start": {"line": 1, "col": 1}, "end": {"line": 1, "col": 16},
                   "extra": {"message": "Hard-coded API token", "severity": "ERROR", "metadata": {}}},
                  {"check_id": "acme.sql.string-query", "path": "app/settings.py",
                   "start": {"line": 2, "col": 1}, "end": {"line": 2, "col": 17},
                   "extra": {"message": "SQL built from a string", "severity": "WARNING", "metadata": {}}}
                ], "errors": []}
                """);

        Report report = fixtures.scan("semgrep:reports/semgrep.json", Map.of("imports.merge", "false"));

        Finding secret = ImportFixtures.byRule(report, "acme.secrets.hardcoded-api-token");
        assertThat(secret.properties()).containsEntry("kind", "secret");
        assertThat(secret.cwes()).containsExactly("CWE-798");
        assertThat(ComplianceCatalog.builtIn().matches(secret)).extracting(ComplianceMatch::reference)
                .contains("PCI-DSS-4.0:8.6.2", "OWASP-TOP10-2021:A07", "CWE-TOP25-2024:CWE-798");
        // A code finding without a CWE stays without one: no weakness is guessed
        assertThat(ImportFixtures.byRule(report, "acme.sql.string-query").cwes()).isEmpty();
    }
}
