package io.jenkins.plugins.devsecops.report;

import io.jenkins.plugins.devsecops.model.FindingPass;
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

    /**
     * Prepares writing {@code report} with other writers: adds to {@code pass} (a pass over {@code report}'s findings
     * shared by every writer of the report) what this writer reads of each finding before it writes, and gives the
     * write, to run once the pass has run. The bytes written are those of {@link #write}. By default nothing is added:
     * the write reads what it needs itself.
     */
    default Prepared prepare(Report report, FindingPass pass) {
        return out -> write(report, out);
    }

    /**
     * Writes {@code report} with {@code writer} alone, through {@code writer}'s {@link #prepare} on a pass of its own:
     * for a writer that gathers in a pass, its {@link #write}. (Not for a writer whose {@code prepare} is the default,
     * which calls {@code write}.)
     */
    static void writeAlone(ReportWriter writer, Report report, OutputStream out) throws IOException {
        FindingPass pass = new FindingPass(report.findings());
        Prepared prepared = writer.prepare(report, pass);
        pass.run();
        prepared.write(out);
    }

    /** A write prepared by {@link #prepare}: runs once its pass has run. */
    @FunctionalInterface
    interface Prepared {
        /** Writes to {@code out}; does not close it. */
        void write(OutputStream out) throws IOException;
    }
}
