package io.jenkins.plugins.devsecops.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.testing.MarkerStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingFingerprintsTest {

    private static final String MAIN_TF = """
            provider "aws" {
              region = "eu-west-1"
            }

            resource "aws_security_group" "web" {
              name        = "web"
              description = "Web tier"

              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }

              egress {
                from_port   = 0
                to_port     = 0
                protocol    = "-1"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            """;

    private static final String APP_JAVA = """
            package com.example;

            import java.sql.Connection;

            public class UserDao {
                private final Connection connection;

                public UserDao(Connection connection) {
                    this.connection = connection;
                }

                public Object find(String name) throws Exception {
                    // TODO-SECURITY build the query with a PreparedStatement
                    return connection.createStatement().executeQuery("select * from users where name='" + name + "'");
                }
            }
            """;

    @TempDir
    Path root;

    private Map<String, String> scan() throws Exception {
        Report report = new ScanEngine(new StageCatalog(List.of(MarkerStage.standard())))
                .scan(ScanRequest.builder(root).threads(1).build(), ProgressListener.NONE);
        Map<String, String> byPlace = new TreeMap<>();
        for (Finding finding : report.findings()) {
            byPlace.put(finding.location().path() + ":" + finding.location().startLine(), finding.fingerprint());
        }
        return byPlace;
    }

    private void write(String path, String content) throws Exception {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), content);
    }

    @Test
    void shouldKeepFingerprintsAcrossLineMovesReindentationAndUnrelatedEdits() throws Exception {
        // Given a Terraform file and a Java file with findings
        write("infra/main.tf", MAIN_TF);
        write("src/UserDao.java", APP_JAVA);
        Map<String, String> before = scan();
        assertThat(before).containsOnlyKeys("infra/main.tf:13", "infra/main.tf:20", "src/UserDao.java:13");

        // When lines are inserted above, blocks re-indented and unrelated lines edited
        write("infra/main.tf", """
                terraform {
                  required_version = ">= 1.5"
                }

                provider "aws" {
                  region = "eu-central-1"
                }

                resource "aws_security_group" "web" {
                  name        = "web-tier"
                  description = "Web tier, reviewed"

                  ingress {
                      from_port   = 22
                      to_port     = 22
                      protocol    = "tcp"
                      cidr_blocks = [ "0.0.0.0/0" ]
                  }

                  egress {
                    from_port = 0
                    to_port   = 0
                    protocol  = "-1"
                    cidr_blocks = ["0.0.0.0/0"]
                  }
                }
                """);
        write("src/UserDao.java", APP_JAVA.replace("import java.sql.Connection;",
                "import java.sql.Connection;\nimport java.util.Objects;\n").replace("        // TODO-SECURITY",
                "\t\t// TODO-SECURITY").replace("this.connection = connection;",
                "this.connection = Objects.requireNonNull(connection);"));
        Map<String, String> after = scan();

        // Then every finding moved but kept its fingerprint
        assertThat(after).containsOnlyKeys("infra/main.tf:17", "infra/main.tf:24", "src/UserDao.java:15");
        assertThat(after.get("infra/main.tf:17")).isEqualTo(before.get("infra/main.tf:13"));
        assertThat(after.get("infra/main.tf:24")).isEqualTo(before.get("infra/main.tf:20"));
        assertThat(after.get("src/UserDao.java:15")).isEqualTo(before.get("src/UserDao.java:13"));
    }

    @Test
    void shouldChangeTheFingerprintWhenTheFlaggedLineItselfChanges() throws Exception {
        // Given the Terraform file scanned once
        write("infra/main.tf", MAIN_TF);
        Map<String, String> before = scan();

        // When the ingress rule is narrowed to another CIDR that still matches, on the same line
        write("infra/main.tf", MAIN_TF.replace("cidr_blocks = [\"0.0.0.0/0\"]\n  }\n\n  egress",
                "cidr_blocks = [\"0.0.0.0/0\", \"10.0.0.0/8\"]\n  }\n\n  egress"));
        Map<String, String> after = scan();

        // Then the changed line is a different finding, the untouched one keeps its identity
        assertThat(after.get("infra/main.tf:13")).isNotEqualTo(before.get("infra/main.tf:13"));
        assertThat(after.get("infra/main.tf:20")).isEqualTo(before.get("infra/main.tf:20"));
        assertThat(after.values()).doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepTheFingerprintWhenAStatementIsRewrappedOverSeveralLines() throws Exception {
        // Given the Terraform file scanned once
        write("infra/main.tf", MAIN_TF);
        Map<String, String> before = scan();

        // When the ingress list is wrapped over two lines, as real commits do
        write("infra/main.tf", MAIN_TF.replace("    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n\n  egress",
                "    cidr_blocks = [\n    \"0.0.0.0/0\"]\n  }\n\n  egress"));
        Map<String, String> after = scan();

        // Then the finding, now on the next line, is the same
        assertThat(after.get("infra/main.tf:14")).isEqualTo(before.get("infra/main.tf:13"));
        assertThat(after.get("infra/main.tf:21")).isEqualTo(before.get("infra/main.tf:20"));
    }

    @Test
    void shouldGiveIdenticalLinesDistinctFingerprintsInLineOrder() throws Exception {
        // Given a file with the same flagged line three times
        write("a.txt", "TODO-SECURITY\nx\nTODO-SECURITY\ny\nTODO-SECURITY\n");

        // When scanned
        Map<String, String> prints = scan();

        // Then the three occurrences have three fingerprints
        assertThat(prints).hasSize(3);
        assertThat(prints.values()).doesNotHaveDuplicates();
    }

    @Test
    void shouldIdentifyDependenciesByEcosystemPackageAndAdvisoryNotVersion() {
        // Given the same advisory on lodash 4.17.20 and, after an upgrade, on 4.17.21, and another advisory
        Finding before = dependency("GHSA-35jh-r3h4-6jhm", "4.17.20", "package-lock.json");
        Finding upgraded = dependency("GHSA-35jh-r3h4-6jhm", "4.17.21", "web/package-lock.json");
        Finding other = dependency("GHSA-p6mc-m468-83gw", "4.17.20", "package-lock.json");

        // When fingerprinted / Then the version and lockfile do not matter, the advisory does
        assertThat(FindingFingerprints.ensure(before).fingerprint())
                .isEqualTo(FindingFingerprints.ensure(upgraded).fingerprint())
                .isNotEqualTo(FindingFingerprints.ensure(other).fingerprint());
    }

    @Test
    void shouldIdentifyDastFindingsByRuleUrlAndParameterIgnoringQueryValues() {
        // Given the same XSS on two requests that differ in query values and host case, and one on another parameter
        Finding first = dast("https://Shop.example.com/search?q=abc&page=2", "q");
        Finding second = dast("https://shop.example.com/search?page=9&q=%3Cscript%3E", "q");
        Finding otherParameter = dast("https://shop.example.com/search?q=abc&page=2", "page");

        // When fingerprinted / Then only rule, URL path, parameter names and parameter count
        assertThat(FindingFingerprints.ensure(first).fingerprint())
                .isEqualTo(FindingFingerprints.ensure(second).fingerprint())
                .isNotEqualTo(FindingFingerprints.ensure(otherParameter).fingerprint());
    }

    @Test
    void shouldKeepAStageFingerprintAndNeverReadASecretLineFromDisk() throws Exception {
        // Given a secret finding with the stage's salted fingerprint, and one without any, on a line holding a key
        write("app.env", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        Finding salted = Finding.builder().ruleId("aws-secret").stage("secrets").severity(Severity.HIGH)
                .title("AWS secret").location(Location.ofLine("app.env", 1)).fingerprint("salted-by-stage").build();
        Finding unsalted = salted.toBuilder().fingerprint(null).build();

        // When fingerprinted with the root available
        List<Finding> result = FindingFingerprints.ensureAll(List.of(salted, unsalted), root);

        // Then the stage's fingerprint is kept, and the other is not derived from the secret line
        assertThat(result.get(0).fingerprint()).isEqualTo("salted-by-stage");
        String withoutFile = FindingFingerprints.ensureAll(List.of(unsalted), null).get(0).fingerprint();
        assertThat(result.get(1).fingerprint()).isEqualTo(withoutFile);
    }

    @Test
    void shouldNotFollowPathsOutOfTheRoot() throws Exception {
        // Given a finding whose path climbs out of the root
        Finding escaping = Finding.builder().ruleId("r").stage("iac").severity(Severity.LOW).title("t")
                .location(Location.ofLine("../../etc/passwd", 1)).build();

        // When fingerprinted / Then the file is not read: the line-based fallback is used
        Finding result = FindingFingerprints.ensureAll(List.of(escaping), root).get(0);
        assertThat(result.fingerprint()).isEqualTo(FindingFingerprints.ensure(escaping).fingerprint());
    }

    private static Finding dependency(String advisory, String version, String lockfile) {
        return Finding.builder().ruleId(advisory).stage("dependencies").severity(Severity.HIGH).title(advisory)
                .identifier(advisory).component(Component.of("pkg:npm/lodash@" + version, "lodash", version, "npm"))
                .location(Location.ofFile(lockfile)).build();
    }

    private static Finding dast(String url, String parameter) {
        return Finding.builder().ruleId("zap-40012").stage("dast").severity(Severity.HIGH).title("Reflected XSS")
                .property("url", url).property("parameter", parameter).build();
    }
}
