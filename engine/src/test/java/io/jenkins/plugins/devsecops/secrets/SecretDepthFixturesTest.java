package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelled fixture tree {@code secrets/depth}: under {@code positives/} every credential form the stage must find
 * (generic assignments in files of any kind, SQL, command lines, URLs and connection strings, config files, PEM keys
 * of any kind and keys assembled from string literals, bare provider tokens in prose, test credentials), each line
 * listed in {@code labels.tsv}; under {@code negatives/} the false-positive classes (encrypted values, translations,
 * public identifiers, documented examples, variables), which must yield nothing. Prints recall and precision.
 */
class SecretDepthFixturesTest {

    @TempDir
    Path root;

    private Report report;
    private Set<String> labels;

    @BeforeEach
    void scan() throws IOException, InterruptedException {
        SecretFixtures.copy("depth", root);
        labels = Files.readAllLines(root.resolve("labels.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.replace('\t', ':')).collect(Collectors.toCollection(TreeSet::new));
        report = SecretFixtures.scan(root);
    }

    private static String at(Finding finding) {
        return finding.location().path() + ":" + finding.location().startLine();
    }

    @Test
    void shouldFindEveryLabelledCredential() {
        Set<String> found = report.findings().stream().map(SecretDepthFixturesTest::at).collect(Collectors.toSet());
        Set<String> missed = new TreeSet<>(labels);
        missed.removeAll(found);
        long truePositives = report.findings().stream().filter(f -> labels.contains(at(f))).count();
        double recall = (labels.size() - missed.size()) / (double) labels.size();
        double precision = truePositives / (double) report.findings().size();
        System.out.printf(Locale.ROOT, "secrets depth fixtures: %d labelled, %d findings, recall %.2f, precision %.2f%n",
                labels.size(), report.findings().size(), recall, precision);
        assertThat(missed).as("labelled credentials not found").isEmpty();
    }

    @Test
    void shouldReportNothingUnderNegatives() {
        List<String> falsePositives = report.findings().stream().filter(f -> !labels.contains(at(f)))
                .map(f -> at(f) + " " + f.ruleId()).toList();
        assertThat(falsePositives).isEmpty();
    }

    @Test
    void shouldSayWhyEachFindingWasReportedWithoutTheSecret() {
        Finding sql = report.findings().stream().filter(f -> at(f).equals("positives/db/grants.sql:2")).findFirst()
                .orElseThrow();
        assertThat(sql.properties().get("reason"))
                .startsWith("rule sql-identified-by-password matched `IDENTIFIED BY '****'`; entropy 3.32 bits/char over 10 characters")
                .doesNotContain("Rp7!vQ2zKx");
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.properties().get("reason"))
                .startsWith("rule " + f.ruleId() + " matched `").contains("bits/char"));
    }

    @Test
    void shouldKeepLiveLookingTestCredentialsWithLowerConfidence() {
        assertThat(report.findings()).filteredOn(f -> f.location().path().startsWith("positives/src/test/"))
                .singleElement().satisfies(f -> {
                    assertThat(f.confidence()).isEqualTo(Confidence.LOW);
                    assertThat(f.message()).endsWith("(in test code)");
                });
    }

    @Test
    void shouldNameTheRuleOfEachCredentialForm() {
        assertThat(report.findings()).extracting(Finding::ruleId).contains("sql-identified-by-password",
                "sql-create-user-password", "sql-set-password", "mysql-cli-password", "sshpass-password",
                "cli-password-argument", "cli-basic-auth", "docker-login-password", "http-authorization-header",
                "connection-string-password", "php-define-password", "private-key-pem", "private-key-putty",
                "url-credentials-postgres", "url-credentials-mongodb", "github-pat-classic", "generic-secret-assignment");
    }
}
