package io.jenkins.plugins.devsecops.sast.taint;

import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.NameTable;
import io.jenkins.plugins.devsecops.sast.ir.Operand;
import io.jenkins.plugins.devsecops.sast.ir.TypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a call does to values: value checks and sinks on its arguments, then its result through the callee's summary
 * (project methods) or the library models and the built-in semantics of strings, builders, collections, maps,
 * {@code Properties} and {@code Optional}.
 */
final class Calls {

    private static final Set<String> STRING_TYPES = Set.of("String", "CharSequence");
    private static final Set<String> BUILDER_TYPES = Set.of("StringBuilder", "StringBuffer", "StringWriter",
            "StringJoiner");
    private static final Set<String> LIST_TYPES = Set.of("List", "ArrayList", "LinkedList", "Vector", "Stack",
            "Collection", "Set", "HashSet", "TreeSet", "LinkedHashSet", "SortedSet", "Queue", "Deque", "ArrayDeque",
            "Iterable", "Iterator", "ListIterator", "Enumeration", "Stream", "Optional", "CopyOnWriteArrayList",
            "PriorityQueue");
    private static final Set<String> MAP_TYPES = Set.of("Map", "HashMap", "TreeMap", "LinkedHashMap", "Hashtable",
            "ConcurrentHashMap", "SortedMap", "NavigableMap", "Properties", "MultivaluedMap", "MultiValueMap",
            "Entry");
    /** String methods whose result carries no characters of the receiver. */
    private static final Set<String> STRING_INFO = Set.of("length", "isEmpty", "isBlank", "equals",
            "equalsIgnoreCase", "contains", "startsWith", "endsWith", "indexOf", "lastIndexOf", "compareTo",
            "compareToIgnoreCase", "hashCode", "matches", "size", "containsKey", "containsValue", "hasNext",
            "hasMoreElements", "isPresent");

    /** Calls opening a named resource: a {@code Properties.load} of their stream reads that file. */
    private static final Set<String> RESOURCE_OPENERS = Set.of("getResourceAsStream", "getSystemResourceAsStream",
            "newInputStream", "newBufferedReader", "getResource");

    private final TaintEngine engine;
    /**
     * How many call shapes a generation of the memo of their plans holds (see {@link BoundedMemo}): more than a tree
     * of 25,000 methods asks for (tree-1x: 25,618), so that there every shape is planned once, as before.
     */
    static final int PLANS = 1 << 15;

    /** @param plans how many call shapes a generation of the memo of their plans holds */
    Calls(TaintEngine engine, int plans) {
        this.engine = engine;
        this.plans = new BoundedMemo<>(plans);
    }

    /**
     * What each call shape (receiver type, method, argument count, receiver tag, whether the receiver's type is
     * exact, whether it is a constructor) meets, memoised: the model entries matching it and the project methods it
     * resolves to. They depend on nothing else (the models and the program are fixed), and finding them took the
     * models' indexes and type hierarchy five times and the program's methods once per call.
     */
    private final BoundedMemo<CallShape, CallPlan> plans;

    /** What one call shape meets: the model entries matching it and the project methods it may reach. */
    private record CallPlan(List<TaintModels.Match<TaintModels.CompiledCheck>> checks,
            List<TaintModels.Match<ModelFile.SinkModel>> sinks, List<TaintModels.Match<ModelFile.SourceModel>> sources,
            List<TaintModels.Match<ModelFile.SanitizerModel>> sanitizers, List<ModelFile.CallPattern> values,
            List<MethodIr> targets, int[] targetSlots) {
    }

    /**
     * A call as far as its {@link CallPlan} goes ({@code owner}: a constructor's declared class). A plain class rather than a record: a record's {@code equals} and
     * {@code hashCode} go through method handles, which the client compiler the CLI runs with does not inline, and
     * this key is looked up for every call the analysis meets.
     */
    private static final class CallShape {
        private final String receiverType;
        private final String method;
        private final int argCount;
        private final String receiverTag;
        private final boolean exactType;
        private final boolean constructor;
        private final String owner;
        private final int hash;

