package io.jenkins.plugins.devsecops.sast.taint;

import io.jenkins.plugins.devsecops.sast.ir.ClassIr;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.NameTable;
import io.jenkins.plugins.devsecops.sast.ir.Operand;
import io.jenkins.plugins.devsecops.sast.ir.Stmt;
import io.jenkins.plugins.devsecops.sast.ir.TypeNames;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analysed program: every class and method, the class hierarchy, and call resolution over it (class-hierarchy
 * analysis: a call on a type reaches that type's method and every override in its subtypes).
 */
final class Program implements TaintModels.Hierarchy {

    private static final int MAX_TARGETS = 8;
    /**
     * How many call shapes a generation of the memo of resolved calls holds (see {@link BoundedMemo}): more than a
     * tree of 25,000 methods asks for (tree-1x: 22,247 shapes, 9,399 field names, 2,430 types' subtypes).
     */
    static final int MEMO = 1 << 15;

    private final Map<String, ClassIr> classes = new HashMap<>();
    private final Map<String, List<ClassIr>> bySimpleName = new HashMap<>();
    private final Map<String, List<MethodIr>> byNameArity = new HashMap<>();
    /** The names of the project's methods: a call to any other name resolves to nothing. */
    private final Set<String> methodNames = new HashSet<>();
    private final Map<String, Set<String>> subtypes = new HashMap<>();
    /** {@link #allSubtypes(String)} of each type asked for, memoised (the hierarchy never changes). */
    private final BoundedMemo<String, Set<String>> allSubtypes;
    private final List<MethodIr> methods = new ArrayList<>();
    /** Resolved calls, memoised (by any of the analysing threads). */
    private final BoundedMemo<ResolveKey, List<MethodIr>> resolved;

    /** How many names the analysis's own name table holds when it is given none. */
    static final int NAMES = 1 << 18;
    /** The names the memos' keys keep (see {@link NameTable}). */
    private final NameTable names;

    /** Gives a method's whole IR from the one in the units, which may be a stub whose body waits in a spool. */
    private final java.util.function.UnaryOperator<MethodIr> bodies;

    Program(List<UnitIr> units) {
        this(units, java.util.function.UnaryOperator.identity(), MEMO, new NameTable(NAMES));
    }

    /**
     * @param memo how many call shapes a generation of the memo of resolved calls holds (see {@link BoundedMemo});
     *        the memos of fields and subtypes, asked for less, hold a half and an eighth of it
     */
    Program(List<UnitIr> units, java.util.function.UnaryOperator<MethodIr> bodies, int memo, NameTable names) {
        this.bodies = bodies;
        this.names = names;
        this.allSubtypes = new BoundedMemo<>(Math.max(1, memo / 8));
        this.resolved = new BoundedMemo<>(memo);
        this.fieldRefs = new BoundedMemo<>(Math.max(1, memo / 2));
        this.fieldTypesByKey = new BoundedMemo<>(Math.max(1, memo / 8));
        for (UnitIr unit : units) {
            for (ClassIr c : unit.classes()) {
                if (classes.putIfAbsent(c.name(), c) != null) {
                    continue;
                }
                bySimpleName.computeIfAbsent(c.simpleName(), k -> new ArrayList<>(1)).add(c);
                for (MethodIr m : c.methods()) {
                    methods.add(m);
                    methodNames.add(m.name());
                    byNameArity.computeIfAbsent(m.name() + "/" + m.parameters().size(), k -> new ArrayList<>())
                            .add(m);
                }
            }
        }
        for (ClassIr c : classes.values()) {
            for (String parent : c.supertypes()) {
                ClassIr resolved = find(parent);
                subtypes.computeIfAbsent(resolved == null ? TypeNames.simple(parent) : resolved.name(),
                        k -> new HashSet<>()).add(c.name());
            }
        }
    }

    List<MethodIr> methods() {
        return methods;
    }

    /**
     * Whether a call in the project may reach the method, judged from the declared types at each call site (the
     * class hierarchy, not the analysis's values): a method no project code calls is an entry point.
     */
    boolean isCalled(MethodIr method) {
        MethodSlots known = called;
        if (known == null) {
            findCalled(null, 1);
            known = called;
        }
        return known.contains(method);
    }

    /**
     * Finds the methods some project call may reach (see {@link #isCalled}), once: the methods are split into
     * {@code threads} runs of consecutive methods, all but the first read on {@code helpers} (when not null), and
     * the callees of all are joined; the set does not depend on how the work was split.
     */
    void findCalled(java.util.concurrent.ExecutorService helpers, int threads) {
        synchronized (this) {
            if (called != null) {
                return;
            }
            int parts = helpers == null ? 1 : Math.max(1, Math.min(threads, methods.size()));
            int size = (methods.size() + parts - 1) / Math.max(1, parts);
            List<java.util.concurrent.Future<MethodSlots>> others = new ArrayList<>();
            for (int part = 1; part < parts; part++) {
                int from = part * size;
                int to = Math.min(methods.size(), from + size);
                others.add(helpers.submit(() -> calleesOf(methods.subList(Math.min(from, to), to))));
            }
            MethodSlots found = calleesOf(methods.subList(0, Math.min(size, methods.size())));
            for (java.util.concurrent.Future<MethodSlots> other : others) {
                try {
                    found.addAll(other.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while finding the called methods", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            called = found;
        }
    }

    private MethodSlots calleesOf(List<MethodIr> callers) {
        MethodSlots found = new MethodSlots();
        for (MethodIr each : callers) {
            // the whole method, read back one at a time: the units may hold stubs without bodies
            MethodIr caller = bodies.apply(each);
            collectCalls(caller, caller.body(), found, new HashMap<>());
        }
        return found;
    }

    /** The methods some project call may reach, compared by id. */
    private volatile MethodSlots called;

    private void collectCalls(MethodIr caller, List<Stmt> body, MethodSlots found, Map<String, String> created) {
        for (Stmt statement : body) {
            switch (statement) {
                case Stmt.Invoke s -> {
                    String owner = s.owner();
                    if (s.constructor() && s.target() != null && owner != null) {
                        created.put(s.target(), owner);
                    }
                    if (owner != null && owner.startsWith("super:")) {
                        List<String> supers = supertypesOf(owner.substring(6));
                        owner = supers.isEmpty() ? null : supers.get(0);
                    } else if (s.receiver() instanceof Operand.Local l && l.name().equals("this")) {
                        owner = caller.owner();
                    } else if (owner == null && s.receiver() instanceof Operand.Local l) {
                        owner = created.getOrDefault(l.name(), caller.localTypes().get(l.name()));
                    }
                    for (MethodIr target : resolve(owner, s.method(), s.args().size(), s.constructor())) {
                        found.add(target);
                    }
                }
                case Stmt.Assign s -> {
                    if (s.value() instanceof Operand.Local l && created.containsKey(l.name())) {
                        created.put(s.target(), created.get(l.name()));
                    }
                }
                case Stmt.If s -> {
                    collectCalls(caller, s.then(), found, created);
                    collectCalls(caller, s.otherwise(), found, created);
                }
                case Stmt.Loop s -> {
                    collectCalls(caller, s.header(), found, created);
                    collectCalls(caller, s.body(), found, created);
                    collectCalls(caller, s.update(), found, created);
                }
                case Stmt.Switch s -> s.cases().forEach(c -> collectCalls(caller, c.body(), found, created));
                case Stmt.Lambda s -> collectCalls(caller, s.body(), found, created);
                case Stmt.Try s -> {
                    collectCalls(caller, s.body(), found, created);
                    s.handlers().forEach(h -> collectCalls(caller, h, found, created));
                    collectCalls(caller, s.finallyBlock(), found, created);
                }
                default -> {
                }
            }
        }
    }

    /** The project class a (possibly simple) name denotes, or null. */
    ClassIr find(String name) {
        if (name == null) {
            return null;
        }
        String erased = TypeNames.erase(name);
        ClassIr exact = classes.get(erased);
        if (exact != null) {
            return exact;
        }
        List<ClassIr> candidates = bySimpleName.get(TypeNames.simple(erased));
        if (candidates == null) {
            return null;
        }
        if (!TypeNames.isQualified(erased) || candidates.size() == 1) {
            for (ClassIr c : candidates) {
                if (TypeNames.matches(c.name(), erased) || !TypeNames.isQualified(erased)) {
                    return c;
                }
            }
        }
        return null;
    }

    @Override
    public List<String> supertypesOf(String type) {
        ClassIr c = find(type);
        return c == null ? List.of() : c.supertypes();
    }

    /** Whether the type is a project class. */
    boolean isProjectType(String type) {
        return find(type) != null;
    }

    /**
     * A field as code names it from a class: the key of its store ({@link #fieldOwner} and the name) and its
     * declared type ({@link #fieldType}, null when no project class declares it).
     */
    record FieldRef(String key, String type) {
    }

    /** {@link FieldRef}s by the class and the field name they were asked for (the program never changes). */
    private final BoundedMemo<FieldName, FieldRef> fieldRefs;
    /** {@link #fieldType} by a field key ({@code pkg.Owner.field}). */
    private final BoundedMemo<String, java.util.Optional<String>> fieldTypesByKey;

    /** A class (as named at a use, possibly null or simple) and a field name: a plain memo key, see ResolveKey. */
    private static final class FieldName {
        private final String owner;
        private final String field;
        private final int hash;

        FieldName(String owner, String field) {
            this.owner = owner;
            this.field = field;
            this.hash = java.util.Objects.hashCode(owner) * 31 + field.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FieldName k && hash == k.hash && field.equals(k.field)
                    && java.util.Objects.equals(owner, k.owner);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The field a class's code names, memoised (loads and stores ask for the same few fields all along). */
    FieldRef field(String owner, String field) {
        FieldName name = new FieldName(owner, field);
        FieldRef known = fieldRefs.get(name);
        if (known == null) {
            // the memo keeps the key's names: the table's instances, not the ones read back with a method's body
            known = new FieldRef(names.name(fieldOwner(owner, field) + "." + field),
                    names.name(fieldType(owner, field)));
            fieldRefs.put(new FieldName(names.name(owner), names.name(field)), known);
        }
        return known;
    }

    /** The declared type of the field a key ({@code pkg.Owner.field}) names, as {@link #fieldType}; memoised. */
    String fieldTypeOfKey(String key) {
        java.util.Optional<String> known = fieldTypesByKey.get(key);
        if (known == null) {
            int dot = key.lastIndexOf('.');
            known = java.util.Optional.ofNullable(fieldType(key.substring(0, dot), key.substring(dot + 1)));
            fieldTypesByKey.put(key, known);
        }
        return known.orElse(null);
    }

    /** The declared type of a field of a project class (looking up its superclasses), or null. */
    String fieldType(String owner, String field) {
        ClassIr c = find(owner);
        for (int depth = 0; c != null && depth < 10; depth++) {
            String type = c.fieldTypes().get(field);
            if (type != null) {
                return type;
            }
            c = c.supertypes().isEmpty() ? null : find(c.supertypes().get(0));
        }
        return null;
    }

    /** The class that declares a field, searching superclasses; the owner itself when none does. */
    String fieldOwner(String owner, String field) {
        ClassIr c = find(owner);
        for (int depth = 0; c != null && depth < 10; depth++) {
            if (c.fieldTypes().containsKey(field)) {
                return c.name();
            }
            c = c.supertypes().isEmpty() ? null : find(c.supertypes().get(0));
        }
        ClassIr own = find(owner);
        return own == null ? owner : own.name();
    }

    /**
     * The project methods a call may reach. {@code exactType} marks a receiver whose dynamic type is known (a fresh
     * allocation), so no override in a subtype is added.
     */
    List<MethodIr> resolve(String receiverType, String method, int arity, boolean exactType) {
        if (!methodNames.contains(method)) {
            // no project method has the name (a library call): nothing to resolve, nothing to remember
            return List.of();
        }
        // the program does not change once built: each distinct call shape is resolved once
        ResolveKey memoKey = new ResolveKey(receiverType, method, arity, exactType);
        List<MethodIr> known = resolved.get(memoKey);
        if (known == null) {
            known = resolveOnce(receiverType, method, arity, exactType);
            resolved.put(new ResolveKey(names.name(receiverType), names.name(method), arity, exactType), known);
        }
        return known;
    }

    /**
     * A call shape, the key of the memo. A plain class rather than a record: a record's {@code equals} and
     * {@code hashCode} go through method handles, which the client compiler the CLI runs with does not inline, and
     * this key is looked up for every call the analysis meets.
     */
    private static final class ResolveKey {
        private final String receiverType;
        private final String method;
        private final int arity;
        private final boolean exactType;
        private final int hash;

        ResolveKey(String receiverType, String method, int arity, boolean exactType) {
            this.receiverType = receiverType;
            this.method = method;
            this.arity = arity;
            this.exactType = exactType;
            this.hash = ((receiverType == null ? 0 : receiverType.hashCode()) * 31 + method.hashCode()) * 31
                    + arity * 2 + (exactType ? 1 : 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ResolveKey k && hash == k.hash && arity == k.arity && exactType == k.exactType
                    && method.equals(k.method) && java.util.Objects.equals(receiverType, k.receiverType);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private List<MethodIr> resolveOnce(String receiverType, String method, int arity, boolean exactType) {
        String key = method + "/" + arity;
        List<MethodIr> candidates = byNameArity.get(key);
        if (candidates == null) {
            return List.of();
        }
        if (receiverType == null) {
            // unknown receiver: only a method name unique in the project is taken
            return candidates.size() == 1 ? candidates : List.of();
        }
        ClassIr start = find(receiverType);
        if (start == null) {
            return List.of();
        }
        List<MethodIr> found = new ArrayList<>();
        // the method as declared in the type or inherited from its nearest project superclass
        addNew(found, declaredIn(start, method, arity, 0));
        if (!exactType) {
            for (String sub : allSubtypes.computeIfAbsent(start.name(), this::allSubtypes)) {
                ClassIr c = classes.get(sub);
                if (c != null) {
                    addNew(found, own(c, method, arity));
                }
                if (found.size() >= MAX_TARGETS) {
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * Adds the methods not already there (equal, as a set would keep them apart), in order. The lists are short (at
     * most a few more than {@link #MAX_TARGETS}); a set hashed every method record, all its components.
     */
    private static void addNew(List<MethodIr> found, List<MethodIr> more) {
        for (MethodIr m : more) {
            boolean known = false;
            for (MethodIr f : found) {
                if (f == m || f.equals(m)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                found.add(m);
            }
        }
    }

    private List<MethodIr> declaredIn(ClassIr c, String method, int arity, int depth) {
        if (c == null || depth > 10) {
            return List.of();
        }
        List<MethodIr> own = own(c, method, arity);
        if (!own.isEmpty()) {
            return own;
        }
        for (String parent : c.supertypes()) {
            List<MethodIr> inherited = declaredIn(find(parent), method, arity, depth + 1);
            if (!inherited.isEmpty()) {
                return inherited;
            }
        }
        return List.of();
    }

    /**
     * The class's own methods of a name and arity: every overload of that arity, since a call is not told apart by
     * its argument types (each overload has its own summary, and the call joins them).
     */
    private static List<MethodIr> own(ClassIr c, String method, int arity) {
        List<MethodIr> found = new ArrayList<>(1);
        for (MethodIr m : c.methods()) {
            if (m.parameters().size() == arity && m.name().equals(method)) {
                found.add(m);
            }
        }
        return found;
    }

    private Set<String> allSubtypes(String type) {
        Set<String> all = new LinkedHashSet<>();
        List<String> work = new ArrayList<>(List.of(type));
        while (!work.isEmpty() && all.size() < 200) {
            String next = work.remove(work.size() - 1);
            for (String sub : subtypes.getOrDefault(next, Set.of())) {
                if (all.add(sub)) {
                    work.add(sub);
                }
            }
            for (String sub : subtypes.getOrDefault(TypeNames.simple(next), Set.of())) {
                if (all.add(sub)) {
                    work.add(sub);
                }
            }
        }
        return all;
    }
}
