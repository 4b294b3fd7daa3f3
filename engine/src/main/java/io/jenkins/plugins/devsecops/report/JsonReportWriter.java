package io.jenkins.plugins.devsecops.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.jenkins.plugins.devsecops.model.Finding;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.OutputStream;

/** Writes {@code report.json}: the engine's own schema ({@code docs/report-format.md}). */
public final class JsonReportWriter implements ReportWriter {

    private static final ReportJson JSON = new ReportJson();

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String fileName() {
        return "report.json";
    }

    /** The report's fields after {@code findings}, in the order the mapper writes them (record component order). */
    private static final Set<String> AFTER_FINDINGS = afterFindings();

    /**
     * Streamed: the JSON of a large report is never held in memory as one string. The findings are written one by
     * one by {@link FindingJson} (the mapper's bytes, without bean introspection per finding), the other fields by
     * the mapper, in its order.
     */
    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ObjectWriter writer = JSON.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (report.findings().isEmpty()) {
            writer.writeValue(out, report);
            return;
        }
        JsonNode rest = JSON.mapper().valueToTree(report.toBuilder().findings(List.of()).build());
        try (JsonGenerator generator = writer.createGenerator(out)) {
            generator.writeStartObject();
            boolean findingsWritten = false;
            for (Map.Entry<String, JsonNode> field : rest.properties()) {
                if (!findingsWritten && AFTER_FINDINGS.contains(field.getKey())) {
                    writeFindings(generator, report.findings());
                    findingsWritten = true;
                }
                generator.writeFieldName(field.getKey());
                writer.writeValue(generator, field.getValue());
            }
            if (!findingsWritten) {
                writeFindings(generator, report.findings());
            }
            generator.writeEndObject();
        }
    }

    private static void writeFindings(JsonGenerator generator, List<Finding> findings) throws IOException {
        generator.writeArrayFieldStart("findings");
        for (Finding finding : findings) {
            FindingJson.write(generator, finding);
        }
        generator.writeEndArray();
    }

    private static Set<String> afterFindings() {
        List<String> names = Arrays.stream(Report.class.getRecordComponents()).map(RecordComponent::getName).toList();
        return Set.copyOf(names.subList(names.indexOf("findings") + 1, names.size()));
    }
}
