package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.devsecops.EngineVersion;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsStageTest {

    /** Every secret planted in {@code secrets/planted}, as written there. */
    static final List<String> PLANTED = List.of(
            "^EPH1qhT61^qt*", "sk_live_Z8UzDzV8fUkkibjL5DZPjN0M", "b3CXlMaXZjljENUh", "AKIAUJZDEGXDNCF32EPF",
            "FkM+R5Kjp1vRt/1fjORS+6ilI8ihN5KXSc7Tvo+h", "AKIA3DHODZDOCIS2JHTL", "JduRHHJEYXg4JdpmrcXg",
            "xoxb-750047439575-5131373537990-E6PwZPf1Qh6yYTWmE4lBYOvf", "ghp_zzgEOzdmenCkhvMdgaKjIg8xNbe3nNyjOq9w",
            "GIZEG8pSH4487q", "4i9DoV8gz4FkQ1okTBGzvAmw", "ghp_MxEhh2FDEEtfjgVvVqE1SkHbn88HxjSI6bWH",
            "GCJbW56eCuNGMGmSrC", "sk_live_EQ7wjJJibaZUPgHV7iB3m03nbqns", "OlUcR64cXQLioDnkHIfxIq2HZt_PlJhx2jIclHkCiHp",
            "6bR1IqfEouHgxzNNAL5wIScGebcy8F5n3/YNBDRzrZSgqbjG3uhkWKFLf6xuI5aH",
            "s1SWOpQaPRYpzbLGViYXjU2JgJngKtFI3OyV2dZAkg05rK+gqv81RKMGHZEM9Ypv", "AKIAGMXGEDN73U55XTPL",
            "ghp_tP3fS2qHx6kwXoIIXGvOoNZYW2mZp0zVZomH", "BKqFYY+kv5ZJr3J1TWDtkwtDDb/xHKas1VOqg6YY",
            "Wv3!kR8qZm", "Hx4#pQ7vLn2", "S3cr!t#x9", "Mq7$zT2wKv", "Ord!9vKq2Lx",
            "9JKzjiGQGVZxFE+jk21g4Sb9GrRDsmYMekv6tHgwb5tS1iN47TbUuHw9ThFvA+lQ", "8RiFjgqg+l5nrN+QWRi/SU9M+yCECSnNLvZ+I1Hdxo7fh5EHmotFM3HJfwh6pkFR");

    @TempDir
    Path root;

    @Test
    void shouldBeRegisteredAsTheSecretsStage() {
        // When the engine looks for stages on the class path
        StageCatalog catalog = StageCatalog.builtIn();

        // Then the secrets stage is one of them
        assertThat(catalog.select(List.of("secrets"))).singleElement().isInstanceOf(SecretsStage.class);
    }

    @Test
    void shouldFindEveryPlantedSecretWithRuleAndLine() throws Exception {
        // Given realistic files with planted secrets
        SecretFixtures.copy("planted", root);

        // When the tree is scanned
        Report report = SecretFixtures.scan(root);

        // Then each secret is reported once, by the most specific rule, on its line
        assertThat(report.stage("secrets")).get().extracting(StageResult::status).isEqualTo(StageStatus.COMPLETED);
        assertThat(report.findings())
                .extracting(f -> f.location().path(), f -> f.location().startLine(), Finding::ruleId)
                .containsExactlyInAnyOrder(
                        tuple(".env", 4, "generic-secret-assignment"),
                        tuple(".env", 5, "stripe-live-secret-key"),
                        tuple("config/application.yml", 7, "generic-secret-assignment"),
                        tuple("config/application.yml", 11, "aws-access-key-id"),
                        tuple("config/application.yml", 12, "aws-secret-access-key"),
                        tuple("infra/main.tf", 7, "aws-access-key-id"),
                        tuple("infra/main.tf", 13, "generic-secret-assignment"),
                        tuple("Jenkinsfile", 4, "slack-bot-token"),
                        tuple("Jenkinsfile", 9, "github-pat-classic"),
                        tuple("scripts/deploy.sh", 3, "url-credentials-postgres"),
                        tuple("scripts/deploy.sh", 4, "slack-incoming-webhook"),
                        tuple("config/settings.json", 4, "github-pat-classic"),
                        tuple("config/settings.json", 6, "generic-secret-assignment"),
                        tuple("src/main/java/com/acme/PaymentClient.java", 6, "stripe-live-secret-key"),
                        tuple("src/main/java/com/acme/PaymentClient.java", 8, "jwt"),
                        tuple("app/settings.py", 7, "private-key-rsa"),
                        tuple("keys/deploy_key", 1, "private-key-openssh"),
                        tuple("src/test/java/com/acme/PaymentClientTest.java", 4, "aws-access-key-id"),
                        tuple("config/ignored.properties", 3, "github-pat-classic"),
                        tuple("config/ignored.properties", 4, "aws-secret-access-key"),
                        tuple("scripts/deploy.sh", 5, "mysql-cli-password"),
                        tuple("db/init.sql", 2, "sql-identified-by-password"),
                        tuple("docs/ops-notes.txt", 3, "url-credentials-postgres"),
                        tuple("docs/ops-notes.txt", 4, "generic-secret-assignment"),
                        tuple("keys/legacy_key", 1, "private-key-pem"),
                        tuple("src/main/java/com/acme/TokenSigner.java", 5, "private-key-pem"),
                        tuple("config/appsettings.json", 3, "connection-string-password"));
    }

    @Test
    void shouldDescribeEachFindingCompletely() throws Exception {
        // Given a file with an AWS key
        SecretFixtures.copy("planted", root);

        // When it is scanned
        Finding finding = SecretFixtures.scan(root).findings().stream()
                .filter(f -> f.location().path().equals("infra/main.tf") && f.ruleId().equals("aws-access-key-id"))
                .findFirst().orElseThrow();

        // Then the finding has everything a report needs, and the key only in masked form
        assertThat(finding.stage()).isEqualTo("secrets");
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.title()).isEqualTo("AWS access key ID");
        assertThat(finding.message()).isEqualTo("AWS access key ID found: AKIA****");
        assertThat(finding.cwes()).containsExactly("CWE-798");
        assertThat(finding.remediation()).contains("IAM");
        assertThat(finding.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(finding.tools()).containsExactly(EngineVersion.tool());
        assertThat(finding.properties()).containsEntry("provider", "AWS")
                .containsEntry("reason", "rule aws-access-key-id matched `AKIA****`; entropy 3.68 bits/char over 20"
                        + " characters");
        assertThat(finding.location().startColumn()).isEqualTo(17);
        assertThat(finding.location().endColumn()).isEqualTo(37);
        assertThat(finding.location().snippet()).isEqualTo("  access_key = \"AKIA****\"");
        assertThat(finding.fingerprint()).hasSize(64)
                .isEqualTo(SecretFingerprint.of("aws-access-key-id", "AKIA3DHODZDOCIS2JHTL"));
        assertThat(finding.isSuppressed()).isFalse();
    }

    @Test
    void shouldLowerConfidenceUnderTestCode() throws Exception {
        // Given the same kind of secret in production and in test code
        SecretFixtures.copy("planted", root);

        // When scanned
        List<Finding> findings = SecretFixtures.scan(root).findings();

        // Then the test one is less certain, but still reported
        assertThat(findings).filteredOn(f -> f.ruleId().equals("aws-access-key-id"))
                .extracting(f -> f.location().path(), Finding::confidence)
                .containsExactlyInAnyOrder(tuple("config/application.yml", Confidence.HIGH),
                        tuple("infra/main.tf", Confidence.HIGH),
                        tuple("src/test/java/com/acme/PaymentClientTest.java", Confidence.MEDIUM));
        assertThat(findings).filteredOn(f -> f.ruleId().equals(GenericAssignmentRule.ID))
                .extracting(Finding::confidence, Finding::severity).containsOnly(tuple(Confidence.MEDIUM, Severity.MEDIUM));
    }

    @Test
    void shouldMarkInlineIgnoredFindingsAsSuppressedWithoutDroppingThem() throws Exception {
        // Given a rule-specific ignore on the line before, and an ignore-all on the same line
        SecretFixtures.copy("planted", root);

        // When scanned
        List<Finding> suppressed = SecretFixtures.scan(root).findings().stream()
                .filter(f -> f.location().path().equals("config/ignored.properties")).toList();

        // Then both stay in the report, marked
        assertThat(suppressed).hasSize(2).allSatisfy(f -> assertThat(f.suppression().kind()).isEqualTo("inline"));
        assertThat(suppressed).filteredOn(f -> f.ruleId().equals("github-pat-classic")).singleElement()
                .satisfies(f -> {
                    assertThat(f.suppression().reason()).isEqualTo("devsecops:ignore github-pat-classic rotated token, see SEC-142");
                    assertThat(f.suppression().source()).isEqualTo("config/ignored.properties:2");
                });
    }

    @Test
    void shouldHonourRuleSpecificIgnoresOnlyForThatRule() throws Exception {
        // Given an ignore naming another rule
        Files.writeString(root.resolve("app.properties"),
                "# devsecops:ignore jwt\nci.token=ghp_tP3fS2qHx6kwXoIIXGvOoNZYW2mZp0zVZomH\n");

        // When scanned
        Finding finding = SecretFixtures.scan(root).findings().get(0);

        // Then the GitHub token is still active
        assertThat(finding.ruleId()).isEqualTo("github-pat-classic");
        assertThat(finding.isSuppressed()).isFalse();
    }

    @Test
    void shouldReportASecretRepeatedInOneFileOnce() throws Exception {
        // Given one token written three times in a file, and once in another
        String token = "ghp_tP3fS2qHx6kwXoIIXGvOoNZYW2mZp0zVZomH";
        Files.writeString(root.resolve("a.env"), "A=" + token + "\n# again: " + token + "\nB=" + token + "\n");
        Files.writeString(root.resolve("b.env"), "C=" + token + "\n");

        // When scanned
        List<Finding> findings = SecretFixtures.scan(root).findings();

        // Then each file has one finding, at the first occurrence, counting the others
        assertThat(findings).extracting(f -> f.location().path(), f -> f.location().startLine(),
                f -> f.properties().get("occurrences"))
                .containsExactlyInAnyOrder(tuple("a.env", 1, "3"), tuple("b.env", 1, null));
    }

    @Test
    void shouldHonourOtherScannersAllowMarkers() throws Exception {
        // Given secrets marked the way detect-secrets and gitleaks users mark them
        Files.writeString(root.resolve("ci.env"), """
                A=ghp_tP3fS2qHx6kwXoIIXGvOoNZYW2mZp0zVZomH  # pragma: allowlist secret
                B=ghp_uGMGKAuWfpTbmRsHdRXfr8nBNXYK7Gh5Qhy5  # gitleaks:allow
                # pragma: allowlist nextline secret
                C=ghp_MxEhh2FDEEtfjgVvVqE1SkHbn88HxjSI6bWH
                D=ghp_zzgEOzdmenCkhvMdgaKjIg8xNbe3nNyjOq9w
                """);

        // When scanned
        List<Finding> findings = SecretFixtures.scan(root).findings();

        // Then the three marked ones are suppressed, the unmarked one is active
        assertThat(findings).extracting(f -> f.location().startLine(), Finding::isSuppressed)
                .containsExactlyInAnyOrder(tuple(1, true), tuple(2, true), tuple(4, true), tuple(5, false));
    }

    @Test
    void shouldNeverWriteAPlantedSecretIntoTheReport() throws Exception {
        // Given every planted secret
        SecretFixtures.copy("planted", root);

        // When the report is serialized
        Report report = SecretFixtures.scan(root);
        String json = new ReportJson().toJson(report);

        // Then no secret appears in clear anywhere in it, nor any 8-character piece of one beyond its kept prefix
        assertThat(report.findings()).hasSize(PLANTED.size());
        for (String secret : PLANTED) {
            assertThat(json).as("report leaks %s", secret).doesNotContain(secret);
            for (int i = 4; i + 8 <= secret.length(); i++) {
                assertThat(json).as("report leaks part of %s", secret).doesNotContain(secret.substring(i, i + 8));
            }
        }
    }

    @Test
    void shouldReportNoDecoy() throws Exception {
        // Given placeholders, templated values, documented examples, low-entropy passwords and code reading secrets
        SecretFixtures.copy("decoys", root);

        // When scanned
        Report report = SecretFixtures.scan(root);

        // Then nothing is reported
        assertThat(report.findings()).isEmpty();
        assertThat(report.stage("secrets").orElseThrow().filesScanned()).isEqualTo(7);
    }
}
