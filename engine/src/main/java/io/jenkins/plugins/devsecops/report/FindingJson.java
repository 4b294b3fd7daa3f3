package io.jenkins.plugins.devsecops.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.model.TraceStep;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes one {@link Finding} straight to a streaming generator as the report mapper ({@code ReportJson}) serialises
 * it: the record components in order, left out as the model's {@code @JsonInclude} rules say (empty text, lists and
 * maps of findings, components, tools, suppressions and trace steps; zero and empty values of locations; nothing
 * of a CVSS), without bean introspection for every finding of a large report. {@code FindingJsonTest} holds the two
 * equal.
 */
final class FindingJson {

    private FindingJson() {
    }

    static void write(JsonGenerator out, Finding finding) throws IOException {
        out.writeStartObject();
        text(out, "ruleId", finding.ruleId());
        text(out, "stage", finding.stage());
        out.writeStringField("severity", finding.severity().name());
        text(out, "title", finding.title());
        text(out, "message", finding.message());
        if (finding.location() != null) {
            out.writeFieldName("location");
            location(out, finding.location());
        }
        if (finding.component() != null) {
            out.writeFieldName("component");
            component(out, finding.component());
        }
        texts(out, "identifiers", finding.identifiers());
        texts(out, "cwes", finding.cwes());
        Cvss cvss = finding.cvss();
        if (cvss != null) {
            out.writeObjectFieldStart("cvss");
            out.writeStringField("version", cvss.version());
            out.writeNumberField("score", cvss.score());
            out.writeStringField("vector", cvss.vector());
            out.writeEndObject();
        }
        text(out, "remediation", finding.remediation());
        text(out, "fixedVersion", finding.fixedVersion());
        out.writeStringField("confidence", finding.confidence().name());
        if (!finding.tools().isEmpty()) {
            out.writeArrayFieldStart("tools");
            for (ToolInfo tool : finding.tools()) {
                tool(out, tool);
            }
            out.writeEndArray();
        }
        text(out, "fingerprint", finding.fingerprint());
        map(out, "properties", finding.properties());
        Suppression suppression = finding.suppression();
        if (suppression != null) {
            out.writeObjectFieldStart("suppression");
            text(out, "kind", suppression.kind());
            text(out, "reason", suppression.reason());
            text(out, "owner", suppression.owner());
            if (suppression.expires() != null) {
                out.writeStringField("expires", suppression.expires().toString());
            }
            text(out, "source", suppression.source());
            out.writeEndObject();
        }
        if (!finding.trace().isEmpty()) {
            out.writeArrayFieldStart("trace");
            for (TraceStep step : finding.trace()) {
                out.writeStartObject();
                if (step.location() != null) {
                    out.writeFieldName("location");
                    location(out, step.location());
                }
                text(out, "message", step.message());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /** A tool: empty texts left out ({@code NON_EMPTY}). */
    static void tool(JsonGenerator out, ToolInfo tool) throws IOException {
        out.writeStartObject();
        text(out, "name", tool.name());
        text(out, "version", tool.version());
        out.writeEndObject();
    }

    /** A location: zero numbers and empty texts left out ({@code NON_DEFAULT}). */
    private static void location(JsonGenerator out, Location location) throws IOException {
        out.writeStartObject();
        text(out, "path", location.path());
        number(out, "startLine", location.startLine());
        number(out, "startColumn", location.startColumn());
        number(out, "endLine", location.endLine());
        number(out, "endColumn", location.endColumn());
        text(out, "snippet", location.snippet());
        out.writeEndObject();
    }

    static void component(JsonGenerator out, Component component) throws IOException {
        out.writeStartObject();
        text(out, "purl", component.purl());
        text(out, "name", component.name());
        text(out, "version", component.version());
        text(out, "ecosystem", component.ecosystem());
        if (component.direct() != null) {
            out.writeBooleanField("direct", component.direct());
        }
        texts(out, "dependencyPath", component.dependencyPath());
        map(out, "hashes", component.hashes());
        texts(out, "dependsOn", component.dependsOn());
        text(out, "scope", component.scope());
        text(out, "sourceFile", component.sourceFile());
        map(out, "properties", component.properties());
        out.writeEndObject();
    }

    private static void number(JsonGenerator out, String field, int value) throws IOException {
        if (value != 0) {
            out.writeNumberField(field, value);
        }
    }

    static void text(JsonGenerator out, String field, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            out.writeStringField(field, value);
        }
    }

    static void texts(JsonGenerator out, String field, List<String> values) throws IOException {
        if (values != null && !values.isEmpty()) {
            out.writeArrayFieldStart(field);
            for (String value : values) {
                out.writeString(value);
            }
            out.writeEndArray();
        }
    }

    static void map(JsonGenerator out, String field, Map<String, String> values) throws IOException {
        if (values != null && !values.isEmpty()) {
            out.writeObjectFieldStart(field);
            for (Map.Entry<String, String> entry : values.entrySet()) {
                out.writeStringField(entry.getKey(), entry.getValue());
            }
            out.writeEndObject();
        }
    }
}
