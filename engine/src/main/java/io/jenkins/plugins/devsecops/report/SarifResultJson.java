package io.jenkins.plugins.devsecops.report;

import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.ToolComponentReference;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.TraceStep;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one SARIF {@code result} of a finding straight to a streaming generator: the same fields, in the same order
 * and with the same values left out as the {@code java-sarif} object model's {@code Result} serialised by
 * {@link SarifReportWriter}'s mapper (property order of its {@code @JsonPropertyOrder}, values equal to the model's
 * defaults left out, {@code level} always written, property bags sorted by key), without building the object tree
 * and serialising it through bean introspection for every result. {@code SarifResultJsonTest} holds the two equal.
 */
final class SarifResultJson {

    private SarifResultJson() {
    }

    /** Writes the result of {@code finding}; {@code ruleIndex} -1 (the model's default) is left out. */
    static void write(JsonGenerator out, Finding finding, int ruleIndex, Set<ReportingDescriptorReference> taxa)
            throws IOException {
        String text = finding.message() == null || finding.message().isBlank() ? finding.title() : finding.message();
        String fingerprint = FindingFingerprints.ensure(finding).fingerprint();
        out.writeStartObject();
        out.writeStringField("ruleId", finding.ruleId());
        if (ruleIndex != -1) {
            out.writeNumberField("ruleIndex", ruleIndex);
        }
        out.writeStringField("level", SarifSeverity.level(finding.severity()).value());
        message(out, "message", SarifReportWriter.cap(text, SarifReportWriter.MAX_MESSAGE_CHARS));
        out.writeArrayFieldStart("locations");
        location(out, finding);
        out.writeEndArray();
        out.writeObjectFieldStart("partialFingerprints");
        out.writeFieldName(SarifReportWriter.FINGERPRINT_KEY);
        if (fingerprint == null) {
            out.writeNull();
        } else {
            out.writeString(fingerprint);
        }
        out.writeEndObject();
        if (!finding.trace().isEmpty()) {
            codeFlows(out, finding.trace());
        }
        if (finding.suppression() != null) {
            suppressions(out, finding.suppression());
        }
        if (!taxa.isEmpty()) {
            out.writeArrayFieldStart("taxa");
            for (ReportingDescriptorReference reference : taxa) {
                reference(out, reference);
            }
            out.writeEndArray();
        }
        properties(out, SarifReportWriter.resultFacts(finding));
        out.writeEndObject();
    }

    private static void message(JsonGenerator out, String field, String text) throws IOException {
        out.writeObjectFieldStart(field);
        out.writeStringField("text", text);
        out.writeEndObject();
    }

