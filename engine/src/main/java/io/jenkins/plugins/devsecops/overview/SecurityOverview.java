package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.view.TrendChartView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cross-job security overview: one row per job and scan id with the newest build's state, filtered and sorted
 * by a query, the totals of the shown rows, the organisation's weekly trends over them and the values each filter
 * offers. Built from stored summaries only, never from a report; the Jenkins page and REST API are thin views of it.
 *
 * @param rows the shown rows, in the query's order
 * @param scans how many scans (job and scan id) there are before filtering
 * @param query the query that was applied, with its errors
 * @param verdicts shown rows per verdict
 * @param openBySeverity active findings of the shown rows per severity
 * @param added findings new in the shown rows' newest builds
 * @param overdue overdue findings of the shown rows
 * @param trends the weekly trends of the shown rows
 * @param folders every folder holding a scanned job (for the folder filter), sorted
 * @param labels every label of a scanned job, sorted
 * @param stages every stage a newest build ran, sorted
 * @param generatedAt the time ages are measured at
 */
public record SecurityOverview(List<OverviewRow> rows, int scans, OverviewQuery query,
        Map<PolicyVerdict, Integer> verdicts, Map<Severity, Integer> openBySeverity, int added, int overdue,
        OrganisationTrends trends, List<String> folders, List<String> labels, List<String> stages,
        Instant generatedAt) {

    public SecurityOverview {
        rows = List.copyOf(rows);
        verdicts = Map.copyOf(verdicts);
        openBySeverity = Map.copyOf(openBySeverity);
        folders = List.copyOf(folders);
        labels = List.copyOf(labels);
        stages = List.copyOf(stages);
    }

    /** The overview of {@code histories} under {@code query} at {@code now}, with the default number of weeks. */
    public static SecurityOverview of(List<ScanHistory> histories, OverviewQuery query, Instant now) {
        return of(histories, query, now, OrganisationTrends.DEFAULT_WEEKS);
    }

    /** The overview of {@code histories} under {@code query} at {@code now}, with {@code weeks} weeks of trends. */
    public static SecurityOverview of(List<ScanHistory> histories, OverviewQuery query, Instant now, int weeks) {
        List<OverviewRow> rows = new ArrayList<>();
        List<ScanHistory> shownHistories = new ArrayList<>();
        TreeSet<String> folders = new TreeSet<>();
        TreeSet<String> labels = new TreeSet<>();
        TreeSet<String> stages = new TreeSet<>();
        int scans = 0;
        for (ScanHistory history : histories) {
            OverviewRow row = OverviewRow.of(history, now);
            if (row == null) {
                continue;
            }
            scans++;
            addFolders(row.folder(), folders);
            labels.addAll(row.labels());
            stages.addAll(row.stages());
            if (query.matches(row)) {
                rows.add(row);
                shownHistories.add(history);
            }
        }
        Comparator<OverviewRow> order = query.sort().comparator();
        rows.sort(query.ascending() ? order.reversed() : order);

        Map<PolicyVerdict, Integer> verdicts = new EnumMap<>(PolicyVerdict.class);
        for (PolicyVerdict verdict : PolicyVerdict.values()) {
            verdicts.put(verdict, 0);
        }
        int[] open = new int[Severity.values().length];
        int added = 0;
        int overdue = 0;
        for (OverviewRow row : rows) {
            verdicts.merge(row.verdict(), 1, Integer::sum);
            int[] counts = row.open();
            for (int s = 0; s < open.length; s++) {
                open[s] += counts[s];
            }
            added += row.added();
            overdue += row.overdue();
        }
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, open[severity.ordinal()]);
        }
        return new SecurityOverview(rows, scans, query, verdicts, bySeverity, added, overdue,
                OrganisationTrends.of(shownHistories, now, weeks), List.copyOf(folders), List.copyOf(labels),
                List.copyOf(stages), now);
    }

    /** Adds {@code folder} and each of its parents ({@code a/b/c} → {@code a}, {@code a/b}, {@code a/b/c}). */
    private static void addFolders(String folder, Set<String> folders) {
        if (folder.isEmpty()) {
            return;
        }
        int slash = -1;
        while ((slash = folder.indexOf('/', slash + 1)) > 0) {
            folders.add(folder.substring(0, slash));
        }
        folders.add(folder);
    }

    /** Active findings of the shown rows. */
    public int openTotal() {
        return openBySeverity.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Shown rows with {@code verdict}. */
    public int count(PolicyVerdict verdict) {
        return verdicts.getOrDefault(verdict, 0);
    }

    /** The organisation trend charts: open by severity, new vs fixed per week, SLA compliance, MTTR by severity. */
    public List<TrendChartView> charts() {
        return OrganisationCharts.of(trends);
    }
}