        CallShape(String receiverType, String method, int argCount, String receiverTag, boolean exactType,
                boolean constructor, String owner) {
            this.receiverType = receiverType;
            this.method = method;
            this.argCount = argCount;
            this.receiverTag = receiverTag;
            this.exactType = exactType;
            this.constructor = constructor;
            this.owner = owner;
            this.hash = ((((java.util.Objects.hashCode(receiverType) * 31 + method.hashCode()) * 31
                    + java.util.Objects.hashCode(receiverTag)) * 31 + java.util.Objects.hashCode(owner)) * 31
                    + argCount) * 4 + (exactType ? 2 : 0) + (constructor ? 1 : 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CallShape k && hash == k.hash && argCount == k.argCount && exactType == k.exactType
                    && constructor == k.constructor
                    && method.equals(k.method) && java.util.Objects.equals(receiverType, k.receiverType)
                    && java.util.Objects.equals(receiverTag, k.receiverTag) && java.util.Objects.equals(owner, k.owner);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private CallPlan plan(MethodAnalysis.Call call) {
        String receiverTag = call.receiver == null ? null : call.receiver.tag;
        boolean constructor = call.site.constructor();
        CallShape shape = new CallShape(call.receiverType, call.site.method(), call.args.size(), receiverTag,
                call.exactType, constructor, constructor ? call.site.owner() : null);
        CallPlan known = plans.get(shape);
        if (known == null) {
            TaintModels models = engine.models();
            Program program = engine.program();
            TaintModels.CallSite site = new TaintModels.CallSite(call.receiverType, call.site.method(),
                    call.args.size(), receiverTag);
            List<MethodIr> targets = constructor && !program.isProjectType(call.receiverType) ? List.of()
                    : program.resolve(constructor ? call.site.owner() : call.receiverType, call.site.method(),
                            call.args.size(), call.exactType || constructor);
            known = new CallPlan(List.copyOf(models.checks(site, program)),
                    List.copyOf(models.sinks(site, program)), List.copyOf(models.sources(site, program)),
                    List.copyOf(models.sanitizers(site, program)), List.copyOf(models.values(site, program)),
                    targets, targets.stream().mapToInt(engine::slot).toArray());
            // the memo keeps the key's names: the table's instances, not the ones read back with a method's body
            NameTable names = engine.names();
            plans.put(new CallShape(names.name(call.receiverType), names.name(call.site.method()), call.args.size(),
                    names.name(receiverTag), call.exactType, constructor,
                    constructor ? names.name(call.site.owner()) : null), known);
        }
        return known;
    }

    Value apply(MethodAnalysis analysis, MethodAnalysis.Call call) {
        String name = call.site.method();
        CallPlan matched = plan(call);
        checks(call, matched.checks());
        sinks(call, matched.sinks());
        flagSetter(call);

        List<MethodIr> targets = matched.targets();
        if (!targets.isEmpty()) {
            Value result = null;
            for (int i = 0; i < targets.size(); i++) {
                Value r = throughSummary(call, targets.get(i), matched.targetSlots()[i]);
                result = result == null ? r : result.join(r);
            }
            if (call.site.constructor()) {
                return Value.ofType("=" + targets.get(0).owner());
            }
            return result;
        }
        List<TaintModels.Match<ModelFile.SourceModel>> sources = matched.sources();
        Value result;
        if (!sources.isEmpty()) {
            ModelFile.SourceModel source = sources.get(0).model();
            result = Value.tainted(Taint.of(source.id(), !Boolean.FALSE.equals(source.remote()),
                    call.step("source: " + call.display())));
        } else {
            List<TaintModels.Match<ModelFile.SanitizerModel>> sanitizers = matched.sanitizers();
            if (!sanitizers.isEmpty()) {
                Value input = call.args.isEmpty() ? orUnknown(call.receiver) : call.arg(0);
                for (Value arg : call.args) {
                    input = input.join(arg);
                }
                List<Taint> cleansed = new ArrayList<>();
                List<String> kinds = new ArrayList<>();
                sanitizers.forEach(m -> kinds.addAll(m.model().kinds()));
                for (Taint t : input.deepTaints()) {
                    cleansed.add(t.cleanse(kinds));
                }
                result = Value.UNKNOWN.withTaints(cleansed).withConstant(Value.NOT_CONSTANT);
            } else {
                result = builtIn(call);
            }
        }
        for (ModelFile.CallPattern value : matched.values()) {
            if (value.returns() != null) {
                result = result.withType(value.returns());
            }
            if (value.tag() != null) {
                result = result.withTag(value.tag());
            }
        }
        if (call.site.constructor()) {
            result = result.withType("=" + call.site.owner());
        } else if (result.type == null && streamType(name) != null) {
            result = result.withType(streamType(name));
        }
        return result;
    }

    private static Value orUnknown(Value v) {
        return v == null ? Value.UNKNOWN : v;
    }

    // ---- checks and sinks ----

    private void checks(MethodAnalysis.Call call, List<TaintModels.Match<TaintModels.CompiledCheck>> checks) {
        if (!call.reporting() || checks.isEmpty()) {
            return;
        }
        for (TaintModels.Match<TaintModels.CompiledCheck> match : checks) {
            ModelFile.CheckModel check = match.model().model();
            switch (check.check()) {
                case "weak-algorithm" -> {
                    Value arg = call.arg(check.arg() == null ? 0 : check.arg());
                    if (arg.constant instanceof String algorithm) {
                        for (Pattern weak : match.model().weak()) {
                            if (weak.matcher(algorithm.trim()).find()) {
                                engine.reportCheck(check, call, algorithm);
                                break;
                            }
                        }
                    }
                }
                case "call" -> engine.reportCheck(check, call, null);
                case "flag-missing" -> {
                    Value arg = call.arg(check.arg() == null ? 0 : check.arg());
                    Value flag = arg.slots.get("flag:" + check.flag());
                    if (flag == null || !Boolean.TRUE.equals(flag.constant)) {
                        engine.reportCheck(check, call, null);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void flagSetter(MethodAnalysis.Call call) {
        String flag = engine.flagOf(call.site.method());
        if (flag != null && call.receiver != null && call.args.size() == 1) {
            call.updateReceiver(call.receiver.withSlot("flag:" + flag, call.arg(0)));
        }
    }

    private static void sinks(MethodAnalysis.Call call, List<TaintModels.Match<ModelFile.SinkModel>> sinks) {
        for (TaintModels.Match<ModelFile.SinkModel> match : sinks) {
            String kind = match.model().kind();
            List<Integer> positions = match.pattern().args();
            Summary.Sink sink = new Summary.Sink(kind, call.caller().path(), call.line(),
                    call.caller().displayName(), call.display());
            for (int i = 0; i < call.args.size(); i++) {
                if (!positions.isEmpty() && !positions.contains(i)) {
                    continue;
                }
                if (kind.equals("path") && isContent(call.args.get(i))) {
                    continue;
                }
                for (Taint taint : call.args.get(i).deepTaints()) {
                    if (!taint.safeFor(kind)) {
                        call.sinkReached(sink, taint.step(call.step("sink: " + call.display())));
                    }
                }
            }
        }
    }

    /** The slot of a wrapping stream naming the local it wraps. */
    static final String WRAPS = "$wraps";
    private static final Set<String> WRITES = Set.of("write", "writeObject", "writeUTF", "writeBytes", "writeChars",
            "print", "println", "printf", "format", "append");

    /** Whether a library type is a stream or writer that data is written into. */
    private static boolean isSinkStream(String simple) {
        return simple != null && (simple.endsWith("OutputStream") || simple.endsWith("Writer")
                || simple.equals("ObjectOutput") || simple.equals("DataOutput"));
    }

    static boolean isSinkStreamValue(Value value) {
        String type = MethodAnalysis.typeName(value.type);
        return type != null && isSinkStream(TypeNames.simple(TypeNames.erase(type)));
    }

    /** Whether a value is data (a stream, reader, writer or byte array), which names no file. */
    static boolean isContent(Value value) {
        String type = MethodAnalysis.typeName(value.type);
        if (type == null) {
            return false;
        }
        String simple = TypeNames.simple(TypeNames.erase(type));
        return simple.endsWith("InputStream") || simple.endsWith("OutputStream") || simple.endsWith("Reader")
                || simple.endsWith("Writer") || type.equals("byte[]") || simple.equals("Part")
                || simple.equals("MultipartFile");
    }

    /** The type of streams that library calls return by their conventional names. */
    private static String streamType(String method) {
        return switch (method) {
            case "getInputStream", "openStream", "newInputStream", "getResourceAsStream" -> "java.io.InputStream";
            case "getOutputStream", "newOutputStream" -> "java.io.OutputStream";
            default -> null;
        };
    }

    // ---- project methods ----

    private Value throughSummary(MethodAnalysis.Call call, MethodIr target, int slot) {
        Summary summary = engine.summary(slot);
        Value plainReturn = summary.returned();
        boolean plain = !plainReturn.isTainted() && plainReturn.slots.isEmpty() && plainReturn.any == null;
        // the callee's name goes into trace steps only: not made (and kept by the method) for a summary with none
        String callee = plain && summary.paramSinks().isEmpty() && summary.fieldWrites().isEmpty() ? null
                : target.displayName();
        for (Summary.ParamSink paramSink : summary.paramSinks()) {
            Taint placeholder = paramSink.placeholder();
            int index = placeholder.parameter();
            Value actual = placeholder.isStaticPlaceholder() ? call.staticValue(placeholder.field())
                    : index < call.args.size() ? call.args.get(index) : null;
            if (actual == null) {
                continue;
            }
            String via = placeholder.isStaticPlaceholder()
                    ? "static field " + MethodAnalysis.fieldDisplay(placeholder.field()) + " read by " + callee
                    : "passed to " + callee + "(" + target.parameters().get(index) + ")";
            for (Taint taint : actual.deepTaints()) {
                if (!taint.safeFor(paramSink.sink().kind())) {
                    call.sinkReached(paramSink.sink(), taint.through(placeholder, call.step(via)));
                }
            }
        }
        Map<String, Value> staticWrites = new java.util.HashMap<>();
        for (Summary.FieldWrite write : summary.fieldWrites()) {
            Value written = substitute(write.value(), call, target, "stored by " + callee);
            call.fieldWrite(write.field(), written);
            staticWrites.merge(write.field(), written, Value::join);
        }
        call.staticsWritten(summary.staticsWritten(), staticWrites);
        Value returned = plain ? plainReturn : substitute(plainReturn, call, target, "returned by " + callee);
        if (target.returnType() != null && !"void".equals(target.returnType()) && returned.type == null) {
            returned = returned.withType(target.returnType());
        }
        return returned;
    }

    /** The value with each parameter placeholder replaced by the actual argument's taints. */
    private static Value substitute(Value value, MethodAnalysis.Call call, MethodIr target, String message) {
        if (!value.isTainted() && value.slots.isEmpty() && value.any == null) {
            return value;
        }
        List<Taint> taints = new ArrayList<>();
        for (Taint t : value.deepTaints()) {
            if (!t.isPlaceholder()) {
                taints.add(t);
                continue;
            }
            Value actual = t.isStaticPlaceholder() ? call.staticValue(t.field())
                    : t.parameter() < call.args.size() ? call.args.get(t.parameter()) : null;
            if (actual != null) {
                for (Taint a : actual.deepTaints()) {
                    taints.add(a.through(t, call.step(message)));
                }
            }
        }
        Value flat = value.withoutSlots().withTaints(taints);
        if (!value.slots.isEmpty() || value.any != null) {
            // a returned container: keep its constant slots untainted where they were, taint the rest
            Value contents = Value.UNKNOWN.withTaints(taints);
            flat = value.withTaints(List.of()).withoutSlots().withAny(contents);
            for (Map.Entry<Object, Value> e : value.slots.entrySet()) {
                flat = flat.withSlot(e.getKey(), e.getValue().isTainted() || e.getValue().any != null
                        ? contents : e.getValue());
            }
        }
        return flat;
    }

    // ---- library semantics ----

    private Value builtIn(MethodAnalysis.Call call) {
        String method = call.site.method();
        String simple = TypeNames.simple(call.receiverType);
        Value receiver = orUnknown(call.receiver);
        if (call.site.constructor()) {
            return constructed(call);
        }
        if (call.receiver == null) {
            return staticCall(call, simple, method);
        }
        if (simple != null && STRING_TYPES.contains(simple)) {
            return stringMethod(call, receiver, method);
        }
        if (simple != null && BUILDER_TYPES.contains(simple)) {
            return builderMethod(call, receiver, method);
        }
        if (simple != null && simple.equals("Properties")) {
            Value props = properties(call, receiver, method);
            if (props != null) {
                return props;
            }
        }
        if (simple != null && MAP_TYPES.contains(simple)) {
            return mapMethod(call, receiver, method);
        }
        if (simple != null && LIST_TYPES.contains(simple) || receiver.type != null
                && receiver.type.equals("array")) {
            return listMethod(call, receiver, method);
        }
        if (STRING_INFO.contains(method)) {
            return Value.UNKNOWN;
        }
        if (method.equals("toString") || method.equals("getBytes") || method.equals("toCharArray")) {
            return Value.UNKNOWN.withTaints(receiver.deepTaints()).withConstant(receiver.constant instanceof String
                    && method.equals("toString") ? receiver.constant : Value.NOT_CONSTANT);
        }
        if (method.equals("<init>")) {
            return constructed(call);
        }
        if (isSinkStream(simple) && WRITES.contains(method) && !call.args.isEmpty()) {
            // data written to a stream or writer is in it, and in every stream it wraps
            List<Taint> written = new ArrayList<>();
            call.args.forEach(a -> written.addAll(a.deepTaints()));
            if (!written.isEmpty()) {
                List<Taint> all = new ArrayList<>(receiver.taints);
                all.addAll(written);
                call.updateReceiver(receiver.withTaints(all));
                call.taintWrapped(receiver, written);
            }
            return Value.UNKNOWN;
        }
        Value propagated = propagate(call, receiver);
        if (RESOURCE_OPENERS.contains(method) && call.args.size() == 1 && call.arg(0).constant instanceof String name) {
            return propagated.withSlot("$resource", Value.constant(name));
        }
        return propagated;
    }

    private static Value propagate(MethodAnalysis.Call call, Value receiver) {
        List<Taint> taints = new ArrayList<>(receiver.deepTaints());
        for (Value arg : call.args) {
            taints.addAll(arg.deepTaints());
        }
        return Value.UNKNOWN.withTaints(taints);
    }

    private static Value constructed(MethodAnalysis.Call call) {
        List<Taint> taints = new ArrayList<>();
        for (Value arg : call.args) {
            taints.addAll(arg.deepTaints());
        }
        String simple = TypeNames.simple(call.site.owner());
        Value result = Value.UNKNOWN.withTaints(taints);
        if (isSinkStream(simple) && !call.site.args().isEmpty() && isSinkStreamValue(call.arg(0))
                && call.site.args().get(0) instanceof io.jenkins.plugins.devsecops.sast.ir.Operand.Local inner) {
            // new ObjectOutputStream(bytes), new PrintWriter(writer): writes reach the wrapped local too
            result = result.withSlot(WRAPS, Value.constant(inner.name()));
        }
        if (simple != null && BUILDER_TYPES.contains(simple) && call.args.size() == 1
                && call.arg(0).constant instanceof String s) {
            result = result.withConstant(s);
        } else if (simple != null && BUILDER_TYPES.contains(simple) && call.args.isEmpty()) {
            result = result.withConstant("");
        } else if (simple != null && simple.equals("String") && call.args.size() == 1) {
            result = result.withConstant(call.arg(0).constant instanceof String s ? s : Value.NOT_CONSTANT);
        }
        if (call.args.size() == 1 && call.arg(0).constant instanceof String resource) {
            result = result.withSlot("$resource", Value.constant(resource));
        } else if (call.args.size() == 1 && call.arg(0).slots.containsKey("$resource")) {
            result = result.withSlot("$resource", call.arg(0).slots.get("$resource"));
        }
        if (simple != null && (LIST_TYPES.contains(simple) || MAP_TYPES.contains(simple))) {
            Value container = Value.UNKNOWN;
            if (call.args.size() == 1 && (call.arg(0).any != null || !call.arg(0).slots.isEmpty())) {
                container = container.withAny(orUnknown(call.arg(0).contents()));
            }
            return container;
        }
        return result;
    }

    private Value staticCall(MethodAnalysis.Call call, String owner, String method) {
        if ("String".equals(owner)) {
            if (method.equals("valueOf") || method.equals("copyValueOf")) {
                Value arg = call.arg(0);
                Object c = arg.isConstant() ? Folding.text(arg.constant) : Value.NOT_CONSTANT;
                return Value.UNKNOWN.withTaints(arg.deepTaints()).withConstant(c);
            }
            if (method.equals("format") || method.equals("join")) {
                List<Taint> taints = new ArrayList<>();
                call.args.forEach(a -> taints.addAll(a.deepTaints()));
                return Value.UNKNOWN.withTaints(taints);
            }
        }
        if (("Arrays".equals(owner) && method.equals("asList")) || (("List".equals(owner) || "Set".equals(owner)
                || "Stream".equals(owner)) && method.equals("of"))) {
            Value list = Value.ofType("=java.util.ArrayList");
            if (call.args.size() == 1 && call.arg(0).type != null && call.arg(0).type.equals("array")) {
                return list.join(call.arg(0)).withType("=java.util.ArrayList");
            }
            for (int i = 0; i < call.args.size(); i++) {
                list = list.withSlot((long) i, call.arg(i));
            }
            return list;
        }
        if ("Optional".equals(owner) && (method.equals("of") || method.equals("ofNullable"))) {
            return Value.ofType("java.util.Optional").withAny(call.arg(0));
        }
        if ("Objects".equals(owner) && (method.equals("requireNonNull") || method.equals("toString")
                || method.equals("requireNonNullElse"))) {
            Value v = call.arg(0);
            return method.equals("toString") ? Value.UNKNOWN.withTaints(v.deepTaints()) : v;
        }
        if (STRING_INFO.contains(method)) {
            return Value.UNKNOWN;
        }
        List<Taint> taints = new ArrayList<>();
        call.args.forEach(a -> taints.addAll(a.deepTaints()));
        Value result = Value.UNKNOWN.withTaints(taints);
        if (RESOURCE_OPENERS.contains(method) && !call.args.isEmpty() && call.arg(0).constant instanceof String name) {
            result = result.withSlot("$resource", Value.constant(name));
        }
        return result;
    }

    private static Value stringMethod(MethodAnalysis.Call call, Value receiver, String method) {
        if (STRING_INFO.contains(method)) {
            if (receiver.constant instanceof String s && call.args.size() == 1
                    && call.arg(0).constant instanceof String t) {
                Object folded = switch (method) {
                    case "equals" -> s.equals(t);
                    case "equalsIgnoreCase" -> s.equalsIgnoreCase(t);
                    case "contains" -> s.contains(t);
                    case "startsWith" -> s.startsWith(t);
                    case "endsWith" -> s.endsWith(t);
                    case "indexOf" -> (long) s.indexOf(t);
                    default -> Value.NOT_CONSTANT;
                };
                return Value.constant(folded);
            }
            if (receiver.constant instanceof String s && call.args.isEmpty()) {
                return switch (method) {
                    case "length" -> Value.constant((long) s.length());
                    case "isEmpty" -> Value.constant(s.isEmpty());
                    default -> Value.UNKNOWN;
                };
            }
            return Value.UNKNOWN;
        }
        List<Taint> taints = new ArrayList<>(receiver.deepTaints());
        for (Value arg : call.args) {
            taints.addAll(arg.deepTaints());
        }
        Object folded = Value.NOT_CONSTANT;
        if (receiver.constant instanceof String s) {
            folded = foldString(s, method, call);
        }
        if (method.equals("split")) {
            Value array = Value.ofType("array").withAny(Value.UNKNOWN.withTaints(taints));
            if (receiver.constant instanceof String s && call.arg(0).constant instanceof String regex) {
                try {
                    String[] parts = s.split(regex);
                    array = Value.ofType("array");
                    for (int i = 0; i < parts.length && i < Value.MAX_SLOTS; i++) {
                        array = array.withSlot((long) i, Value.constant(parts[i]));
                    }
                } catch (RuntimeException e) {
                    return array;
                }
            }
            return array;
        }
        if (method.equals("charAt") && folded instanceof Character) {
            return Value.constant(folded);
        }
        return Value.UNKNOWN.withTaints(taints).withConstant(folded).withType("java.lang.String");
    }

    private static Object foldString(String s, String method, MethodAnalysis.Call call) {
        try {
            Object a = call.arg(0).constant;
            Object b = call.arg(1).constant;
            return switch (method) {
                case "toString", "intern", "strip" -> s;
                case "trim" -> s.trim();
                case "toUpperCase" -> s.toUpperCase(Locale.ROOT);
                case "toLowerCase" -> s.toLowerCase(Locale.ROOT);
                case "concat" -> a instanceof String t ? s + t : Value.NOT_CONSTANT;
                case "substring" -> a instanceof Long x ? b instanceof Long y ? s.substring(x.intValue(),
                        y.intValue()) : call.args.size() == 1 ? s.substring(x.intValue()) : Value.NOT_CONSTANT
                        : Value.NOT_CONSTANT;
                case "charAt" -> a instanceof Long x ? (Object) s.charAt(x.intValue()) : Value.NOT_CONSTANT;
                case "replace" -> a instanceof String x && b instanceof String y ? s.replace(x, y)
                        : a instanceof Character x && b instanceof Character y ? s.replace(x, y) : Value.NOT_CONSTANT;
                default -> Value.NOT_CONSTANT;
            };
        } catch (RuntimeException e) {
            return Value.NOT_CONSTANT;
        }
    }

    private static Value builderMethod(MethodAnalysis.Call call, Value receiver, String method) {
        switch (method) {
            case "append", "insert", "write", "add", "print", "println" -> {
                Value arg = call.args.isEmpty() ? Value.UNKNOWN : call.arg(call.args.size() - 1);
                List<Taint> taints = new ArrayList<>(receiver.deepTaints());
                taints.addAll(arg.deepTaints());
                Object folded = method.equals("append") && receiver.constant instanceof String s && arg.isConstant()
                        && call.args.size() == 1 ? s + Folding.text(arg.constant) : Value.NOT_CONSTANT;
                Value updated = receiver.withoutSlots().withTaints(taints).withConstant(folded);
                call.updateReceiver(updated);
                return updated;
            }
            case "toString", "substring", "reverse" -> {
                Value result = Value.UNKNOWN.withTaints(receiver.deepTaints()).withType("java.lang.String");
                return method.equals("toString") ? result.withConstant(receiver.constant) : result;
            }
            case "setLength", "delete", "deleteCharAt", "replace", "setCharAt" -> {
                return Value.UNKNOWN;
            }
            default -> {
                return STRING_INFO.contains(method) ? Value.UNKNOWN : Value.UNKNOWN.withTaints(receiver.deepTaints());
            }
        }
    }

    private Value properties(MethodAnalysis.Call call, Value receiver, String method) {
        if (method.equals("load") && call.args.size() == 1) {
            Value stream = call.arg(0);
            Value resource = stream.slots.get("$resource");
            Value updated = receiver.withSlot("$file", resource == null ? Value.UNKNOWN : resource)
                    .withSlot("$loaded", Value.constant(true));
            call.updateReceiver(updated);
            return Value.UNKNOWN;
        }
        if (method.equals("getProperty") && call.arg(0).constant instanceof String key) {
            Value explicit = receiver.slots.get(key);
            if (explicit != null) {
                return explicit;
            }
            Value file = receiver.slots.get("$file");
            String fromFile = file != null && file.constant instanceof String name ? engine.property(name, key)
                    : null;
            if (fromFile != null) {
                return Value.constant(fromFile);
            }
            Value fallback = call.args.size() > 1 ? call.arg(1) : Value.constant(null);
            if (receiver.slots.containsKey("$loaded")) {
                // read from a file the project does not hold: data from outside, with the default as its best guess
                return fallback.withTaints(List.of(Taint.of("properties-file", false,
                        call.step("source: Properties.getProperty(\"" + key + "\") from a loaded file"))));
            }
            return fallback;
        }
        return null;
    }

    private static Value mapMethod(MethodAnalysis.Call call, Value receiver, String method) {
        switch (method) {
            case "put", "putIfAbsent", "setProperty", "add", "putSingle" -> {
                Value key = call.arg(0);
                Value value = call.arg(1);
                // a null key (legal in HashMap) is kept with the unknown keys: slots never hold null keys
                Value updated = key.isConstant() && key.constant != null
                        ? receiver.withSlot(key.constant, value) : receiver.withAny(value);
                if (key.isTainted()) {
                    updated = updated.withAny(key);
                }
                call.updateReceiver(updated);
                return Value.UNKNOWN;
            }
            case "get", "getOrDefault", "remove", "getProperty", "getFirst" -> {
                Value key = call.arg(0);
                boolean constantKey = key.isConstant() && key.constant != null;
                Value found = constantKey ? receiver.slot(key.constant) : receiver.contents();
                if (found == null) {
                    found = call.args.size() > 1 ? call.arg(1) : receiver.isTainted()
                            ? Value.UNKNOWN.withTaints(receiver.taints) : Value.constant(null);
                }
                if (method.equals("remove") && constantKey && receiver.slots.containsKey(key.constant)) {
                    Value without = receiver.withoutSlots().withAny(orUnknown(receiver.any));
                    for (Map.Entry<Object, Value> e : receiver.slots.entrySet()) {
                        if (!e.getKey().equals(key.constant)) {
                            without = without.withSlot(e.getKey(), e.getValue());
                        }
                    }
                    call.updateReceiver(without);
                }
                return found;
            }
            case "putAll" -> {
                call.updateReceiver(receiver.withAny(orUnknown(call.arg(0).contents())));
                return Value.UNKNOWN;
            }
            case "values", "entrySet", "keySet", "getValue", "getKey", "elements", "keys" -> {
                Value contents = receiver.contents();
                return Value.ofType("java.util.Collection").withAny(contents == null
                        ? Value.UNKNOWN.withTaints(receiver.taints) : contents);
            }
            default -> {
                return STRING_INFO.contains(method) ? Value.UNKNOWN
                        : Value.UNKNOWN.withTaints(receiver.deepTaints());
            }
        }
    }

    private static Value listMethod(MethodAnalysis.Call call, Value receiver, String method) {
        boolean exactList = receiver.any == null;
        switch (method) {
            case "add", "addElement", "push", "offer", "addLast", "offerLast" -> {
                Value updated;
                if (call.args.size() == 2 && call.arg(0).constant instanceof Long index && exactList
                        && index <= receiver.slots.size()) {
                    updated = insert(receiver, index, call.arg(1));
                } else if (call.args.size() == 1 && exactList && listSize(receiver) >= 0) {
                    updated = receiver.withSlot((long) listSize(receiver), call.arg(0));
                } else {
                    updated = receiver.withAny(call.arg(call.args.size() - 1));
                }
                call.updateReceiver(updated);
                return Value.UNKNOWN;
            }
            case "set" -> {
                if (call.arg(0).constant instanceof Long index && exactList) {
                    call.updateReceiver(receiver.withSlot(index, call.arg(1)));
                } else {
                    call.updateReceiver(receiver.withAny(call.arg(1)));
                }
                return Value.UNKNOWN;
            }
            case "addAll" -> {
                call.updateReceiver(receiver.withAny(orUnknown(call.arg(call.args.size() - 1).contents())
                        .withTaints(call.arg(call.args.size() - 1).deepTaints())));
                return Value.UNKNOWN;
            }
            case "get", "elementAt", "remove" -> {
                if (call.args.size() == 1 && call.arg(0).constant instanceof Long index && exactList) {
                    Value found = receiver.slot(index);
                    if (method.equals("remove")) {
                        call.updateReceiver(removeAt(receiver, index));
                    }
                    return found != null ? found : Value.UNKNOWN.withTaints(receiver.taints);
                }
                Value contents = receiver.contents();
                return contents == null ? Value.UNKNOWN.withTaints(receiver.taints) : contents;
            }
            case "iterator", "listIterator", "stream", "toArray", "subList", "filter", "sorted", "distinct",
                    "elements", "descendingIterator", "parallelStream", "collect", "toList", "limit", "skip" -> {
                Value contents = receiver.contents();
                return Value.ofType(method.equals("toArray") ? "array" : "java.util.Iterator")
                        .withAny(contents == null ? Value.UNKNOWN.withTaints(receiver.taints) : contents);
            }
            case "next", "nextElement", "peek", "poll", "pop", "getFirst", "getLast", "first", "last",
                    "orElse", "orElseGet", "orElseThrow", "findFirst", "findAny", "element", "removeFirst",
                    "removeLast", "pollFirst", "pollLast" -> {
                Value contents = receiver.contents();
                Value found = contents == null ? Value.UNKNOWN.withTaints(receiver.taints) : contents;
                if (method.equals("orElse") && call.args.size() == 1) {
                    found = found.join(call.arg(0));
                }
                return found;
            }
            case "length" -> {
                return exactList ? Value.constant((long) receiver.slots.size()) : Value.UNKNOWN;
            }
            case "map", "forEach", "flatMap" -> {
                // a lambda we do not follow: the result keeps the contents' taint
                Value contents = receiver.contents();
                return Value.ofType("java.util.Iterator").withAny(contents == null ? Value.UNKNOWN : contents);
            }
            default -> {
                return STRING_INFO.contains(method) ? Value.UNKNOWN : Value.UNKNOWN.withTaints(receiver.deepTaints());
            }
        }
    }

    private static int listSize(Value list) {
        int size = 0;
        while (list.slots.containsKey((long) size)) {
            size++;
        }
        return size == list.slots.size() ? size : -1;
    }

    private static Value insert(Value list, long index, Value element) {
        int size = listSize(list);
        if (size < 0) {
            return list.withAny(element);
        }
        Value result = list.withoutSlots();
        for (long i = 0, j = 0; i <= size; i++) {
            if (i == index) {
                result = result.withSlot(i, element);
            } else {
                result = result.withSlot(i, list.slots.get(j++));
            }
        }
        return result;
    }

    private static Value removeAt(Value list, long index) {
        int size = listSize(list);
        if (size < 0 || index >= size) {
            return list;
        }
        Value result = list.withoutSlots();
        for (long i = 0, j = 0; i < size; i++) {
            if (i != index) {
                result = result.withSlot(j++, list.slots.get(i));
            }
        }
        return result;
    }

    /** Whether the operand names a local (for callers that update values in place). */
    static boolean isLocal(Operand operand) {
        return operand instanceof Operand.Local;
    }
}
