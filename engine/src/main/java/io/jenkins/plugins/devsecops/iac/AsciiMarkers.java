package io.jenkins.plugins.devsecops.iac;

import java.util.Arrays;
import java.util.List;

/**
 * A few ASCII words looked for in a file's raw UTF-8 bytes in one pass, before the file is decoded: most YAML and
 * JSON files of a tree hold none of the words that make them IaC candidates, and then are never decoded or parsed.
 *
 * <p>Searching the bytes gives the same answer as searching {@link io.jenkins.plugins.devsecops.scan.SourceFile#text()}
 * for an ASCII word: UTF-8 encodes every ASCII character as itself and uses no byte below 0x80 inside a multi-byte
 * sequence, and the decoder replaces a malformed sequence without swallowing the ASCII byte that ends it.
 */
final class AsciiMarkers {

    /**
     * ASCII characters from the most to the least frequent in source and configuration text (roughly): a word is
     * searched by its least frequent character, so that the scan stops rarely.
     */
    private static final String BY_FREQUENCY = " etaoinsrhld:\"cumfpgwybvk=-_.,/\nxjqz0123456789"
            + "ETAOINSRHLDCUMFPGWYBVKXJQZ";

    private final byte[][] words;
    /** The offset in each word of the character it is searched by. */
    private final int[] anchors;
    /** For each byte value, the indexes of the words searched by that byte, or null. */
    private final int[][] byAnchor = new int[256][];

    private AsciiMarkers(List<String> words) {
        if (words.isEmpty() || words.size() > Integer.SIZE) {
            throw new IllegalArgumentException("1 to 32 words");
        }
        this.words = new byte[words.size()][];
        this.anchors = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.isEmpty() || !word.chars().allMatch(c -> c < 0x80)) {
                throw new IllegalArgumentException("not a non-empty ASCII word: " + word);
            }
            byte[] bytes = new byte[word.length()];
            int anchor = 0;
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) word.charAt(j);
                if (rarity(word.charAt(j)) > rarity(word.charAt(anchor))) {
                    anchor = j;
                }
            }
            this.words[i] = bytes;
            this.anchors[i] = anchor;
            int key = bytes[anchor] & 0xFF;
            int[] known = byAnchor[key];
            int[] grown = known == null ? new int[1] : Arrays.copyOf(known, known.length + 1);
            grown[grown.length - 1] = i;
            byAnchor[key] = grown;
        }
    }

    private static int rarity(char c) {
        int rank = BY_FREQUENCY.indexOf(c);
        return rank < 0 ? BY_FREQUENCY.length() : rank;
    }

    /** Markers for these words, numbered in this order (bit {@code i} of {@link #find} stands for word {@code i}). */
    static AsciiMarkers of(String... words) {
        return new AsciiMarkers(List.of(words));
    }

    /** The words found in {@code bytes}: bit {@code i} set when word {@code i} occurs. */
    int find(byte[] bytes) {
        int all = words.length == Integer.SIZE ? -1 : (1 << words.length) - 1;
        int found = 0;
        int[][] table = byAnchor;
        for (int at = 0; at < bytes.length; at++) {
            int[] candidates = table[bytes[at] & 0xFF];
            if (candidates == null) {
                continue;
            }
            for (int index : candidates) {
                if ((found & 1 << index) == 0 && occursAt(bytes, at - anchors[index], words[index])) {
                    found |= 1 << index;
                    if (found == all) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    private static boolean occursAt(byte[] bytes, int start, byte[] word) {
        if (start < 0 || start + word.length > bytes.length) {
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