    /** The result's location, as {@code SarifReportWriter.location} builds it. */
    private static void location(JsonGenerator out, Finding finding) throws IOException {
        Location where = finding.location();
        out.writeStartObject();
        boolean physical = false;
        if (where != null) {
            physicalLocation(out, where);
            physical = true;
        } else {
            String manifest = SarifReportWriter.MANIFEST_PROPERTIES.stream().map(key -> finding.properties().get(key))
                    .filter(value -> value != null && !value.isBlank()).findFirst().orElse(null);
            if (manifest != null) {
                out.writeObjectFieldStart("physicalLocation");
                artifactLocation(out, manifest);
                out.writeEndObject();
                physical = true;
            }
        }
        if (finding.component() != null) {
            String name = finding.component().name() != null ? finding.component().name() : finding.component().purl();
            out.writeArrayFieldStart("logicalLocations");
            out.writeStartObject();
            if (name != null) {
                out.writeStringField("name", name);
            }
            if (finding.component().purl() != null) {
                out.writeStringField("fullyQualifiedName", finding.component().purl());
            }
            out.writeStringField("kind", "module");
            out.writeEndObject();
            out.writeEndArray();
        } else if (!physical) {
            out.writeArrayFieldStart("logicalLocations");
            out.writeStartObject();
            out.writeStringField("name", finding.stage());
            out.writeStringField("kind", "resource");
            out.writeEndObject();
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /** A {@code physicalLocation} field, as {@code SarifReportWriter.physicalLocation} builds it. */
    private static void physicalLocation(JsonGenerator out, Location where) throws IOException {
        out.writeObjectFieldStart("physicalLocation");
        artifactLocation(out, where.path());
        if (where.startLine() > 0) {
            out.writeObjectFieldStart("region");
            out.writeNumberField("startLine", where.startLine());
            if (where.startColumn() > 0) {
                out.writeNumberField("startColumn", where.startColumn());
            }
            if (where.endLine() > 0) {
                out.writeNumberField("endLine", where.endLine());
            }
            if (where.endColumn() > 0 && (where.endLine() > where.startLine()
                    || where.endColumn() > where.startColumn())) {
                out.writeNumberField("endColumn", where.endColumn());
            }
            if (where.snippet() != null && !where.snippet().isEmpty()) {
                message(out, "snippet", SarifReportWriter.cap(where.snippet(), SarifReportWriter.MAX_SNIPPET_CHARS));
            }
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private static void artifactLocation(JsonGenerator out, String path) throws IOException {
        out.writeObjectFieldStart("artifactLocation");
        if (ArtifactUris.isAbsolute(path)) {
            out.writeStringField("uri", ArtifactUris.absolute(path));
        } else {
            out.writeStringField("uri", ArtifactUris.relative(path));
            out.writeStringField("uriBaseId", SarifReportWriter.SRCROOT);
        }
        out.writeEndObject();
    }

    /** A data-flow trace as one code flow with one thread flow, source first. */
    private static void codeFlows(JsonGenerator out, List<TraceStep> trace) throws IOException {
        out.writeArrayFieldStart("codeFlows");
        out.writeStartObject();
        out.writeArrayFieldStart("threadFlows");
        out.writeStartObject();
        out.writeArrayFieldStart("locations");
        for (TraceStep step : trace) {
            out.writeStartObject();
            out.writeObjectFieldStart("location");
            physicalLocation(out, step.location());
            if (!step.message().isEmpty()) {
                message(out, "message", SarifReportWriter.cap(step.message(), SarifReportWriter.MAX_MESSAGE_CHARS));
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndArray();
    }

    private static void suppressions(JsonGenerator out, Suppression suppression) throws IOException {
        out.writeArrayFieldStart("suppressions");
        out.writeStartObject();
        out.writeStringField("kind", "inline".equalsIgnoreCase(suppression.kind())
                ? com.contrastsecurity.sarif.Suppression.Kind.IN_SOURCE.value()
                : com.contrastsecurity.sarif.Suppression.Kind.EXTERNAL.value());
        out.writeStringField("status", com.contrastsecurity.sarif.Suppression.Status.ACCEPTED.value());
        if (suppression.reason() != null && !suppression.reason().isBlank()) {
            out.writeStringField("justification", suppression.reason());
        }
        Map<String, Object> facts = SarifReportWriter.suppressionFacts(suppression);
        if (!facts.isEmpty()) {
            properties(out, facts);
        }
        out.writeEndObject();
        out.writeEndArray();
    }

    private static void reference(JsonGenerator out, ReportingDescriptorReference reference) throws IOException {
        out.writeStartObject();
        if (reference.getId() != null) {
            out.writeStringField("id", reference.getId());
        }
        if (reference.getIndex() != null && reference.getIndex() != -1) {
            out.writeNumberField("index", reference.getIndex());
        }
        ToolComponentReference component = reference.getToolComponent();
        if (reference.getGuid() != null || component == null) {
            // not made by SarifTaxonomies: the object model writes it
            throw new IllegalStateException("Unexpected taxon reference " + reference.getId());
        }
        out.writeObjectFieldStart("toolComponent");
        if (component.getName() != null) {
            out.writeStringField("name", component.getName());
        }
        if (component.getIndex() != null && component.getIndex() != -1) {
            out.writeNumberField("index", component.getIndex());
        }
        out.writeEndObject();
        PropertyBag properties = reference.getProperties();
        if (properties != null && !properties.getAdditionalProperties().isEmpty()) {
            properties(out, new java.util.TreeMap<>(properties.getAdditionalProperties()));
        }
        out.writeEndObject();
    }

    /** A property bag: its values sorted by key (the mapper orders map entries by key). */
    private static void properties(JsonGenerator out, Map<String, Object> facts) throws IOException {
        out.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> fact : facts.entrySet()) {
            out.writeFieldName(fact.getKey());
            value(out, fact.getValue());
        }
        out.writeEndObject();
    }

    /** A property value as the mapper writes it. */
    static void value(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof List<?> values) {
            out.writeStartArray();
            for (Object element : values) {
                value(out, element);
            }
            out.writeEndArray();
        } else {
            if (out.getCodec() == null) {
                out.setCodec(SarifReportWriter.mapper()); // a value of another type: as the mapper writes it
            }
            out.writeObject(value);
        }
    }
}
