package io.jenkins.plugins.devsecops.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, per rule, the times its pattern ran at keyword hits and the hits its pre-check turned away, for profiling
 * the secrets stage. Off unless the JVM runs with {@code -Ddevsecops.secrets.countAttempts=true}; then the counts
 * are printed to the standard error stream when the JVM exits. When off, the detector's only cost is a test of a
 * constant.
 */
final class RuleAttemptCounts {

    static final boolean ENABLED = Boolean.getBoolean("devsecops.secrets.countAttempts");

    private static final Map<String, LongAdder> ATTEMPTS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> SKIPPED = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> SEARCHES = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> NANOS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> MATCHED = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> FOUND = new ConcurrentHashMap<>();

    static {
        if (ENABLED) {
            Runtime.getRuntime().addShutdownHook(new Thread(RuleAttemptCounts::print, "secret-rule-attempt-counts"));
        }
    }

    private RuleAttemptCounts() {
    }

    /** Rule {@code id}'s pattern ran once. */
    static void attempted(String id) {
        ATTEMPTS.computeIfAbsent(id, k -> new LongAdder()).increment();
    }

    /** Rule {@code id}'s pattern searched a region (a line or lines) rather than being tried at the hit. */
    static void searched(String id) {
        SEARCHES.computeIfAbsent(id, k -> new LongAdder()).increment();
    }

    /** Rule {@code id}'s pre-check turned a hit away without running its pattern. */
    static void skipped(String id) {
        SKIPPED.computeIfAbsent(id, k -> new LongAdder()).increment();
    }

    /** Rule {@code id}'s pattern matched (before its entropy, candidate and placeholder checks). */
    static void matched(String id) {
        MATCHED.computeIfAbsent(id, k -> new LongAdder()).increment();
    }

    /** Rule {@code id}'s match passed every check and became a secret. */
    static void found(String id) {
        FOUND.computeIfAbsent(id, k -> new LongAdder()).increment();
    }

    private static long count(Map<String, LongAdder> counts, String id) {
        LongAdder n = counts.get(id);
        return n == null ? 0 : n.sum();
    }

    /** Rule {@code id}'s pattern (or pre-check) took {@code nanos} of wall-clock time once. */
    static void spent(String id, long nanos) {
        NANOS.computeIfAbsent(id, k -> new LongAdder()).add(nanos);
    }

    private static long millis(String id) {
        LongAdder nanos = NANOS.get(id);
        return nanos == null ? 0 : nanos.sum() / 1_000_000;
    }

    private static void print() {
        List<Map.Entry<String, LongAdder>> rows = new ArrayList<>(ATTEMPTS.entrySet());
        rows.sort((a, b) -> Long.compare(millis(b.getKey()), millis(a.getKey())));
        long total = rows.stream().mapToLong(e -> e.getValue().sum()).sum();
        long skipped = SKIPPED.values().stream().mapToLong(LongAdder::sum).sum();
        StringBuilder out = new StringBuilder("secret rule attempts: " + total + " (pre-checks turned away " + skipped
                + ")\n");
        for (Map.Entry<String, LongAdder> row : rows) {
            String id = row.getKey();
            out.append(String.format("%10d  %-40s skipped %d, of the attempts line searches %d, matched %d, found %d,"
                    + " %d ms%n", row.getValue().sum(), id, count(SKIPPED, id), count(SEARCHES, id),
                    count(MATCHED, id), count(FOUND, id), millis(id)));
        }
        SKIPPED.forEach((id, n) -> {
            if (!ATTEMPTS.containsKey(id)) {
                out.append(String.format("%10d  %-40s skipped %d, %d ms%n", 0, id, n.sum(), millis(id)));
            }
        });
        System.err.print(out);
    }
}
