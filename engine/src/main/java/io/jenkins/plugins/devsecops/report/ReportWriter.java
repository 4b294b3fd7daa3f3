package io.jenkins.plugins.devsecops.report;

import io.jenkins.plugins.devsecops.model.Report;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a report in one output format. Implementations are stateless and thread-safe. */
public interface ReportWriter {

    /** The format name users pass to {@code --format}, e.g. {@code sarif}. */
    String format();

    /** The file name the CLI writes this format to, e.g. {@code report.sarif}. */
    String fileName();

    /** Writes {@code report} to {@code out}; does not close it. */
    void write(Report report, OutputStream out) throws IOException;
}
