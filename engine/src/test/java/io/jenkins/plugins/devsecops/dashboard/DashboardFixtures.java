package io.jenkins.plugins.devsecops.dashboard;

import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Three builds assessed by the engine and recorded in a real history directory: an outstanding HIGH, a CRITICAL
 * with hostile texts that is new in the last build and trips the {@code fail-on-critical} gate, a finding fixed in
 * the last build, a suppressed one, and a stage whose name is a script-breakout attempt.
 */
public final class DashboardFixtures {

    /** The stage whose name tries to close the chart options' script element. */
    public static final String HOSTILE_STAGE = "iac</script><script>alert('stage')</script>";

    private static final Instant T1 = Instant.parse("2026-04-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-04-05T10:00:00Z");
    private static final Instant T3 = Instant.parse("2026-04-09T10:00:00Z");

    private DashboardFixtures() {
    }

    private static Finding finding(String stage, String rule, Severity severity, String path, String title) {
        return Finding.builder().ruleId(rule).stage(stage).severity(severity).title(title)
                .location(new Location(path, 2, 1, 2, 5, rule + " here")).build();
    }

    private static Report report(Instant at, Finding... findings) {
        return Report.builder(new ToolInfo("devsecops", "0.1.0"), at).root("/src/<app>")
                .stage(StageResult.builder("iac").build()).stage(StageResult.builder(HOSTILE_STAGE).build())
                .findings(List.of(findings)).build();
    }

    /** Records the three builds in {@code history} and returns the dashboard data of the last one. */
    public static DashboardData threeBuilds(Path history) throws Exception {
        LayeredPolicy policy = PolicyLayering.merge(List.of(new PolicyLayer("step",
                SecurityPolicy.builder().failOn(Severity.CRITICAL).build())));
        Finding outstanding = finding("iac", "open-sg", Severity.HIGH, "infra/main.tf", "Open security group");
        Finding fixedLater = finding(HOSTILE_STAGE, "public-bucket", Severity.MEDIUM, "infra/s3.tf",
                "Bucket is <b>public</b>");
        Finding hostile = finding(HOSTILE_STAGE, "xss<img src=x onerror=alert(1)>", Severity.CRITICAL,
                "web/</script><script>alert(1)</script>.html", "<script>alert('title')</script>");
        Finding accepted = finding("iac", "root-user", Severity.LOW, "Dockerfile", "Runs as root");
        List<SuppressionEntry> suppressions = List.of(new SuppressionEntry(null, "root-user", null, null,
                "Base image needs root", "ops", null, LocalDate.of(2026, 12, 31), null, "s.yaml:2"));
        HistoryDirectory directory = new HistoryDirectory(history);
        directory.record(Assessor.assess(report(T1, outstanding), policy, suppressions, null, new BuildRef("1", T1)));
        directory.record(Assessor.assess(report(T2, outstanding, fixedLater, accepted), policy, suppressions,
                directory.lastReport().orElseThrow(), new BuildRef("2", T2)));
        directory.record(Assessor.assess(report(T3, outstanding, hostile, accepted), policy, suppressions,
                directory.lastReport().orElseThrow(), new BuildRef("3", T3)));
        return directory.dashboard().orElseThrow();
    }
}
