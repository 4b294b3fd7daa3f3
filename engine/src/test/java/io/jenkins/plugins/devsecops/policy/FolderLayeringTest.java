package io.jenkins.plugins.devsecops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.record.ScanRecord;
import io.jenkins.plugins.devsecops.record.ScanRecordJson;
import io.jenkins.plugins.devsecops.view.AssessmentConsole;
import io.jenkins.plugins.devsecops.view.GateRowView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folder layers between the global layer and the repository file, as a Jenkins folder property supplies them. */
class FolderLayeringTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static final String TEAM_POLICY = """
            gates:
              - id: no-high
                severity: HIGH
                scope: TOTAL
                result: UNSTABLE
            requiredStages: [dependencies]
            sla:
              HIGH: 14
            """;

    /** The sub-folder tightens the team's gate and tries to loosen it back, which is refused. */
    private static final String PAYMENTS_POLICY = """
            gates:
              - id: no-high
                severity: HIGH
                scope: TOTAL
                result: FAILURE
            sla:
              HIGH: 30
            """;

    private static List<PolicyLayer> layers() throws Exception {
        return List.of(PolicyLayer.global(SecurityPolicy.builder().failOn(Severity.CRITICAL).build()),
                PolicyLayer.folder("team", PolicyYaml.parse(TEAM_POLICY, "folder team")),
                PolicyLayer.folder("team/payments", PolicyYaml.parse(PAYMENTS_POLICY, "folder team/payments")),
                PolicyLayer.defaults(), PolicyLayer.step(SecurityPolicy.empty()));
    }

    @Test
    void shouldStackFolderLayersAndNameWhereEachGateComesFrom() throws Exception {
        // Given global, two nested folders, the default policy (no repository file) and the step
        LayeredPolicy layered = PolicyLayering.merge(layers());

        // Then the folder's gate is in, tightened to FAILURE by the sub-folder; its SLA could not be loosened
        assertThat(layered.policy().gate("no-high").orElseThrow().action()).isEqualTo(GateAction.FAILURE);
        assertThat(layered.policy().requiredStages()).containsExactly("dependencies");
        assertThat(layered.policy().sla(Severity.HIGH)).contains(14);
        assertThat(layered.warnings()).singleElement().asString()
                .contains("'folder team/payments'").contains("sla.HIGH");
        // And each gate and required stage names its layer
        assertThat(layered.origins()).containsEntry("gate fail-on-critical", "global")
                .containsEntry("gate no-high", "folder team, tightened by folder team/payments")
                .containsEntry("stage dependencies", "folder team")
                .containsEntry("gate default-new-critical", "default policy");
        assertThat(layered.layers()).containsExactly("global: gate fail-on-critical",
                "folder team: gate no-high, requires stage dependencies, SLA HIGH 14 days",
                "folder team/payments: tightens no-high",
                "default policy: gate default-new-critical, gate default-verified-secret",
                "step: no gate or required stage of its own");
    }

    @Test
    void shouldReportAMissingRequiredStageFromTheFolderOnConsoleAndFindingsPage() throws Exception {
        // Given a scan that ran only the secrets stage and found one HIGH secret
        Finding secret = Finding.builder().ruleId("generic-secret-assignment").stage("secrets")
                .severity(Severity.HIGH).title("Password").location(new Location("app.properties", 3, 1, 3, 20,
                        "password=****")).build();
        Report report = Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), NOW)
                .stage(StageResult.builder("secrets").build()).finding(secret).build();

        // When assessed under the folder layers
        Assessment assessment = Assessor.assess(report, PolicyLayering.merge(layers()), List.of(), null,
                new BuildRef("1", NOW));

        // Then the folder's required stage failed (NOT RUN) and its gate tripped, both naming the folder
        assertThat(assessment.evaluation().verdict()).isEqualTo(PolicyVerdict.FAILED);
        assertThat(assessment.evaluation().requiredStages()).singleElement()
                .extracting(RequiredStageOutcome::status).isEqualTo("NOT RUN");
        List<String> console = AssessmentConsole.lines(assessment);
        assertThat(console).anySatisfy(line -> assertThat(line).startsWith("no-high").contains("FAILED")
                .endsWith("[from folder team, tightened by folder team/payments]"));
        assertThat(console).anySatisfy(line -> assertThat(line).startsWith("stage dependencies")
                .contains("NOT RUN").endsWith("[from folder team]"));
        assertThat(console).contains("Policy layers, highest first (a lower layer may only tighten):",
                "    folder team/payments: tightens no-high");

        // And the stored record keeps the origins for the findings page
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ScanRecordJson().write(ScanRecord.of(assessment), bytes);
        ScanRecord read = new ScanRecordJson().read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(GateRowView.of(read.evaluation())).extracting(GateRowView::gate, GateRowView::origin)
                .contains(org.assertj.core.groups.Tuple.tuple("no-high",
                                "folder team, tightened by folder team/payments"),
                        org.assertj.core.groups.Tuple.tuple("stage dependencies", "folder team"),
                        org.assertj.core.groups.Tuple.tuple("fail-on-critical", "global"));
        assertThat(read.evaluation().layers()).hasSize(5);
    }
}
