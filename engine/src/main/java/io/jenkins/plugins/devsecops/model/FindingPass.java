package io.jenkins.plugins.devsecops.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One pass over a list of findings shared by several readers: each finding is read (from disk, for a large list,
 * see {@link FindingList}) once and handed to every reader in the order they were added. What several writers of
 * one report gather from its findings (a compliance view, counts, rules, an inventory) is gathered here in one
 * decode of each finding instead of one per writer. Readers registered under a key are shared: the second writer
 * asking for the same key gets the first one's reader. Add readers, {@link #run()} once, then read their results
 * after {@link #check}. A reader that throws is left out of the rest of the pass and its failure kept for
 * {@link #check}: the other readers, and the writers that use them, go on. Thread-safe; the readers themselves are
 * called from the thread that runs the pass.
 */
public final class FindingPass {

    /** Reads the findings of a pass. */
    @FunctionalInterface
    public interface Reader {
        /** Reads finding {@code index} of the list. */
        void read(int index, Finding finding);
    }

    private final List<Finding> findings;
    private final Map<Object, Reader> shared = new LinkedHashMap<>();
    private final List<Reader> readers = new ArrayList<>();
    private boolean ran;
    private int registrations;
    private final Map<Reader, RuntimeException> failures = new java.util.IdentityHashMap<>();
    private RuntimeException readFailure;

    /** A pass over {@code findings}. */
    public FindingPass(List<Finding> findings) {
        this.findings = findings;
    }

    /** The findings this pass reads. */
    public List<Finding> findings() {
        return findings;
    }

    /** Adds {@code reader}; gives it back. */
    public synchronized <R extends Reader> R add(R reader) {
        requireNotRun();
        registrations++;
        readers.add(reader);
        return reader;
    }

    /**
     * The reader registered under {@code key}, registering the one {@code factory} makes when there is none: how two
     * writers that need the same thing of the findings share one reader.
     */
    public synchronized <R extends Reader> R shared(Object key, Class<R> type, Supplier<R> factory) {
        requireNotRun();
        registrations++;
        Reader known = shared.get(key);
        if (known != null) {
            return type.cast(known);
        }
        R made = factory.get();
        shared.put(key, made);
        readers.add(made);
        return made;
    }

    /**
     * How many times a reader was added or asked for ({@link #add}, {@link #shared}): a writer whose preparation
     * leaves it unchanged does not depend on the pass.
     */
    public synchronized int registrations() {
        return registrations;
    }

    /** Whether the pass has run. */
    public synchronized boolean ran() {
        return ran;
    }

    /**
     * Reads every finding once, in order, into every reader; a pass without readers reads nothing.
     *
     * @throws RuntimeException when the findings cannot be read (a damaged temporary file), also kept for
     *     {@link #check}
     */
    public void run() {
        Reader[] all;
        synchronized (this) {
            requireNotRun();
            ran = true;
            all = readers.toArray(new Reader[0]);
        }
        if (all.length == 0) {
            return;
        }
        boolean[] failed = new boolean[all.length];
        int index = 0;
        try {
            for (Finding finding : findings) {
                for (int r = 0; r < all.length; r++) {
                    if (failed[r]) {
                        continue;
                    }
                    try {
                        all[r].read(index, finding);
                    } catch (RuntimeException e) {
                        failed[r] = true;
                        synchronized (this) {
                            failures.put(all[r], e);
                        }
                    }
                }
                index++;
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                readFailure = e;
            }
            throw e;
        }
    }

    /**
     * Throws what made {@code reader} fail in the pass, or the failure to read the findings, if any: its results
     * are then incomplete.
     *
     * @throws IllegalStateException when the pass has not run
     */
    public synchronized void check(Reader reader) {
        if (!ran) {
            throw new IllegalStateException("The pass has not run");
        }
        if (readFailure != null) {
            throw readFailure;
        }
        RuntimeException failure = failures.get(reader);
        if (failure != null) {
            throw failure;
        }
    }

    private void requireNotRun() {
        if (ran) {
            throw new IllegalStateException("The pass has already run");
        }
    }
}
