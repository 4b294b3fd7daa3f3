package io.jenkins.plugins.devsecops.dependencies.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.report.UtcTimestamps;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The SBOM of a report without packages (no component, hence no vulnerability: a secrets-only scan, a tree without
 * manifests) written straight to a generator: the bytes cyclonedx-core-java gives for that BOM (its tool, its project
 * component, the project's empty dependency entry), without its mapper's bean introspection and serialiser set-up
 * (a fifth of the report phase of a small scan). Texts the library would trim are left to the library.
 * {@code EmptyBomJsonTest} holds the two equal.
 */
final class EmptyBomJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private EmptyBomJson() {
    }

    /** Whether {@link #write} writes this report's empty SBOM as the library would. */
    static boolean writes(Report report) {
        String version = report.tool().version();
        String project = CycloneDxReportWriter.projectName(report);
        return untrimmed(report.tool().name()) && !project.isEmpty() && (version == null || !version.isEmpty() && untrimmed(version))
                && untrimmed(project);
    }

    private static boolean untrimmed(String text) {
        return text.equals(text.trim()) && text.equals(text.strip());
    }

    /** Writes the SBOM of {@code report}, taken to have no package ({@link #writes} true). */
    static void write(Report report, OutputStream out) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 12);
        JsonGenerator json = FACTORY.createGenerator(writer).setPrettyPrinter(printer)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("bomFormat", "CycloneDX");
        json.writeStringField("specVersion", "1.6");
        json.writeStringField("serialNumber", CycloneDxReportWriter.serialNumber(report));
        json.writeNumberField("version", 1);
        json.writeObjectFieldStart("metadata");
        json.writeStringField("timestamp", UtcTimestamps.cycloneDx(report.startedAt()));
        json.writeObjectFieldStart("tools");
        json.writeArrayFieldStart("components");
        json.writeStartObject();
        json.writeStringField("type", "application");
        json.writeStringField("name", report.tool().name());
        if (report.tool().version() != null) {
            json.writeStringField("version", report.tool().version());
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("component");
        json.writeStringField("type", "application");
        json.writeStringField("bom-ref", "project");
        json.writeStringField("name", CycloneDxReportWriter.projectName(report));
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("dependencies");
        json.writeStartObject();
        json.writeStringField("ref", "project");
        json.writeArrayFieldStart("dependsOn");
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.close();
        writer.flush();
    }
}
