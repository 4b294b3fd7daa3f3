package io.jenkins.plugins.devsecops.secrets;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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

    /**
     * The processor time the rules may spend on one file: each time the file's detection uses this much more, the
     * rule that took the most time so far is stopped there with a warning. Processor time of the scanning thread,
     * so a busy machine does not stop rules that merely waited.
     */
    static final long FILE_CPU_BUDGET_NANOS = 3_000_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Rule calls are timed one in this many (a power of two). */
    static final int TIMED_ONE_IN = 8;

    /** The raw matches a user rule may produce in one file before it is stopped there with a warning. */
    static final int USER_RULE_MATCH_BUDGET = 10_000;

    private final List<SecretRule> rules;
    /** Per rule id: its position in the rule list, which decides between overlapping fallback matches. */
    private final Map<String, Integer> ranks = new HashMap<>();
    private final KeywordAutomaton automaton;
    /** Per keyword of the automaton: the indexes of the rules that have it. */
    private final int[][] rulesOfKeyword;
    /** Rules without keywords (user rules only): their RE2J pattern runs over the whole text. */
    private final int[] unkeyed;
    /**
     * Per rule: how far before its keyword every match starts (0: at the keyword), so that one attempt per hit
     * finds every match; -1 when a search of the region is needed.
     */
    private final int[] keywordOffset;
    /** Per rule: a cheap necessary condition checked at a hit before its pattern runs ({@link HitCheck}), or null. */
    private final HitCheck[] hitChecks;
    /**
     * Whether every keyword is ASCII: then the keyword search may run over UTF-8 bytes (a multi-byte character is
     * made of bytes that no keyword contains), and a file without a hit needs no decoding at all.
     */
    private final boolean asciiKeywords;
    /** The automaton's indexes of {@link EncryptedFiles#MARKERS} (none without shortcuts). */
    private final int[] markerKeywords;
    /** Per thread: the hits of the last byte scan, keyword and end offset in turn, reused from file to file. */
    private final ThreadLocal<HitBuffer> hitBuffers = ThreadLocal.withInitial(HitBuffer::new);
    /**
     * Per thread: the per-rule arrays of a file's detection, reused from file to file (they would otherwise be
     * allocated and zeroed for every file with a keyword hit); only the entries of the rules a file touched are reset.
     * They hold nothing of the detector, so that a thread that outlives it does not keep it.
     */
    private final ThreadLocal<RuleState> ruleStates;
    /**
     * Whether the detector takes its shortcuts: the checks that turn a hit away before its rule's pattern runs
     * ({@link HitCheck}, a pattern's opening, the generic rule's first character) and the line ends remembered
     * between hits. Without them every rule runs at every hit of its keywords: the same secrets, found slower (the
     * reference the tests hold the shortcuts to).
     */
    private final boolean shortcuts;

    /**
     * @throws IllegalArgumentException when two rules share an id
     */
    public SecretDetector(List<SecretRule> rules) {
        this(rules, true);
    }

    /**
     * A detector that runs every rule's pattern at every hit of its keywords, with none of the checks that skip
     * attempts which cannot match: the reference the tests compare the shortcuts with.
     */
    static SecretDetector withoutShortcuts(List<SecretRule> rules) {
        return new SecretDetector(rules, false);
    }

    private SecretDetector(List<SecretRule> rules, boolean shortcuts) {
        this.shortcuts = shortcuts;
        this.rules = List.copyOf(rules);
        this.ruleStates = RuleState.perThread(this.rules.size());
        Set<String> ids = new HashSet<>();
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        List<Integer> withoutKeywords = new ArrayList<>();
        for (int r = 0; r < this.rules.size(); r++) {
            SecretRule rule = this.rules.get(r);
            ranks.put(rule.id(), r);
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
        if (shortcuts) {
            // Looked for in the same pass: a file without them is no encrypted-secrets file (EncryptedFiles)
            for (String marker : EncryptedFiles.MARKERS) {
                byKeyword.computeIfAbsent(marker, k -> new ArrayList<>());
            }
        }
        List<String> keywords = new ArrayList<>(byKeyword.keySet());
        this.markerKeywords = shortcuts ? EncryptedFiles.MARKERS.stream().mapToInt(keywords::indexOf).toArray()
                : new int[0];
        this.asciiKeywords = keywords.stream().allMatch(k -> k.chars().allMatch(c -> c < 0x80));
        this.automaton = new KeywordAutomaton(keywords);
        this.rulesOfKeyword = new int[keywords.size()][];
        for (int k = 0; k < keywords.size(); k++) {
            rulesOfKeyword[k] = byKeyword.get(keywords.get(k)).stream().mapToInt(Integer::intValue).toArray();
        }
        this.unkeyed = withoutKeywords.stream().mapToInt(Integer::intValue).toArray();
        this.keywordOffset = new int[this.rules.size()];
        for (int r = 0; r < this.rules.size(); r++) {
            SecretRule rule = this.rules.get(r);
            keywordOffset[r] = rule.pattern() instanceof JdkSecretPattern
                    ? PatternPrefix.keywordOffset(rule.pattern().source(), rule.keywords()) : -1;
        }
        this.hitChecks = new HitCheck[this.rules.size()];
        for (int r = 0; r < this.rules.size() && shortcuts; r++) {
            SecretRule rule = this.rules.get(r);
            if (rule.isBuiltIn() && rule.pattern() instanceof JdkSecretPattern && !rule.anchored()) {
                hitChecks[r] = HitCheck.forRule(rule.id(), rule.pattern().source(), keywordOffset[r] == 0);
            } else if (rule.anchored() && rule.pattern() instanceof AssignmentPattern) {
                hitChecks[r] = (text, hitEnd, from, to) -> AssignmentPattern.mayMatchAt(text, from, to);
            }
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
     * Whether the detector searches the file at {@code path} even where no keyword occurs (a rule without keywords
     * applies to it, or a keyword is not ASCII). When it does not, a file whose bytes {@link #detect(String, byte[],
     * Decoder, Consumer)} did not decode holds no keyword, and has no secret at any other path of which this is also
     * false: the history scan reads such a blob once, whatever paths it had.
     */
    public boolean searchesWithoutKeywords(String path) {
        return !asciiKeywords || unkeyedApplyTo(path);
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
        return detect(path, text, bytes, warning -> { });
    }

    /**
     * The secrets in {@code text}, as {@link #detect(String, String, byte[])}; a rule that runs out of its budget
     * for the file ({@link #FILE_CPU_BUDGET_NANOS}, and {@link #USER_RULE_MATCH_BUDGET} matches for a user rule)
     * is stopped there and {@code warnings} gets a message naming the rule and the file.
     */
    public List<SecretMatch> detect(String path, String text, byte[] bytes, Consumer<String> warnings) {
        FileScan scan = fileScan(path, text, warnings);
        try {
            return detectText(scan, text, bytes);
        } finally {
            scan.close();
        }
    }

    private List<SecretMatch> detectText(FileScan scan, String text, byte[] bytes) {
        if (bytes != null && bytes.length == text.length()) {
            automaton.scanBytes(bytes, scan);
        } else {
            automaton.scan(text, scan);
        }
        for (int r : unkeyed) {
            if (scan.applies(r) && !scan.halted[r]) {
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
        return detect(path, bytes, text, warning -> { });
    }

    /**
     * The secrets in a file given as raw bytes, as {@link #detect(String, byte[], Supplier)}; a rule that runs out of
     * its budget for the file is stopped there and {@code warnings} gets a message naming the rule and the file.
     */
    public List<SecretMatch> detect(String path, byte[] bytes, Supplier<String> text, Consumer<String> warnings) {
        return detect(path, bytes, ascii -> text.get(), warnings);
    }

    /** Decodes a file's bytes to its text. */
    @FunctionalInterface
    public interface Decoder {
        /**
         * @param ascii whether every byte is known to be ASCII: then the text is the bytes as they are, and a copy
         *     (Latin-1) gives the same string as decoding them as UTF-8, without checking every byte again
         */
        String decode(boolean ascii);
    }

    /**
     * The secrets in a file given as raw bytes, as {@link #detect(String, byte[], Supplier, Consumer)}; the pass that
     * looks for keywords also tells {@code text} whether the file is ASCII.
     */
    public List<SecretMatch> detect(String path, byte[] bytes, Decoder text, Consumer<String> warnings) {
        if (!asciiKeywords || unkeyedApplyTo(path)) {
            return detect(path, text.decode(false), bytes, warnings);
        }
        HitBuffer hits = hitBuffers.get();
        hits.clear();
        boolean ascii = automaton.scanBytes(bytes, hits);
        if (hits.size == 0) {
            return List.of();
        }
        String decoded = text.decode(ascii);
        if (markerKeywords.length > 0 && !hits.holdsAny(markerKeywords)) {
            EncryptedFiles.withoutMarkers(decoded);
        }
        FileScan scan = fileScan(path, decoded, warnings);
        try {
            return replay(scan, hits, bytes, decoded);
        } finally {
            scan.close();
        }
    }

    /** The state of one file's detection, on the thread's rule arrays (fresh ones for a nested call). */
    private FileScan fileScan(String path, String text, Consumer<String> warnings) {
        RuleState state = ruleStates.get();
        return new FileScan(path, text, warnings, state.inUse ? new RuleState(rules.size()) : state);
    }

    /**
     * The per-rule arrays of a file's detection, reused by one thread from file to file: a file sets the entries of
     * the rules it touches, and {@link #reset} clears those only.
     */
    private static final class RuleState {
        final long[] spentNanos;
        final int[] rawMatches;
        final boolean[] halted;
        final int[] scannedUntil;
        final byte[] applies;
        final int[] lastJudged;
        int[] touched = new int[16];
        int touchedCount;
        boolean inUse;

        RuleState(int rules) {
            spentNanos = new long[rules];
            rawMatches = new int[rules];
            halted = new boolean[rules];
            scannedUntil = new int[rules];
            applies = new byte[rules];
            lastJudged = new int[rules];
        }

        /** A thread-local supply of states for {@code rules} rules (the lambda captures the count only). */
        static ThreadLocal<RuleState> perThread(int rules) {
            return ThreadLocal.withInitial(() -> new RuleState(rules));
        }

        void touch(int rule) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = rule;
        }

        /** Clears the entries the last file set. */
        void reset() {
            for (int t = 0; t < touchedCount; t++) {
                int r = touched[t];
                spentNanos[r] = 0;
                rawMatches[r] = 0;
                halted[r] = false;
                scannedUntil[r] = 0;
                applies[r] = 0;
                lastJudged[r] = 0;
            }
            touchedCount = 0;
            if (touched.length > 64) {
                touched = new int[16]; // a file that touched many rules must not pin a large list to the thread
            }
            inUse = false;
        }
    }

    /** Hands the hits of the byte scan to {@code scan}, at their offsets in {@code decoded}. */
    private List<SecretMatch> replay(FileScan scan, HitBuffer hits, byte[] bytes, String decoded) {
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

        /** Whether one of the hits is of one of {@code keywords}. */
        boolean holdsAny(int[] keywords) {
            for (int i = 0; i < size; i += 2) {
                for (int keyword : keywords) {
                    if (hits[i] == keyword) {
                        return true;
                    }
                }
            }
            return false;
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

    /** Whether a rule without keywords (it runs over the whole text) applies to the file at {@code path}. */
    private boolean unkeyedApplyTo(String path) {
        for (int r : unkeyed) {
            if (rules.get(r).scope().appliesTo(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rules that catch what the specific rules miss: their match of a value a more specific rule also matched is
     * dropped, since the specific finding says more.
     */
    static final Set<String> FALLBACK_RULES = Set.of(GenericAssignmentRule.ID, PemPrivateKeyRule.ID,
            "connection-string-password", "cli-password-argument", "http-authorization-header",
            "setter-call-credential", "env-fallback-credential", "shell-default-credential",
            CallArgumentRule.ID, "sql-password-function");

    private static boolean isFallback(SecretMatch match) {
        return FALLBACK_RULES.contains(match.rule().id());
    }

    /**
     * Drops fallback-rule matches of a value a specific rule also matched (one binary search per fallback match over
     * the specific matches' starts and running maximum of ends), of two overlapping fallback matches the one of the
     * rule listed later, and second matches of the very same value by two specific rules (the first listed wins).
     */
    private List<SecretMatch> withoutGenericDuplicates(List<SecretMatch> sorted) {
        int specific = 0;
        for (SecretMatch match : sorted) {
            if (!isFallback(match)) {
                specific++;
            }
        }
        int[] starts = new int[specific];
        int[] maxEnds = new int[specific];
        int n = 0;
        for (SecretMatch match : sorted) {
            if (!isFallback(match)) {
                starts[n] = match.secretStart();
                maxEnds[n] = Math.max(n == 0 ? Integer.MIN_VALUE : maxEnds[n - 1], match.secretEnd());
                n++;
            }
        }
        List<SecretMatch> kept = new ArrayList<>(sorted.size());
        SecretMatch lastFallback = null;
        for (SecretMatch match : sorted) {
            if (isFallback(match)) {
                // the specific matches starting before this one ends: does any of them end after it starts?
                int before = lowerBound(starts, match.secretEnd());
                if (before > 0 && maxEnds[before - 1] > match.secretStart()) {
                    continue;
                }
                if (lastFallback != null && lastFallback.secretEnd() > match.secretStart()) {
                    if (rankOf(match) >= rankOf(lastFallback)) {
                        continue;
                    }
                    kept.remove(lastFallback);
                }
                lastFallback = match;
            } else if (sameSpanKept(kept, match)) {
                continue;
            }
            kept.add(match);
        }
        return kept;
    }

    private static boolean sameSpanKept(List<SecretMatch> kept, SecretMatch match) {
        for (int i = kept.size() - 1; i >= 0 && kept.get(i).secretStart() == match.secretStart(); i--) {
            if (kept.get(i).secretEnd() == match.secretEnd() && !isFallback(kept.get(i))) {
                return true;
            }
        }
        return false;
    }

    private int rankOf(SecretMatch match) {
        Integer rank = ranks.get(match.rule().id());
        return rank == null ? Integer.MAX_VALUE : rank;
    }

    /** The number of values in the sorted {@code values} below {@code key}. */
    private static int lowerBound(int[] values, int key) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The state of one {@link #detect} call. */
    private final class FileScan implements KeywordAutomaton.HitConsumer, SecretPattern.MatchConsumer {
        private final String path;
        private final String text;
        private final Consumer<String> warnings;
        private final RuleState state;
        private final long[] spentNanos;
        private final int[] rawMatches;
        final boolean[] halted;
        /** The wall clock when the file's detection started. */
        private final long wallAtStart = System.nanoTime();
        /**
         * The file's processor time is read at its first budget check, not at its start (a system call, and most
         * files never reach a check): until then the wall clock, which is no less, stands for it.
         */
        private long cpuAtFirstCheck = -1;
        private long wallAtFirstCheck;
        private long callStarted;
        /** With {@link RuleAttemptCounts#ENABLED}: when the current call started, for its per-rule time. */
        private long countedStart;
        /** Whether the current call is timed, and the weight of its time (a sampled call stands for several). */
        private boolean timed;
        private long weight = TIMED_ONE_IN;
        private int attempts;
        private int calls;
        private int haltedRules;
        private boolean inCall;
        private final int[] scannedUntil;
        private final byte[] applies;
        private final List<SecretMatch> found = new ArrayList<>(0);
        /** Per rule: the start of the last value it judged, so that two keywords leading to one value cost one check. */
        private final int[] lastJudged;
        private int currentRule;
        private int lastMatchEnd;
        private int anchorStart = -1;
        /** Where the last {@link #lineStart} search started: its line start is known. */
        private int newlineCursor;
        /**
         * The start of the line holding {@code newlineCursor}, or, when that is more than {@link #WINDOW_BEFORE}
         * characters before it, a point between the two (as good for every {@link #lineStart} of this line).
         */
        private int currentLineStart;
        /** The last newline {@link #lineEnd} found, the first at or after {@code newlineFrom} (none found yet: -1). */
        private int nextNewline = -1;
        private int newlineFrom = Integer.MAX_VALUE;
        /**
         * A range known to hold no newline, {@code [blankFrom, blankUntil)}: what the last {@link #lineEnd} searches
         * of a line longer than their window read (none yet: empty).
         */
        private int blankFrom = Integer.MAX_VALUE;
        private int blankUntil = -1;

        FileScan(String path, String text, Consumer<String> warnings, RuleState state) {
            this.path = path;
            this.text = text;
            this.warnings = warnings;
            this.state = state;
            state.inUse = true;
            spentNanos = state.spentNanos;
            rawMatches = state.rawMatches;
            halted = state.halted;
            scannedUntil = state.scannedUntil;
            applies = state.applies;
            lastJudged = state.lastJudged;
        }

        /** Hands the rule arrays back, cleared, for the thread's next file. */
        void close() {
            state.reset();
        }

        /**
         * Starts a call of rule {@code r}'s pattern, timing one call in {@link #TIMED_ONE_IN} (the clock costs about
         * as much as a typical call at a keyword hit; a costly rule is costly on most of its calls, so the sample
         * still names it).
         */
        private void begin(int r) {
            currentRule = r;
            if (RuleAttemptCounts.ENABLED) {
                RuleAttemptCounts.attempted(rules.get(r).id());
                countedStart = System.nanoTime();
            }
            timed = (++attempts & (TIMED_ONE_IN - 1)) == 0;
            if (timed) {
                callStarted = System.nanoTime();
            }
        }

        /** Ends the call started by {@link #begin}; now and then checks the file's processor time. */
        private void end(int r) {
            if (RuleAttemptCounts.ENABLED) {
                RuleAttemptCounts.spent(rules.get(r).id(), System.nanoTime() - countedStart);
            }
            if (timed) {
                spentNanos[r] += (System.nanoTime() - callStarted) * weight;
                timed = false;
                weight = TIMED_ONE_IN;
            }
            if ((++calls & 255) == 0) {
                checkBudget();
            }
        }

        /** Times the rest of a long call that {@link #begin} did not sample, from its first budget check on. */
        private void timeFromNow() {
            if (!timed) {
                timed = true;
                weight = 1;
                callStarted = System.nanoTime();
            }
        }

        /**
         * Stops the rule that took the most time when the file's processor time passed the next multiple of the
         * budget. Rules are timed by the wall clock (cheap, and fair between rules), the file by processor time.
         */
        private void checkBudget() {
            if (cpuAtFirstCheck < 0) {
                wallAtFirstCheck = System.nanoTime();
                cpuAtFirstCheck = cpuTime();
            }
            long used = cpuTime() - cpuAtFirstCheck + (wallAtFirstCheck - wallAtStart);
            if (used <= FILE_CPU_BUDGET_NANOS * (haltedRules + 1)) {
                return;
            }
            long now = System.nanoTime();
            int worst = -1;
            for (int r = 0; r < spentNanos.length; r++) {
                long spent = spentNanos[r] + (r == currentRule && inCall && timed ? now - callStarted : 0);
                if (!halted[r] && (worst < 0 || spent > spentNanos[worst])) {
                    worst = r;
                }
            }
            if (worst >= 0) {
                halt(worst, "the rules' time on this file passed " + FILE_CPU_BUDGET_NANOS * (haltedRules + 1)
                        / 1_000_000 + " ms of processor time and this rule took the most");
            }
        }

        private static long cpuTime() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }

        private void halt(int r, String why) {
            applies(r); // marks the rule touched, so that its halt is reset for the next file
            if (!halted[r]) {
                halted[r] = true;
                haltedRules++;
                warnings.accept("Secret rule " + rules.get(r).id() + " stopped early in " + path + ": " + why
                        + "; the rest of the file was not checked by this rule");
            }
        }

        @Override
        public boolean stopped() {
            if (halted[currentRule]) {
                return true;
            }
            if ((++calls & 255) == 0) {
                inCall = true;
                timeFromNow();
                checkBudget();
                inCall = false;
            }
            return halted[currentRule];
        }

        boolean applies(int rule) {
            if (applies[rule] == 0) {
                applies[rule] = rules.get(rule).scope().appliesTo(path) ? (byte) 1 : (byte) 2;
                state.touch(rule);
            }
            return applies[rule] == 1;
        }

        @Override
        public void hit(int keyword, int end) {
            int hitStart = end - automaton.length(keyword);
            for (int r : rulesOfKeyword[keyword]) {
                if (hitStart < scannedUntil[r] || halted[r] || !applies(r)) {
                    continue;
                }
                SecretRule rule = rules.get(r);
                if (rule.anchored()) {
                    if (turnedAway(r, end, end, Math.min(text.length(), end + WINDOW_AFTER))) {
                        continue;
                    }
                    begin(r);
                    anchorStart = hitStart;
                    rule.pattern().matchAt(text, end, lineEnd(end), this);
                    anchorStart = -1;
                    end(r);
                    continue;
                }
                if (keywordOffset[r] >= 0) {
                    // Every match starts at a fixed distance before a keyword, so at a hit: one attempt there, no
                    // search of the region.
                    int from = hitStart - keywordOffset[r];
                    if (from >= 0) {
                        int window = Math.min(text.length(), end + WINDOW_AFTER);
                        // A pattern's opening (password =) never spans a line: checked before the line's end is
                        // looked for, which most hits of a common keyword then never need.
                        if (shortcuts && !((JdkSecretPattern) rule.pattern()).mayMatchAt(text, from, window)) {
                            continue;
                        }
                        // One attempt reads only what it needs: a character bound is enough, no need to count lines.
                        int limit;
                        if (rule.multiline()) {
                            limit = Math.min(text.length(), end + MULTILINE_CHARS);
                            if (turnedAway(r, end, from, limit)) {
                                continue;
                            }
                        } else {
                            // The check first, over the window the line ends in at the latest: a check that finds
                            // nothing there finds nothing in the line (HitCheck.mayMatch), and most hits of a common
                            // keyword then never need the line's end.
                            if (turnedAway(r, end, from, window)) {
                                continue;
                            }
                            limit = lineEnd(end);
                        }
                        begin(r);
                        rule.pattern().matchAt(text, from, limit, this);
                        end(r);
                    }
                    continue;
                }
                int regionStart = lineStart(hitStart);
                if (rule.multiline()) {
                    int regionEnd = multilineEnd(end);
                    lastMatchEnd = -1;
                    if (!turnedAway(r, end, regionStart, regionEnd)) {
                        run(r, regionStart, regionEnd);
                    }
                    scannedUntil[r] = Math.max(end, lastMatchEnd);
                } else {
                    int regionEnd = lineEnd(end);
                    if (!turnedAway(r, end, regionStart, regionEnd)) {
                        run(r, regionStart, regionEnd);
                    }
                    scannedUntil[r] = regionEnd;
                }
            }
        }

        /** Whether rule {@code r}'s {@link HitCheck} shows that its pattern cannot match in {@code [from, to)}. */
        private boolean turnedAway(int r, int hitEnd, int from, int to) {
            HitCheck check = hitChecks[r];
            if (check == null) {
                return false;
            }
            long started = RuleAttemptCounts.ENABLED ? System.nanoTime() : 0;
            boolean may = check.mayMatch(text, hitEnd, from, to);
            if (RuleAttemptCounts.ENABLED) {
                RuleAttemptCounts.spent(rules.get(r).id(), System.nanoTime() - started);
            }
            if (may) {
                return false;
            }
            if (RuleAttemptCounts.ENABLED) {
                RuleAttemptCounts.skipped(rules.get(r).id());
            }
            return true;
        }

        void run(int rule, int from, int to) {
            begin(rule);
            if (RuleAttemptCounts.ENABLED) {
                RuleAttemptCounts.searched(rules.get(rule).id());
            }
            rules.get(rule).pattern().findAll(text, from, to, this);
            end(rule);
        }

        @Override
        public void match(int matchStart, int matchEnd, int secretStart, int secretEnd) {
            lastMatchEnd = Math.max(lastMatchEnd, matchEnd);
            SecretRule rule = rules.get(currentRule);
            if (RuleAttemptCounts.ENABLED) {
                RuleAttemptCounts.matched(rule.id());
            }
            if (!rule.isBuiltIn() && ++rawMatches[currentRule] > USER_RULE_MATCH_BUDGET) {
                halt(currentRule, "it matched more than " + USER_RULE_MATCH_BUDGET + " times");
                return;
            }
            if (secretEnd <= secretStart || halted[currentRule]) {
                return;
            }
            // A value is judged once per rule, however many of the rule's keywords lead to it (pass, password...):
            // those hits come one after the other. A value reached again later is judged again and its second
            // finding dropped with the duplicates at the end.
            if (lastJudged[currentRule] == secretStart + 1) {
                return;
            }
            lastJudged[currentRule] = secretStart + 1;
            if (rule.minEntropy() > 0 && ShannonEntropy.of(text, secretStart, secretEnd) < rule.minEntropy()) {
                return;
            }
            if (!rule.check().accepts(path, text, secretStart, secretEnd)) {
                return;
            }
            if (PlaceholderValues.isPlaceholder(text.substring(secretStart, secretEnd))) {
                return;
            }
            if (RuleAttemptCounts.ENABLED) {
                RuleAttemptCounts.found(rule.id());
            }
            found.add(new SecretMatch(rule, anchorStart >= 0 ? anchorStart : matchStart, matchEnd, secretStart,
                    secretEnd));
        }

        /**
         * The start of the line of {@code offset}, at most {@link #WINDOW_BEFORE} characters back. Hits arrive in
         * text order: the search goes backwards from the hit to the first newline, but never past the point the last
         * search started from nor past the window, so that no character is read twice and the lines between two hits
         * are not read at all.
         */
        private int lineStart(int offset) {
            if (offset >= newlineCursor) {
                int from = Math.max(newlineCursor, offset - WINDOW_BEFORE);
                int i = offset - 1;
                while (i >= from && text.charAt(i) != '\n') {
                    i--;
                }
                if (i >= from) {
                    currentLineStart = i + 1;
                } else if (from > newlineCursor) {
                    // No newline in the window: the line starts before it, and for this offset and the ones after it
                    // on the same line only the window matters.
                    currentLineStart = from;
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
            if (!shortcuts) {
                int newline = text.indexOf('\n', offset, limit);
                return newline >= 0 ? newline : limit;
            }
            if (offset >= newlineFrom && offset <= nextNewline) {
                // no newline between the last search's start and the newline it found: the same one ends this line
                return Math.min(nextNewline, limit);
            }
            // [blankFrom, blankUntil) holds no newline (a line longer than the window, minified code): only the
            // rest is read
            boolean onBlank = offset >= blankFrom && offset <= blankUntil;
            int searchFrom = onBlank ? blankUntil : offset;
            int newline = searchFrom < limit ? text.indexOf('\n', searchFrom, limit) : -1;
            if (newline >= 0) {
                newlineFrom = onBlank ? blankFrom : offset;
                nextNewline = newline;
                return newline;
            }
            if (onBlank) {
                blankUntil = Math.max(blankUntil, limit);
            } else {
                blankFrom = offset;
                blankUntil = limit;
            }
            return limit;
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
