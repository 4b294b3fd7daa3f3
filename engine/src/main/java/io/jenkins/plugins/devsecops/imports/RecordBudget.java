package io.jenkins.plugins.devsecops.imports;

/**
 * How many report entries (records) one import may still read, across all its reports. Hostile or huge reports
 * cannot exhaust memory with millions of tiny entries: once the budget is spent, further entries are skipped and
 * counted. Not thread-safe: one per import, reports are read one after the other.
 */
final class RecordBudget {

    /** The default: as many entries as the engine keeps findings of one stage. */
    static final int DEFAULT_RECORDS = 200_000;

    private int remaining;
    private long skipped;

    RecordBudget(int records) {
        this.remaining = records;
    }

    /** Takes one record; {@code false} (and counted as skipped) when the budget is spent. */
    boolean take() {
        if (remaining > 0) {
            remaining--;
            return true;
        }
        skipped++;
        return false;
    }

    /** How many records were skipped so far. */
    long skipped() {
        return skipped;
    }
}
