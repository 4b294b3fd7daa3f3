package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.SummaryJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Build histories made the way the plugin makes them: each build's report assessed by the engine against the
 * previous one, and its summary stored as a JSON line and read back.
 */
final class OverviewFixtures {

    /** Default policy plus SLAs: CRITICAL 7 days, HIGH 30 days. */
    static final LayeredPolicy POLICY = PolicyLayering.merge(List.of(
            PolicyLayer.global(SecurityPolicy.builder().sla(Severity.CRITICAL, 7).sla(Severity.HIGH, 30).build()),
            PolicyLayer.defaults()));

    private OverviewFixtures() {
    }

    static Finding secret(String path, int line, Severity severity) {
        return Finding.builder().ruleId("aws-secret-access-key").stage("secrets").severity(severity)
                .title("AWS secret access key").message("An AWS secret access key is committed")
                .location(new Location(path, line, 1, line, 60, "AWS_SECRET_ACCESS_KEY=wJal****"))
                .cwe("CWE-798").build();
    }

    static Finding log4j() {
        return Finding.builder().ruleId("GHSA-jfh8-c2jp-5v3q").stage("dependencies").severity(Severity.CRITICAL)
                .title("Remote code injection in Log4j")
                .component(Component.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "log4j-core",
                        "2.14.1", "Maven"))
                .identifier("CVE-2021-44228").fixedVersion("2.15.0").build();
    }

    static Report report(Instant time, List<Finding> findings, boolean iacTimedOut) {
        Report.Builder builder = Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), time)
                .stage(StageResult.builder("secrets").build())
                .stage(StageResult.builder("dependencies").build());
        if (iacTimedOut) {
            builder.stage(StageResult.builder("iac").status(StageStatus.TIMED_OUT).build());
        }
        findings.forEach(builder::finding);
        return builder.build();
    }

    /** The summaries of {@code reports} assessed one after the other, each read back from its stored JSON line. */
    static List<BuildSummary> summaries(List<Report> reports) {
        List<BuildSummary> summaries = new ArrayList<>();
        Report previous = null;
        int number = 1;
        for (Report report : reports) {
            Assessment assessment = Assessor.assess(report, POLICY, List.of(), previous,
                    new BuildRef(String.valueOf(number++), report.startedAt()));
            try {
                summaries.add(SummaryJson.read(SummaryJson.write(assessment.summary())));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            previous = assessment.report();
        }
        return summaries;
    }
}
