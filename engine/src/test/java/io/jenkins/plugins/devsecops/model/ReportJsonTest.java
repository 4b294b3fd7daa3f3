package io.jenkins.plugins.devsecops.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    static Report sampleReport() {
        Finding secret = Finding.builder().ruleId("aws-access-key-id").stage("secrets").severity(Severity.CRITICAL)
                .title("AWS access key").message("An AWS access key id AKIA****************")
                .location(new Location("config/app.env", 3, 12, 3, 32, "AWS_KEY=AKIA****************"))
                .cwe("CWE-798").remediation("Revoke and rotate the key in the AWS console")
                .confidence(Confidence.MEDIUM).tool(new ToolInfo("DevSecOps Scan", "0.1.0")).fingerprint("abc")
                .property("commit", "0123abcd").build();
        Finding dependency = Finding.builder().ruleId("GHSA-jfh8-c2jp-5v3q").stage("dependencies")
                .severity(Severity.HIGH).title("log4j-core remote code execution")
                .component(new Component("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "log4j-core",
                        "2.14.1", "Maven", true, List.of("app", "log4j-core")))
                .identifier("CVE-2021-44228").identifier("GHSA-jfh8-c2jp-5v3q")
                .cvss(new Cvss("3.1", 10.0, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"))
                .fixedVersion("2.15.0")
                .suppression(new Suppression("advisory", "not reachable", "team-a", LocalDate.of(2027, 1, 31), "x.yaml:3"))
                .build();
        return Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), Instant.parse("2026-11-23T10:00:00Z"))
                .durationMillis(1234).root("/src")
                .walk(new WalkSummary(10, 8, 4096, Map.of("binary", 2L)))
                .stage(StageResult.builder("secrets").filesScanned(8).bytesScanned(4096).findingCount(1)
                        .error(new StageError("bad.json", "malformed")).warning("w").build())
                .finding(secret).finding(dependency).property("commit", "0123abcd").build();
    }

    @Test
    void shouldRoundTripThroughJson() throws IOException {
        ReportJson json = new ReportJson();
        Report report = sampleReport();

        String text = json.toJson(report);
        Report read = json.fromJson(text);

        assertThat(read).isEqualTo(report);
        assertThat(text).contains("\"schemaVersion\" : 1", "\"startedAt\" : \"2026-11-23T10:00:00Z\"",
                "\"expires\" : \"2027-01-31\"");
    }

    @Test
    void shouldRoundTripThroughJavaSerialization() throws Exception {
        Report report = sampleReport();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(report);
        }
    }

    @Test
    void shouldRefuseNewerSchemaVersions() {
        assertThatThrownBy(() -> new ReportJson().fromJson("{\"schemaVersion\":99,\"tool\":{\"name\":\"x\"},"
                + "\"startedAt\":\"2026-11-23T10:00:00Z\"}")).isInstanceOf(IOException.class)
                .hasMessageContaining("newer");
    }

    @Test
    void shouldRejectFindingsWithoutIdentity() {
        assertThatThrownBy(() -> Finding.builder().stage("s").severity(Severity.LOW).title("t").build())
                .hasMessageContaining("ruleId");
    }
}
