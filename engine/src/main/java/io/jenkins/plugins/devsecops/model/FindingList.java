package io.jenkins.plugins.devsecops.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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

    /**
     * Finding {@code index} of {@code findings}, for scattered reads: from a spilled list only its record is read
     * (not a block of records around it, as {@code get} reads for in-order access).
     */
    public static Finding readOne(List<Finding> findings, int index) {
        return findings instanceof SpilledFindings spilled ? spilled.readOne(index) : findings.get(index);
    }

    /** Whether {@code findings} lives in a temporary file rather than in memory. */
    public static boolean isSpilled(List<Finding> findings) {
        return findings instanceof SpilledFindings;
    }

    /**
     * {@code findings} with {@code mapping} applied to each, in order. A finding the mapping gives back as it is (the
     * same instance) is moved, not encoded again.
     */
    public static List<Finding> map(List<Finding> findings, Function<Finding, Finding> mapping) {
        Builder builder = builder();
        int index = 0;
        for (Finding finding : findings) {
            Finding mapped = mapping.apply(finding);
            if (mapped == finding) {
                builder.addFrom(findings, index, finding);
            } else {
                builder.add(mapped);
            }
            index++;
        }
        return builder.build();
    }

    /**
     * {@code findings} with {@code mapping} applied to each that may mention one of {@code texts} in any of its
     * strings, in order; the others are kept as they are (moved, not encoded again). The mapping must give back a
     * finding that mentions none of the texts unchanged (the same instance), as it would then be given every finding.
     * A finding of a spilled list is only decoded when one of the texts' characters occur in its stored record (see
     * {@code StoredTexts}); null texts are ignored, and when one is shorter than eight characters every finding is
     * given to the mapping.
     */
    public static List<Finding> mapMentioning(List<Finding> findings, Collection<String> texts,
            UnaryOperator<Finding> mapping) {
        boolean searchable = texts.stream().allMatch(text -> text == null || StoredTexts.searches(text));
        if (!(findings instanceof SpilledFindings spilled) || !searchable) {
            return map(findings, mapping);
        }
        StoredTexts search = new StoredTexts(texts);
        if (search.isEmpty()) {
            return findings;
        }
        Builder builder = builder().expect(spilled.size());
        SpilledFindings.Block reader = spilled.reader();
        for (int index = 0; index < spilled.size(); index++) {
            if (!reader.mayMention(index, search)) {
                builder.addFrom(spilled, index);
                continue;
            }
            Finding finding = reader.read(index);
            Finding mapped = mapping.apply(finding);
            if (mapped == finding) {
                builder.addFrom(spilled, index, finding);
            } else {
                builder.add(mapped);
            }
        }
        return builder.build();
    }

    /**
     * The heads of {@code findings}, in order (see {@link FindingHead}): those of a spilled list read from the stored
     * records, without decoding the findings.
     */
    public static Iterator<FindingHead> heads(List<Finding> findings) {
        if (findings instanceof SpilledFindings spilled) {
            SpilledFindings.Block reader = spilled.reader();
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < spilled.size();
                }

                @Override
                public FindingHead next() {
                    if (next >= spilled.size()) {
                        throw new NoSuchElementException();
                    }
                    return reader.head(next++);
                }
            };
        }
        Iterator<Finding> each = findings.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return each.hasNext();
            }

            @Override
            public FindingHead next() {
                return FindingHead.of(each.next());
            }
        };
    }

    /**
     * {@code findings} sorted by {@code order} of their heads, stable; in memory when small, else an external merge
     * sort that reads the heads of the stored records and moves the records, decoding no finding.
     */
    public static List<Finding> sortedByHead(List<Finding> findings, Comparator<? super FindingHead> order) {
        if (!(findings instanceof SpilledFindings)) {
            return sorted(findings, Comparator.comparing(FindingHead::of, order));
        }
        int chunk = Math.max(memoryLimit(), 256);
        List<List<Finding>> runs = new ArrayList<>();
        List<IndexedHead> run = new ArrayList<>(chunk);
        int index = 0;
        for (Iterator<FindingHead> heads = heads(findings); heads.hasNext(); ) {
            run.add(new IndexedHead(heads.next(), index++));
            if (run.size() == chunk) {
                runs.add(sortedHeadRun(findings, run, order));
                run.clear();
            }
        }
        if (!run.isEmpty()) {
            runs.add(sortedHeadRun(findings, run, order));
        }
        return merge(runs, FindingList::heads, order, builder().expect(findings.size()),
                (into, from, at, head) -> into.addFrom(from, at));
    }

    /** A finding's head read from a list, with its index there. */
    private record IndexedHead(FindingHead head, int index) {
    }

    /** One sorted run of {@link #sortedByHead}, always on disk; the records are moved from {@code source}. */
    private static List<Finding> sortedHeadRun(List<Finding> source, List<IndexedHead> run,
            Comparator<? super FindingHead> order) {
        run.sort(Comparator.comparing(IndexedHead::head, order));
        Builder builder = new Builder(0);
        for (IndexedHead indexed : run) {
            builder.addFrom(source, indexed.index());
        }
        return builder.build();
    }

    /**
     * {@code findings} in order, each with the properties {@code properties} gives for its fingerprint put into its
     * own (replacing values of the same keys; null keys and values left out). {@code properties} is called once per
     * finding, in order. A finding of a spilled list that has a fingerprint is not decoded: its stored record is
     * copied with the properties merged in. Any other is first given to {@code fingerprinted}, which gives it with a
     * fingerprint (it is called for no finding that has one).
     */
    public static List<Finding> withProperties(List<Finding> findings, UnaryOperator<Finding> fingerprinted,
            Function<String, Map<String, String>> properties) {
        Builder builder = builder().expect(findings.size());
        if (!(findings instanceof SpilledFindings spilled)) {
            for (Finding finding : findings) {
                Finding withPrint = hasFingerprint(finding) ? finding : fingerprinted.apply(finding);
                builder.add(withProperties(withPrint, properties.apply(withPrint.fingerprint())));
            }
            return builder.build();
        }
        for (int index = 0; index < spilled.size(); index++) {
            String fingerprint = spilled.fingerprint(index);
            if (fingerprint == null || fingerprint.isBlank()) {
                Finding withPrint = fingerprinted.apply(spilled.get(index));
                builder.add(withProperties(withPrint, properties.apply(withPrint.fingerprint())));
            } else {
                builder.addWithProperties(spilled, index, properties.apply(fingerprint));
            }
        }
        return builder.build();
    }

    private static boolean hasFingerprint(Finding finding) {
        return finding.fingerprint() != null && !finding.fingerprint().isBlank();
    }

    private static Finding withProperties(Finding finding, Map<String, String> properties) {
        if (properties.isEmpty()) {
            return finding;
        }
        Finding.Builder builder = finding.toBuilder();
        properties.forEach(builder::property);
        return builder.build();
    }

    /** The findings {@code filter} accepts, in order (moved, not encoded again). */
    public static List<Finding> filter(List<Finding> findings, Predicate<Finding> filter) {
        Builder builder = builder();
        int index = 0;
        for (Finding finding : findings) {
            if (filter.test(finding)) {
                builder.addFrom(findings, index, finding);
            }
            index++;
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
        List<Indexed> run = new ArrayList<>(chunk);
        int index = 0;
        for (Finding finding : findings) {
            run.add(new Indexed(finding, index++));
            if (run.size() == chunk) {
                runs.add(sortedRun(findings, run, order));
                run.clear();
            }
        }
        if (!run.isEmpty()) {
            runs.add(sortedRun(findings, run, order));
        }
        return merge(runs, List::iterator, order, builder(),
                (into, from, at, finding) -> into.addFrom(from, at, finding));
    }

    /** A finding read from a list, with its index there (so that it can be moved without encoding it again). */
    private record Indexed(Finding finding, int index) {
    }

    /** One sorted run of an external sort, always on disk; the findings are moved from {@code source}. */
    private static List<Finding> sortedRun(List<Finding> source, List<Indexed> run, Comparator<? super Finding> order) {
        run.sort(Comparator.comparing(Indexed::finding, order));
        Builder builder = new Builder(0);
        for (Indexed indexed : run) {
            builder.addFrom(source, indexed.index(), indexed.finding());
        }
        return builder.build();
    }

    /** Moves the finding at {@code index} of the run {@code from}, whose key is {@code key}, to {@code builder}. */
    @FunctionalInterface
    private interface Move<K> {
        void to(Builder builder, List<Finding> from, int index, K key);
    }

    /**
     * Merges sorted runs into {@code builder} by the keys {@code keys} reads of each run's findings (decoded findings
     * or stored heads); a tie goes to the earlier run, so the merge is stable. Each finding is moved by {@code move}.
     */
    private static <K> List<Finding> merge(List<List<Finding>> runs, Function<List<Finding>, Iterator<K>> keys,
            Comparator<? super K> order, Builder builder, Move<K> move) {
        final class Head {
            private final int run;
            private final Iterator<K> rest;
            private K key;
            private int index = -1;

            Head(int run, Iterator<K> rest) {
                this.run = run;
                this.rest = rest;
            }

            boolean advance() {
                if (!rest.hasNext()) {
                    return false;
                }
                key = rest.next();
                index++;
                return true;
            }
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, runs.size()), Comparator
                .<Head, K>comparing(head -> head.key, order).thenComparingInt(head -> head.run));
        for (int i = 0; i < runs.size(); i++) {
            Head head = new Head(i, keys.apply(runs.get(i)));
            if (head.advance()) {
                heads.add(head);
            }
        }
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            move.to(builder, runs.get(head.run), head.index, head.key);
            if (head.advance()) {
                heads.add(head);
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
            requireOpen();
            if (toFile(1)) {
                try {
                    writer.add(finding);
                    return this;
                } catch (IOException e) {
                    backToMemory();
                }
            }
            memory.add(finding);
            return this;
        }

        /**
         * Appends finding {@code index} of {@code source}, which is {@code finding} (as read from there): a finding
         * of a spilled list is copied as stored, not encoded again.
         */
        public synchronized Builder addFrom(List<Finding> source, int index, Finding finding) {
            requireOpen();
            if (!(source instanceof SpilledFindings spilled) || !toFile(1)) {
                return add(finding);
            }
            try {
                spilled.copyRecord(index, writer);
            } catch (IOException e) {
                backToMemory();
                memory.add(finding);
            }
            return this;
        }

        /**
         * Appends finding {@code index} of {@code source}: a finding of a spilled list is copied as stored, without
         * decoding it.
         */
        public synchronized Builder addFrom(List<Finding> source, int index) {
            requireOpen();
            if (!(source instanceof SpilledFindings spilled) || !toFile(1)) {
                return add(source.get(index));
            }
            try {
                spilled.copyRecord(index, writer);
            } catch (IOException e) {
                backToMemory();
                memory.add(source.get(index));
            }
            return this;
        }

        /**
         * Says that {@code size} findings will be added: when they are more than the memory takes, they go to the
         * file from the first one (moved records are then never decoded to be held in memory first).
         */
        public synchronized Builder expect(int size) {
            requireOpen();
            if (size > memoryLimit) {
                toFile(memoryLimit + 1 - memory.size());
            }
            return this;
        }

        /**
         * Appends finding {@code index} of {@code source} with {@code properties} put into its own, copying its
         * stored record with them merged in (not decoded, not encoded again) when this list is on disk.
         */
        synchronized Builder addWithProperties(SpilledFindings source, int index, Map<String, String> properties) {
            requireOpen();
            if (toFile(1)) {
                try {
                    source.copyRecordWithProperties(index, properties, writer);
                    return this;
                } catch (IOException e) {
                    backToMemory();
                }
            }
            memory.add(withProperties(source.get(index), properties));
            return this;
        }

        /** Appends findings in order; those of a spilled list are copied as stored, not decoded and encoded. */
        public Builder addAll(Iterable<Finding> findings) {
            if (findings instanceof SpilledFindings spilled) {
                synchronized (this) {
                    requireOpen();
                    if (toFile(spilled.size())) {
                        int before = writer.size();
                        try {
                            spilled.copyAll(writer);
                            return this;
                        } catch (IOException e) {
                            int copied = writer.size() - before;
                            backToMemory();
                            for (int i = copied; i < spilled.size(); i++) {
                                memory.add(spilled.get(i));
                            }
                            return this;
                        }
                    }
                }
            }
            for (Finding finding : findings) {
                add(finding);
            }
            return this;
        }

        private void requireOpen() {
            if (built != null) {
                throw new IllegalStateException("The list was already built");
            }
        }

        /** Whether {@code more} findings go to the file (spilling what is in memory first when they would pass the limit). */
        private boolean toFile(int more) {
            if (writer == null && !fileFailed && memory.size() + more > memoryLimit) {
                spill();
            }
            return writer != null;
        }

        /** The file can take no more: what it holds comes back to memory, where the next findings go. */
        private void backToMemory() {
            memory = new ArrayList<>(writer.readBack());
            writer = null;
            fileFailed = true;
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

        /** Drops what was added, closing its file at once; nothing can be added afterwards. */
        public synchronized void discard() {
            requireOpen();
            if (writer != null) {
                writer.discard();
            }
            built = List.of();
            memory = null;
            writer = null;
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
