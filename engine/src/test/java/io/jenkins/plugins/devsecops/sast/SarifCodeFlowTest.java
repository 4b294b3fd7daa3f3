package io.jenkins.plugins.devsecops.sast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.report.SarifReportWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flow across methods and a static field is written to SARIF as one code flow with every step, in order. */
class SarifCodeFlowTest {

    @Test
    void shouldWriteEachStepOfAMultiStepTraceAsAThreadFlowLocation() throws Exception {
        Report report = SastFixturesTest.scan(Path.of(getClass().getResource("fixtures/statics").toURI()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new SarifReportWriter().write(report, out);

        JsonNode run = new ObjectMapper().readTree(out.toByteArray()).get("runs").get(0);
        JsonNode result = null;
        for (JsonNode r : run.get("results")) {
            JsonNode where = r.get("locations").get(0).get("physicalLocation");
            if (where.get("artifactLocation").get("uri").asText().equals("app/Printer.java")
                    && where.get("region").get("startLine").asInt() == 8) {
                result = r;
            }
        }
        assertThat(result).as("the finding at app/Printer.java:8").isNotNull();
        assertThat(result.get("ruleId").asText()).isEqualTo("cross-site-scripting");
        assertThat(result.get("codeFlows")).hasSize(1);
        List<String> steps = new ArrayList<>();
        for (JsonNode step : result.get("codeFlows").get(0).get("threadFlows").get(0).get("locations")) {
            JsonNode location = step.get("location");
            JsonNode physical = location.get("physicalLocation");
            steps.add(physical.get("artifactLocation").get("uri").asText() + ":"
                    + physical.get("region").get("startLine").asInt() + " " + location.get("message").get("text")
                            .asText());
        }
        assertThat(steps).containsExactly(
                "app/Shared.java:15 source: HttpServletRequest.getParameter(...)",
                "app/Shared.java:16 static field Shared.data read by Printer.print",
                "app/Printer.java:8 static field Shared.data read in Printer.print",
                "app/Printer.java:8 sink: println(...)");
    }
}
