package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.report.SarifReportWriter;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Checkov ids of the IaC rules: the shipped table, findings, SARIF, suppressions and Checkov's skip comments. */
class CheckovIdsTest {

    @TempDir
    Path root;

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private Report scan() throws Exception {
        return new ScanEngine(StageCatalog.builtIn()).scan(ScanRequest.builder(root).stage("iac").threads(2).build(),
                ProgressListener.NONE);
    }

    private static List<Finding> of(Report report, String ruleId) {
        return report.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void shouldShipAWellFormedTableNamingOnlyKnownRules() {
        Set<String> rules = IacRuleCatalog.builtIn().stream().map(IacRule::id).collect(Collectors.toSet());

        assertThat(CheckovIds.builtIn().problems()).isEmpty();
        assertThat(CheckovIds.builtIn().ruleIds()).isNotEmpty().allSatisfy(id -> assertThat(rules).contains(id));
        assertThat(CheckovIds.builtIn().of("k8s-privileged-container")).containsExactly("CKV_K8S_16");
        assertThat(CheckovIds.builtIn().of("no-such-rule")).isEmpty();
    }

    @Test
    void shouldReportMalformedAndDuplicateLines() {
        CheckovIds ids = CheckovIds.parse("""
                # comment
                good-rule\tCKV_AWS_1,CKV2_AWS_5
                good-rule\tCKV_AWS_2
                spaces CKV_AWS_3
                bad-ids\tCKV_AWS_3,,
                Upper\tCKV_AWS_4
                lower-ckv\tckv_aws_5

                """);

        assertThat(ids.of("good-rule")).containsExactly("CKV_AWS_1", "CKV2_AWS_5");
        assertThat(ids.ruleIds()).containsExactly("good-rule");
        assertThat(ids.problems()).hasSize(5).allSatisfy(p -> assertThat(p).startsWith("line "));
        assertThat(ids.problems().get(0)).contains("line 3", "twice");
    }

    @Test
    void shouldNameCheckovIdsInFindingsAndSarifRuleProperties() throws Exception {
        write("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: debug
                  namespace: tools
                spec:
                  containers:
                    - name: shell
                      image: busybox:1.36
                      securityContext:
                        privileged: true
                """);

        Report report = scan();

        Finding privileged = of(report, "k8s-privileged-container").get(0);
        assertThat(privileged.properties()).containsEntry("checkov", "CKV_K8S_16");
        assertThat(privileged.identifiers()).containsExactly("CKV_K8S_16");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter().write(report, out);
        JsonNode rules = new ObjectMapper().readTree(out.toByteArray()).path("runs").path(0).path("tool")
                .path("driver").path("rules");
        JsonNode rule = null;
        for (JsonNode candidate : rules) {
            if (candidate.path("id").asText().equals("k8s-privileged-container")) {
                rule = candidate;
            }
        }
        assertThat(rule).isNotNull();
        assertThat(rule.path("properties").path("checkov")).extracting(JsonNode::asText).containsExactly("CKV_K8S_16");
    }

    @Test
    void shouldHonourCheckovSkipCommentsInTheirScopeAndAnnotations() throws Exception {
        write("main.tf", """
                resource "kubernetes_namespace" "ignored" {
                }
                """);
        write("k8s/pods.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: skipped
                  namespace: tools
                  annotations:
                    checkov.io/skip1: CKV_K8S_16=break-glass debugging pod
                    checkov.io/skip2: CKV_K8S_14
                spec:
                  containers:
                    - name: shell
                      image: busybox
                      securityContext:
                        privileged: true
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: active
                  namespace: tools
                spec:
                  containers:
                    - name: shell
                      image: busybox
                      securityContext:
                        # devsecops:ignore CKV_K8S_20 our own comment style with a Checkov id
                        privileged: true
                """);
        write("docker/Dockerfile", """
                FROM alpine:3.20
                RUN apk add --no-cache curl
                EXPOSE 22
                #checkov:skip=CKV_DOCKER_1: bastion image, sshd is the point
                USER app
                """);
        Report report = scan();

        assertThat(of(report, "k8s-privileged-container")).hasSize(2).anySatisfy(f -> {
            assertThat(f.properties()).containsEntry("resource", "Pod/skipped container shell");
            assertThat(f.suppression().reason()).isEqualTo("break-glass debugging pod");
            assertThat(f.suppression().source()).isEqualTo("k8s/pods.yaml:7");
        }).anySatisfy(f -> {
            assertThat(f.properties()).containsEntry("resource", "Pod/active container shell");
            assertThat(f.suppression()).isNull();
        });
        assertThat(of(report, "k8s-image-latest-tag")).filteredOn(Finding::isSuppressed).singleElement()
                .satisfies(f -> assertThat(f.suppression().reason()).isEqualTo("skipped by Checkov annotation"));
        assertThat(of(report, "docker-expose-ssh")).singleElement().satisfies(f -> {
            assertThat(f.suppression().reason()).isEqualTo("bastion image, sshd is the point");
            assertThat(f.suppression().source()).isEqualTo("docker/Dockerfile:4");
        });
    }

    @Test
    void shouldScopeCheckovSkipCommentsToTheResourceTheyAreIn() {
        InlineSuppressions terraform = InlineSuppressions.of("main.tf", """
                resource "aws_s3_bucket" "skipped" {
                  #checkov:skip=CKV_AWS_20:public static content host
                  bucket = "site"

                  acl    = "public-read"
                }
                resource "aws_s3_bucket" "active" {
                  acl = "public-read"
                }
                """);
        InlineSuppressions cloudFormation = InlineSuppressions.of("template.yaml", """
                Resources:
                  Skipped:
                    Type: AWS::EC2::Volume
                    # checkov:skip=CKV_AWS_3
                    Properties:
                      Encrypted: false
                  Active:
                    Type: AWS::EC2::Volume
                    Properties:
                      Encrypted: false
                """);
        List<String> ids = List.of("CKV_AWS_20", "CKV_AWS_3");

        assertThat(terraform.find("aws-s3-public-acl", ids, 5, 1)).get()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("public static content host"))
                .satisfies(s -> assertThat(s.source()).isEqualTo("main.tf:2"));
        assertThat(terraform.find("aws-s3-public-acl", ids, 8, 7)).isEmpty();
        assertThat(terraform.find("aws-s3-public-acl", List.of("CKV_AWS_57"), 5, 1)).isEmpty();
        assertThat(cloudFormation.find("cfn-ebs-unencrypted", ids, 6, 2)).get()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("suppressed inline"));
        assertThat(cloudFormation.find("cfn-ebs-unencrypted", ids, 10, 7)).isEmpty();
    }

    @Test
    void shouldLetARuleSuppressionNameACheckovId() {
        Finding finding = Finding.builder().ruleId("k8s-privileged-container").stage("iac")
                .severity(io.jenkins.plugins.devsecops.model.Severity.HIGH).title("t").identifier("CKV_K8S_16").build();

        assertThat(new SuppressionEntry(null, "ckv_k8s_16", null, null, "r", null, null, null, null, null)
                .matches(finding)).isTrue();
        assertThat(new SuppressionEntry(null, "CKV_K8S_17", null, null, "r", null, null, null, null, null)
                .matches(finding)).isFalse();
    }
}
