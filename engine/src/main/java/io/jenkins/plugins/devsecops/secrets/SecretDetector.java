package io.jenkins.plugins.devsecops.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds secrets in a text with a rule set. One pass of a {@link KeywordAutomaton} over the text finds every rule
 * keyword; a rule's pattern then runs only over the line of a hit (or a bounded window of a very long line, or a
 * window of lines for multi-line rules), at most once per region; a pattern whose every match starts with a keyword
 * ({@link PatternPrefix}) is only tried at each hit. Matches then pass the rule's entropy and
 * candidate checks and the {@link PlaceholderValues} allowlist. Immutable and thread-safe.
 */
public final class SecretDetector {

    /** How far before a keyword a pattern may look on a long line. */
    static final int WINDOW_BEFORE = 1024;

    /** How far after a keyword a pattern may look on a long line. */
    static final int WINDOW_AFTER = 4096;

    /** How many lines a multi-line rule looks at from its keyword's line. */
    static final int MULTILINE_LINES = 200;

    /** How many characters a multi-line rule looks at from its keyword's line. */
    static final int MULTILINE_CHARS = 16 * 1024;

    private final List<SecretRule> rules;
    private final KeywordAutomaton automaton;
    /** Per keyword of the automaton: the indexes of the rules that have it. */
    private final int[][] rulesOfKeyword;
    /** Rules without keywords (user rules only): their RE2J pattern runs over the whole text. */
    private final int[] unkeyed;
    /** Per rule: whether every match starts with a keyword, so that a search may start at the hit. */
    private final boolean[] startsAtKeyword;
    /**
     * Whether every keyword is ASCII: then the keyword search may run over UTF-8 bytes (a multi-byte character is
     * made of bytes that no keyword contains), and a file without a hit needs no decoding at all.
     */
    private final boolean asciiKeywords;
    /** Per thread: the hits of the last byte scan, keyword and end offset in turn, reused from file to file. */
    private final ThreadLocal<HitBuffer> hitBuffers = ThreadLocal.withInitial(HitBuffer::new);

