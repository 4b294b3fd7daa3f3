package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.Suppression;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossStageDuplicatesTest {

    @TempDir
    Path root;

    private static Finding finding(String stage, String rule, Severity severity, String path, int line, String cwe) {
        return Finding.builder().stage(stage).ruleId(rule).severity(severity).title(rule)
                .location(new Location(path, line, 0, line, 0, null)).cwe(cwe).fingerprint(stage + rule + line).build();
    }

    @Test
    void shouldMergeTheSecretsAndIacFindingsOfOneSecretIntoOneListingBothRules() throws Exception {
        Files.writeString(root.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: orders-db
                  namespace: prod
                type: Opaque
                data:
                  password: T55pcLhQoKE/mP72tzFvSjL4xrJu5MPS
                """, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("Dockerfile"), """
                FROM python:3.12-alpine
                ENV API_KEY="k8s-goat-cf658c56a501385205cc6d2dafee8fc1"
                USER app
                """, StandardCharsets.UTF_8);

        Report report = new ScanEngine(StageCatalog.builtIn()).scan(ScanRequest.builder(root).stage("secrets")
                .stage("iac").threads(2).build(), ProgressListener.NONE);

        List<Finding> atSecret = report.findings().stream()
                .filter(f -> f.location() != null && f.location().path().equals("secret.yaml")
                        && f.location().startLine() == 8).toList();
        assertThat(atSecret).singleElement().satisfies(f -> {
            assertThat(f.properties().get("alsoReportedAs")).isNotBlank();
            assertThat(f.properties().get("alsoReportedAs") + "," + f.stage() + ":" + f.ruleId())
                    .contains("secrets:", "iac:k8s-secret-manifest-data");
            assertThat(f.cwes()).contains("CWE-798", "CWE-312");
        });
        List<Finding> atEnv = report.findings().stream()
                .filter(f -> f.location() != null && f.location().path().equals("Dockerfile")
                        && f.location().startLine() == 2).toList();
        assertThat(atEnv).singleElement().satisfies(f -> assertThat(f.stage() + ":" + f.ruleId() + ","
                + f.properties().get("alsoReportedAs")).contains("iac:docker-secret-in-env", "secrets:"));
    }

    @Test
    void shouldKeepDifferentProblemsAndOneStagesFindingsApart() {
        List<Finding> findings = List.of(
                finding("iac", "docker-root-user", Severity.MEDIUM, "Dockerfile", 1, "CWE-250"),
                finding("secrets", "generic-password", Severity.HIGH, "Dockerfile", 1, "CWE-798"),
                finding("iac", "docker-secret-in-env", Severity.HIGH, "Dockerfile", 3, "CWE-798"),
                finding("iac", "docker-secret-in-arg", Severity.MEDIUM, "Dockerfile", 3, "CWE-798"),
                finding("secrets", "generic-password", Severity.HIGH, "Dockerfile", 4, "CWE-798"));

        List<Finding> merged = CrossStageDuplicates.merge(findings, List.of("secrets", "iac"));

        assertThat(merged).isEqualTo(findings);
    }

    @Test
    void shouldPickTheMostSevereMemberAndStaySuppressedOnlyWhenAllMembersAre() {
        Suppression inline = new Suppression("inline", "test data", null, null, "k.yaml:3");
        Finding iac = finding("iac", "k8s-secret-manifest-data", Severity.MEDIUM, "k.yaml", 4, "CWE-312").toBuilder()
                .suppression(inline).identifier("CKV_X_1").build();
        Finding secret = finding("secrets", "kubernetes-secret-data", Severity.HIGH, "k.yaml", 4, "CWE-798");
        Finding other = finding("iac", "k8s-default-namespace", Severity.LOW, "k.yaml", 1, "CWE-1188");

        List<Finding> merged = CrossStageDuplicates.merge(List.of(iac, other, secret), List.of("secrets", "iac"));

        assertThat(merged).hasSize(2).contains(other);
        Finding one = merged.stream().filter(f -> f != other).findFirst().orElseThrow();
        assertThat(one.ruleId()).isEqualTo("kubernetes-secret-data");
        assertThat(one.fingerprint()).isEqualTo(secret.fingerprint());
        assertThat(one.identifiers()).contains("k8s-secret-manifest-data", "CKV_X_1");
        assertThat(one.properties()).containsEntry("alsoReportedAs", "iac:k8s-secret-manifest-data");
        assertThat(one.suppression()).isNull();
        assertThat(new io.jenkins.plugins.devsecops.suppression.SuppressionEntry(null, "k8s-secret-manifest-data",
                null, "k.yaml", "test data", null, null, null, null, null).matches(one)).isTrue();

        Finding both = CrossStageDuplicates.merge(List.of(iac, secret.toBuilder().suppression(inline).build()),
                List.of("secrets", "iac")).get(0);
        assertThat(both.suppression()).isEqualTo(inline);
    }

    @Test
    void shouldMergeASpilledListAsTheSameListInMemory() {
        // 3,000 findings of three stages, every 10th place reported by two or three stages with a shared CWE
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String path = "dir/f" + (i % 97) + ".yaml";
            int line = i / 97 + 1;
            findings.add(finding("secrets", "s" + (i % 5), Severity.HIGH, path, line, "CWE-798"));
            findings.add(finding("iac", "i" + (i % 7), i % 10 == 0 ? Severity.CRITICAL : Severity.MEDIUM,
                    i % 10 == 0 ? path : "other/" + path, line, i % 20 == 0 ? "CWE-312" : "CWE-16"));
            findings.add(finding("sast", "j" + (i % 3), Severity.LOW, i % 30 == 0 ? path : "src/" + path, line,
                    "CWE-798"));
        }
        List<String> order = List.of("secrets", "iac", "sast");
        List<Finding> inMemory = CrossStageDuplicates.merge(List.copyOf(findings), order);
        List<Finding> spilled = io.jenkins.plugins.devsecops.model.FindingList.builder(0).addAll(findings).build();

        List<Finding> merged = CrossStageDuplicates.merge(spilled, order);

        assertThat(inMemory).hasSizeLessThan(findings.size());
        assertThat(inMemory.stream().filter(f -> f.properties().containsKey("alsoReportedAs")).count())
                .isGreaterThan(50);
        assertThat(io.jenkins.plugins.devsecops.model.FindingList.isSpilled(merged)).isTrue();
        assertThat(merged).containsExactlyElementsOf(inMemory);
    }
}
