package io.jenkins.plugins.devsecops.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Lists of findings whose memory is bounded by a fixed number of findings, however many a scan produces: up to
 * {@link #memoryLimit()} findings a list is an ordinary immutable list; beyond, its findings go to a temporary file
 * of compact records ({@code SpilledFindings}) and are decoded again as they are read, in order. Every operation
 * here (building, mapping, filtering, concatenating, sorting) reads its input once, in order, and keeps at most a
 * bounded number of findings in memory; sorting a spilled list is an external merge sort.
 *
 * <p>The lists are immutable, {@link java.util.RandomAccess} and serializable (as ordinary lists). Read in order
 * they cost one decode per finding; random access to a spilled list reads one record from the file.
 */
public final class FindingList {

    /** The system property setting {@link #memoryLimit()} (benchmarks and tests; 0 spills every list). */
    public static final String MEMORY_LIMIT_PROPERTY = "devsecops.findingsInMemory";

    private static final int DEFAULT_MEMORY_LIMIT = 1_000;

    private FindingList() {
    }

    /** How many findings a list keeps in memory before it spills to a temporary file. */
    public static int memoryLimit() {
        String value = System.getProperty(MEMORY_LIMIT_PROPERTY);
        if (value != null) {
            try {
                return Math.max(0, Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                return DEFAULT_MEMORY_LIMIT;
            }
        }
        return DEFAULT_MEMORY_LIMIT;
    }

    /** A builder that spills beyond {@link #memoryLimit()} findings. */
    public static Builder builder() {
        return new Builder(memoryLimit());
    }

    /** A builder that spills beyond {@code memoryLimit} findings. */
    public static Builder builder(int memoryLimit) {
        return new Builder(memoryLimit);
    }

    /** An immutable copy of {@code findings}: the list itself when it is already one of these lists. */
    public static List<Finding> copyOf(List<Finding> findings) {
        if (findings instanceof SpilledFindings) {
            return findings;
        }
        if (findings.size() > memoryLimit()) {
            return builder().addAll(findings).build();
        }
        return List.copyOf(findings);
    }

    /** Whether {@code findings} lives in a temporary file rather than in memory. */
    public static boolean isSpilled(List<Finding> findings) {
        return findings instanceof SpilledFindings;
    }

    /** {@code findings} with {@code mapping} applied to each, in order. */
    public static List<Finding> map(List<Finding> findings, Function<Finding, Finding> mapping) {
        Builder builder = builder();
        for (Finding finding : findings) {
            builder.add(mapping.apply(finding));
        }
        return builder.build();
    }

    /** The findings {@code filter} accepts, in order. */
    public static List<Finding> filter(List<Finding> findings, Predicate<Finding> filter) {
        Builder builder = builder();
        for (Finding finding : findings) {
            if (filter.test(finding)) {
                builder.add(finding);
            }
        }
        return builder.build();
    }

    /** The lists one after the other. */
    public static List<Finding> concat(List<List<Finding>> lists) {
        if (lists.size() == 1) {
            return copyOf(lists.get(0));
        }
        Builder builder = builder();
        lists.forEach(builder::addAll);
        return builder.build();
    }

    /** {@code findings} sorted by {@code order}, stable; in memory when small, else an external merge sort. */
    public static List<Finding> sorted(List<Finding> findings, Comparator<? super Finding> order) {
        int limit = memoryLimit();
        if (findings.size() <= limit) {
            List<Finding> copy = new ArrayList<>(findings);
            copy.sort(order);
            return List.copyOf(copy);
        }
        int chunk = Math.max(limit, 256);
        List<List<Finding>> runs = new ArrayList<>();
        List<Finding> run = new ArrayList<>(chunk);
        for (Finding finding : findings) {
            run.add(finding);
            if (run.size() == chunk) {
                runs.add(sortedRun(run, order));
                run.clear();
            }
        }
        if (!run.isEmpty()) {
            runs.add(sortedRun(run, order));
        }
        return merge(runs, order);
    }

    /** One sorted run of an external sort, always on disk. */
    private static List<Finding> sortedRun(List<Finding> run, Comparator<? super Finding> order) {
        run.sort(order);
        return new Builder(0).addAll(run).build();
    }

    /** Merges sorted runs; a tie goes to the earlier run, so the merge is stable. */
    private static List<Finding> merge(List<List<Finding>> runs, Comparator<? super Finding> order) {
        record Head(Finding finding, int run, Iterator<Finding> rest) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, runs.size()), Comparator
                .<Head, Finding>comparing(Head::finding, order).thenComparingInt(Head::run));
        for (int i = 0; i < runs.size(); i++) {
            Iterator<Finding> iterator = runs.get(i).iterator();
            if (iterator.hasNext()) {
                heads.add(new Head(iterator.next(), i, iterator));
            }
        }
        Builder builder = builder();
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            builder.add(head.finding());
            if (head.rest().hasNext()) {
                heads.add(new Head(head.rest().next(), head.run(), head.rest()));
            }
        }
        return builder.build();
    }

    /**
     * Collects findings; thread-safe. Up to its limit they stay in memory, beyond they go to a temporary file. When
     * the file cannot be created or written (no space left), the findings stay in memory: none is lost.
     */
    public static final class Builder {
        private final int memoryLimit;
        private List<Finding> memory = new ArrayList<>();
        private SpilledFindings.Writer writer;
        private boolean fileFailed;
        private List<Finding> built;

        private Builder(int memoryLimit) {
            this.memoryLimit = memoryLimit;
        }

        /** Appends a finding. */
        public synchronized Builder add(Finding finding) {
            if (built != null) {
                throw new IllegalStateException("The list was already built");
            }
            if (writer == null && memory.size() >= memoryLimit && !fileFailed) {
                spill();
            }
            if (writer != null) {
                try {
                    writer.add(finding);
                    return this;
                } catch (IOException e) {
                    memory = new ArrayList<>(writer.readBack());
                    writer = null;
                    fileFailed = true;
                }
            }
            memory.add(finding);
            return this;
        }

        /** Appends findings in order. */
        public Builder addAll(Iterable<Finding> findings) {
            for (Finding finding : findings) {
                add(finding);
            }
            return this;
        }

        /** How many findings were added. */
        public synchronized int size() {
            return writer != null ? writer.size() : memory.size();
        }

        private void spill() {
            SpilledFindings.Writer created = null;
            try {
                created = new SpilledFindings.Writer();
                for (Finding kept : memory) {
                    created.add(kept);
                }
                writer = created;
                memory = new ArrayList<>();
            } catch (IOException e) {
                fileFailed = true;
                if (created != null) {
                    created.discard();
                }
            }
        }

        /** The immutable list (the same one at every call); nothing can be added afterwards. */
        public synchronized List<Finding> build() {
            if (built == null) {
                built = finish();
                memory = null;
                writer = null;
            }
            return built;
        }

        private List<Finding> finish() {
            if (writer != null) {
                try {
                    return writer.finish();
                } catch (IOException e) {
                    return List.copyOf(writer.readBack());
                }
            }
            return List.copyOf(memory);
        }
    }
}
