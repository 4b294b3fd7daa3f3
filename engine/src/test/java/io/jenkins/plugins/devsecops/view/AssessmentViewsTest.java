package io.jenkins.plugins.devsecops.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.GateSpec;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin's views of two successive builds assessed by the engine: states, age, fixed rows, console lines. */
class AssessmentViewsTest {

    private static final Instant FIRST = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-23T10:00:00Z");

    private static Report at(Instant time, Report report) {
        return Report.builder(report.tool(), time).findings(report.findings()).build().toBuilder()
                .findings(report.findings()).build();
    }

    @Test
    void shouldShowNewOutstandingFixedAndAgeAcrossTwoBuilds() {
        // Given build 1 with the mixed findings, and build 2 where the .env secret is gone and a new secret appears
        LayeredPolicy policy = PolicyLayering.merge(List.of(PolicyLayer.global(SecurityPolicy.builder()
                .gate(new GateSpec("no-new-secrets", "", "", "", "", false, true, false, "NEW", 1, "UNSTABLE")
                        .toGate()).build())));
        Report first = at(FIRST, ViewFixtures.mixedReport());
        Assessment one = Assessor.assess(first, policy, List.of(), null, new BuildRef("1", FIRST));
        Report second = at(SECOND, first.toBuilder().findings(List.of(ViewFixtures.log4j(),
                ViewFixtures.suppressedLodash(), ViewFixtures.secret("config/prod.properties", 7, Severity.MEDIUM),
                ViewFixtures.secret("deploy/id.env", 3, Severity.CRITICAL))).build());

        // When build 2 is assessed against build 1
        Assessment two = Assessor.assess(second, policy, List.of(), one.report(), new BuildRef("2", SECOND));

        // Then the table says which findings are new and how old the others are, and the fixed one is listed
        FindingsTable table = FindingsTable.of(two.report(), FindingsFilter.all());
        assertThat(table.rows()).extracting(FindingRow::location, FindingRow::state, FindingRow::ageDays,
                FindingRow::firstSeenBuild).contains(
                        org.assertj.core.groups.Tuple.tuple("deploy/id.env:3", FindingState.NEW, 0L, "2"),
                        org.assertj.core.groups.Tuple.tuple("config/prod.properties:7", FindingState.OUTSTANDING,
                                22L, "1"));
        assertThat(FindingsTable.of(two.report(), FindingsFilter.parse(null, null, "new")).rows())
                .extracting(FindingRow::location).containsExactly("deploy/id.env:3");
        assertThat(two.comparison().fixed()).map(FixedFindingRow::of)
                .extracting(FixedFindingRow::location, FixedFindingRow::daysOpen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(".env:2", 22L));

        // And the console shows counts, new/fixed, the gate table with the tripped gate, and the verdict
        List<String> lines = AssessmentConsole.lines(two);
        assertThat(lines.get(0)).isEqualTo(
                "3 active findings (CRITICAL 2, MEDIUM 1) in 2 stages; 1 new, 1 fixed; 1 suppressed; policy UNSTABLE");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("no-new-secrets").contains("NEW")
                .contains("UNSTABLE").contains("is a secret"));
        assertThat(lines).contains("    CRITICAL aws-secret-access-key at deploy/id.env:3");
        assertThat(lines.get(lines.size() - 1)).startsWith("Policy: UNSTABLE");
        assertThat(String.join("\n", lines)).doesNotContain("wJal");
        assertThat(AssessmentConsole.trippedGates(two.evaluation())).isEqualTo("no-new-secrets (1 >= 1)");
        assertThat(two.evaluation().verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
        assertThat(AssessmentConsole.trippedGates(one.evaluation())).isEqualTo("no-new-secrets (2 >= 1)");
    }

    @Test
    void shouldPrintLayeringWarningsAndNoTableWithoutGates() {
        // Given a global gate and a step layer trying to loosen it
        SecurityPolicy global = SecurityPolicy.builder().failOn(Severity.HIGH).build();
        SecurityPolicy step = SecurityPolicy.builder().gate(new GateSpec("fail-on-high", "HIGH", "", "", "", false,
                false, false, "TOTAL", 5, "UNSTABLE").toGate()).build();
        LayeredPolicy policy = PolicyLayering.merge(List.of(PolicyLayer.global(global), PolicyLayer.step(step)));

        // When a scan is assessed
        List<String> lines = AssessmentConsole.lines(Assessor.assess(ViewFixtures.mixedReport(), policy, List.of(),
                null, new BuildRef("1", FIRST)));

        // Then the attempts are warnings naming layer and rule, and the global gate still fails the build
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("warning: Policy layer 'step'")
                .contains("gates.fail-on-high").contains("threshold"));
        assertThat(lines.get(lines.size() - 1)).startsWith("Policy: FAILED");
        assertThat(AssessmentConsole.lines(Assessor.assess(ViewFixtures.mixedReport(),
                PolicyLayering.merge(List.of()), List.of(), null, new BuildRef("1", FIRST))))
                .noneMatch(line -> line.startsWith("GATE"));
    }
}
