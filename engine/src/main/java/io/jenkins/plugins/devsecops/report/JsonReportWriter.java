package io.jenkins.plugins.devsecops.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import java.io.IOException;
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

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        // Streamed: the JSON of a large report is never held in memory as one string.
        JSON.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, report);
    }
}
