package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings page of one scan: the rows a filter selects (at most a page's worth), how many matched, and the
 * values the filter controls offer.
 *
 * @param rows the rows shown, in report order
 * @param matched how many findings the filter selected (may exceed the rows shown)
 * @param total how many findings the report holds
 * @param severities the severities present in the report, most severe first
 * @param stages the stage ids that ran or reported, sorted
 */
public record FindingsTable(FindingsFilter filter, List<FindingRow> rows, int matched, int total,
        List<Severity> severities, List<String> stages) {

    /** Rows shown on one page at most; the full list is in the report download. */
    public static final int MAX_ROWS = 1000;

    public FindingsTable {
        rows = List.copyOf(rows);
        severities = List.copyOf(severities);
        stages = List.copyOf(stages);
    }

    /** The table of {@code report}'s findings that {@code filter} selects, at most {@code limit} rows. */
    public static FindingsTable of(Report report, FindingsFilter filter, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The row limit cannot be negative: " + limit);
        }
        List<FindingRow> rows = new ArrayList<>();
        int matched = 0;
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        Set<String> stages = new TreeSet<>();
        report.stages().stream().map(StageResult::stage).forEach(stages::add);
        for (Finding finding : report.findings()) {
            severities.add(finding.severity());
            stages.add(finding.stage());
            if (filter.test(finding)) {
                matched++;
                if (rows.size() < limit) {
                    rows.add(FindingRow.of(finding, report.startedAt()));
                }
            }
        }
        return new FindingsTable(filter, rows, matched, report.findings().size(), new ArrayList<>(severities),
                new ArrayList<>(stages));
    }

    /** The table with at most {@link #MAX_ROWS} rows. */
    public static FindingsTable of(Report report, FindingsFilter filter) {
        return of(report, filter, MAX_ROWS);
    }

    /** Whether some matched findings are not shown. */
    public boolean isTruncated() {
        return matched > rows.size();
    }
}
