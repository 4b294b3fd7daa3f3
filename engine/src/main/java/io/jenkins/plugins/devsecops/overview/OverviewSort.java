package io.jenkins.plugins.devsecops.overview;

import java.util.Comparator;
import java.util.Locale;

/** The orders the overview's rows can be sorted in; each has a natural direction, most urgent first. */
public enum OverviewSort {
    /** Worst verdict, then most critical, most high, lowest score: what to look at first. */
    RISK(Comparator.comparing((OverviewRow r) -> r.verdict().ordinal()).reversed()
            .thenComparing(Comparator.comparingInt(OverviewRow::critical).reversed())
            .thenComparing(Comparator.comparingInt(OverviewRow::high).reversed())
            .thenComparingInt(OverviewRow::score)),
    /** By job name, A to Z. */
    NAME(Comparator.comparing(OverviewRow::displayName, String.CASE_INSENSITIVE_ORDER)),
    /** Lowest score first. */
    SCORE(Comparator.comparingInt(OverviewRow::score)),
    /** Most critical findings first. */
    CRITICAL(Comparator.comparingInt(OverviewRow::critical).reversed()
            .thenComparing(Comparator.comparingInt(OverviewRow::high).reversed())),
    /** Most open findings first. */
    OPEN(Comparator.comparingInt(OverviewRow::openTotal).reversed()),
    /** Most findings new in the last build first. */
    NEW(Comparator.comparingInt(OverviewRow::added).reversed()),
    /** Most overdue findings first. */
    OVERDUE(Comparator.comparingInt(OverviewRow::overdue).reversed()),
    /** Slowest mean time to remediate first; rows without a fix last. */
    MTTR(Comparator.comparing(OverviewRow::mttrDays, Comparator.nullsFirst(Comparator.<Double>naturalOrder()))
            .reversed()),
    /** Oldest open critical finding first; rows without one last. */
    AGE(Comparator.comparing(OverviewRow::oldestCriticalDays,
            Comparator.nullsFirst(Comparator.<Long>naturalOrder())).reversed()),
    /** Most recently scanned first. */
    LAST_SCAN(Comparator.comparing(OverviewRow::time).reversed());

    private final Comparator<OverviewRow> order;

    OverviewSort(Comparator<OverviewRow> order) {
        this.order = order;
    }

    /** The natural order, ties broken by job name and scan id so that a page is stable. */
    public Comparator<OverviewRow> comparator() {
        return order.thenComparing(OverviewRow::job).thenComparing(OverviewRow::scanId);
    }

    /** The name used in query strings, e.g. {@code last-scan}. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a query-string value.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static OverviewSort parse(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (OverviewSort sort : values()) {
            if (sort.name().equals(normalized)) {
                return sort;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (OverviewSort sort : values()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(sort.parameter());
        }
        throw new IllegalArgumentException("Unknown sort '" + text + "': use one of " + accepted);
    }
}
