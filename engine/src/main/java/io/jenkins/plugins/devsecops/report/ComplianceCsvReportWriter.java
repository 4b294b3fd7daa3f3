package io.jenkins.plugins.devsecops.report;

import io.jenkins.plugins.devsecops.compliance.ComplianceCsv;
import io.jenkins.plugins.devsecops.compliance.ComplianceView;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes {@code compliance.csv}: the compliance view of the report's open findings ({@link ComplianceView}), one row
 * per framework, requirement and finding, formula-like cells neutralised ({@link ComplianceCsv}).
 */
public final class ComplianceCsvReportWriter implements ReportWriter {

    @Override
    public String format() {
        return "compliance-csv";
    }

    @Override
    public String fileName() {
        return "compliance.csv";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ComplianceCsv.write(ComplianceView.of(report), out);
    }

    /** The compliance view (shared with the HTML page) and every finding's cells are read in {@code pass}. */
    @Override
    public Prepared prepare(Report report, FindingPass pass) {
        return ComplianceCsv.prepare(report, pass)::write;
    }
}
