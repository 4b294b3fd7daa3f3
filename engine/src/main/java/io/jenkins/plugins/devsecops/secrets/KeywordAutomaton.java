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
 * the CPU cache. The byte scan walks the same table: a byte's class does not depend on the state, so its lookup is
 * off the chain of dependent loads that bounds the walk, and one table (about half a megabyte for the built-in rules,
 * against 2.7 MB for a table with one entry per state and byte value) keeps more of the states a walk visits in the
 * processor's caches. Immutable and thread-safe.
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
    /** The length of the longest keyword. */
    private final int longest;

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
        longest = keywords.stream().mapToInt(String::length).max().orElse(1);

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
     * <p>Each step of the automaton waits for the table lookup of the step before it, so one walk over the bytes is
     * bound by the latency of that load, not by the processor's width. A file of {@link #SPLIT_AT} bytes or more is
     * therefore walked as two halves at once, in one loop with two independent states: the second half's walk starts
     * at the root {@code longest - 1} bytes before its first position (every keyword ending in the second half starts
     * there or later) and reports only what ends in the second half; its hits are held until the first half's are
     * reported, so hits come in order of their end offsets as from a single walk.
     *
     * @return whether every byte is ASCII (below 0x80), so that the bytes are their text as they are
     */
    boolean scanBytes(byte[] bytes, HitConsumer consumer) {
        if (bytes.length < SPLIT_AT) {
            return scanBytes(bytes, 0, bytes.length, consumer);
        }
        if (bytes.length >= SPLIT4_AT) {
            return scanQuarters(bytes, consumer);
        }
        final int[] table = next;
        final char[] map = classOf;
        final int outputRow = firstOutputRow;
        final int mid = bytes.length >>> 1;
        // The second walk's state at mid: from the root, over the bytes a keyword ending after mid may start in.
        int rowB = warmUp(bytes, mid);
        int rowA = 0;
        int seen = 0;
        Held held = new Held();
        for (int i = 0, j = mid; i < mid; i++, j++) {
            int a = bytes[i];
            int b = bytes[j];
            seen |= a | b; // negative once any byte has its high bit set
            rowA = table[rowA + map[a & 0xFF]];
            rowB = table[rowB + map[b & 0xFF]];
            if (rowA >= outputRow) {
                for (int keyword : outputs[rowA / classes]) {
                    consumer.hit(keyword, i + 1);
                }
            }
            if (rowB >= outputRow) {
                held.add(outputs[rowB / classes], j + 1);
            }
        }
        held.replay(consumer);
        // An odd length leaves the last byte to the second walk.
        return scanTail(bytes, mid + mid, rowB, seen, consumer);
    }

    /**
     * The four-walk form of {@link #scanBytes(byte[], HitConsumer)} for larger files: four quarters walked at once,
     * in one loop with four independent states (each step of a walk waits for its table lookup; four walks keep more
     * lookups in flight). The hits of the second, third and fourth quarters are held and replayed in that order, so
     * that hits still come in order of their end offsets.
     */
    private boolean scanQuarters(byte[] bytes, HitConsumer consumer) {
        final int[] table = next;
        final char[] map = classOf;
        final int outputRow = firstOutputRow;
        final int quarter = bytes.length >>> 2;
        int rowB = warmUp(bytes, quarter);
        int rowC = warmUp(bytes, 2 * quarter);
        int rowD = warmUp(bytes, 3 * quarter);
        int rowA = 0;
        int seen = 0;
        Held heldB = new Held();
        Held heldC = new Held();
        Held heldD = new Held();
        for (int i = 0, j = quarter, k = 2 * quarter, l = 3 * quarter; i < quarter; i++, j++, k++, l++) {
            int a = bytes[i];
            int b = bytes[j];
            int c = bytes[k];
            int d = bytes[l];
            seen |= a | b | c | d; // negative once any byte has its high bit set
            rowA = table[rowA + map[a & 0xFF]];
            rowB = table[rowB + map[b & 0xFF]];
            rowC = table[rowC + map[c & 0xFF]];
            rowD = table[rowD + map[d & 0xFF]];
            if (rowA >= outputRow) {
                for (int keyword : outputs[rowA / classes]) {
                    consumer.hit(keyword, i + 1);
                }
            }
            if (rowB >= outputRow) {
                heldB.add(outputs[rowB / classes], j + 1);
            }
            if (rowC >= outputRow) {
                heldC.add(outputs[rowC / classes], k + 1);
            }
            if (rowD >= outputRow) {
                heldD.add(outputs[rowD / classes], l + 1);
            }
        }
        heldB.replay(consumer);
        heldC.replay(consumer);
        heldD.replay(consumer);
        // A length that is not a multiple of four leaves the last bytes to the fourth walk.
        return scanTail(bytes, 4 * quarter, rowD, seen, consumer);
    }

    /** The state of a walk from the root over the bytes before {@code at} that a keyword ending after it may start in. */
    private int warmUp(byte[] bytes, int at) {
        int row = 0;
        for (int i = Math.max(0, at - (longest - 1)); i < at; i++) {
            row = next[row + classOf[bytes[i] & 0xFF]];
        }
        return row;
    }

    /** Continues a walk in state {@code row} from {@code from} to the end; returns whether every byte was ASCII. */
    private boolean scanTail(byte[] bytes, int from, int row, int seen, HitConsumer consumer) {
        for (int j = from; j < bytes.length; j++) {
            int b = bytes[j];
            seen |= b;
            row = next[row + classOf[b & 0xFF]];
            if (row >= firstOutputRow) {
                for (int keyword : outputs[row / classes]) {
                    consumer.hit(keyword, j + 1);
                }
            }
        }
        return seen >= 0;
    }

    /** Hits of a later part of the bytes, held until the parts before it are reported. */
    private static final class Held {
        private int[] hits;
        private int size;

        void add(int[] keywords, int end) {
            for (int keyword : keywords) {
                if (hits == null) {
                    hits = new int[64];
                } else if (size + 2 > hits.length) {
                    hits = Arrays.copyOf(hits, hits.length * 2);
                }
                hits[size++] = keyword;
                hits[size++] = end;
            }
        }

        void replay(HitConsumer consumer) {
            for (int h = 0; h < size; h += 2) {
                consumer.hit(hits[h], hits[h + 1]);
            }
        }
    }

    /** Files of this many bytes or more are walked as four quarters at once. */
    static final int SPLIT4_AT = 4096;

    /** Files shorter than this are walked in one piece: the second walk's set-up would not pay back. */
    static final int SPLIT_AT = 256;

    /** {@link #scanBytes(byte[], HitConsumer)} over {@code bytes[from, to)} in one walk from the root. */
    boolean scanBytes(byte[] bytes, int from, int to, HitConsumer consumer) {
        final int[] table = next;
        final char[] map = classOf;
        final int outputRow = firstOutputRow;
        int row = 0;
        int seen = 0;
        for (int i = from; i < to; i++) {
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
