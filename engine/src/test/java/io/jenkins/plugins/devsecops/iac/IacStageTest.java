package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IacStageTest {

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
    void shouldBeRegisteredAsTheIacStage() {
        assertThat(StageCatalog.builtIn().find("iac")).get().isInstanceOf(IacStage.class);
    }

    @Test
    void shouldScanARealisticMultiPlatformRepository() throws Exception {
        write("infra/variables.tf", """
                variable "ssh_cidr" {
                  default = "0.0.0.0/0"
                }
                """);
        write("infra/main.tf", """
                terraform {
                  required_providers {
                    aws = { source = "hashicorp/aws" }
                  }
                }

                module "records" {
                  source      = "../modules/records-bucket"
                  bucket_name = "patient-records"
                }

                resource "aws_security_group" "admin" {
                  name = "admin"
                  ingress {
                    description = "ssh"
                    from_port   = 22
                    to_port     = 22
                    protocol    = "tcp"
                    cidr_blocks = [var.ssh_cidr]
                  }
                }

                resource "aws_db_instance" "records" {
                  engine              = "postgres"
                  storage_encrypted   = true
                  publicly_accessible = true
                  deletion_protection = true
                }
                """);
        write("modules/records-bucket/main.tf", """
                variable "bucket_name" {}

                resource "aws_s3_bucket" "this" {
                  bucket = var.bucket_name
                  acl    = "public-read"
                }
                """);
        write("deploy/app.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: web
                      namespace: shop
                    spec:
                      template:
                        spec:
                          containers:
                            - name: app
                              image: shop/web:latest
                              securityContext:
                                privileged: true
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                  namespace: shop
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          hostNetwork: true
                          containers:
                            - name: report
                              image: shop/report:1.0
                """);
        write("cfn/stack.json", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    "Db": {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": {
                        "Engine": "mysql",
                        "StorageEncrypted": true,
                        "PubliclyAccessible": true
                      }
                    }
                  }
                }
                """);
        write("Dockerfile", """
                FROM node:20.11-alpine
                RUN curl -fsSL https://example.com/setup | sh
                CMD ["node", "index.js"]
                """);
        write("charts/web/templates/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ include "web.fullname" . }}
                {{- if .Values.enabled }}
                spec: {}
                {{- end }}
                """);
        write("package.json", "{\"name\": \"not-iac\"}");
        write("infra/.terraform/modules/vpc/main.tf", "resource \"aws_ebs_volume\" \"third_party\" {\n}\n");

        Report report = scan();

        StageResult stage = report.stage("iac").orElseThrow();
        assertThat(stage.errors()).isEmpty();
        assertThat(of(report, "aws-sg-open-ssh")).singleElement().satisfies(f -> {
            assertThat(f.location().toString()).isEqualTo("infra/main.tf:19");
            assertThat(f.properties()).containsEntry("resource", "aws_security_group.admin");
        });
        assertThat(of(report, "aws-s3-public-acl")).singleElement().satisfies(f -> {
            assertThat(f.location().toString()).isEqualTo("modules/records-bucket/main.tf:5");
            assertThat(f.properties()).containsEntry("resource", "module.records.aws_s3_bucket.this");
        });
        assertThat(of(report, "aws-rds-publicly-accessible")).extracting(f -> f.location().toString())
                .containsExactly("infra/main.tf:26");
        assertThat(of(report, "k8s-privileged-container")).singleElement().satisfies(f -> {
            assertThat(f.location().toString()).isEqualTo("deploy/app.yaml:16");
            assertThat(f.properties()).containsEntry("resource", "Deployment/web container app");
        });
        assertThat(of(report, "k8s-image-latest-tag")).extracting(f -> f.location().startLine()).containsExactly(14);
        assertThat(of(report, "k8s-host-network")).singleElement()
                .satisfies(f -> assertThat(f.location().toString()).isEqualTo("deploy/app.yaml:29"));
        assertThat(of(report, "cfn-rds-publicly-accessible")).extracting(f -> f.location().toString())
                .containsExactly("cfn/stack.json:9");
        assertThat(of(report, "docker-curl-pipe-shell")).extracting(f -> f.location().toString())
                .containsExactly("Dockerfile:2");
        assertThat(report.findings()).noneMatch(f -> f.location().path().startsWith("charts/"))
                .noneMatch(f -> f.location().path().contains(".terraform/"));
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.fingerprint()).hasSize(64));
    }

    @Test
    void shouldReportRemoteModulesAsNotScannedWithTheirSource() throws Exception {
        write("live/main.tf", """
                module "vpc" {
                  source  = "terraform-aws-modules/vpc/aws"
                  version = "5.1.0"
                }
                module "db" {
                  source = "git::https://ci-token@github.com/acme/tf-db.git?ref=v1.2.0"
                }
                """);

        Report report = scan();

        StageResult iac = report.stages().get(0);
        assertThat(iac.skipped()).containsEntry("Terraform module not scanned (registry): terraform-aws-modules/vpc/aws",
                1L).containsEntry("Terraform module not scanned (git): git::https://github.com/acme/tf-db.git", 1L);
        assertThat(iac.skipped().keySet()).noneMatch(reason -> reason.contains("ci-token"));
    }

    @Test
    void shouldFollowCompanionResourcesAcrossTheFilesOfAModule() throws Exception {
        write("storage/main.tf", """
                resource "aws_s3_bucket" "records" {
                  bucket = "records"
                }
                """);
        write("storage/versioning.tf", """
                # versioning of the records bucket
                resource "aws_s3_bucket_versioning" "records" {
                  bucket = aws_s3_bucket.records.id
                  versioning_configuration {
                    status = "Suspended"
                  }
                }
                """);

        Report report = scan();

        assertThat(of(report, "aws-s3-no-versioning")).singleElement().satisfies(f -> {
            assertThat(f.location().toString()).isEqualTo("storage/versioning.tf:5");
            assertThat(f.location().snippet()).isEqualTo("status = \"Suspended\"");
            assertThat(f.message()).contains("aws_s3_bucket.records");
        });
    }

    @Test
    void shouldGiveFingerprintsThatSurviveLineMovesAndTellFindingsApart() throws Exception {
        String dockerfile = "FROM alpine:3.20\nRUN cd /a && make\nRUN cd /b && make\nUSER 1000\n";
        write("Dockerfile", dockerfile);
        List<String> before = of(scan(), "docker-cd-in-run").stream().map(Finding::fingerprint).toList();

        write("Dockerfile", "# moved\n\n" + dockerfile);
        List<String> after = of(scan(), "docker-cd-in-run").stream().map(Finding::fingerprint).toList();

        assertThat(before).hasSize(2).doesNotHaveDuplicates();
        assertThat(after).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void shouldReadTerraformJsonSyntax() throws Exception {
        write("json/variables.tf.json", """
                {
                  "variable": {
                    "acl": { "default": "public-read" }
                  }
                }
                """);
        write("json/main.tf.json", """
                {
                  "resource": {
                    "aws_s3_bucket": {
                      "site": {
                        "bucket": "site",
                        "acl": "${var.acl}"
                      }
                    },
                    "aws_security_group": {
                      "web": [{
                        "ingress": [{
                          "from_port": 22,
                          "to_port": 22,
                          "protocol": "tcp",
                          "cidr_blocks": ["0.0.0.0/0"]
                        }]
                      }]
                    }
                  }
                }
                """);

        Report report = scan();

        assertThat(report.stage("iac").orElseThrow().errors()).isEmpty();
        assertThat(of(report, "aws-s3-public-acl")).singleElement().satisfies(f -> {
            assertThat(f.location().toString()).isEqualTo("json/main.tf.json:6");
            assertThat(f.properties()).containsEntry("resource", "aws_s3_bucket.site");
        });
        assertThat(of(report, "aws-sg-open-ssh")).extracting(f -> f.location().toString())
                .containsExactly("json/main.tf.json:15");
    }

    @Test
    void shouldCheckAHugeHostileRunInstruction() throws Exception {
        String run = "curl x ".repeat(120_000) + "$A ${B:-c} ".repeat(10_000);
        write("Dockerfile", "FROM alpine:3.20\nARG A=1\nRUN " + run + "| sh\nUSER 1000\n");

        Report report = scan();

        assertThat(report.stage("iac").orElseThrow().errors()).isEmpty();
        assertThat(of(report, "docker-curl-pipe-shell")).extracting(f -> f.location().toString())
                .containsExactly("Dockerfile:3");
        assertThat(of(report, "docker-curl-pipe-shell").get(0).location().snippet()).hasSizeLessThan(210);
    }

    @Test
    void shouldReportHostileFilesAsPerFileErrorsAndGoOn() throws Exception {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\na: &a [x,x,x,x,x,x,x,x,x]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + previous + ",").repeat(8))
                    .append('*').append(previous).append("]\n");
            previous = c;
        }
        write("k8s/bomb.yaml", bomb.toString());
        write("tf/deep.tf", "locals {\n  x = " + "[".repeat(50_000) + "]".repeat(50_000) + "\n}\n");
        write("tf/broken.tf", "resource \"aws_s3_bucket\" \"b\" {\n  acl = \n");
        write("cfn/broken.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {");
        write("Dockerfile", "RUN echo no from\n");
        write("ok/main.tf", "resource \"aws_ebs_volume\" \"v\" {\n  encrypted = false\n}\n");
        write("docs/notes.json", "// mentions \"AWS::S3::Bucket\" but is not JSON\n{");
        write("ci/pipeline.yml", "steps: [ \"AWS::Region\" \n  - broken: [");

        Report report = scan();

        StageResult stage = report.stage("iac").orElseThrow();
        assertThat(stage.errors()).extracting(e -> e.path())
                .containsExactlyInAnyOrder("k8s/bomb.yaml", "tf/deep.tf", "tf/broken.tf", "cfn/broken.json",
                        "Dockerfile");
        assertThat(stage.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        assertThat(of(report, "aws-ebs-unencrypted")).extracting(f -> f.location().toString())
                .containsExactly("ok/main.tf:2");
    }

    @Test
    void shouldRecogniseDockerfilesByNameAndContent() throws Exception {
        String dockerfile = "FROM alpine\nUSER app\n";
        for (String name : new String[] {"Dockerfile.prod", "api.Dockerfile", "web.dockerfile", "Dockerfile_arm",
                "Containerfile", "Dockerfile.ci"}) {
            write("d/" + name, dockerfile);
        }
        write("src/Dockerfile.java", "package demo;\n\npublic class Dockerfile {\n}\n");
        write("notes/Dockerfile.txt", "How we build images\nRUN nothing\n");

        Report report = scan();

        assertThat(of(report, "docker-base-image-latest")).extracting(f -> f.location().path())
                .containsExactlyInAnyOrder("d/Dockerfile.prod", "d/api.Dockerfile", "d/web.dockerfile",
                        "d/Dockerfile_arm", "d/Containerfile", "d/Dockerfile.ci");
        StageResult stage = report.stage("iac").orElseThrow();
        assertThat(stage.errors()).isEmpty();
        assertThat(stage.skipped()).containsEntry(
                "named like a Dockerfile but does not start with FROM, ARG or a parser directive", 1L);
    }

    @Test
    void shouldMarkInlineSuppressionsInEveryCommentStyleWithoutDroppingFindings() throws Exception {
        write("main.tf", """
                # devsecops:ignore aws-ebs-unencrypted scratch volume, wiped nightly
                resource "aws_ebs_volume" "scratch" {
                  encrypted = false
                }
                resource "aws_ebs_volume" "data" {
                  encrypted = false // devsecops:ignore aws-ebs-unencrypted legacy, ticket SEC-12
                }
                resource "aws_ebs_volume" "other" {
                  encrypted = false
                }
                """);
        write("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: debug
                spec:
                  containers:
                    - name: shell
                      image: busybox:1.36
                      securityContext:
                        # devsecops:ignore k8s-privileged-container break-glass debugging pod
                        privileged: true
                """);
        write("Dockerfile", """
                FROM alpine:3.20
                # devsecops:ignore docker-root-user needs raw sockets
                USER root
                """);

        Report report = scan();

        java.util.Map<String, Finding> byResource = of(report, "aws-ebs-unencrypted").stream()
                .collect(java.util.stream.Collectors.toMap(f -> f.properties().get("resource"), f -> f));
        assertThat(byResource).hasSize(3);
        assertThat(byResource.get("aws_ebs_volume.scratch").suppression()).satisfies(s -> {
            assertThat(s.kind()).isEqualTo("inline");
            assertThat(s.reason()).isEqualTo("scratch volume, wiped nightly");
            assertThat(s.source()).isEqualTo("main.tf:1");
        });
        assertThat(byResource.get("aws_ebs_volume.data").suppression().reason()).isEqualTo("legacy, ticket SEC-12");
        assertThat(byResource.get("aws_ebs_volume.other").suppression()).isNull();
        assertThat(of(report, "k8s-privileged-container")).singleElement()
                .satisfies(f -> assertThat(f.suppression().reason()).isEqualTo("break-glass debugging pod"));
        assertThat(of(report, "k8s-run-as-non-root-missing")).singleElement()
                .satisfies(f -> assertThat(f.isSuppressed()).isFalse());
        assertThat(of(report, "docker-root-user")).singleElement()
                .satisfies(f -> assertThat(f.suppression().source()).isEqualTo("Dockerfile:2"));
    }

    @Test
    void shouldNeverWriteAFoundSecretInClear() throws Exception {
        write("providers.tf", """
                provider "aws" {
                  region     = "eu-west-1"
                  secret_key = "wJalrXUtnFEMI-provider-secret-value"
                }
                """);
        write("deploy.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  containers:
                    - name: api
                      image: api:1.0
                      env:
                        - name: API_TOKEN
                          value: "k8s-env-secret-value-123"
                """);
        write("Dockerfile", "FROM alpine:3.20\nENV DB_PASSWORD docker-env-secret-value\nUSER 1000\n");

        Report report = scan();

        String json = new ReportJson().toJson(report);
        assertThat(of(report, "tf-provider-hardcoded-credentials")).singleElement()
                .satisfies(f -> assertThat(f.location().snippet()).isEqualTo("secret_key = ****"));
        assertThat(of(report, "k8s-secret-in-env")).singleElement()
                .satisfies(f -> assertThat(f.location().snippet()).isEqualTo("value: ****"));
        assertThat(of(report, "docker-secret-in-env")).singleElement()
                .satisfies(f -> assertThat(f.location().snippet()).isEqualTo("ENV DB_PASSWORD ****"));
        assertThat(json).doesNotContain("provider-secret-value", "k8s-env-secret-value", "docker-env-secret-value");
    }

    @Test
    void shouldRunCustomRulesFromTheRepository() throws Exception {
        write(".devsecops/iac-rules/org.yaml", """
                rules:
                  - id: org-bucket-owner-tag
                    title: Buckets must name an owner
                    severity: low
                    cwe: CWE-1059
                    remediation: Add tags.owner.
                    platform: terraform
                    resource: aws_s3_bucket
                    attribute: tags.owner
                    condition: missing
                  - id: org-approved-registry
                    title: Images come from the approved registry
                    severity: high
                    platform: kubernetes
                    resource: Deployment, Pod
                    attribute: spec.template.spec.containers.image
                    condition: not-matches
                    value: '^registry\\.corp\\.example/'
                  - id: org-no-gp2
                    title: Use gp3 volumes
                    platform: cloudformation
                    resource: AWS::EC2::Volume
                    attribute: VolumeType
                    condition: equals
                    value: gp2
                  - id: org-cost-center
                    title: Tags name the cost centre
                    platform: terraform
                    resource: "*"
                    attribute: tags
                    condition: present
                """);
        write(".devsecops/iac-rules/broken.yaml", "rules:\n  - id: Not Valid\n    title: x\n");
        write("main.tf", """
                resource "aws_s3_bucket" "tagged" {
                  tags = { owner = "team-a" }
                }
                resource "aws_s3_bucket" "untagged" {
                  bucket = "x"
                }
                """);
        write("web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers:
                        - name: ok
                          image: registry.corp.example/web:1.0
                        - name: rogue
                          image: docker.io/someone/web:1.0
                """);
        write("vol.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  V:
                    Type: AWS::EC2::Volume
                    Properties:
                      VolumeType: gp2
                """);

        Report report = scan();

        assertThat(of(report, "org-bucket-owner-tag")).singleElement().satisfies(f -> {
            assertThat(f.properties()).containsEntry("resource", "aws_s3_bucket.untagged");
            assertThat(f.location().toString()).isEqualTo("main.tf:4");
            assertThat(f.cwes()).containsExactly("CWE-1059");
        });
        assertThat(of(report, "org-approved-registry")).extracting(f -> f.location().toString())
                .containsExactly("web.yaml:12");
        assertThat(of(report, "org-no-gp2")).extracting(f -> f.location().toString()).containsExactly("vol.yaml:6");
        assertThat(of(report, "org-cost-center")).extracting(f -> f.location().toString()).containsExactly("main.tf:2");
        assertThat(report.stage("iac").orElseThrow().errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo(".devsecops/iac-rules/broken.yaml");
            assertThat(e.message()).contains("lower-case");
        });
    }
}
