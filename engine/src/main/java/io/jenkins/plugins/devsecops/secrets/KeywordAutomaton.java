package io.jenkins.plugins.devsecops.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Finds every occurrence of a set of literals in a text in one pass, case-insensitively: an Aho-Corasick automaton
 * compiled into a dense transition table (a DFA), so each character costs one class lookup and one table lookup
 * with no allocation. Characters that occur in no keyword share one class, which keeps the table small enough for
 * the CPU cache. Immutable and thread-safe.
 *
 * <p>Written for the engine instead of using {@code org.ahocorasick}, whose per-character map lookups, lower-case
 * copies and per-hit objects cost several times more on the hot path of the secrets stage.
 */
final class KeywordAutomaton {

    /** Receives one keyword occurrence. */
    @FunctionalInterface
    interface HitConsumer {
        /**
         * @param keyword the index of the keyword in the list given to the constructor
         * @param end the offset just after the occurrence
         */
        void hit(int keyword, int end);
    }

    private final char[] classOf = new char[Character.MAX_VALUE + 1];
    private final int classes;
    /**
     * Per state and class: the next state's row offset. States where a keyword ends are numbered after all others,
     * so that "a keyword ends here" is one comparison with {@link #firstOutputRow}, with no flag to mask off.
     */
    private final int[] next;
    /** The row offset of the first state where a keyword ends. */
    private final int firstOutputRow;
    /** Per state: the keywords ending there, longest first. */
    private final int[][] outputs;
    private final int[] lengths;

    /**
     * @param keywords literals to find; matched case-insensitively; must not be empty strings
     */
    KeywordAutomaton(List<String> keywords) {
        lengths = new int[keywords.size()];
        int classCount = 1;
        for (String keyword : keywords) {
            for (int i = 0; i < keyword.length(); i++) {
                char c = Character.toLowerCase(keyword.charAt(i));
                if (classOf[c] == 0) {
                    char id = (char) classCount++;
                    classOf[c] = id;
                    classOf[Character.toUpperCase(c)] = id;
                    classOf[Character.toTitleCase(c)] = id;
                }
            }
        }
        classes = classCount;

        // The trie, one int[classes] of children per state (-1 for none).
        List<int[]> children = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        children.add(newRow());
        ends.add(new ArrayList<>());
        for (int k = 0; k < keywords.size(); k++) {
            String keyword = keywords.get(k);
            lengths[k] = keyword.length();
            int state = 0;
            for (int i = 0; i < keyword.length(); i++) {
                int c = classOf[keyword.charAt(i)];
                int child = children.get(state)[c];
                if (child < 0) {
                    child = children.size();
                    children.add(newRow());
                    ends.add(new ArrayList<>());
                    children.get(state)[c] = child;
                }
                state = child;
            }
            ends.get(state).add(k);
        }

        // Breadth-first failure links, turning the trie into a complete transition table.
        int states = children.size();
        int[] fail = new int[states];
        int[][] delta = new int[states][];
        delta[0] = children.get(0).clone();
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < classes; c++) {
            if (delta[0][c] < 0) {
                delta[0][c] = 0;
            } else {
                fail[delta[0][c]] = 0;
                queue.add(delta[0][c]);
            }
        }
        List<List<Integer>> allEnds = new ArrayList<>(ends);
        while (!queue.isEmpty()) {
            int state = queue.poll();
            delta[state] = children.get(state).clone();
            List<Integer> merged = new ArrayList<>(ends.get(state));
            merged.addAll(allEnds.get(fail[state]));
            allEnds.set(state, merged);
            for (int c = 0; c < classes; c++) {
                int child = children.get(state)[c];
                if (child < 0) {
                    delta[state][c] = delta[fail[state]][c];
                } else {
                    fail[child] = delta[fail[state]][c];
                    queue.add(child);
                }
            }
        }

        // Number the states: those without output first (the root stays 0), then those where a keyword ends.
        int[] number = new int[states];
        int withoutOutput = 0;
        for (int s = 0; s < states; s++) {
            if (allEnds.get(s).isEmpty()) {
                number[s] = withoutOutput++;
            }
        }
        int numbered = withoutOutput;
        for (int s = 0; s < states; s++) {
            if (!allEnds.get(s).isEmpty()) {
                number[s] = numbered++;
            }
        }
        firstOutputRow = withoutOutput * classes;
        next = new int[states * classes];
        outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            outputs[number[s]] = allEnds.get(s).stream().mapToInt(Integer::intValue).toArray();
            for (int c = 0; c < classes; c++) {
                next[number[s] * classes + c] = number[delta[s][c]] * classes;
            }
        }
    }

    private int[] newRow() {
        int[] row = new int[classes];
        Arrays.fill(row, -1);
        return row;
    }

    /** The number of keywords. */
    int size() {
        return lengths.length;
    }

    /** The length of keyword {@code index}. */
    int length(int index) {
        return lengths[index];
    }

    /** Reports every keyword occurrence in {@code text[from, to)}, in order of their end offsets. */
    void scan(CharSequence text, int from, int to, HitConsumer consumer) {
        final char[] map = classOf;
        final int[] table = next;
        final int outputRow = firstOutputRow;
        int row = 0;
        for (int i = from; i < to; i++) {
            row = table[row + map[text.charAt(i)]];
            if (row >= outputRow) {
                for (int keyword : outputs[row / classes]) {
                    consumer.hit(keyword, i + 1);
                }
            }
        }
    }

    /**
     * Reports every keyword occurrence in {@code bytes}, read as one character per byte: for text whose bytes and
     * characters correspond one to one (ASCII), offsets are the same as in the decoded string, and scanning the raw
     * bytes avoids a character decode per position.
     *
     * @return whether every byte is ASCII (below 0x80), so that the bytes are their text as they are
     */
    boolean scanBytes(byte[] bytes, HitConsumer consumer) {
        final char[] map = classOf;
        final int[] table = next;
        final int outputRow = firstOutputRow;
        int row = 0;
        int seen = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i];
            seen |= b; // negative once any byte has its high bit set
            row = table[row + map[b & 0xFF]];
            if (row >= outputRow) {
                for (int keyword : outputs[row / classes]) {
                    consumer.hit(keyword, i + 1);
                }
            }
        }
        return seen >= 0;
    }

    /**
     * Whether any keyword occurs in {@code text}: the same walk as {@link #scan(CharSequence, int, int, HitConsumer)}
     * that stops at the first occurrence. One pass over the text, however many keywords (the stop-words of the
     * generic rule, a hundred and more, are checked this way at each of its candidates).
     */
    boolean occursIn(CharSequence text) {
        final char[] map = classOf;
        final int[] table = next;
        final int outputRow = firstOutputRow;
        int row = 0;
        for (int i = 0; i < text.length(); i++) {
            row = table[row + map[text.charAt(i)]];
            if (row >= outputRow) {
                return true;
            }
        }
        return false;
    }

    /** Scans a whole string; see {@link #scan(CharSequence, int, int, HitConsumer)}. */
    void scan(String text, HitConsumer consumer) {
        scan(text, 0, text.length(), consumer);
    }
}
