package io.jenkins.plugins.devsecops.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.WalkSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes {@code report.json}: the engine's own schema ({@code docs/report-format.md}). */
public final class JsonReportWriter implements ReportWriter {

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String fileName() {
        return "report.json";
    }

    /**
     * Streamed: the JSON of a large report is never held in memory as one string. Every field is written straight to
     * the report mapper's generator as the mapper serialises the report (the record components in order, left out as
     * the model's {@code @JsonInclude} rules say), the findings one by one by {@link FindingJson}: no bean
     * introspection of the model at every scan's end. {@code JsonReportWriterTest} holds the bytes equal to the
     * mapper's. The generator is a plain factory's ({@link JsonGenerators}): no mapper is built to write it.
     */
    @Override
    public void write(Report report, OutputStream out) throws IOException {
        try (JsonGenerator generator = JsonGenerators.indented(out)) {
            // Report: NON_EMPTY (null, empty texts, lists and maps left out; numbers always written)
            generator.writeStartObject();
            generator.writeNumberField("schemaVersion", report.schemaVersion());
            generator.writeFieldName("tool");
            FindingJson.tool(generator, report.tool());
            generator.writeStringField("startedAt", report.startedAt().toString());
            generator.writeNumberField("durationMillis", report.durationMillis());
            FindingJson.text(generator, "root", report.root());
            generator.writeFieldName("walk");
            walk(generator, report.walk());
            if (!report.stages().isEmpty()) {
                generator.writeArrayFieldStart("stages");
                for (StageResult stage : report.stages()) {
                    stage(generator, stage);
                }
                generator.writeEndArray();
            }
            if (!report.findings().isEmpty()) {
                generator.writeArrayFieldStart("findings");
                for (Finding finding : report.findings()) {
                    FindingJson.write(generator, finding);
                }
                generator.writeEndArray();
            }
            FindingJson.map(generator, "properties", report.properties());
            if (!report.components().isEmpty()) {
                generator.writeArrayFieldStart("components");
                for (Component component : report.components()) {
                    FindingJson.component(generator, component);
                }
                generator.writeEndArray();
            }
            generator.writeEndObject();
        }
    }

    /** The walk: every field written, but {@code unreadable} only when it names a file. */
    private static void walk(JsonGenerator out, WalkSummary walk) throws IOException {
        out.writeStartObject();
        out.writeNumberField("filesSeen", walk.filesSeen());
        out.writeNumberField("filesScanned", walk.filesScanned());
        out.writeNumberField("bytesScanned", walk.bytesScanned());
        out.writeFieldName("skipped");
        counts(out, walk.skipped());
        FindingJson.texts(out, "unreadable", walk.unreadable());
        out.writeEndObject();
    }

    /** A stage: NON_EMPTY. */
    private static void stage(JsonGenerator out, StageResult stage) throws IOException {
        out.writeStartObject();
        FindingJson.text(out, "stage", stage.stage());
        out.writeStringField("status", stage.status().name());
        out.writeNumberField("durationMillis", stage.durationMillis());
        out.writeNumberField("filesScanned", stage.filesScanned());
        out.writeNumberField("bytesScanned", stage.bytesScanned());
        out.writeNumberField("findingCount", stage.findingCount());
        if (!stage.skipped().isEmpty()) {
            out.writeFieldName("skipped");
            counts(out, stage.skipped());
        }
        if (!stage.errors().isEmpty()) {
            out.writeArrayFieldStart("errors");
            for (StageError error : stage.errors()) {
                out.writeStartObject();
                FindingJson.text(out, "path", error.path());
                FindingJson.text(out, "message", error.message());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        FindingJson.texts(out, "warnings", stage.warnings());
        FindingJson.map(out, "properties", stage.properties());
        out.writeEndObject();
    }

    private static void counts(JsonGenerator out, Map<String, Long> counts) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            out.writeFieldName(entry.getKey());
            if (entry.getValue() == null) {
                out.writeNull();
            } else {
                out.writeNumber(entry.getValue());
            }
        }
        out.writeEndObject();
    }
}