    /**
     * @throws IllegalArgumentException when two rules share an id
     */
    public SecretDetector(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        List<Integer> withoutKeywords = new ArrayList<>();
        for (int r = 0; r < this.rules.size(); r++) {
            SecretRule rule = this.rules.get(r);
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("Two secret rules have the id " + rule.id());
            }
            if (rule.keywords().isEmpty()) {
                withoutKeywords.add(r);
            }
            for (String keyword : rule.keywords()) {
                byKeyword.computeIfAbsent(keyword, k -> new ArrayList<>()).add(r);
            }
        }
        List<String> keywords = new ArrayList<>(byKeyword.keySet());
        this.asciiKeywords = keywords.stream().allMatch(k -> k.chars().allMatch(c -> c < 0x80));
        this.automaton = new KeywordAutomaton(keywords);
        this.rulesOfKeyword = new int[keywords.size()][];
        for (int k = 0; k < keywords.size(); k++) {
            rulesOfKeyword[k] = byKeyword.get(keywords.get(k)).stream().mapToInt(Integer::intValue).toArray();
        }
        this.unkeyed = withoutKeywords.stream().mapToInt(Integer::intValue).toArray();
        this.startsAtKeyword = new boolean[this.rules.size()];
        for (int r = 0; r < this.rules.size(); r++) {
            SecretRule rule = this.rules.get(r);
            startsAtKeyword[r] = rule.pattern() instanceof JdkSecretPattern
                    && PatternPrefix.startsWithKeyword(rule.pattern().source(), rule.keywords());
        }
    }

    /** The rules, in the order given. */
    public List<SecretRule> rules() {
        return rules;
    }

    /** Whether a rule with this id is in the set. */
    public boolean hasRule(String id) {
        for (SecretRule rule : rules) {
            if (rule.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The secrets in {@code text}, the content of the file at {@code path}, ordered by position.
     *
     * @param path the file's path relative to the scan root, for rules restricted to some files
     */
    public List<SecretMatch> detect(String path, String text) {
        return detect(path, text, null);
    }

    /**
     * The secrets in {@code text}, decoded from {@code bytes}. When every byte decoded to one character (ASCII text),
     * the keyword search runs over the raw bytes, which is about twice as fast; the offsets are the same.
     *
     * @param bytes the raw content {@code text} was decoded from, or {@code null}
     */
    public List<SecretMatch> detect(String path, String text, byte[] bytes) {
        FileScan scan = new FileScan(path, text);
        if (bytes != null && bytes.length == text.length()) {
            automaton.scanBytes(bytes, scan);
        } else {
            automaton.scan(text, scan);
        }
        for (int r : unkeyed) {
            if (scan.applies(r)) {
                scan.run(r, 0, text.length());
            }
        }
        return finish(scan);
    }

    private List<SecretMatch> finish(FileScan scan) {
        List<SecretMatch> found = scan.found;
        if (found.size() > 1) {
            found.sort(Comparator.comparingInt(SecretMatch::secretStart).thenComparing(m -> m.rule().id()));
            found = withoutGenericDuplicates(found);
        }
        return found;
    }

    /**
     * The secrets in a file given as raw bytes, decoding them with {@code text} only when a keyword occurs: most
     * files of a source tree hold none, and for them the scan is one pass over the bytes with no allocation. The
     * result is the same as {@link #detect(String, String, byte[])} on the decoded text.
     *
     * @param bytes the raw content
     * @param text decodes {@code bytes} (as UTF-8, malformed input replaced); called at most once
     */
    public List<SecretMatch> detect(String path, byte[] bytes, Supplier<String> text) {
        if (!asciiKeywords || unkeyed.length > 0) {
            return detect(path, text.get(), bytes);
        }
        HitBuffer hits = hitBuffers.get();
        hits.clear();
        automaton.scanBytes(bytes, hits);
        if (hits.size == 0) {
            return List.of();
        }
        String decoded = text.get();
        FileScan scan = new FileScan(path, decoded);
        int[] buffer = hits.hits;
        if (bytes.length == decoded.length()) {
            for (int i = 0; i < hits.size; i += 2) {
                scan.hit(buffer[i], buffer[i + 1]);
            }
        } else {
            // Multi-byte characters: each hit ends on an ASCII byte, so the bytes before it decode to exactly the
            // characters before it in the text; count them from hit to hit.
            int byteOffset = 0;
            int charOffset = 0;
            for (int i = 0; i < hits.size; i += 2) {
                int end = buffer[i + 1];
                charOffset += Utf8Length.of(bytes, byteOffset, end);
                byteOffset = end;
                scan.hit(buffer[i], charOffset);
            }
        }
        return finish(scan);
    }

    /** Keyword hits of one byte scan, kept to be replayed once the text is decoded. */
    private static final class HitBuffer implements KeywordAutomaton.HitConsumer {
        int[] hits = new int[256];
        int size;

        void clear() {
            size = 0;
            if (hits.length > 4096) {
                hits = new int[256]; // a file full of keywords must not pin a large buffer to the thread
            }
        }

        @Override
        public void hit(int keyword, int end) {
            if (size + 2 > hits.length) {
                hits = Arrays.copyOf(hits, hits.length * 2);
            }
            hits[size++] = keyword;
            hits[size++] = end;
        }
    }

    /** Drops generic-rule matches of a value a provider rule also matched: the provider finding says more. */
    private static List<SecretMatch> withoutGenericDuplicates(List<SecretMatch> sorted) {
        List<SecretMatch> kept = new ArrayList<>(sorted.size());
        for (SecretMatch match : sorted) {
            if (match.rule().id().equals(GenericAssignmentRule.ID) && overlapsSpecific(sorted, match)) {
                continue;
            }
            kept.add(match);
        }
        return kept;
    }

    private static boolean overlapsSpecific(List<SecretMatch> sorted, SecretMatch generic) {
        for (SecretMatch other : sorted) {
            if (other.secretStart() >= generic.secretEnd()) {
                break;
            }
            if (other != generic && !other.rule().id().equals(GenericAssignmentRule.ID)
                    && other.secretEnd() > generic.secretStart()) {
                return true;
            }
        }
        return false;
    }

    /** The state of one {@link #detect} call. */
    private final class FileScan implements KeywordAutomaton.HitConsumer, SecretPattern.MatchConsumer {
        private final String path;
        private final String text;
        private final int[] scannedUntil = new int[rules.size()];
        private final byte[] applies = new byte[rules.size()];
        private final List<SecretMatch> found = new ArrayList<>(0);
        private Set<Long> seen;
        private int currentRule;
        private int lastMatchEnd;
        private int anchorStart = -1;
        /** Newlines before this offset have been seen by {@link #lineStart}. */
        private int newlineCursor;
        /** The start of the line holding {@code newlineCursor}. */
        private int currentLineStart;

        FileScan(String path, String text) {
            this.path = path;
            this.text = text;
        }

        boolean applies(int rule) {
            if (applies[rule] == 0) {
                applies[rule] = rules.get(rule).scope().appliesTo(path) ? (byte) 1 : (byte) 2;
            }
            return applies[rule] == 1;
        }

        @Override
        public void hit(int keyword, int end) {
            int hitStart = end - automaton.length(keyword);
            for (int r : rulesOfKeyword[keyword]) {
                if (hitStart < scannedUntil[r] || !applies(r)) {
                    continue;
                }
                SecretRule rule = rules.get(r);
                if (rule.anchored()) {
                    currentRule = r;
                    anchorStart = hitStart;
                    rule.pattern().matchAt(text, end, lineEnd(end), this);
                    anchorStart = -1;
                    continue;
                }
                if (startsAtKeyword[r]) {
                    // Every match starts with a keyword, so at a hit: one attempt there, no search of the region.
                    currentRule = r;
                    // One attempt reads only what it needs: a character bound is enough, no need to count lines.
                    int limit = rule.multiline() ? Math.min(text.length(), end + MULTILINE_CHARS) : lineEnd(end);
                    rule.pattern().matchAt(text, hitStart, limit, this);
                    continue;
                }
                int regionStart = lineStart(hitStart);
                if (rule.multiline()) {
                    int regionEnd = multilineEnd(end);
                    lastMatchEnd = -1;
                    run(r, regionStart, regionEnd);
                    scannedUntil[r] = Math.max(end, lastMatchEnd);
                } else {
                    int regionEnd = lineEnd(end);
                    run(r, regionStart, regionEnd);
                    scannedUntil[r] = regionEnd;
                }
            }
        }

        void run(int rule, int from, int to) {
            currentRule = rule;
            rules.get(rule).pattern().findAll(text, from, to, this);
        }

        @Override
        public void match(int matchStart, int matchEnd, int secretStart, int secretEnd) {
            lastMatchEnd = Math.max(lastMatchEnd, matchEnd);
            if (secretEnd <= secretStart) {
                return;
            }
            SecretRule rule = rules.get(currentRule);
            if (rule.minEntropy() > 0 && ShannonEntropy.of(text, secretStart, secretEnd) < rule.minEntropy()) {
                return;
            }
            if (!rule.check().accepts(path, text, secretStart, secretEnd)) {
                return;
            }
            if (PlaceholderValues.isPlaceholder(text.substring(secretStart, secretEnd))) {
                return;
            }
            if (seen == null) {
                seen = new HashSet<>();
            }
            if (seen.add(((long) currentRule << 32) | secretStart)) {
                found.add(new SecretMatch(rule, anchorStart >= 0 ? anchorStart : matchStart, matchEnd, secretStart,
                        secretEnd));
            }
        }

        /**
         * The start of the line of {@code offset}, at most {@link #WINDOW_BEFORE} characters back. Hits arrive in
         * text order, so newlines are searched once per file, forwards, with the vectorised {@link String#indexOf}.
         */
        private int lineStart(int offset) {
            if (offset >= newlineCursor) {
                int newline;
                while ((newline = text.indexOf('\n', newlineCursor, offset)) >= 0) {
                    currentLineStart = newline + 1;
                    newlineCursor = newline + 1;
                }
                newlineCursor = offset;
            } else if (offset < currentLineStart) {
                return lineStartBackwards(offset);
            }
            return Math.max(currentLineStart, offset - WINDOW_BEFORE);
        }

        private int lineStartBackwards(int offset) {
            int limit = Math.max(0, offset - WINDOW_BEFORE);
            for (int i = offset - 1; i >= limit; i--) {
                if (text.charAt(i) == '\n') {
                    return i + 1;
                }
            }
            return limit;
        }

        /** The end of the line of {@code offset}, at most {@link #WINDOW_AFTER} characters on. */
        private int lineEnd(int offset) {
            int limit = Math.min(text.length(), offset + WINDOW_AFTER);
            int newline = text.indexOf('\n', offset, limit);
            return newline < 0 ? limit : newline;
        }

        private int multilineEnd(int offset) {
            int limit = Math.min(text.length(), offset + MULTILINE_CHARS);
            int position = offset;
            for (int lines = 0; lines < MULTILINE_LINES; lines++) {
                int newline = text.indexOf('\n', position, limit);
                if (newline < 0) {
                    return limit;
                }
                position = newline + 1;
            }
            return position - 1;
        }
    }
}
