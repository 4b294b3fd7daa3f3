package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.model.TraceStep;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Findings streamed by {@link FindingJson} are byte for byte what the report mapper writes for them, indented (as in
 * {@code report.json}) and compact (as in the HTML page's data); {@code report.json} of a spilled list is the
 * mapper's serialisation of the whole report.
 */
class FindingJsonTest {

    private static final ReportJson JSON = new ReportJson();

    /** The findings of the SARIF test plus the corners of the inclusion rules: zeros, empty texts, null CVSS texts. */
    private static List<Finding> findings() {
        List<Finding> findings = new ArrayList<>(SarifResultJsonTest.findings(1_400));
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("empty", "");
        odd.put("blank", " ");
        findings.add(Finding.builder().ruleId("r").stage("sast").severity(Severity.INFO).title("t").message("")
                .location(new Location("f", 0, -1, 0, 0, "")).cvss(new Cvss(null, 0.0, null)).remediation("")
                .fixedVersion("").fingerprint("").identifier("").cwe("CWE-1")
                .component(new Component("", "", null, "", false, List.of(""), Map.of("", ""), List.of(), "", "",
                        odd))
                .trace(List.of(new TraceStep(new Location("p", 1, 0, 0, 0, null), ""))).property("empty", "")
                .tool(new ToolInfo("x", "")).build());
        findings.add(Finding.builder().ruleId("minimal").stage("iac").severity(Severity.LOW).title("m").build());
        findings.add(Finding.builder().ruleId("graph").stage("dependencies").severity(Severity.HIGH).title("g")
                .component(new Component("pkg:npm/a@1.0.0", "a", "1.0.0", "npm", true, List.of("app", "a"),
                        Map.of("sha512", "ab"), List.of("pkg:npm/b@2.0.0", "pkg:npm/c@3.0.0"), "runtime",
                        "package-lock.json", Map.of()))
                .build());
        return findings;
    }

    private static String streamed(ObjectWriter writer, Finding finding) throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator generator = writer.createGenerator(text)) {
            FindingJson.write(generator, finding);
        }
        return text.toString();
    }

    @Test
    void shouldStreamEachFindingAsTheReportMapperWritesItIndentedAndCompact() throws Exception {
        ObjectWriter indented = JSON.mapper().writer();
        ObjectWriter compact = JSON.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
        List<Finding> findings = findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            assertThat(streamed(indented, finding)).as("finding %d", i).isEqualTo(indented.writeValueAsString(finding));
            assertThat(streamed(compact, finding)).as("finding %d", i).isEqualTo(compact.writeValueAsString(finding));
        }
    }

    @Test
    void shouldWriteTheReportJsonOfASpilledListAsTheMapperWritesTheReport() throws Exception {
        List<Finding> spilled = FindingList.builder(0).addAll(findings()).build();
        assertThat(FindingList.isSpilled(spilled)).isTrue();
        Report report = Report.builder(new ToolInfo("DevSecOps Scan", "0.1.0"), Instant.parse("2026-01-02T03:04:05Z"))
                .root("/work/tree").durationMillis(1234).property("build", "7")
                .stage(StageResult.builder("secrets").durationMillis(5).filesScanned(3).warning("w").build())
                .findings(spilled).build();
        for (Report each : List.of(report, report.toBuilder().findings(List.of()).build(),
                report.toBuilder().findings(spilled.subList(0, 3)).build())) {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            new JsonReportWriter().write(each, written);
            assertThat(written.toByteArray()).isEqualTo(JSON.mapper().writeValueAsBytes(each));
        }
    }

    /**
     * The streamed writers name every field themselves, so a component added to a finding (or to its location,
     * component, trace step, CVSS or tool) must be in these test findings for the comparisons above to cover it: every
     * record component reachable from {@link Finding} has a value other than null, empty or zero in some finding.
     */
    @Test
    void shouldSetEveryFieldOfAFindingInTheComparedFindings() throws Exception {
        RecordFieldCoverage coverage = new RecordFieldCoverage(value -> false);
        for (Finding finding : findings()) {
            coverage.add(finding);
        }
        java.util.Set<String> all = coverage.reachable();
        java.util.Set<String> set = coverage.set();
        assertThat(all).contains("Finding.ruleId", "Location.startLine", "Component.purl", "TraceStep.location");
        assertThat(set).as("fields never set in the compared findings").isEqualTo(all);
    }
}
