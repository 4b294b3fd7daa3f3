package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.model.WalkSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report.json schema and its documentation match the model, and real reports follow the schema. */
class ReportSchemaTest {

    private static final Path DOCS = Paths.get("..", "docs");
    private static final Path SCHEMA = DOCS.resolve("report-schema-v1.json");
    private static final Path FORMAT_DOC = DOCS.resolve("report-format.md");
    private static final List<Class<? extends Record>> RECORDS = List.of(Report.class, WalkSummary.class,
            StageResult.class, StageError.class, Finding.class, Location.class, Component.class, Cvss.class,
            ToolInfo.class, Suppression.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }

    private static String json(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldAcceptTheReportOfARealScan(@TempDir Path dir) throws Exception {
        // Given the report.json of a real scan
        String text = json(ReportFixtures.realScan(dir));

        // Then the schema accepts it
        assertThat(schema().validate(text, InputFormat.JSON)).isEmpty();
        assertThat(JSON.readTree(text).path("findings")).hasSize(2);
    }

    @Test
    void shouldAcceptReportsWithEveryFieldAndHostileText() throws IOException {
        JsonSchema schema = schema();

        assertThat(schema.validate(json(ReportFixtures.complete()), InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(json(ReportFixtures.hostile()), InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(new ReportJson().toJson(Report.builder(ReportFixtures.ENGINE,
                java.time.Instant.parse("2026-01-01T00:00:00Z")).finding(Finding.builder().ruleId("r").stage("s")
                .severity(io.jenkins.plugins.devsecops.model.Severity.LOW).title("t")
                .cvss(new Cvss(null, 5.0, null)).build()).build()), InputFormat.JSON)).isEmpty();
    }

    @Test
    void shouldAcceptTheExampleInTheDocumentationAndReadItBack() throws IOException {
        // Given the example report.json in the format documentation
        String doc = Files.readString(FORMAT_DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("```json\n");
        assertThat(start).as("a json example").isNotNegative();
        String example = doc.substring(start + 8, doc.indexOf("```", start + 8));

        // Then the schema accepts it and the engine reads it
        assertThat(schema().validate(example, InputFormat.JSON)).isEmpty();
        Report report = new ReportJson().fromJson(example);
        assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.location().startLine()).isEqualTo(3));
        assertThat(report.stages()).singleElement().satisfies(s -> assertThat(s.errors()).hasSize(1));
    }

    @Test
    void shouldRejectReportsThatBreakTheSchema() throws IOException {
        // Given a valid report, altered in ways a reader must not accept
        JsonSchema schema = schema();
        ObjectNode valid = (ObjectNode) JSON.readTree(json(ReportFixtures.complete()));
        ObjectNode newer = valid.deepCopy().put("schemaVersion", 2);
        ObjectNode noTool = valid.deepCopy();
        noTool.remove("tool");
        ObjectNode badSeverity = valid.deepCopy();
        ((ObjectNode) badSeverity.path("findings").path(0)).put("severity", "SEVERE");
        ObjectNode badTime = valid.deepCopy().put("startedAt", "yesterday");
        ObjectNode zeroLine = valid.deepCopy();
        ((ObjectNode) zeroLine.path("findings").path(0).path("location")).put("startLine", 0);

        // Then the schema reports each of them
        for (JsonNode broken : List.of(newer, noTool, badSeverity, badTime, zeroLine)) {
            Set<ValidationMessage> errors = schema.validate(JSON.writeValueAsString(broken), InputFormat.JSON);
            assertThat(errors).as(broken.toString().substring(0, 60)).isNotEmpty();
        }
    }

    @Test
    void shouldDescribeEveryRecordComponentInTheSchema() throws IOException {
        // Given the schema
        JsonNode schema = JSON.readTree(SCHEMA.toFile());

        // Then each record's JSON properties are exactly its components
        for (Class<? extends Record> type : RECORDS) {
            JsonNode properties = type == Report.class ? schema.path("properties")
                    : schema.path("definitions").path(type.getSimpleName()).path("properties");
            Set<String> names = new LinkedHashSet<>();
            properties.fieldNames().forEachRemaining(names::add);
            assertThat(names).as("schema properties of " + type.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(components(type));
        }
    }

    @Test
    void shouldDocumentEveryRecordComponent() throws IOException {
        // Given the format documentation
        String doc = Files.readString(FORMAT_DOC, StandardCharsets.UTF_8);

        // Then each record has a section whose table lists every component
        for (Class<? extends Record> type : RECORDS) {
            String heading = "### " + type.getSimpleName() + "\n";
            int start = doc.indexOf(heading);
            assertThat(start).as("section " + heading.trim()).isNotNegative();
            int end = doc.indexOf("\n#", start + heading.length());
            String section = doc.substring(start, end < 0 ? doc.length() : end);
            for (String component : components(type)) {
                assertThat(section).as(type.getSimpleName() + "." + component).contains("| `" + component + "` |");
            }
        }
        assertThat(doc).contains("schemaVersion", "Readers refuse newer versions", "Additive changes keep the version");
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
    }
}
