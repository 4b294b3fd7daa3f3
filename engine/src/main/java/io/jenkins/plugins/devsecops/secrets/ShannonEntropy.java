package io.jenkins.plugins.devsecops.secrets;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy of a string, in bits per character: how random it looks. */
final class ShannonEntropy {

    private static final double INVERSE_LN_2 = 1 / Math.log(2);

    private ShannonEntropy() {
    }

    /** The entropy of {@code text[start, end)}; 0 for an empty range. */
    static double of(CharSequence text, int start, int end) {
        int length = end - start;
        if (length <= 0) {
            return 0;
        }
        int[] counts = new int[128];
        Map<Character, Integer> others = null;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                if (others == null) {
                    others = new HashMap<>();
                }
                others.merge(c, 1, Integer::sum);
            }
        }
        double entropy = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 128 && counts[c] > 0) {
                entropy += term(counts[c], length);
                counts[c] = 0; // each character's term once
            }
        }
        if (others != null) {
            for (int count : others.values()) {
                entropy += term(count, length);
            }
        }
        return entropy;
    }

    /** The entropy of a whole string. */
    static double of(CharSequence text) {
        return of(text, 0, text.length());
    }

    private static double term(int count, int length) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / length;
        return -p * Math.log(p) * INVERSE_LN_2;
    }
}
