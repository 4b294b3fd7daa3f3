package io.jenkins.plugins.devsecops.imports;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one report format, e.g. SARIF or Trivy JSON, into findings. Implementations stream their input so that
 * a report of hundreds of megabytes needs memory for its findings, not for its text. Stateless: one instance
 * parses any number of reports, one at a time or concurrently.
 */
public interface ReportParser {

    /** The format id users name, e.g. {@code sarif}, {@code trivy}. */
    String format();

    /** The tool's name for help texts. */
    String displayName();

    /**
     * Whether the report's beginning (up to 64 KiB, decoded as UTF-8, possibly cut mid-token) looks like this
     * format. Used when the user asks for {@code auto}.
     */
    boolean recognizes(String head);

    /**
     * Reads a report and adds its findings to the context.
     *
     * @throws IOException when the report is malformed, cut short, hostile or of another format; its findings are
     *     then discarded by the caller
     */
    void parse(InputStream in, ImportContext context) throws IOException;
}
