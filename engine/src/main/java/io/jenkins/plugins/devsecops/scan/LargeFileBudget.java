package io.jenkins.plugins.devsecops.scan;

import java.util.concurrent.Semaphore;

/**
 * How much of large files the scan threads may hold in memory at once. A file is read whole, and a stage may keep
 * its decoded text and line index beside its bytes while it scans it: with files up to the default size limit that
 * is a few tens of MiB per thread, but with a raised {@code --max-file-size} every thread could hold a file of hundreds
 * of MiB at the same time. Each file of {@value #MIN_MIB} MiB or more takes its size in MiB from a budget of
 * {@value #BUDGET_MIB} MiB (a larger file takes the whole budget, so it is scanned alone) and gives it back when every
 * stage is done with it; smaller files take nothing. Fair: a large file waiting for room is not overtaken by later
 * large files. Thread-safe.
 */
final class LargeFileBudget {

    /** The MiB of large files' bytes scanned at once. */
    static final int BUDGET_MIB = 128;

    /** Files smaller than this many MiB are not counted. */
    static final int MIN_MIB = 1;

    private final int budgetMib;
    private final Semaphore room;

    /** The default budget, {@value #BUDGET_MIB} MiB. */
    LargeFileBudget() {
        this(BUDGET_MIB);
    }

    /** A budget of {@code budgetMib} MiB. */
    LargeFileBudget(int budgetMib) {
        this.budgetMib = budgetMib;
        this.room = new Semaphore(budgetMib, true);
    }

    /** The MiB {@code file} takes from the budget: 0 for a small file or one already in memory, at most all of it. */
    int mibOf(SourceFile file) {
        if (file.size() < (long) MIN_MIB << 20 || file.absolutePath() == null) {
            return 0;
        }
        return (int) Math.min((file.size() + (1 << 20) - 1) >> 20, budgetMib);
    }

    /**
     * Runs {@code scan} once {@code file} fits in the budget.
     *
     * @throws InterruptedException when the thread is interrupted while waiting (the file is not scanned)
     */
    void scan(SourceFile file, Runnable scan) throws InterruptedException {
        int mib = mibOf(file);
        if (mib == 0) {
            scan.run();
            return;
        }
        room.acquire(mib);
        try {
            scan.run();
        } finally {
            room.release(mib);
        }
    }

    /** Whether a file is waiting for room. */
    boolean hasWaiting() {
        return room.hasQueuedThreads();
    }
}
