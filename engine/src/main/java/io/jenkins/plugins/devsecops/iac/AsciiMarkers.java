package io.jenkins.plugins.devsecops.iac;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A few ASCII words looked for in a file's raw UTF-8 bytes in one pass, before the file is decoded: most YAML and
 * JSON files of a tree hold none of the words that make them IaC candidates, and then are never decoded or parsed.
 *
 * <p>Searching the bytes gives the same answer as searching {@link io.jenkins.plugins.devsecops.scan.SourceFile#text()}
 * for an ASCII word: UTF-8 encodes every ASCII character as itself and uses no byte below 0x80 inside a multi-byte
 * sequence, and the decoder replaces a malformed sequence without swallowing the ASCII byte that ends it.
 *
 * <p>The search is Horspool's, for a set of words: a window as long as the shortest word slides over the bytes; only
 * its last byte is looked at, the words whose prefix ends with that byte are compared, and the window moves on by as
 * much as that byte allows (for words of six characters, most bytes move it six places). No copy, no decoding: on the
 * 58 MB of YAML and JSON of the benchmark tree it took about a fifth of the time decoding them and searching the text
 * took (client compiler, as the CLI runs). The search can stop once the words found so far settle what the caller
 * decides. (Taking the moves from the window's last two bytes instead, as Wu and Manber do, moved the window further
 * but cost a fifth more CPU under the client compiler: a second load and a 64 KiB table per step.)
 */
final class AsciiMarkers {

    private final byte[][] words;
    /** The first byte of each word. */
    private final byte[] firstBytes;
    /** The length of the shortest word: the window. */
    private final int window;
    /** For each byte value, how far the window may move when its last byte is that one. */
    private final int[] shift = new int[256];
    /**
     * {@link #shift}, but 0 for the bytes that end the window-long prefix of a word: one load tells a step that only
     * moves (most steps) from one that compares words.
     */
    private final int[] moveOrCompare = new int[256];
    /** For each byte value, the indexes of the words whose window-long prefix ends with it, or null. */
    private final int[][] endingWith = new int[256][];

    private AsciiMarkers(List<String> words) {
        if (words.isEmpty() || words.size() > Integer.SIZE) {
            throw new IllegalArgumentException("1 to 32 words");
        }
        this.words = new byte[words.size()][];
        int shortest = Integer.MAX_VALUE;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.isEmpty() || !word.chars().allMatch(c -> c < 0x80)) {
                throw new IllegalArgumentException("not a non-empty ASCII word: " + word);
            }
            this.words[i] = word.getBytes(StandardCharsets.US_ASCII);
            shortest = Math.min(shortest, word.length());
        }
        this.window = shortest;
        this.firstBytes = new byte[this.words.length];
        for (int i = 0; i < this.words.length; i++) {
            firstBytes[i] = this.words[i][0];
        }
        Arrays.fill(shift, window);
        for (int i = 0; i < this.words.length; i++) {
            byte[] word = this.words[i];
            for (int j = 0; j < window - 1; j++) {
                shift[word[j] & 0xFF] = Math.min(shift[word[j] & 0xFF], window - 1 - j);
            }
            int last = word[window - 1] & 0xFF;
            int[] known = endingWith[last];
            int[] grown = known == null ? new int[1] : Arrays.copyOf(known, known.length + 1);
            grown[grown.length - 1] = i;
            endingWith[last] = grown;
        }
        for (int b = 0; b < 256; b++) {
            moveOrCompare[b] = endingWith[b] != null ? 0 : shift[b];
        }
    }

    /** Markers for these words, numbered in this order (bit {@code i} of {@link #find} stands for word {@code i}). */
    static AsciiMarkers of(String... words) {
        return new AsciiMarkers(List.of(words));
    }

    /** The words found in {@code bytes}: bit {@code i} set when word {@code i} occurs. */
    int find(byte[] bytes) {
        return find(bytes, found -> false);
    }

    /**
     * The words found in {@code bytes}, bit {@code i} for word {@code i}, the search stopping as soon as
     * {@code enough} holds for the words found so far (then some words present may be missing from the answer).
     */
    int find(byte[] bytes, IntPredicate enough) {
        int all = words.length == Integer.SIZE ? -1 : (1 << words.length) - 1;
        int found = 0;
        int[] moves = moveOrCompare;
        int width = window;
        int end = bytes.length - width;
        for (int at = 0; at <= end; ) {
            int last = bytes[at + width - 1] & 0xFF;
            int move = moves[last];
            if (move != 0) {
                at += move;
                continue;
            }
            byte first = bytes[at];
            for (int index : endingWith[last]) {
                // the first byte tells most windows apart at once (their last byte is often a common one)
                if (first == firstBytes[index] && (found & 1 << index) == 0 && occursAt(bytes, at, words[index])) {
                    found |= 1 << index;
                    if (found == all || enough.test(found)) {
                        return found;
                    }
                }
            }
            at += shift[last];
        }
        return found;
    }

    private static boolean occursAt(byte[] bytes, int start, byte[] word) {
        if (start + word.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (bytes[start + i] != word[i]) {
                return false;
            }
        }
        return true;
    }
}
