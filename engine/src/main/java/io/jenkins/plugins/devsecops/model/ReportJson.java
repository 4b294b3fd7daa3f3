package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Reads and writes {@link Report}s as JSON under the documented schema ({@code docs/report-format.md}).
 * Thread-safe; share one instance.
 */
public final class ReportJson {

    private final ObjectMapper mapper;

    public ReportJson() {
        JsonMapper jsonMapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        jsonMapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength(50_000_000).build());
        this.mapper = jsonMapper;
    }

    /** The configured mapper, for writers that embed parts of a report. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public void write(Report report, OutputStream out) throws IOException {
        mapper.writeValue(out, report);
    }

    public String toJson(Report report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report could not be written as JSON", e);
        }
    }

    /**
     * Reads a report.
     *
     * @throws IOException when the input is not a report of a schema version this engine understands
     */
    public Report read(InputStream in) throws IOException {
        Report report = readStreaming(in);
        if (report.schemaVersion() > Report.CURRENT_SCHEMA_VERSION) {
            throw new IOException("Report schema version " + report.schemaVersion()
                    + " is newer than this engine understands (" + Report.CURRENT_SCHEMA_VERSION + ")");
        }
        return report;
    }

    /**
     * Reads a report with its findings one by one into a {@link FindingList} (a large report stays on disk), the
     * other fields as a tree bound to {@link Report} as before: the same report as binding the whole document.
     */
    private Report readStreaming(InputStream in) throws IOException {
        try (JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                // not an object: binding reports the problem as it always did
                return mapper.readValue(parser, Report.class);
            }
            ObjectNode rest = mapper.createObjectNode();
            List<Finding> findings = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("findings".equals(name) && value == JsonToken.START_ARRAY) {
                    FindingList.Builder builder = FindingList.builder();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        builder.add(mapper.readValue(parser, Finding.class));
                    }
                    findings = builder.build();
                    rest.remove(name);
                } else {
                    rest.set(name, mapper.readTree(parser));
                    if ("findings".equals(name)) {
                        findings = null;
                    }
                }
            }
            Report shell = mapper.treeToValue(rest, Report.class);
            return findings == null ? shell : shell.toBuilder().findings(findings).build();
        }
    }

    public Report fromJson(String json) throws IOException {
        return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
