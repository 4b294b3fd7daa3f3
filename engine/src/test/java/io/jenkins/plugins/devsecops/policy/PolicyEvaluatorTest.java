package io.jenkins.plugins.devsecops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.history.HistoryComparator;
import io.jenkins.plugins.devsecops.history.HistoryComparison;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    private static final Instant DAY0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ToolInfo TOOL = new ToolInfo("devsecops", "test");

    static Finding code(String rule, Severity severity, String path, String line) {
        return Finding.builder().ruleId(rule).stage("iac").severity(severity).title(rule)
                .location(new Location(path, 3, 1, 3, 10, line)).build();
    }

    static Finding secret(String rule, String fingerprint) {
        return Finding.builder().ruleId(rule).stage("secrets").severity(Severity.HIGH).title("Secret")
                .location(Location.ofLine("app.env", 1)).fingerprint(fingerprint).build();
    }

    static Finding dependency(String advisory, String pkg, Severity severity, String fixed) {
        return Finding.builder().ruleId(advisory).stage("dependencies").severity(severity).title(advisory)
                .identifier(advisory).component(Component.of("pkg:npm/" + pkg + "@1.0.0", pkg, "1.0.0", "npm"))
                .fixedVersion(fixed).location(Location.ofFile("package-lock.json")).build();
    }

    static Report report(Instant at, List<Finding> findings, String... stages) {
        Report.Builder builder = Report.builder(TOOL, at).findings(findings);
        for (String stage : stages) {
            builder.stage(StageResult.builder(stage).build());
        }
        return builder.build();
    }

    @Test
    void shouldFailOnNewFindingsOnlyWithScopeNew() {
        // Given a reference with one HIGH finding and a current scan with it plus a new HIGH
        Finding old = code("open-sg", Severity.HIGH, "main.tf", "cidr = 0.0.0.0/0");
        Finding fresh = code("public-bucket", Severity.HIGH, "s3.tf", "acl = public-read");
        Report reference = HistoryComparator.compare(report(DAY0, List.of(old)), null, new BuildRef("1", DAY0)).report();
        Instant day1 = DAY0.plus(Duration.ofDays(1));
        HistoryComparison comparison = HistoryComparator.compare(report(day1, List.of(old, fresh)), reference,
                new BuildRef("2", day1));
        SecurityPolicy policy = SecurityPolicy.builder()
                .gate(QualityGate.of("new-high", FindingSelector.atLeast(Severity.HIGH), GateScope.NEW, 1,
                        GateAction.FAILURE))
                .gate(QualityGate.of("total-high", FindingSelector.atLeast(Severity.HIGH), GateScope.TOTAL, 3,
                        GateAction.UNSTABLE))
                .build();

        // When evaluated
        PolicyEvaluation evaluation = PolicyEvaluator.evaluate(policy, comparison, day1, List.of());

        // Then only the NEW gate trips, naming the new finding
        assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.FAILED);
        GateOutcome newHigh = evaluation.gates().get(0);
        assertThat(newHigh.actual()).isEqualTo(1);
        assertThat(newHigh.verdict()).isEqualTo(PolicyVerdict.FAILED);
        assertThat(newHigh.trippingFindings()).extracting(Finding::ruleId).containsExactly("public-bucket");
        GateOutcome total = evaluation.gates().get(1);
        assertThat(total.actual()).isEqualTo(2);
        assertThat(total.verdict()).isEqualTo(PolicyVerdict.PASSED);
    }

    @Test
    void shouldMeasureDeltaAgainstTheReference() {
        // Given three vulnerable dependencies before and one after
        Report reference = report(DAY0, List.of(dependency("CVE-1", "a", Severity.HIGH, "2.0"),
                dependency("CVE-2", "b", Severity.HIGH, "2.0"), dependency("CVE-3", "c", Severity.LOW, null)));
        Report current = report(DAY0.plusSeconds(60), List.of(dependency("CVE-1", "a", Severity.HIGH, "2.0"),
                dependency("CVE-4", "d", Severity.HIGH, "1.1")));
        HistoryComparison comparison = HistoryComparator.compare(current, reference, new BuildRef("2", DAY0));
        SecurityPolicy policy = SecurityPolicy.builder().gate(QualityGate.of("more-fixable",
                new FindingSelector(null, List.of(), List.of(), List.of("dependencies"), true, null, null),
                GateScope.DELTA, 1, GateAction.UNSTABLE)).build();

        // When evaluated
        PolicyEvaluation evaluation = PolicyEvaluator.evaluate(policy, comparison, DAY0, List.of());

        // Then the delta of fixable findings is 2 - 2 = 0 and the gate passes, listing the new one
        assertThat(evaluation.gates().get(0).actual()).isZero();
        assertThat(evaluation.gates().get(0).trippingFindings()).extracting(Finding::ruleId).containsExactly("CVE-4");
        assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.PASSED);
    }

    @Test
    void shouldSelectBySecretAdvisoryRuleAndIgnoreSuppressedFindings() {
        // Given a secret, a Log4Shell dependency, a suppressed critical and an IaC finding
        Finding suppressed = code("root-user", Severity.CRITICAL, "Dockerfile", "USER root").toBuilder()
                .suppression(new Suppression("fingerprint", "accepted", "ops", null, "s.yaml:3")).build();
        Report current = report(DAY0, List.of(secret("aws-key", "salted-1"),
                dependency("CVE-2021-44228", "log4j", Severity.CRITICAL, "2.17.1"), suppressed,
                code("open-sg", Severity.MEDIUM, "main.tf", "cidr = 0.0.0.0/0")));
        HistoryComparison comparison = HistoryComparator.compare(current, null, new BuildRef("1", DAY0));
        SecurityPolicy policy = SecurityPolicy.builder()
                .gate(QualityGate.of("secrets", new FindingSelector(null, null, null, null, null, true, null),
                        GateScope.TOTAL, 1, GateAction.FAILURE))
                .gate(QualityGate.of("log4shell", new FindingSelector(null, null, List.of("cve-2021-44228"), null,
                        null, null, null), GateScope.TOTAL, 1, GateAction.UNSTABLE))
                .gate(QualityGate.of("critical", FindingSelector.atLeast(Severity.CRITICAL), GateScope.TOTAL, 2,
                        GateAction.FAILURE))
                .gate(QualityGate.of("open-sg", new FindingSelector(null, List.of("OPEN-SG"), null, null, null,
                        null, null), GateScope.TOTAL, 1, GateAction.UNSTABLE))
                .build();

        // When evaluated
        PolicyEvaluation evaluation = PolicyEvaluator.evaluate(policy, comparison, DAY0, List.of());

        // Then each gate counts its own findings, the suppressed critical not at all
        assertThat(evaluation.gates()).extracting(GateOutcome::actual).containsExactly(1L, 1L, 1L, 1L);
        assertThat(evaluation.gates()).extracting(GateOutcome::verdict).containsExactly(PolicyVerdict.FAILED,
                PolicyVerdict.UNSTABLE, PolicyVerdict.PASSED, PolicyVerdict.UNSTABLE);
        assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.FAILED);
    }

    @Test
    void shouldCountOverdueFindingsAgainstTheSla() {
        // Given a HIGH finding first seen 40 days ago and a MEDIUM one first seen 40 days ago, SLA HIGH = 30 days
        Finding high = code("open-sg", Severity.HIGH, "main.tf", "cidr = 0.0.0.0/0");
        Finding medium = code("no-logging", Severity.MEDIUM, "main.tf", "logging = false");
        Report first = HistoryComparator.compare(report(DAY0, List.of(high, medium)), null,
                new BuildRef("1", DAY0)).report();
        Instant day40 = DAY0.plus(Duration.ofDays(40));
        HistoryComparison comparison = HistoryComparator.compare(report(day40, List.of(high, medium)), first,
                new BuildRef("2", day40));
        SecurityPolicy policy = SecurityPolicy.builder().sla(Severity.HIGH, 30)
                .gate(QualityGate.of("overdue", new FindingSelector(null, null, null, null, null, null, true),
                        GateScope.TOTAL, 1, GateAction.UNSTABLE)).build();

        // When evaluated on day 40 and on day 20
        PolicyEvaluation late = PolicyEvaluator.evaluate(policy, comparison, day40, List.of());
        PolicyEvaluation early = PolicyEvaluator.evaluate(policy, comparison, DAY0.plus(Duration.ofDays(20)), List.of());

        // Then only the HIGH finding is overdue, and only on day 40
        assertThat(late.gates().get(0).trippingFindings()).extracting(Finding::ruleId).containsExactly("open-sg");
        assertThat(late.verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
        assertThat(early.verdict()).isEqualTo(PolicyVerdict.PASSED);
    }

    @Test
    void shouldCountEverythingAsDeltaWithoutAReferenceAndListAtMostFiftyFindings() {
        // Given 60 LOW findings and no reference build
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            findings.add(code("weak-hash", Severity.LOW, "src/F" + i + ".java", "md5(x" + i + ")"));
        }
        HistoryComparison comparison = HistoryComparator.compare(report(DAY0, findings), null, new BuildRef("1", DAY0));
        SecurityPolicy policy = SecurityPolicy.builder().gate(QualityGate.of("delta", FindingSelector.all(),
                GateScope.DELTA, 60, GateAction.UNSTABLE)).build();

        // When evaluated
        GateOutcome outcome = PolicyEvaluator.evaluate(policy, comparison, DAY0, List.of()).gates().get(0);

        // Then the delta is the whole count, the row lists 50 and counts 60
        assertThat(outcome.actual()).isEqualTo(60);
        assertThat(outcome.verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
        assertThat(outcome.trippingFindings()).hasSize(GateOutcome.MAX_LISTED);
        assertThat(outcome.trippingCount()).isEqualTo(60);
    }

    @Test
    void shouldFailWhenARequiredStageDidNotComplete() {
        // Given a scan where secrets completed, iac failed and dependencies never ran
        Report current = Report.builder(TOOL, DAY0).stage(StageResult.builder("secrets").build())
                .stage(StageResult.builder("iac").status(StageStatus.FAILED).build()).build();
        HistoryComparison comparison = HistoryComparator.compare(current, null, new BuildRef("1", DAY0));
        SecurityPolicy policy = SecurityPolicy.builder().requiredStage("secrets").requiredStage("iac")
                .requiredStage("dependencies").build();

        // When evaluated
        PolicyEvaluation evaluation = PolicyEvaluator.evaluate(policy, comparison, DAY0, List.of());

        // Then the policy fails with one row per required stage
        assertThat(evaluation.verdict()).isEqualTo(PolicyVerdict.FAILED);
        assertThat(evaluation.requiredStages()).containsExactly(
                new RequiredStageOutcome("dependencies", "NOT RUN", PolicyVerdict.FAILED),
                new RequiredStageOutcome("iac", "FAILED", PolicyVerdict.FAILED),
                new RequiredStageOutcome("secrets", "COMPLETED", PolicyVerdict.PASSED));
    }
}
