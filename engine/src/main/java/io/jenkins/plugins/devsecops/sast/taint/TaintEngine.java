package io.jenkins.plugins.devsecops.sast.taint;

import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.TraceStep;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.NameTable;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * The whole-program analysis: summaries of every method computed to a fixpoint (at most {@link #MAX_ROUNDS}
 * rounds over all methods; fields are one flow-insensitive store per field), then one reporting pass in which each
 * source-to-sink flow and each failed value check becomes a {@link FlowFinding}. One per scan.
 *
 * <p>Each pass goes over the methods in their order, and each method sees the summaries and fields left by the ones
 * before it: what is found depends on that order (the rounds are bounded), so the passes keep it exactly. With more
 * than one thread, helper threads analyse the methods ahead of the one being committed, each against the state
 * committed when it started ({@link Attempt}); the methods are then committed in order by the thread that called
 * {@link #run}, and an attempt is kept only if no commit since its start changed a summary or field it read or a field
 * it wrote. Otherwise (or when the helper's deeper stack might hide an overflow the caller's would hit) the method is
 * analysed again in order. An analysis is a function of what it reads (the same reasoning that lets {@link Inputs}
 * skip methods), so the result is the one a single thread gives, analysis for analysis.
 */
public final class TaintEngine {

    static final int MAX_ROUNDS = 5;
    /** How many methods past the next one to commit the helpers may analyse. */
    static final int WINDOW = 64;
    private static final long HELPER_STACK_BYTES = 64L * 1024 * 1024;

    private final Program program;
    private final UnaryOperator<MethodIr> bodies;
    private final TaintModels models;
    private final Map<String, Map<String, String>> propertiesFiles;
    private final int threads;
    private final Calls calls;
    private final NameTable names;
    /**
     * Each method's slot, by id: the per-method state below is kept in arrays by slot rather than in maps by id (a
     * summary is read at every call). Methods with the same id (overloads declared on one line) share a slot, as
     * they shared the maps' entries.
     */
    private final MethodSlots slotById = new MethodSlots();
    /** The slot of each method, by its place in {@link Program#methods}. */
    private final int[] slots;
    /** The summary whose {@link Summary#signature} each slot keeps, and that signature (see {@link #signature}). */
    private final Summary[] signed;
    private final String[] signatures;
    /**
     * One instance of each signature kept in {@link #signatures}: most methods' summaries have one of a few
     * signatures. Bounded: a signature not in it is kept as it is.
     */
    private final BoundedMemo<String, String> signatureTable = new BoundedMemo<>(1 << 12);
    /** Each slot's committed summary with its version. */
    private final AtomicReferenceArray<Versioned<Summary>> summaries;
    /** Each field's committed value with its version, by field key. */
    private final Map<String, Versioned<Value>> fields = new ConcurrentHashMap<>();
    private final Map<String, String> flags = new HashMap<>();
    private final Map<Object, FlowFinding> findings = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    /** The slots of the methods the analysis gave up on (1), by slot. */
    private final AtomicIntegerArray abandoned;
    private boolean fieldsChanged;
    /** What each slot's last committed analysis read, wrote and found, in its compact form. */
    private AtomicReferenceArray<Committed> inputs;
    /**
     * What each of the last commits changed, by commit number modulo its length (the thread that commits only): an
     * attempt made ahead is checked against the commits since it started, never more than {@link #WINDOW} + 1.
     */
    private final Change[] recent = new Change[RECENT];
    private static final int RECENT = 4 * WINDOW;
    /** The fields the commit under way changed. */
    private java.util.Collection<String> changing = List.of();
    /** How many methods were committed: every commit's changes are in the maps before this counts it. */
    private volatile long commits;
    /** The inputs of the method being analysed on each thread. */
    private final ThreadLocal<Inputs> reading = new ThreadLocal<>();
    private int analyses;
    private int attemptsKept;
    private int attemptsOvertaken;
    private boolean finalPass;

    /**
     * @param units the lowered files
     * @param models the taint models
     * @param propertiesFiles the project's {@code .properties} files by file name, for values the code reads
     */
    public TaintEngine(List<UnitIr> units, TaintModels models, Map<String, Map<String, String>> propertiesFiles) {
        this(units, models, propertiesFiles, UnaryOperator.identity());
    }

    /**
     * @param units the lowered files, whose methods may be stubs without their bodies
     * @param models the taint models
     * @param propertiesFiles the project's {@code .properties} files by file name, for values the code reads
     * @param bodies gives the whole IR of a method from the one in {@code units}, read when the method is analysed
     */
    public TaintEngine(List<UnitIr> units, TaintModels models, Map<String, Map<String, String>> propertiesFiles,
            UnaryOperator<MethodIr> bodies) {
        this(units, models, propertiesFiles, bodies, 1);
    }

    /**
     * @param units the lowered files, whose methods may be stubs without their bodies
     * @param models the taint models
     * @param propertiesFiles the project's {@code .properties} files by file name, for values the code reads
     * @param bodies gives the whole IR of a method from the one in {@code units}, read when the method is analysed
     *        (from any thread)
     * @param threads how many threads analyse (the caller's and {@code threads - 1} helpers); the result does not
     *        depend on it
     */
    public TaintEngine(List<UnitIr> units, TaintModels models, Map<String, Map<String, String>> propertiesFiles,
            UnaryOperator<MethodIr> bodies, int threads) {
        this(units, models, propertiesFiles, bodies, threads, new NameTable(Program.NAMES));
    }

    /**
     * As above; {@code names}: the table of the names the program's stubs share, which the memos' keys then share
     * too (see {@link NameTable}).
     */
    public TaintEngine(List<UnitIr> units, TaintModels models, Map<String, Map<String, String>> propertiesFiles,
            UnaryOperator<MethodIr> bodies, int threads, NameTable names) {
        this(units, models, propertiesFiles, bodies, threads, Program.MEMO, Calls.PLANS, names);
    }

    /** As above, with the memos' capacities and a name table of its own. */
    TaintEngine(List<UnitIr> units, TaintModels models, Map<String, Map<String, String>> propertiesFiles,
            UnaryOperator<MethodIr> bodies, int threads, int programMemo, int plans) {
        this(units, models, propertiesFiles, bodies, threads, programMemo, plans, new NameTable(Program.NAMES));
    }

    /**
     * As above, with the capacities of the memos of what the program and the models give each call shape, field
     * and type (see {@link BoundedMemo}): they bound the memory, never the result.
     */
    TaintEngine(List<UnitIr> units, TaintModels models, Map<String, Map<String, String>> propertiesFiles,
            UnaryOperator<MethodIr> bodies, int threads, int programMemo, int plans, NameTable names) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.names = names;
        this.program = new Program(units, bodies, programMemo, names);
        this.calls = new Calls(this, plans);
        List<MethodIr> methods = program.methods();
        this.slots = new int[methods.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = slotById.add(methods.get(i));
        }
        this.summaries = new AtomicReferenceArray<>(slotById.size());
        this.abandoned = new AtomicIntegerArray(slotById.size());
        this.inputs = new AtomicReferenceArray<>(slotById.size());
        this.signed = new Summary[slotById.size()];
        this.signatures = new String[slotById.size()];
        this.models = models;
        this.propertiesFiles = propertiesFiles;
        this.bodies = bodies;
        this.threads = threads;
        models.flagSetters().forEach(flags::put);
    }

    /** The result: the findings and the notes on methods the analysis gave up on. */
    public record Result(List<FlowFinding> findings, List<String> notes, int methods, int rounds) {
    }

    /**
     * Runs the analysis.
     *
     * @param deadlineNanos a {@link System#nanoTime()} after which summaries stop being refined
     */
    public Result run(long deadlineNanos) {
        List<MethodIr> methods = program.methods();
        ExecutorService helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(null, task, "sast-taint", HELPER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        try {
            program.findCalled(helpers, threads);
            int rounds = 0;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                rounds++;
                fieldsChanged = false;
                boolean changed = new Pass(methods, helpers).run();
                if ((!changed && !fieldsChanged) || System.nanoTime() > deadlineNanos) {
                    if (changed || fieldsChanged) {
                        notes.add("time budget reached after " + rounds + " rounds: summaries may be incomplete");
                    }
                    break;
                }
            }
            // the reporting pass: each method's findings from its last analysis, analysed again only if what it read
            // has changed since
            finalPass = true;
            new Pass(methods, helpers).run();
            inputs = new AtomicReferenceArray<>(0);
            return new Result(List.copyOf(findings.values()), notes, methods.size(), rounds);
        } finally {
            if (helpers != null) {
                helpers.shutdownNow();
            }
        }
    }

    /** How many method analyses ran (methods whose inputs had not changed are not analysed again). */
    public int analyses() {
        return analyses;
    }

    /** How many of those were analysed ahead by a helper and kept (the others ran in order). */
    public int attemptsKept() {
        return attemptsKept;
    }

    /** How many analyses made ahead were dropped because a commit before them changed what they read. */
    public int attemptsOvertaken() {
        return attemptsOvertaken;
    }

    /**
     * A committed summary or field value and how many times it changed (a summary: was replaced by one that differs
     * in more than its traces, see {@link Identical#summariesButTraces}; a field: by a write that changed its value).
     * Replaced as a whole, so that a reader on another thread sees a value with its own version.
     */
    private record Versioned<T>(T value, int version) {

        static int version(Versioned<?> v) {
            return v == null ? 0 : v.version;
        }

        static <T> T value(Versioned<T> v) {
            return v == null ? null : v.value;
        }
    }

    /**
     * What one commit changed: a summary (replaced by another object: its slot) or -1, and the fields whose value
     * changed.
     */
    private record Change(int summary, java.util.Collection<String> fields) {
    }

    /**
     * One analysis of a method made ahead of its turn: what it read, wrote and found, against the state after commit
     * number {@code start}.
     */
    private static final class Attempt {
        final long start;
        final Inputs inputs;
        /** Gave up: more than {@link MethodAnalysis#MAX_STEPS} steps, or (in order) too deep for the stack. */
        boolean abandoned;
        /** Not to be used: ran out of stack on a helper, whose stack differs from the caller's. */
        boolean void_;
        Throwable failure;

        Attempt(long start, Inputs inputs) {
            this.start = start;
            this.inputs = inputs;
        }
    }

    /**
     * One pass over the methods in order. Helpers take the next methods not yet taken (at most {@link #WINDOW} past
     * the next to commit) and analyse them; the calling thread commits each method in order, analysing ahead too when
     * the next one is not ready. A method that looks unchanged when taken is left to the commit.
     */
    private final class Pass {
        private final List<MethodIr> methods;
        private final ExecutorService helpers;
        /**
         * 1 for each method whose take has ended (analysed ahead, found unchanged, or left to its commit): a flag per
         * method rather than a future per method, which each pass made for every method of the program. Set after
         * the method's attempt is stored, so that reading 1 makes the attempt visible.
         */
        private final AtomicIntegerArray done;
        /** The method the committing thread waits for, or -1: the thread that ends its take wakes it. */
        private volatile int awaited = -1;
        private final Object finishing = new Object();
        private final Attempt[] attempts;
        /**
         * For each method found unchanged when taken, the number of commits made before that check began (else -1):
         * if it is still the count at the method's commit, no commit has changed what the check read, and the
         * commit need not check again.
         */
        private final long[] unchangedAt;
        private final AtomicInteger next = new AtomicInteger();
        private volatile int committed;
        private final Object progress = new Object();
        private boolean changed;

        Pass(List<MethodIr> methods, ExecutorService helpers) {
            this.methods = methods;
            this.helpers = helpers;
            this.done = new AtomicIntegerArray(methods.size());
            this.attempts = new Attempt[methods.size()];
            this.unchangedAt = new long[methods.size()];
            java.util.Arrays.fill(unchangedAt, -1);
        }

        /** Runs the pass; whether a summary's signature changed. */
        boolean run() {
            List<Future<?>> running = new ArrayList<>();
            if (helpers != null) {
                for (int i = 1; i < threads; i++) {
                    running.add(helpers.submit(this::help));
                }
            }
            try {
                while (committed < methods.size()) {
                    int at = committed;
                    if (done.get(at) == 0 && takeAndAttempt()) {
                        continue;
                    }
                    awaitTaken(at);
                    commit(at, attempts[at]);
                    attempts[at] = null;
                    synchronized (progress) {
                        committed = at + 1;
                        progress.notifyAll();
                    }
                }
            } finally {
                synchronized (progress) {
                    committed = methods.size();
                    progress.notifyAll();
                }
                for (Future<?> helper : running) {
                    try {
                        helper.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    } catch (ExecutionException e) {
                        // a helper's own failure: the methods it held were analysed in order
                    }
                }
            }
            return changed;
        }

        /**
         * Waits until the take of method {@code at} has ended. The waiter publishes {@link #awaited} before it reads
         * the flag and the taker sets the flag before it reads {@link #awaited} (all volatile), so at least one sees
         * the other's write: the waiter finds the flag set, or the taker wakes it (under the monitor, so not before
         * it waits). Not interruptible, as the futures' {@code join} was not.
         */
        private void awaitTaken(int at) {
            if (done.get(at) != 0) {
                return;
            }
            boolean interrupted = false;
            synchronized (finishing) {
                awaited = at;
                try {
                    while (done.get(at) == 0) {
                        try {
                            finishing.wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                } finally {
                    awaited = -1;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void help() {
            while (next.get() < methods.size() && committed < methods.size()) {
                if (!takeAndAttempt()) {
                    synchronized (progress) {
                        if (next.get() >= committed + WINDOW && committed < methods.size()) {
                            try {
                                progress.wait();
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                }
            }
        }

        /** Takes the next method within the window and analyses it ahead; false when none can be taken. */
        private boolean takeAndAttempt() {
            int at;
            do {
                at = next.get();
                if (at >= methods.size() || at >= committed + WINDOW) {
                    return false;
                }
            } while (!next.compareAndSet(at, at + 1));
            try {
                MethodIr method = methods.get(at);
                int slot = slots[at];
                long before = commits;
                Committed last = inputs.get(slot);
                // a method that looks unchanged (or was abandoned) now is left to its commit, which decides
                if (abandoned.get(slot) == 0) {
                    if (last == null || !last.unchanged(TaintEngine.this)) {
                        attempts[at] = attempt(method, false);
                    } else {
                        unchangedAt[at] = before;
                    }
                }
            } finally {
                done.set(at, 1);
                if (awaited == at) {
                    synchronized (finishing) {
                        finishing.notifyAll();
                    }
                }
            }
            return true;
        }

        /** Commits a method in order, with its attempt if one was made and is still valid. */
        private void commit(int at, Attempt attempt) {
            MethodIr method = methods.get(at);
            int slot = slots[at];
            boolean knownUnchanged = unchangedAt[at] == commits;
            if (finalPass) {
                if (abandoned.get(slot) != 0) {
                    return;
                }
                analyseInOrder(method, slot, attempt, knownUnchanged);
                Committed last = inputs.get(slot);
                if (last != null) {
                    last.reportInto(findings);
                }
                recent[(int) ((commits + 1) % RECENT)] = new Change(-1, changing);
                commits++;
                return;
            }
            Versioned<Summary> committed = summaries.get(slot);
            Summary before = Versioned.value(committed);
            Summary after = analyseInOrder(method, slot, attempt, knownUnchanged);
            // a summary that differs from the last in its traces only has its signature, and its callers would
            // compute from it what they computed before, traces apart: it is kept under the same version, which does
            // not make them analysed again (one analysed again for another reason takes its traces)
            boolean same = Identical.summariesButTraces(before, after);
            if (before == null || !same && !signature(slot, before).equals(signature(slot, after))) {
                changed = true;
            }
            summaries.set(slot, versioned(after, Versioned.version(committed) + (same ? 0 : 1)));
            recent[(int) ((commits + 1) % RECENT)] = new Change(before != after ? slot : -1, changing);
            commits++;
        }
    }

    /** {@link Summary#NOTHING} at its first versions, shared by the slots that hold it (most of them). */
    private static final List<Versioned<Summary>> NOTHING_AT = java.util.stream.IntStream.range(0, 16)
            .mapToObj(version -> new Versioned<>(Summary.NOTHING, version)).toList();

    /** A summary with its version, shared for {@link Summary#NOTHING}. */
    private static Versioned<Summary> versioned(Summary summary, int version) {
        return summary == Summary.NOTHING && version < NOTHING_AT.size() ? NOTHING_AT.get(version)
                : new Versioned<>(summary, version);
    }

    /**
     * A summary's {@link Summary#signature}, kept for the last summary asked for in each slot (by the committing
     * thread only): the summary committed in a slot is compared again when the slot's next summary differs, and
     * its signature was made when it was the new one.
     */
    private String signature(int slot, Summary summary) {
        if (signed[slot] != summary) {
            String signature = summary.signature();
            String known = signatureTable.get(signature);
            if (known == null) {
                signatureTable.put(signature, signature);
                known = signature;
            }
            signatures[slot] = known;
            signed[slot] = summary;
        }
        return signatures[slot];
    }

    /**
     * A method's summary in order: its last one when nothing it read has changed since (see {@link Inputs}), else
     * the attempt made ahead if nothing it read or wrote has changed since it started, else a new analysis. The
     * analysis's field writes are then applied, and the findings kept with its inputs, taken once the summaries are
     * final. {@code slot}: the method's slot; {@code knownUnchanged}: its last inputs were found unchanged when it
     * was taken, and no commit has been made since.
     */
    private Summary analyseInOrder(MethodIr method, int slot, Attempt ahead, boolean knownUnchanged) {
        changing = List.of();
        if (abandoned.get(slot) != 0) {
            return Summary.UNKNOWN;
        }
        Committed last = inputs.get(slot);
        if (last != null && (knownUnchanged || last.unchanged(this))) {
            return last.summary;
        }
        Attempt attempt = ahead;
        if (attempt != null && !attempt.void_ && overtaken(attempt)) {
            attemptsOvertaken++;
            attempt = null;
        }
        if (attempt == null || attempt.void_) {
            attempt = attempt(method, true);
        } else {
            attemptsKept++;
        }
        if (attempt.failure instanceof RuntimeException e) {
            throw e;
        } else if (attempt.failure instanceof Error e) {
            throw e;
        }
        analyses++;
        Inputs now = attempt.inputs;
        for (Map.Entry<String, Value> write : now.fieldValues.entrySet()) {
            fields.put(write.getKey(), new Versioned<>(write.getValue(),
                    Versioned.version(fields.get(write.getKey())) + now.fieldChanges.get(write.getKey())));
            fieldsChanged = true;
        }
        changing = now.fieldValues.keySet();
        now.fieldValues = Map.of();
        now.fieldChanges = Map.of();
        if (attempt.abandoned) {
            abandoned.set(slot, 1);
            inputs.set(slot, null);
            notes.add(method.path() + ": " + method.displayName() + " not analysed: more than "
                    + MethodAnalysis.MAX_STEPS + " analysis steps");
            if (finalPass) {
                // what the reporting analysis found before it gave up is reported, as it always was
                if (now.reports != null) {
                    now.reports.forEach(findings::putIfAbsent);
                }
            }
            return Summary.UNKNOWN;
        }
        inputs.set(slot, now.committed());
        return now.summary;
    }

    /** Whether a commit since the attempt started changed a summary or field it read, or a field it wrote. */
    private boolean overtaken(Attempt attempt) {
        if (commits - attempt.start >= RECENT) {
            return true;
        }
        Inputs read = attempt.inputs;
        for (long commit = attempt.start + 1; commit <= commits; commit++) {
            Change change = recent[(int) (commit % RECENT)];
            if (change.summary() >= 0 && read.summariesRead.contains(change.summary())) {
                return true;
            }
            for (String key : change.fields()) {
                if (read.fieldsRead != null && read.fieldsRead.containsKey(key)
                        || read.fieldsWritten != null && read.fieldsWritten.containsKey(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Analyses a method against the committed state, its field writes kept aside (any thread). {@code inOrder}: the
     * method's turn, on the thread that called {@link #run}; a stack overflow then abandons the method, as it always
     * did, while one ahead of its turn (on a helper's stack or deeper in the caller's) only voids the attempt.
     */
    private Attempt attempt(MethodIr method, boolean inOrder) {
        long start = commits;
        Inputs now = new Inputs();
        Attempt attempt = new Attempt(start, now);
        reading.set(now);
        try {
            now.summary = new MethodAnalysis(this, bodies.apply(method), true).run();
        } catch (MethodAnalysis.BudgetExceeded e) {
            attempt.abandoned = true;
        } catch (StackOverflowError e) {
            if (inOrder) {
                attempt.abandoned = true;
            } else {
                attempt.void_ = true;
            }
        } catch (RuntimeException | Error e) {
            attempt.failure = e;
        } finally {
            reading.remove();
        }
        return attempt;
    }

    /**
     * What one analysis of a method read (the version of each summary and field), wrote (fields) and found, while it
     * runs and until it is committed. The analysis is a function of these: when every summary and field it read is at
     * the version it saw and every field write it made would change nothing, analysing it again would give the same
     * summary, the same writes and the same findings. The maps are made at their first entry: most analyses read no
     * field, write none and find nothing.
     */
    static final class Inputs {
        /** The version of each summary read, by slot. */
        final SlotVersions summariesRead = new SlotVersions();
        Map<String, Integer> fieldsRead;
        /** One joined value per field written: writing a field again in a loop must not grow the record. */
        Map<String, Value> fieldsWritten;
        /**
         * The fields this analysis changed, with their values after its writes, and how many times it changed each
         * (each a new version): applied when it is committed, then dropped.
         */
        Map<String, Value> fieldValues = Map.of();
        Map<String, Integer> fieldChanges = Map.of();
        Map<Object, FlowFinding> reports;
        boolean unstable;
        Summary summary;

        void readField(String key, int version) {
            if (fieldsRead == null) {
                fieldsRead = new HashMap<>();
            }
            Integer before = fieldsRead.putIfAbsent(key, version);
            if (before != null && before != version) {
                unstable = true;
            }
        }

        void wroteField(String key, Value value) {
            if (fieldsWritten == null) {
                fieldsWritten = new LinkedHashMap<>();
            }
            fieldsWritten.merge(key, value, Value::join);
        }

        void report(Object key, FlowFinding finding) {
            if (reports == null) {
                reports = new LinkedHashMap<>();
            }
            reports.putIfAbsent(key, finding);
        }

        /** What is kept of this analysis once it is committed. */
        Committed committed() {
            return new Committed(this);
        }
    }

    /**
     * What a committed analysis read, wrote and found ({@link Inputs}), in arrays: kept for every analysed method
     * until the stage ends, to tell whether analysing it again could change anything and for its findings in the
     * reporting pass. Arrays of what is there instead of the maps an analysis fills (a map, its table and a node per
     * entry), and one shared empty array for what is not: a method that read one summary and nothing else keeps
     * two small arrays.
     */
    static final class Committed {
        private static final int[] NO_INTS = {};
        private static final String[] NO_KEYS = {};
        private static final Value[] NO_VALUES = {};
        private static final Object[] NO_REPORTS = {};
        /** Marks {@link #summariesRead} as the one packed read in {@link #oneRead}. */
        private static final int[] ONE_READ = {};

        final Summary summary;
        /**
         * Each summary read: its slot, then the version read; or, where every slot is below 2^23 and every version
         * below 2^8 (nearly always), one int each, the slot shifted left by 8 above the version ({@link #packed});
         * {@link #ONE_READ} when that is a single int, kept in {@link #oneRead}. Null when the analysis read one
         * summary at two versions.
         */
        private final int[] summariesRead;
        private final int oneRead;
        private final boolean packed;
        /**
         * The fields read and their versions, the fields written and their values, the findings (each key, then its
         * finding, in the order found): {@code {String[], int[], String[], Value[], Object[]}}, or null when the
         * analysis read and wrote no field and found nothing (most).
         */
        private final Object[] rest;

        Committed(Inputs inputs) {
            this.summary = inputs.summary;
            int[] pairs = inputs.unstable ? null : inputs.summariesRead.pairs(NO_INTS);
            boolean small = pairs != null && pairs.length > 0;
            for (int i = 0; small && i < pairs.length; i += 2) {
                small = pairs[i] < 1 << 23 && pairs[i + 1] >= 0 && pairs[i + 1] < 1 << 8;
            }
            int one = 0;
            if (small) {
                int[] packedReads = new int[pairs.length / 2];
                for (int i = 0; i < packedReads.length; i++) {
                    packedReads[i] = pairs[2 * i] << 8 | pairs[2 * i + 1];
                }
                if (packedReads.length == 1) {
                    one = packedReads[0];
                    packedReads = ONE_READ;
                }
                pairs = packedReads;
            }
            this.summariesRead = pairs;
            this.oneRead = one;
            this.packed = small;
            boolean noFields = inputs.unstable || inputs.fieldsRead == null && inputs.fieldsWritten == null;
            if (noFields && inputs.reports == null) {
                rest = null;
                return;
            }
            String[] fieldsRead = NO_KEYS;
            int[] fieldVersions = NO_INTS;
            if (!inputs.unstable && inputs.fieldsRead != null) {
                fieldsRead = new String[inputs.fieldsRead.size()];
                fieldVersions = new int[fieldsRead.length];
                int i = 0;
                for (Map.Entry<String, Integer> e : inputs.fieldsRead.entrySet()) {
                    fieldsRead[i] = e.getKey();
                    fieldVersions[i++] = e.getValue();
                }
            }
            String[] fieldsWritten = NO_KEYS;
            Value[] writtenValues = NO_VALUES;
            if (!inputs.unstable && inputs.fieldsWritten != null) {
                fieldsWritten = new String[inputs.fieldsWritten.size()];
                writtenValues = new Value[fieldsWritten.length];
                int i = 0;
                for (Map.Entry<String, Value> e : inputs.fieldsWritten.entrySet()) {
                    fieldsWritten[i] = e.getKey();
                    writtenValues[i++] = e.getValue();
                }
            }
            Object[] reports = NO_REPORTS;
            if (inputs.reports != null) {
                reports = new Object[inputs.reports.size() * 2];
                int i = 0;
                for (Map.Entry<Object, FlowFinding> e : inputs.reports.entrySet()) {
                    reports[i++] = e.getKey();
                    reports[i++] = e.getValue();
                }
            }
            rest = new Object[] {fieldsRead, fieldVersions, fieldsWritten, writtenValues, reports};
        }

        /** Whether analysing the method again would give what this analysis gave (see {@link Inputs}). */
        boolean unchanged(TaintEngine engine) {
            if (summariesRead == null) {
                return false;
            }
            if (summariesRead == ONE_READ) {
                if (Versioned.version(engine.summaries.get(oneRead >>> 8)) != (oneRead & 0xFF)) {
                    return false;
                }
            } else if (packed) {
                for (int read : summariesRead) {
                    if (Versioned.version(engine.summaries.get(read >>> 8)) != (read & 0xFF)) {
                        return false;
                    }
                }
            } else {
                for (int i = 0; i < summariesRead.length; i += 2) {
                    if (Versioned.version(engine.summaries.get(summariesRead[i])) != summariesRead[i + 1]) {
                        return false;
                    }
                }
            }
            if (rest == null) {
                return true;
            }
            String[] fieldsRead = (String[]) rest[0];
            int[] fieldVersions = (int[]) rest[1];
            for (int i = 0; i < fieldsRead.length; i++) {
                if (Versioned.version(engine.fields.get(fieldsRead[i])) != fieldVersions[i]) {
                    return false;
                }
            }
            String[] fieldsWritten = (String[]) rest[2];
            Value[] writtenValues = (Value[]) rest[3];
            for (int i = 0; i < fieldsWritten.length; i++) {
                Value before = Versioned.value(engine.fields.get(fieldsWritten[i]));
                if (before == null || !before.join(writtenValues[i]).equals(before)) {
                    return false;
                }
            }
            return true;
        }

        /** Adds the findings, in the order found, each unless one of its key is there. */
        void reportInto(Map<Object, FlowFinding> findings) {
            if (rest == null) {
                return;
            }
            Object[] reports = (Object[]) rest[4];
            for (int i = 0; i < reports.length; i += 2) {
                findings.putIfAbsent(reports[i], (FlowFinding) reports[i + 1]);
            }
        }
    }

    Program program() {
        return program;
    }

    TaintModels models() {
        return models;
    }

    NameTable names() {
        return names;
    }

    Calls calls() {
        return calls;
    }

    /** The slot of a method of the program (see {@link #slotById}). */
    int slot(MethodIr method) {
        int slot = slotById.slot(method);
        if (slot < 0) {
            throw new IllegalArgumentException("not a method of the program: " + method.id());
        }
        return slot;
    }

    /** The committed summary of the method in a slot (see {@link #slot}), as the analysis on this thread reads it. */
    Summary summary(int slot) {
        Inputs reading = this.reading.get();
        Versioned<Summary> committed = summaries.get(slot);
        if (reading != null) {
            if (!reading.summariesRead.read(slot, Versioned.version(committed))) {
                reading.unstable = true;
            }
        }
        return committed == null ? Summary.UNKNOWN : committed.value();
    }

    /** A field's value as the analysis on this thread sees it: the committed one after its own writes. */
    Value field(String key) {
        Inputs reading = this.reading.get();
        Versioned<Value> committed = fields.get(key);
        if (reading == null) {
            return Versioned.value(committed);
        }
        Value own = reading.fieldValues.get(key);
        reading.readField(key, Versioned.version(committed) + reading.fieldChanges.getOrDefault(key, 0));
        return own != null ? own : Versioned.value(committed);
    }

    /** Joins a value into a field: kept with the analysis on this thread until it is committed. */
    void writeField(String key, Value value) {
        Inputs reading = this.reading.get();
        if (reading == null) {
            throw new IllegalStateException("a field written outside an analysis: " + key);
        }
        reading.wroteField(key, value);
        Value own = reading.fieldValues.get(key);
        Value before = own != null ? own : Versioned.value(fields.get(key));
        Value after = before == null ? value : before.join(value);
        if (!after.equals(before)) {
            if (reading.fieldValues.isEmpty()) {
                reading.fieldValues = new LinkedHashMap<>();
                reading.fieldChanges = new HashMap<>();
            }
            reading.fieldValues.put(key, after);
            reading.fieldChanges.merge(key, 1, Integer::sum);
        }
    }

    String flagOf(String setter) {
        return flags.get(setter);
    }

    String property(String fileName, String key) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        Map<String, String> file = propertiesFiles.get(name);
        return file == null ? null : file.get(key);
    }

    void report(Summary.Sink sink, Taint taint, MethodIr method) {
        ModelFile.KindModel kind = models.kind(sink.kind());
        String rule = kind == null ? sink.kind() : kind.rule();
        TraceStep first = taint.trace().isEmpty() ? null : taint.trace().get(0);
        Object key = List.of(rule, sink.path(), sink.line(), first == null ? "" : first.location().toString(),
                first == null ? "" : first.message());
        reading.get().report(key, new FlowFinding(rule, sink.kind(), sink.path(), sink.line(),
                sink.method(), sink.call(), taint.source(), taint.remote(), taint.trace(), null));
    }

    void reportCheck(ModelFile.CheckModel check, MethodAnalysis.Call call, String value) {
        MethodIr method = call.caller();
        Object key = List.of(check.rule(), method.path(), call.line(), call.display());
        String message = value == null ? call.display() : call.display() + " with \"" + value + "\"";
        reading.get().report(key, new FlowFinding(check.rule(), null, method.path(), call.line(),
                method.displayName(), call.display(), value, false,
                List.of(new TraceStep(new Location(method.path(), call.line(), 0, call.line(), 0, null), message)),
                check));
    }
}
