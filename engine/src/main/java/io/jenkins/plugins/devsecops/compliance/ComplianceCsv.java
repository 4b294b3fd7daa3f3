package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ComplianceView} as CSV (RFC 4180, UTF-8, CRLF line ends): one row per framework, requirement and
 * finding bearing on it; one row with empty finding columns for a requirement nothing bears on; one row per finding
 * that bears on none of a framework's requirements (requirement {@code (unmapped)}).
 *
 * <p>Every cell is quoted, and a cell that a spreadsheet would read as a formula (it starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) gets a leading {@code '}: finding titles and paths come from
 * scanned files and imported reports.
 */
public final class ComplianceCsv {

    /** The header row's columns. */
    public static final List<String> COLUMNS = List.of("framework", "requirement", "requirement_title", "status",
            "severity", "stage", "rule", "title", "location", "cwes", "basis", "fingerprint");

    /** The requirement column of rows listing unmapped findings. */
    public static final String UNMAPPED = "(unmapped)";

    private ComplianceCsv() {
    }

    /** Writes {@code view} to {@code out}; does not close it. */
    public static void write(ComplianceView view, OutputStream out) throws IOException {
        List<Finding> findings = findingsOf(view);
        if (findings == null) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(view, writer);
            writer.flush();
            return;
        }
        try (CsvFindingCells cells = CsvFindingCells.of(findings)) {
            write(view, cells, out);
        }
    }

    /** A CSV prepared by {@link #prepare}: written once its pass has run. */
    @FunctionalInterface
    public interface Prepared {
        /** Writes the CSV to {@code out}; does not close it. */
        void write(OutputStream out) throws IOException;
    }

    /**
     * The CSV of {@code report}'s compliance view ({@link ComplianceView#of(Report)}), read in {@code pass} (over the
     * report's findings): the view, shared with whatever else builds it in the pass, and every finding's cells. The
     * bytes are those {@link #write(ComplianceView, OutputStream)} writes for that view.
     */
    public static Prepared prepare(Report report, FindingPass pass) {
        ComplianceView.Reader view = ComplianceView.readerIn(pass, report);
        CsvFindingCells.Builder cells = pass.add(new CsvFindingCells.Builder(report.findings()));
        return out -> {
            try (cells) {
                pass.check(view);
                pass.check(cells);
                try (CsvFindingCells built = cells.build()) {
                    write(view.view(), built, out);
                }
            }
        };
    }

    /** Writes {@code view}, whose rows all point into the findings {@code cells} were rendered from. */
    private static void write(ComplianceView view, CsvFindingCells cells, OutputStream out) throws IOException {
        // The same bytes as the text written row by row, each finding's cells rendered once instead of once a row.
        Map<String, byte[]> basisCells = new HashMap<>();
        // flushed, never closed: the caller's stream stays open
        BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        buffered.write(utf8(rowText(COLUMNS)));
        for (FrameworkView framework : view.frameworks()) {
            for (RequirementView requirement : framework.requirements()) {
                if (requirement.findings().isEmpty()) {
                    buffered.write(utf8(rowText(List.of(framework.id(), requirement.id(), requirement.title(),
                            requirement.status().name(), "", "", "", "", "", "", "", ""))));
                    continue;
                }
                byte[] prefix = utf8(cellsText(List.of(framework.id(), requirement.id(), requirement.title(),
                        requirement.status().name())) + ",");
                writeRows(buffered, prefix, (ComplianceRows) requirement.findings(), cells, basisCells);
            }
            if (!framework.unmapped().isEmpty()) {
                byte[] prefix = utf8(cellsText(List.of(framework.id(), UNMAPPED, "", "")) + ",");
                writeRows(buffered, prefix, (ComplianceRows) framework.unmapped(), cells, basisCells);
            }
        }
        buffered.flush();
    }

    /** The findings every row list of {@code view} points into, or {@code null} when the rows are not all such. */
    private static List<Finding> findingsOf(ComplianceView view) {
        List<Finding> findings = null;
        for (FrameworkView framework : view.frameworks()) {
            List<List<ComplianceFindingRow>> lists = new ArrayList<>();
            framework.requirements().forEach(requirement -> lists.add(requirement.findings()));
            lists.add(framework.unmapped());
            for (List<ComplianceFindingRow> rows : lists) {
                if (!(rows instanceof ComplianceRows compact)) {
                    if (rows.isEmpty()) {
                        continue;
                    }
                    return null;
                }
                if (findings == null) {
                    findings = compact.findings();
                } else if (findings != compact.findings()) {
                    return null;
                }
            }
        }
        return findings;
    }

    private static void writeRows(OutputStream out, byte[] prefix, ComplianceRows rows, CsvFindingCells cells,
            Map<String, byte[]> basisCells) throws IOException {
        for (int row = 0; row < rows.size(); row++) {
            out.write(prefix);
            cells.write(rows.findingIndex(row), basisCells.computeIfAbsent(rows.basis(row), b -> utf8(cell(b))), out);
            out.write(CRLF);
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String rowText(List<String> cells) {
        return cellsText(cells) + "\r\n";
    }

    private static String cellsText(List<String> cells) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        return text.toString();
    }

    /** Writes {@code view} to {@code out}; does not close it. */
    public static void write(ComplianceView view, Appendable out) throws IOException {
        row(out, COLUMNS);
        for (FrameworkView framework : view.frameworks()) {
            for (RequirementView requirement : framework.requirements()) {
                if (requirement.findings().isEmpty()) {
                    row(out, List.of(framework.id(), requirement.id(), requirement.title(),
                            requirement.status().name(), "", "", "", "", "", "", "", ""));
                }
                for (ComplianceFindingRow finding : requirement.findings()) {
                    row(out, List.of(framework.id(), requirement.id(), requirement.title(),
                            requirement.status().name(), finding.severity().name(), finding.stage(), finding.ruleId(),
                            finding.title(), finding.location(), finding.cwes(), finding.basis(),
                            finding.fingerprint()));
                }
            }
            for (ComplianceFindingRow finding : framework.unmapped()) {
                row(out, List.of(framework.id(), UNMAPPED, "", "", finding.severity().name(), finding.stage(),
                        finding.ruleId(), finding.title(), finding.location(), finding.cwes(), finding.basis(),
                        finding.fingerprint()));
            }
        }
    }

    /** The text of {@code view} as CSV. */
    public static String toCsv(ComplianceView view) {
        StringBuilder text = new StringBuilder();
        try {
            write(view, text);
        } catch (IOException e) {
            throw new IllegalStateException("A StringBuilder does not fail", e);
        }
        return text.toString();
    }

    private static void row(Appendable out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One quoted cell, neutralised against formula injection. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
