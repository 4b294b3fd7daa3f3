package io.jenkins.plugins.devsecops.sast.taint;

import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.TraceStep;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.Operand;
import io.jenkins.plugins.devsecops.sast.ir.Stmt;
import io.jenkins.plugins.devsecops.sast.ir.TypeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flow-sensitive taint and constant analysis of one method: an abstract interpreter over the structured IR.
 * Branches whose condition folds to a constant are not entered; loops run to a fixpoint (at most
 * {@link #LOOP_ROUNDS} rounds); calls go through summaries of project methods and the models of library methods.
 * A method that takes more than {@link #MAX_STEPS} steps is abandoned with a note.
 */
final class MethodAnalysis {

    static final int LOOP_ROUNDS = 3;
    static final int MAX_STEPS = 400_000;
    /** The prefix of the variables holding this method's own view of static fields it assigned. */
    static final String STATIC = "$static:";

    /** The most fields one summary records symbolic writes to. */
    static final int MAX_FIELD_WRITES = 64;

    /** Thrown when the step budget is exhausted. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("analysis budget exceeded", null, false, false);
        }
    }

    /**
     * The variables of one analysis, each with its index in the value arrays of that analysis's {@link State}s: a
     * state is then an array, copied, joined and compared element by element instead of hashed key by key. Names are
     * added as the analysis first writes them (locals, parameters, its view of static fields); never removed.
     */
    static final class Names {
        private final Map<String, Integer> index = new HashMap<>();
        private boolean[] statics = new boolean[16];
        private int size;

        /** The name's index, or -1 when no state of the analysis has held it. */
        int indexOf(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }

        int add(String name) {
            Integer known = index.get(name);
            if (known != null) {
                return known;
            }
            int i = size++;
            index.put(name, i);
            if (i >= statics.length) {
                statics = java.util.Arrays.copyOf(statics, statics.length * 2);
            }
            statics[i] = name.startsWith(STATIC);
            return i;
        }

        /** Whether the variable at an index is this method's view of a static field ({@link #STATIC}). */
        boolean isStatic(int i) {
            return statics[i];
        }

        int size() {
            return size;
        }

        String name(int i) {
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                if (e.getValue() == i) {
                    return e.getKey();
                }
            }
            throw new IllegalArgumentException("no variable " + i);
        }
    }

    /**
     * The variables' values at one point; {@code dead} when no path reaches it. The values are kept by the
     * analysis's {@link Names} index in chunks of {@link #CHUNK} (null: the variable holds nothing here), under a
     * table of chunks. A copy shares the table and every chunk with the state it was copied from; a write then
     * copies the table and the one chunk it changes (copy on write): a branch without an else, the state before a
     * loop round, a {@code break} or {@code continue} are copied to be read and joined, never written, and the states
     * of two paths that changed a few variables share the other chunks, which a join or a comparison skips. A join
     * that changes nothing writes nothing.
     */
    static final class State {
        private static final int SHIFT = 5;
        /** Variables per chunk. */
        static final int CHUNK = 1 << SHIFT;
        private static final Value[][] NONE = new Value[0][];
        private final Names names;
        /** The chunks of values by index; a missing or null chunk holds nothing. */
        private Value[][] chunks;
        /** Which chunks this state may write in place; meaningful only while {@link #shared} is false. */
        private boolean[] owned;
        /** How many variables hold a value (the non-null values). */
        private int count;
        /** Whether {@link #chunks} may be shared with another state, so that a write must copy it first. */
        private boolean shared;
        boolean dead;

        State(Names names, boolean dead) {
            this(names, NONE, 0, dead);
            shared = true;
        }

        private State(Names names, Value[][] chunks, int count, boolean dead) {
            this.names = names;
            this.chunks = chunks;
            this.count = count;
            this.dead = dead;
        }

        /** A state holding the variables given, for tests. */
        static State of(Names names, Map<String, Value> vars, boolean dead) {
            State state = new State(names, dead);
            vars.forEach(state::put);
            return state;
        }

        State copy() {
            shared = true;
            State copy = new State(names, chunks, count, dead);
            copy.shared = true;
            return copy;
        }

        /** Whether this state and another share their values (neither written since one was copied). */
        boolean sharesValuesWith(State other) {
            return chunks == other.chunks;
        }

        /** The variables' values, as a new map (for tests and messages). */
        Map<String, Value> vars() {
            Map<String, Value> vars = new LinkedHashMap<>();
            for (int c = 0; c < chunks.length; c++) {
                Value[] chunk = chunks[c];
                for (int j = 0; chunk != null && j < CHUNK; j++) {
                    if (chunk[j] != null) {
                        vars.put(names.name((c << SHIFT) + j), chunk[j]);
                    }
                }
            }
            return vars;
        }

        private Value at(int i) {
            int c = i >>> SHIFT;
            Value[] chunk = c < chunks.length ? chunks[c] : null;
            return chunk == null ? null : chunk[i & (CHUNK - 1)];
        }

        Value get(String name) {
            int i = names.indexOf(name);
            return i < 0 ? null : at(i);
        }

        /** Whether the variable holds a value here. */
        boolean has(String name) {
            return get(name) != null;
        }

        /** The chunk holding an index, writable by this state alone (the table and the chunk copied if shared). */
        private Value[] writable(int i) {
            int c = i >>> SHIFT;
            if (shared || c >= chunks.length) {
                int length = Math.max(chunks.length, Math.max(c + 1, (names.size() + CHUNK - 1) >>> SHIFT));
                boolean[] mine = new boolean[length];
                if (!shared && owned != null) {
                    System.arraycopy(owned, 0, mine, 0, owned.length);
                }
                chunks = java.util.Arrays.copyOf(chunks, length);
                owned = mine;
                shared = false;
            }
            Value[] chunk = chunks[c];
            if (!owned[c]) {
                chunk = chunk == null ? new Value[CHUNK] : chunk.clone();
                chunks[c] = chunk;
                owned[c] = true;
            }
            return chunk;
        }

        private void set(int i, Value value) {
            writable(i)[i & (CHUNK - 1)] = value;
        }

        /** Sets a variable (values are never null). */
        void put(String name, Value value) {
            int i = names.add(name);
            if (at(i) == null) {
                count++;
            }
            set(i, value);
        }

        void remove(String name) {
            int i = names.indexOf(name);
            if (i >= 0 && at(i) != null) {
                set(i, null);
                count--;
            }
        }

        /** Takes another state's values and deadness (the other is not used afterwards but may be read). */
        void replaceWith(State other) {
            chunks = other.chunks;
            count = other.count;
            shared = true;
            other.shared = true;
            dead = other.dead;
        }

        int size() {
            return count;
        }

        static State deadState(Names names) {
            return new State(names, true);
        }

        /**
         * Joins another state into this one. A static field's value known on one path only is forgotten (read
         * again as the caller's value), not taken from that path.
         */
        void join(State other) {
            if (other.dead) {
                return;
            }
            if (dead) {
                replaceWith(other);
                return;
            }
            Value[][] theirs = other.chunks;
            if (theirs == chunks) {
                // every value joined with itself: nothing changes
                return;
            }
            int n = Math.max(chunks.length, theirs.length);
            for (int c = 0; c < n; c++) {
                Value[] a = c < chunks.length ? chunks[c] : null;
                Value[] b = c < theirs.length ? theirs[c] : null;
                if (a == b) {
                    // the same chunk: each value joined with itself
                    continue;
                }
                int base = c << SHIFT;
                for (int j = 0; j < CHUNK; j++) {
                    Value x = a == null ? null : a[j];
                    Value y = b == null ? null : b[j];
                    if (x == y) {
                        // both absent, or one value joined with itself
                        continue;
                    }
                    if (y == null) {
                        if (names.isStatic(base + j)) {
                            set(base + j, null);
                            count--;
                        }
                    } else if (x == null) {
                        if (!names.isStatic(base + j)) {
                            set(base + j, y);
                            count++;
                        }
                    } else {
                        Value joined = x.join(y);
                        if (joined != x) {
                            set(base + j, joined);
                        }
                    }
                    // a write may have copied this state's chunk: read on from the current one
                    a = c < chunks.length ? chunks[c] : null;
                }
            }
        }

        boolean sameAs(State other) {
            if (dead != other.dead || count != other.count) {
                return false;
            }
            Value[][] theirs = other.chunks;
            if (theirs == chunks) {
                return true;
            }
            int n = Math.max(chunks.length, theirs.length);
            for (int c = 0; c < n; c++) {
                Value[] a = c < chunks.length ? chunks[c] : null;
                Value[] b = c < theirs.length ? theirs[c] : null;
                if (a == b) {
                    continue;
                }
                for (int j = 0; j < CHUNK; j++) {
                    Value x = a == null ? null : a[j];
                    Value y = b == null ? null : b[j];
                    if (x != y && (x == null || y == null || !x.equals(y))) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private final TaintEngine engine;
    private final MethodIr method;
    private final boolean reporting;
    private final List<Summary.ParamSink> paramSinks = new ArrayList<>();
    /**
     * The sinks reached so far with each placeholder identity ({@link Taint#key}): one entry per pair. A second path
     * to the same sink from the same parameter (same sanitisation) reports nothing new at a caller (a finding is
     * keyed by the caller's source and the sink), and keeping every path let a recursion add one more each round.
     */
    private final java.util.Set<List<Object>> paramSinksSeen = new java.util.HashSet<>();
    /** The symbolic field writes so far, one joined value per field, at most {@link #MAX_FIELD_WRITES} fields. */
    private final Map<String, Value> fieldWrites = new LinkedHashMap<>();
    private final java.util.Set<String> staticsWritten = new java.util.TreeSet<>();
    private Value returned;
    private int steps;
    /** The variables of this analysis's states. */
    private final Names names = new Names();
    private final List<State> breaks = new ArrayList<>();
    private final List<State> continues = new ArrayList<>();
    /** The lambdas and method references of this method, by the id their function values carry. */
    private Map<Stmt.Lambda, String> functionIds = Map.of();
    private final Map<String, Stmt.Lambda> functions = new HashMap<>();
    private int applying;
    private Boolean called;

    MethodAnalysis(TaintEngine engine, MethodIr method, boolean reporting) {
        this.engine = engine;
        this.method = method;
        this.reporting = reporting;
    }

    Summary run() {
        State state = new State(names, false);
        state.put("this", Value.ofType(method.owner()));
        for (int i = 0; i < method.parameters().size(); i++) {
            String type = method.parameterTypes().get(i);
            Value value = Value.tainted(Taint.parameter(i).step(step(method.line(),
                    "parameter " + method.parameters().get(i) + " of " + method.displayName()))).withType(type);
            ModelFile.SourceModel source = null;
            for (String annotation : method.parameterAnnotations().get(i)) {
                source = source != null ? source : engine.models().parameterSource(annotation);
            }
            if (source != null && !isNumeric(type)) {
                Taint real = Taint.of(source.id(), !Boolean.FALSE.equals(source.remote()), step(method.line(),
                        "source: parameter " + method.parameters().get(i) + " (@"
                                + String.join(" @", method.parameterAnnotations().get(i)) + ")"));
                List<Taint> both = new ArrayList<>(value.taints);
                both.add(real);
                value = value.withTaints(both);
            }
            state.put(method.parameters().get(i), value);
        }
        exec(method.body(), state);
        List<Summary.FieldWrite> writes = new ArrayList<>(fieldWrites.size());
        fieldWrites.forEach((key, value) -> writes.add(new Summary.FieldWrite(key, value)));
        if (returned == null && paramSinks.isEmpty() && writes.isEmpty() && staticsWritten.isEmpty()) {
            return Summary.NOTHING;
        }
        return new Summary(returned == null ? Value.constant(null) : returned, paramSinks, writes,
                List.copyOf(staticsWritten));
    }

    private TraceStep step(int line, String message) {
        return new TraceStep(new Location(method.path(), line, 0, line, 0, null), message);
    }

    private void tick() {
        tick(1);
    }

    /** Counts work: one per statement, one per variable copied at a branch, so huge methods stay bounded. */
    private void tick(int work) {
        steps += work;
        if (steps > MAX_STEPS) {
            throw new BudgetExceeded();
        }
    }

    private Value eval(Operand operand, State state) {
        if (operand == null) {
            return Value.UNKNOWN;
        }
        if (operand instanceof Operand.Const c) {
            return Value.constant(c.value());
        }
        Value v = state.get(((Operand.Local) operand).name());
        return v == null ? Value.UNKNOWN : v;
    }

    private void exec(List<Stmt> statements, State state) {
        // by index: the IR's lists are random access, and an iterator per block is an allocation the client
        // compiler does not remove
        for (int i = 0, n = statements.size(); i < n; i++) {
            if (state.dead) {
                return;
            }
            tick();
            exec(statements.get(i), state);
        }
    }

    private void exec(Stmt statement, State state) {
        switch (statement) {
            case Stmt.Assign s -> assign(state, s.target(), eval(s.value(), state));
            case Stmt.Binary s -> assign(state, s.target(), Folding.binary(s.op(), eval(s.left(), state),
                    eval(s.right(), state)));
            case Stmt.Unary s -> assign(state, s.target(), unary(s, eval(s.operand(), state)));
            case Stmt.Invoke s -> invoke(s, state);
            case Stmt.Load s -> assign(state, s.target(), load(s, state));
            case Stmt.Store s -> store(s, state);
            case Stmt.LoadIndex s -> assign(state, s.target(), loadIndex(eval(s.array(), state),
                    eval(s.index(), state)));
            case Stmt.StoreIndex s -> storeIndex(s, state);
            case Stmt.NewArray s -> {
                Value array = Value.ofType("array");
                for (int i = 0; i < s.elements().size(); i++) {
                    array = array.withSlot((long) i, eval(s.elements().get(i), state));
                }
                assign(state, s.target(), array);
            }
            case Stmt.Lambda s -> assign(state, s.target(), function(s));
            case Stmt.If s -> branch(s, state);
            case Stmt.Loop s -> loop(s, state);
            case Stmt.Switch s -> switchStatement(s, state);
            case Stmt.Try s -> tryStatement(s, state);
            case Stmt.Return s -> {
                if (s.value() != null) {
                    Value v = eval(s.value(), state);
                    returned = returned == null ? v : returned.join(v);
                }
                state.dead = true;
            }
            case Stmt.Throw s -> state.dead = true;
            case Stmt.Break s -> {
                breaks.add(state.copy());
                state.dead = true;
            }
            case Stmt.Continue s -> {
                continues.add(state.copy());
                state.dead = true;
            }
        }
    }

    private static void assign(State state, String target, Value value) {
        if (target != null) {
            state.put(target, value);
        }
    }

    private Value unary(Stmt.Unary s, Value operand) {
        String op = s.op();
        if (op.startsWith("cast:")) {
            String type = op.substring(5);
            Object folded = Folding.cast(type, operand.constant);
            Value cast = operand.withConstant(folded);
            return isPrimitiveNumber(type) ? cast.withTaints(List.of()).withType(type) : cast.withType(
                    operand.type != null && operand.type.startsWith("=") ? operand.type : type);
        }
        if (op.equals("instanceof")) {
            return Value.UNKNOWN;
        }
        return Folding.unary(op, operand);
    }

    /** Whether values of the type are numbers or booleans, which carry no injectable text. */
    static boolean isNumeric(String type) {
        if (type == null) {
            return false;
        }
        return isPrimitiveNumber(type) || switch (io.jenkins.plugins.devsecops.sast.ir.TypeNames.simple(type)) {
            case "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "BigDecimal", "BigInteger",
                    "UUID", "LocalDate", "LocalDateTime", "Instant" -> true;
            default -> false;
        };
    }

    private static boolean isPrimitiveNumber(String type) {
        return switch (type) {
            case "int", "long", "short", "byte", "double", "float", "boolean" -> true;
            default -> false;
        };
    }

    // ---- control flow ----

    private void branch(Stmt.If s, State state) {
        Value condition = eval(s.condition(), state);
        if (Boolean.TRUE.equals(condition.constant)) {
            exec(s.then(), state);
            return;
        }
        if (Boolean.FALSE.equals(condition.constant)) {
            exec(s.otherwise(), state);
            return;
        }
        tick(state.size());
        State other = state.copy();
        exec(s.then(), state);
        exec(s.otherwise(), other);
        state.join(other);
    }

    private void loop(Stmt.Loop s, State state) {
        List<State> outerBreaks = new ArrayList<>(breaks);
        List<State> outerContinues = new ArrayList<>(continues);
        breaks.clear();
        continues.clear();
        State exit = State.deadState(names);
        State current = state.copy();
        boolean first = true;
        for (int round = 0; round < LOOP_ROUNDS && !current.dead; round++) {
            tick(3 * current.size());
            State before = current.copy();
            boolean enter = true;
            if (!(s.bodyFirst() && first)) {
                exec(s.header(), current);
                if (s.condition() != null) {
                    Value condition = eval(s.condition(), current);
                    if (Boolean.FALSE.equals(condition.constant)) {
                        enter = false;
                        exit.join(current);
                    } else if (!Boolean.TRUE.equals(condition.constant)) {
                        exit.join(current);
                    }
                }
            }
            first = false;
            if (!enter) {
                break;
            }
            State body = current.copy();
            exec(s.body(), body);
            for (State c : continues) {
                body.join(c);
            }
            continues.clear();
            exec(s.update(), body);
            if (body.dead) {
                break;
            }
            State next = before.copy();
            next.join(body);
            if (next.sameAs(before)) {
                break;
            }
            current = next;
            if (round == LOOP_ROUNDS - 1 && s.condition() != null) {
                exit.join(current);
            }
        }
        for (State b : breaks) {
            exit.join(b);
        }
        breaks.clear();
        breaks.addAll(outerBreaks);
        continues.clear();
        continues.addAll(outerContinues);
        state.replaceWith(exit);
    }

    private void switchStatement(Stmt.Switch s, State state) {
        Value selector = eval(s.selector(), state);
        List<State> outerBreaks = new ArrayList<>(breaks);
        breaks.clear();
        List<Stmt.Case> cases = s.cases();
        int chosen = -1;
        if (selector.isConstant()) {
            for (int i = 0; i < cases.size() && chosen < 0; i++) {
                for (Object label : cases.get(i).labels()) {
                    if (Folding.sameConstant(label, selector.constant)) {
                        chosen = i;
                    }
                }
            }
            if (chosen < 0) {
                for (int i = 0; i < cases.size(); i++) {
                    if (cases.get(i).isDefault()) {
                        chosen = i;
                    }
                }
            }
        }
        State exit = State.deadState(names);
        if (selector.isConstant()) {
            if (chosen < 0) {
                exit.join(state);
            } else {
                State current = state.copy();
                for (int i = chosen; i < cases.size() && !current.dead; i++) {
                    exec(cases.get(i).body(), current);
                    if (!s.fallsThrough()) {
                        break;
                    }
                }
                exit.join(current);
            }
        } else {
            boolean hasDefault = cases.stream().anyMatch(Stmt.Case::isDefault);
            State fall = State.deadState(names);
            for (Stmt.Case c : cases) {
                tick(state.size());
                State current = state.copy();
                if (s.fallsThrough()) {
                    current.join(fall);
                }
                exec(c.body(), current);
                fall = current;
                if (!s.fallsThrough()) {
                    exit.join(current);
                }
            }
            if (s.fallsThrough()) {
                exit.join(fall);
            }
            if (!hasDefault) {
                exit.join(state);
            }
        }
        for (State b : breaks) {
            exit.join(b);
        }
        breaks.clear();
        breaks.addAll(outerBreaks);
        state.replaceWith(exit);
    }

    private void tryStatement(Stmt.Try s, State state) {
        tick(3 * state.size());
        State entry = state.copy();
        exec(s.body(), state);
        State handlersEntry = entry.copy();
        handlersEntry.join(state);
        State after = state.copy();
        for (List<Stmt> handler : s.handlers()) {
            State h = handlersEntry.copy();
            exec(handler, h);
            after.join(h);
        }
        if (!s.finallyBlock().isEmpty()) {
            State f = after.dead ? handlersEntry.copy() : after;
            boolean wasDead = after.dead;
            exec(s.finallyBlock(), f);
            if (wasDead) {
                f.dead = true;
            }
            after = f;
        }
        state.replaceWith(after);
    }

    // ---- functions ----

    /** The slot of a function value naming its lambda ({@code method id#n}). */
    static final String FUNCTION = "$function";
    private static final int MAX_NESTED_APPLICATIONS = 6;
    /** Calls that return what their function argument returns (for each element, or once). */
    private static final java.util.Set<String> MAPPERS = java.util.Set.of("map", "flatMap", "mapToObj",
            "mapMulti", "thenApply", "thenCompose", "thenApplyAsync", "handle");
    private static final java.util.Set<String> PRODUCERS = java.util.Set.of("orElseGet", "computeIfAbsent",
            "compute", "computeIfPresent", "merge", "supplyAsync", "or", "orElseThrow", "submit", "call", "execute",
            "replaceAll", "reduce", "collect");
    /** The single abstract methods that apply a function value. */
    private static final java.util.Set<String> APPLY = java.util.Set.of("run", "get", "call", "apply", "accept",
            "test", "applyAsInt", "applyAsLong", "applyAsDouble", "getAsInt", "getAsLong", "getAsDouble",
            "getAsBoolean");

    private Value function(Stmt.Lambda lambda) {
        if (functionIds.isEmpty()) {
            // made at the first lambda: most methods have none, and an identity map allocates its table at once
            functionIds = new java.util.IdentityHashMap<>();
        }
        String id = functionIds.computeIfAbsent(lambda, l -> method.id() + "#" + functionIds.size());
        functions.put(id, lambda);
        return Value.ofType("lambda").withSlot(FUNCTION, Value.constant(id));
    }

    private Stmt.Lambda lambdaOf(Value value) {
        Value id = value == null ? null : value.slots.get(FUNCTION);
        return id != null && id.constant instanceof String s ? functions.get(s) : null;
    }

    /**
     * Runs a function's body where it is applied: its parameters bound to the arguments, the enclosing method's
     * locals as they are here; its returns give the result. Null when the value is not a function of this method.
     */
    private Value apply(Value function, List<Value> args, State state) {
        Stmt.Lambda lambda = lambdaOf(function);
        if (lambda == null || applying >= MAX_NESTED_APPLICATIONS) {
            return null;
        }
        tick(state.size());
        State inner = state.copy();
        for (int i = 0; i < lambda.parameters().size(); i++) {
            inner.put(lambda.parameters().get(i), i < args.size() ? args.get(i) : Value.UNKNOWN);
        }
        Value outerReturned = returned;
        List<State> outerBreaks = new ArrayList<>(breaks);
        List<State> outerContinues = new ArrayList<>(continues);
        returned = null;
        applying++;
        try {
            exec(lambda.body(), inner);
            return returned == null ? Value.UNKNOWN : returned;
        } finally {
            applying--;
            returned = outerReturned;
            breaks.clear();
            breaks.addAll(outerBreaks);
            continues.clear();
            continues.addAll(outerContinues);
        }
    }

    /** What a library call passes to a function argument: the elements of its receiver (or of its arguments). */
    private static Value elementOf(Value receiver, List<Value> args) {
        Value source = receiver;
        if (source == null) {
            for (Value arg : args) {
                if (arg.slots.get(FUNCTION) == null) {
                    source = source == null ? arg : source.join(arg);
                }
            }
        }
        if (source == null) {
            return Value.UNKNOWN;
        }
        Value contents = source.contents();
        return contents != null ? contents : Value.UNKNOWN.withTaints(source.deepTaints());
    }

    // ---- heap ----

    private Value load(Stmt.Load s, State state) {
        String staticKey = projectStatic(s.base(), s.owner(), s.field());
        if (staticKey != null) {
            return staticValue(staticKey, state, s.line());
        }
        if (s.base() == null || (s.base() instanceof Operand.Local l && l.name().equals("this"))) {
            String owner = s.owner() != null ? s.owner() : method.owner();
            Value local = s.base() == null ? null : eval(s.base(), state).slots.get("f:" + s.field());
            Program.FieldRef field = engine.program().field(owner, s.field());
            Value global = engine.field(field.key());
            Value result = local != null ? local : global != null ? global : Value.UNKNOWN;
            String type = field.type();
            return result.type == null && type != null ? result.withType(type) : result;
        }
        Value base = eval(s.base(), state);
        Value slot = base.slot("f:" + s.field());
        if (slot != null) {
            return slot;
        }
        String baseType = typeName(base.type);
        if (baseType != null && engine.program().isProjectType(baseType)) {
            Value global = engine.field(engine.program().field(baseType, s.field()).key());
            if (global != null) {
                return global;
            }
        }
        return base.isTainted() ? Value.UNKNOWN.withTaints(base.taints) : Value.UNKNOWN;
    }

    private void store(Stmt.Store s, State state) {
        Value value = eval(s.value(), state);
        String staticKey = projectStatic(s.base(), s.owner(), s.field());
        if (staticKey != null) {
            state.put(STATIC + staticKey, value);
            staticsWritten.add(staticKey);
        }
        boolean onThis = s.base() instanceof Operand.Local l && l.name().equals("this");
        if (s.base() == null || onThis) {
            String owner = s.owner() != null ? s.owner() : method.owner();
            String key = engine.program().field(owner, s.field()).key();
            writeField(key, value);
            if (onThis) {
                state.put("this", eval(s.base(), state).withSlot("f:" + s.field(), value));
            }
            return;
        }
        Value base = eval(s.base(), state);
        if (s.base() instanceof Operand.Local l) {
            state.put(l.name(), base.withSlot("f:" + s.field(), value));
        }
        String baseType = typeName(base.type);
        if (baseType != null && engine.program().isProjectType(baseType)) {
            writeField(engine.program().field(baseType, s.field()).key(), value);
        }
    }

    /** {@code Owner.field} of a field key {@code pkg.Owner.field}. */
    static String fieldDisplay(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : TypeNames.simple(key.substring(0, dot)) + key.substring(dot);
    }

    /** The key of a static field declared in a project class, or null. */
    private String projectStatic(Operand base, String owner, String field) {
        if (base != null) {
            return null;
        }
        String declaring = owner != null ? owner : method.owner();
        Program.FieldRef ref = engine.program().field(declaring, field);
        return ref.type() == null ? null : ref.key();
    }

    /**
     * The value of a project static field here: what this method last assigned to it on every path; else, in a
     * method that project code calls, a placeholder each caller replaces with its own view of the field (static
     * fields are implicit parameters); else (an entry point) the join of every value the program writes to it.
     */
    private Value staticValue(String key, State state, int line) {
        Value own = state.get(STATIC + key);
        if (own != null) {
            return own;
        }
        Value global = engine.field(key);
        String type = engine.program().fieldTypeOfKey(key);
        if (isCalled() && (global == null || global.slots.isEmpty() && global.any == null)) {
            Value base = global == null ? Value.UNKNOWN : global;
            global = base.withTaints(List.of(Taint.staticField(key).step(step(line,
                    "static field " + fieldDisplay(key) + " read in " + method.displayName()))));
        }
        Value result = global != null ? global : Value.UNKNOWN;
        return result.type == null && type != null ? result.withType(type) : result;
    }

    /** Whether project code may call this method ({@link Program#isCalled}), asked once per analysis. */
    private boolean isCalled() {
        if (called == null) {
            called = engine.program().isCalled(method);
        }
        return called;
    }

    private void writeField(String key, Value value) {
        boolean symbolic = value.deepTaints().stream().anyMatch(Taint::isPlaceholder);
        if (symbolic) {
            // joined per field: a loop or a chain of callers writing the same field again must not grow the summary
            Value before = fieldWrites.get(key);
            if (before != null) {
                fieldWrites.put(key, before.join(value));
            } else if (fieldWrites.size() < MAX_FIELD_WRITES) {
                fieldWrites.put(key, value);
            }
            List<Taint> real = value.deepTaints().stream().filter(t -> !t.isPlaceholder()).toList();
            engine.writeField(key, value.withoutSlots().withTaints(real));
        } else {
            engine.writeField(key, value);
        }
    }

    private static Value loadIndex(Value array, Value index) {
        Value found = index.isConstant() && index.constant instanceof Long ? array.slot(index.constant)
                : array.contents();
        if (found == null) {
            return array.isTainted() ? Value.UNKNOWN.withTaints(array.taints) : Value.UNKNOWN;
        }
        return found;
    }

    private void storeIndex(Stmt.StoreIndex s, State state) {
        if (!(s.array() instanceof Operand.Local l)) {
            return;
        }
        Value array = eval(s.array(), state);
        Value index = eval(s.index(), state);
        Value value = eval(s.value(), state);
        state.put(l.name(), index.isConstant() ? array.withSlot(index.constant, value) : array.withAny(value));
    }

    static String typeName(String type) {
        return type == null ? null : type.startsWith("=") ? type.substring(1) : type;
    }

    // ---- calls ----

    private void invoke(Stmt.Invoke s, State state) {
        Value receiver = s.receiver() == null ? null : eval(s.receiver(), state);
        List<Operand> operands = s.args();
        List<Value> args = new ArrayList<>(operands.size());
        for (int i = 0, n = operands.size(); i < n; i++) {
            args.add(eval(operands.get(i), state));
        }
        String declared = s.owner() != null && s.owner().startsWith("super:") ? null : s.owner();
        String receiverType = s.constructor() ? s.owner()
                : receiver != null && receiver.type != null && !receiver.type.equals("array")
                        ? typeName(receiver.type) : declared;
        boolean exact = receiver != null && receiver.type != null && receiver.type.startsWith("=");
        if (s.owner() != null && s.owner().startsWith("super:")) {
            receiverType = firstSuper(s.owner().substring(6));
        }
        Call call = new Call(s, receiver, args, receiverType, exact, state);
        Value applied = lambdaOf(receiver) != null && APPLY.contains(s.method()) ? apply(receiver, args, state) : null;
        Value functionResults = null;
        for (int i = 0, n = args.size(); i < n; i++) {
            Value arg = args.get(i);
            if (lambdaOf(arg) != null) {
                Value element = elementOf(receiverType != null && engine.program().isProjectType(receiverType)
                        ? null : receiver, args);
                Value r = apply(arg, List.of(element, element, element), state);
                if (r != null) {
                    functionResults = functionResults == null ? r : functionResults.join(r);
                }
            }
        }
        Value result = engine.calls().apply(this, call);
        if (applied != null) {
            result = applied;
        } else if (functionResults != null && MAPPERS.contains(s.method())) {
            Value mapped = s.method().startsWith("flatMap") && functionResults.contents() != null
                    ? functionResults.contents() : functionResults;
            result = Value.ofType(result.type != null && result.type.contains("Optional") ? result.type
                    : "java.util.Iterator").withAny(mapped);
        } else if (functionResults != null && PRODUCERS.contains(s.method())) {
            result = result.join(functionResults);
        }
        assign(state, s.target(), result);
    }

    private String firstSuper(String owner) {
        List<String> supers = engine.program().supertypesOf(owner);
        return supers.isEmpty() ? null : supers.get(0);
    }

    /** One call being analysed: what {@link Calls} needs to know and to change. */
    final class Call {
        final Stmt.Invoke site;
        final Value receiver;
        final List<Value> args;
        final String receiverType;
        final boolean exactType;
        private final State state;

        Call(Stmt.Invoke site, Value receiver, List<Value> args, String receiverType, boolean exactType,
                State state) {
            this.site = site;
            this.receiver = receiver;
            this.args = args;
            this.receiverType = receiverType;
            this.exactType = exactType;
            this.state = state;
        }

        Value arg(int i) {
            return i < args.size() ? args.get(i) : Value.UNKNOWN;
        }

        /** Replaces the receiver's value (a mutating call such as {@code append} or {@code add}). */
        void updateReceiver(Value value) {
            if (site.receiver() instanceof Operand.Local l) {
                state.put(l.name(), value);
            }
        }

        /** Replaces an argument's value (a call that fills it, e.g. {@code setSecure} on a cookie). */
        void updateArg(int i, Value value) {
            if (i < site.args().size() && site.args().get(i) instanceof Operand.Local l) {
                state.put(l.name(), value);
            }
        }

        TraceStep step(String message) {
            return MethodAnalysis.this.step(site.line(), message);
        }

        String display() {
            String type = receiverType == null ? "" : TypeNames.simple(receiverType) + ".";
            return site.constructor() ? "new " + TypeNames.simple(site.owner()) + "(...)"
                    : type + site.method() + "(...)";
        }

        int line() {
            return site.line();
        }

        MethodIr caller() {
            return method;
        }

        boolean reporting() {
            return reporting;
        }

        /** A taint reached a sink: a finding, or for a parameter placeholder an entry of the summary. */
        void sinkReached(Summary.Sink sink, Taint taint) {
            if (taint.isPlaceholder()) {
                if (paramSinks.size() < 32 && paramSinksSeen.add(List.of(sink, taint.key()))) {
                    paramSinks.add(new Summary.ParamSink(sink, taint));
                }
            } else if (reporting) {
                engine.report(sink, taint, method);
            }
        }

        void fieldWrite(String key, Value value) {
            writeField(key, value);
        }

        /** Adds taints to the locals a stream wraps (following {@link Calls#WRAPS}, a few levels deep). */
        void taintWrapped(Value stream, List<Taint> taints) {
            Value current = stream;
            for (int depth = 0; depth < 4 && current != null; depth++) {
                Value wrapped = current.slots.get(Calls.WRAPS);
                if (wrapped == null || !(wrapped.constant instanceof String name) || !state.has(name)
                        || !Calls.isSinkStreamValue(state.get(name))) {
                    return;
                }
                Value inner = state.get(name);
                List<Taint> all = new ArrayList<>(inner.taints);
                all.addAll(taints);
                state.put(name, inner.withTaints(all));
                current = inner;
            }
        }

        /** The caller's view of a static field, for a callee that reads it. */
        Value staticValue(String key) {
            return MethodAnalysis.this.staticValue(key, state, site.line());
        }

        /**
         * The callee may have assigned these static fields: this method's own view of each becomes every value
         * the program writes to it, with what the callee wrote from this call's arguments.
         */
        void staticsWritten(List<String> keys, Map<String, Value> written) {
            for (String key : keys) {
                staticsWritten.add(key);
                Value global = engine.field(key);
                Value mine = written.get(key);
                Value now = global == null ? mine : mine == null ? global : global.join(mine);
                if (now == null) {
                    state.remove(STATIC + key);
                } else {
                    state.put(STATIC + key, now);
                }
            }
        }
    }
}
