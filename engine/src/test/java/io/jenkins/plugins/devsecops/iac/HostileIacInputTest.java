package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Expansion bombs in Terraform and Dockerfiles, and many custom rules over many resources: bounded, said, kept. */
class HostileIacInputTest {

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

    private static StageResult iac(Report report) {
        return report.stage("iac").orElseThrow();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldBoundLocalsThatDoubleAndModulesThatFanOut() throws Exception {
        // Given locals that double 40 times, both as lists and as strings, used by a bucket
        StringBuilder locals = new StringBuilder("locals {\n  l0 = [\"x\", \"y\"]\n  s0 = \"ab\"\n");
        for (int i = 1; i <= 40; i++) {
            locals.append("  l").append(i).append(" = [local.l").append(i - 1).append(", local.l").append(i - 1)
                    .append("]\n  s").append(i).append(" = \"${local.s").append(i - 1).append("}${local.s")
                    .append(i - 1).append("}\"\n");
        }
        locals.append("}\n");
        write("infra/locals.tf", locals + """
                resource "aws_s3_bucket" "data" {
                  bucket = local.s40
                  acl    = "public-read"
                  tags   = { all = local.l40 }
                }
                """);
        // and modules that each call the next eight times, eight levels deep
        for (int level = 0; level < 8; level++) {
            StringBuilder module = new StringBuilder();
            for (int call = 0; call < 8; call++) {
                module.append("module \"m").append(call).append("\" {\n  source = \"../m").append(level + 1)
                        .append("\"\n  count = 50\n}\n");
            }
            module.append("resource \"aws_s3_bucket\" \"b").append(level).append("\" {\n  acl = \"private\"\n}\n");
            write("m" + level + "/main.tf", module.toString());
        }
        write("m8/main.tf", "resource \"aws_s3_bucket\" \"leaf\" {\n  acl = \"public-read\"\n}\n");

        // When
        Report report = scan();

        // Then the scan ends, says where it stopped, and still reports the public bucket of the root module
        assertThat(iac(report).warnings()).anySatisfy(w -> assertThat(w).contains("stopped substituting"));
        assertThat(iac(report).warnings()).anySatisfy(w -> assertThat(w).contains("module instances"));
        assertThat(report.findings()).extracting(f -> f.ruleId() + "@" + f.location().path())
                .contains("aws-s3-public-acl@infra/locals.tf");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldBoundDockerfileVariablesThatDouble() throws Exception {
        // Given a small Dockerfile whose ENV value doubles 35 times, then an instruction a rule flags
        StringBuilder dockerfile = new StringBuilder("FROM alpine:3.19\nENV A=abcdefgh\n");
        for (int i = 0; i < 35; i++) {
            dockerfile.append("ENV A=$A$A\n");
        }
        dockerfile.append("ADD http://example.com/tool.tar.gz /opt/\nUSER app\n");
        write("Dockerfile", dockerfile.toString());

        // When
        Report report = scan();

        // Then expansion stopped with a warning naming the file and the finding after it is kept
        assertThat(iac(report).warnings()).anySatisfy(w -> assertThat(w).startsWith("Dockerfile: ")
                .contains("ENV/ARG values grow"));
        assertThat(report.findings()).extracting(Finding::ruleId).contains("docker-add-from-url");
        assertThat(iac(report).errors()).isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldEvaluateAThousandCustomRulesOverThreeThousandResourcesByType() throws Exception {
        // Given 1,000 custom rules, each about one of 50 resource types (one of them about two types), and 3,000
        // resources of 100 types without the owner tag the rules require
        StringBuilder rules = new StringBuilder("rules:\n");
        for (int i = 0; i < 1000; i++) {
            rules.append("  - id: org-rule-").append(i).append("\n    title: Rule ").append(i)
                    .append("\n    severity: low\n    platform: terraform\n    resource: aws_thing_").append(i % 50)
                    .append(i == 999 ? ", aws_thing_99" : "").append("\n    attribute: tags.owner\n    condition: missing\n");
        }
        write(".devsecops/iac-rules/many.yaml", rules.toString());
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            resources.append("resource \"aws_thing_").append(i % 100).append("\" \"r").append(i)
                    .append("\" {\n  name = \"x").append(i).append("\"\n}\n");
        }
        write("infra/main.tf", resources.toString());

        // When
        Report report = scan();

        // Then each rule reports exactly the 30 resources of its type (the two-type rule 60), and nothing else
        java.util.Map<String, Long> perRule = report.findings().stream().collect(java.util.stream.Collectors
                .groupingBy(Finding::ruleId, java.util.stream.Collectors.counting()));
        assertThat(perRule).hasSize(1000);
        assertThat(perRule.get("org-rule-0")).isEqualTo(30L);
        assertThat(perRule.get("org-rule-999")).isEqualTo(60L);
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("org-rule-7"))
                .allSatisfy(f -> assertThat(f.message()).contains("tags.owner"));
    }
}
