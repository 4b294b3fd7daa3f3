package io.jenkins.plugins.devsecops.imports;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The merge keys of {@link FindingMerger}, kept small: each string of a key (a path, a rule id, a CWE, a package, a
 * version, an advisory) is interned once as an int, and a key is its kind and up to three ints (string ids and a line
 * number), held in an open-addressing table of primitive arrays with the index of the first finding that had it.
 * Exact, not hashed: two keys are the same only when their kind and every part are equal, so no report can make
 * unrelated findings share a key. Not thread-safe.
 */
final class MergeKeys {

    /** Kinds of keys. */
    static final int DEPENDENCY = 1;
    static final int FAMILY = 2;
    static final int CWE = 3;
    static final int RULE = 4;
    static final int SECRET = 5;
    static final int LOOSE = 6;

    private final Map<String, Integer> ids = new HashMap<>();
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private int[] first = new int[1024];
    private int count;

    /** The id of {@code text}, given at its first use. */
    int id(String text) {
        Integer id = ids.get(text);
        if (id == null) {
            id = ids.size();
            ids.put(text, id);
        }
        return id;
    }

    /** Two ints as one long. */
    static long pair(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    /**
     * The index of the first finding that had key ({@code kind}, {@code a}, {@code b}, {@code c}): {@code index} when
     * it is the first (then kept for the next ones).
     */
    int firstIndex(int kind, int a, int b, int c, int index) {
        long h = pair(kind, a);
        long l = pair(b, c);
        int mask = high.length - 1;
        int slot = (int) mix(h * 0x9E3779B97F4A7C15L ^ l) & mask;
        while (first[slot] != 0) {
            if (high[slot] == h && low[slot] == l) {
                return first[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        high[slot] = h;
        low[slot] = l;
        first[slot] = index + 1;
        if (++count * 2 > high.length) {
            grow();
        }
        return index;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldFirst = first;
        high = new long[oldHigh.length * 2];
        low = new long[oldHigh.length * 2];
        first = new int[oldHigh.length * 2];
        int mask = high.length - 1;
        for (int i = 0; i < oldHigh.length; i++) {
            if (oldFirst[i] != 0) {
                int slot = (int) mix(oldHigh[i] * 0x9E3779B97F4A7C15L ^ oldLow[i]) & mask;
                while (first[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                first[slot] = oldFirst[i];
            }
        }
    }

    /** A 64-bit finaliser (MurmurHash3's), so that near keys spread over the table. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** A growable list of ints. */
    static final class Indexes {
        private int[] values = new int[2];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int get(int i) {
            return values[i];
        }
    }
}
