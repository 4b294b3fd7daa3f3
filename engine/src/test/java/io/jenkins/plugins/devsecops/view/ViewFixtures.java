package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.time.Instant;
import java.time.LocalDate;

/** Reports shaped like the ones the secrets and dependency stages produce. */
final class ViewFixtures {

    private ViewFixtures() {
    }

    static Finding secret(String path, int line, Severity severity) {
        return Finding.builder().ruleId("aws-secret-access-key").stage("secrets").severity(severity)
                .title("AWS secret access key").message("An AWS secret access key is committed")
                .location(new Location(path, line, 1, line, 60, "AWS_SECRET_ACCESS_KEY=wJal****"))
                .cwe("CWE-798").remediation("Revoke the key and load it from a secret store").build();
    }

    static Finding log4j() {
        return Finding.builder().ruleId("GHSA-jfh8-c2jp-5v3q").stage("dependencies").severity(Severity.CRITICAL)
                .title("Remote code injection in Log4j")
                .component(Component.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "log4j-core",
                        "2.14.1", "Maven"))
                .identifier("CVE-2021-44228").identifier("GHSA-jfh8-c2jp-5v3q")
                .cvss(new Cvss("3.1", 10.0, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"))
                .fixedVersion("2.15.0").remediation("Upgrade log4j-core to 2.15.0 or later").build();
    }

    static Finding suppressedLodash() {
        return Finding.builder().ruleId("GHSA-35jh-r3h4-6jhm").stage("dependencies").severity(Severity.HIGH)
                .title("Command injection in lodash")
                .component(Component.of("pkg:npm/lodash@4.17.20", "lodash", "4.17.20", "npm"))
                .suppression(new Suppression("advisory", "template() is never called", "web-team",
                        LocalDate.of(2027, 1, 31), ".devsecops/suppressions.yaml:4"))
                .build();
    }

    /** Secrets (two findings) and dependencies (one active, one suppressed); the iac stage timed out. */
    static Report mixedReport() {
        return Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), Instant.parse("2026-11-23T10:00:00Z"))
                .stage(StageResult.builder("secrets").findingCount(2).build())
                .stage(StageResult.builder("dependencies").findingCount(2).build())
                .stage(StageResult.builder("iac").status(StageStatus.TIMED_OUT).build())
                .finding(log4j())
                .finding(secret(".env", 2, Severity.HIGH))
                .finding(suppressedLodash())
                .finding(secret("config/prod.properties", 7, Severity.MEDIUM))
                .build();
    }
}
