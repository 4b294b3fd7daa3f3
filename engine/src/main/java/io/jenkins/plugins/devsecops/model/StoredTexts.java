package io.jenkins.plugins.devsecops.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A search of stored finding records ({@link FindingCodec}) for any of some texts, in any of the record's strings,
 * without decoding them. Every string of a record is stored either one byte a character (ASCII other than NUL) or as
 * modified UTF-8, character by character; in both forms a text that occurs in a string occurs in its stored bytes as
 * the text's modified UTF-8. So a record in which no text's modified UTF-8 occurs has none of the texts in any field;
 * a match may be a false one (across two fields, or in a length header), never a missed one. Texts of fewer than
 * {@link #MIN_LENGTH} characters are not searched for (see {@link #searches}). Not thread-safe.
 */
final class StoredTexts {

    /** The shortest text searched for: one window of the search. */
    static final int MIN_LENGTH = 8;

    private final byte[][] patterns;
    /** Each pattern's first {@link #MIN_LENGTH} bytes, big-endian, the window the search compares first. */
    private final long[] firsts;
    /** Per bucket of a window's hash: the indexes of the patterns starting with such a window, or null. */
    private final int[][] buckets;
    private final int shift;

    StoredTexts(Collection<String> texts) {
        List<byte[]> encoded = new ArrayList<>();
        for (String text : texts) {
            if (searches(text)) {
                encoded.add(modifiedUtf8(text));
            }
        }
        patterns = encoded.toArray(byte[][]::new);
        firsts = new long[patterns.length];
        int bits = Math.max(6, 64 - Long.numberOfLeadingZeros(Math.max(1, patterns.length * 4L)));
        shift = 64 - bits;
        List<List<Integer>> table = new ArrayList<>();
        for (int b = 0; b < 1 << bits; b++) {
            table.add(null);
        }
        for (int p = 0; p < patterns.length; p++) {
            long first = 0;
            for (int i = 0; i < MIN_LENGTH; i++) {
                first = first << 8 | (patterns[p][i] & 0xFF);
            }
            firsts[p] = first;
            int bucket = bucket(first);
            if (table.get(bucket) == null) {
                table.set(bucket, new ArrayList<>());
            }
            table.get(bucket).add(p);
        }
        buckets = new int[1 << bits][];
        for (int b = 0; b < buckets.length; b++) {
            List<Integer> in = table.get(b);
            buckets[b] = in == null ? null : in.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Whether {@code text} is searched for (it is when it has at least {@link #MIN_LENGTH} characters). */
    static boolean searches(String text) {
        return text != null && text.length() >= MIN_LENGTH;
    }

    boolean isEmpty() {
        return patterns.length == 0;
    }

    /** Whether any text may occur in the {@code length} bytes at {@code from} (a record, or several). */
    boolean mayOccurIn(byte[] bytes, int from, int length) {
        if (patterns.length == 0) {
            return false;
        }
        int end = from + length;
        long window = 0;
        for (int i = from; i < end; i++) {
            window = window << 8 | (bytes[i] & 0xFF);
            if (i - from < MIN_LENGTH - 1) {
                continue;
            }
            int[] candidates = buckets[bucket(window)];
            if (candidates == null) {
                continue;
            }
            int start = i - (MIN_LENGTH - 1);
            for (int p : candidates) {
                byte[] pattern = patterns[p];
                if (firsts[p] == window && start + pattern.length <= end
                        && Arrays.equals(pattern, MIN_LENGTH, pattern.length, bytes, start + MIN_LENGTH,
                                start + pattern.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    private int bucket(long window) {
        return (int) ((window * 0x9E37_79B9_7F4A_7C15L) >>> shift);
    }

    /** The text as {@link FindingCodec.Output#string} stores a character that is not plain ASCII: modified UTF-8. */
    static byte[] modifiedUtf8(String text) {
        byte[] out = new byte[text.length() * 3];
        int size = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 1 && c < 0x80) {
                out[size++] = (byte) c;
            } else if (c < 0x800) {
                out[size++] = (byte) (0xC0 | (c >> 6));
                out[size++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[size++] = (byte) (0xE0 | (c >> 12));
                out[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return Arrays.copyOf(out, size);
    }
}
