package io.jenkins.plugins.devsecops.cli;

/**
 * How full the old generation may get before a full collection is asked for: the live set found by the last full
 * collection plus headroom (a quarter of the live set, at least {@link #minimumHeadroom()}), never less than
 * {@link #floor()}. Not a limit: the heap may still grow as far as the JVM allows; only the garbage promoted between
 * two full collections is bounded. Mutable; used by one thread at a time.
 */
final class OldGenerationBudget {

    private final long floor;
    private final long minimumHeadroom;
    private long threshold;

    /**
     * @param floor           the least threshold, in bytes (the budget before any full collection)
     * @param minimumHeadroom the least room above the live set, in bytes, so that a live set near the threshold does
     *                        not cause a full collection at every young one
     */
    OldGenerationBudget(long floor, long minimumHeadroom) {
        if (floor <= 0 || minimumHeadroom <= 0) {
            throw new IllegalArgumentException("floor and headroom must be positive: " + floor + ", " + minimumHeadroom);
        }
        this.floor = floor;
        this.minimumHeadroom = minimumHeadroom;
        this.threshold = floor;
    }

    long floor() {
        return floor;
    }

    long minimumHeadroom() {
        return minimumHeadroom;
    }

    /** The old generation's use, in bytes, beyond which a full collection is due. */
    long threshold() {
        return threshold;
    }

    /** Whether an old generation holding {@code usedAfterYoungCollection} bytes after a young collection is due. */
    boolean isDue(long usedAfterYoungCollection) {
        return usedAfterYoungCollection > threshold;
    }

    /** A full collection (asked for or not) left {@code liveBytes} in the old generation: the threshold follows. */
    void fullCollectionLeft(long liveBytes) {
        long live = Math.max(0, liveBytes);
        long headroom = Math.max(minimumHeadroom, live / 4);
        threshold = Math.max(floor, saturatedAdd(live, headroom));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
