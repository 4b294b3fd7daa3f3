package io.jenkins.plugins.devsecops.sast.taint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The abstract value of a variable: a constant (when every path gives the same one), the taints it carries, the
 * type and tag known for it, and what it holds under constant keys (map keys, list indices, array elements, object
 * fields, builder contents) and under unknown ones. Immutable.
 */
final class Value {

    /** Not a constant (the top of the constant lattice). */
    static final Object NOT_CONSTANT = new Object() {
        @Override
        public String toString() {
            return "⊤";
        }
    };

    static final int MAX_TAINTS = 6;
    static final int MAX_SLOTS = 64;
    static final int MAX_DEPTH = 4;

    static final Value UNKNOWN = new Value(NOT_CONSTANT, List.of(), null, null, Map.of(), null);

    final Object constant;
    final List<Taint> taints;
    final String type;
    final String tag;
    final Map<Object, Value> slots;
    final Value any;
    /**
     * Whether the type (or tag) is null because joined values disagreed on it, rather than because none was known:
     * the top of the type (tag) lattice, which a later join keeps. Without it a conflict's null read as "not known"
     * and the next join took the other side's type again, so a field written with two types flipped between them
     * and null on every round and the rounds never settled.
     */
    final boolean typeMixed;
    final boolean tagMixed;

    private Value(Object constant, List<Taint> taints, String type, String tag, Map<Object, Value> slots, Value any) {
        this(constant, taints, type, tag, slots, any, false, false);
    }

    private Value(Object constant, List<Taint> taints, String type, String tag, Map<Object, Value> slots, Value any,
            boolean typeMixed, boolean tagMixed) {
        this.constant = constant;
        this.taints = taints;
        this.type = type;
        this.tag = tag;
        this.slots = slots;
        this.any = any;
        this.typeMixed = typeMixed;
        this.tagMixed = tagMixed;
    }

    static Value constant(Object value) {
        return new Value(value, List.of(), null, null, Map.of(), null);
    }

    static Value tainted(Taint taint) {
        return new Value(NOT_CONSTANT, List.of(taint), null, null, Map.of(), null);
    }

    static Value ofType(String type) {
        return new Value(NOT_CONSTANT, List.of(), type, null, Map.of(), null);
    }

    boolean isConstant() {
        return constant != NOT_CONSTANT;
    }

    boolean isTainted() {
        return !taints.isEmpty();
    }

    Value withConstant(Object value) {
        return new Value(value, taints, type, tag, slots, any, typeMixed, tagMixed);
    }

    Value withTaints(Collection<Taint> newTaints) {
        return new Value(constant, cap(newTaints), type, tag, slots, any, typeMixed, tagMixed);
    }

    Value withType(String newType) {
        return new Value(constant, taints, newType, tag, slots, any, false, tagMixed);
    }

    Value withTag(String newTag) {
        return new Value(constant, taints, type, newTag, slots, any, typeMixed, false);
    }

    Value withSlot(Object key, Value value) {
        if (slots.size() >= MAX_SLOTS && !slots.containsKey(key)) {
            return withAny(value);
        }
        Map<Object, Value> copy = new LinkedHashMap<>(slots);
        copy.put(key, value.shallow());
        return new Value(constant, taints, type, tag, copy, any, typeMixed, tagMixed);
    }

    Value withoutSlots() {
        return new Value(constant, taints, type, tag, Map.of(), null, typeMixed, tagMixed);
    }

    Value withAny(Value value) {
        return new Value(constant, taints, type, tag, slots, any == null ? value.shallow() : any.join(value.shallow()),
                typeMixed, tagMixed);
    }

    /** What the value holds under a key: the slot, else the unknown-key contents. */
    Value slot(Object key) {
        Value found = slots.get(key);
        if (found != null) {
            return any == null ? found : found.join(any);
        }
        return any == null ? null : any;
    }

    /** Everything it holds under any key, joined. */
    Value contents() {
        Value result = any;
        for (Value v : slots.values()) {
            result = result == null ? v : result.join(v);
        }
        return result;
    }

    /** Its own taints and those of everything it holds. */
    List<Taint> deepTaints() {
        if (slots.isEmpty() && any == null) {
            return taints;
        }
        List<Taint> all = new ArrayList<>(taints);
        for (Value v : slots.values()) {
            all.addAll(v.deepTaints());
        }
        if (any != null) {
            all.addAll(any.deepTaints());
        }
        return cap(all);
    }

    /** The taints a string conversion of the value carries (a builder's or array's contents included). */
    List<Taint> deepTaintsForConcat() {
        return deepTaints();
    }

    /** The value with nesting cut below {@link #MAX_DEPTH} levels, its deeper taints folded in. */
    private Value shallow() {
        return depth() > MAX_DEPTH
                ? new Value(constant, deepTaints(), type, tag, Map.of(), null, typeMixed, tagMixed)
                : this;
    }

    private int depth() {
        int deepest = 0;
        for (Value v : slots.values()) {
            deepest = Math.max(deepest, v.depth());
        }
        if (any != null) {
            deepest = Math.max(deepest, any.depth());
        }
        return deepest + (slots.isEmpty() && any == null ? 0 : 1);
    }

    static List<Taint> cap(Collection<Taint> taints) {
        if (taints.isEmpty()) {
            return List.of();
        }
        if (taints.size() == 1) {
            // one taint is unique: no key to compute
            return List.of(taints.iterator().next());
        }
        // the first taint of each key, at most MAX_TAINTS: few, so compared in a list (a key's equals stops at its
        // first differing part, its hash code went through every step of the trace)
        List<Taint> kept = new ArrayList<>(Math.min(taints.size(), MAX_TAINTS));
        for (Taint t : taints) {
            if (kept.size() >= MAX_TAINTS) {
                break;
            }
            if (holds(kept, t)) {
                // the very object: its key is there already
                continue;
            }
            boolean known = false;
            for (int i = 0, n = kept.size(); i < n && !known; i++) {
                known = kept.get(i).sameKey(t);
            }
            if (!known) {
                kept.add(t);
            }
        }
        return List.copyOf(kept);
    }

    /** The least upper bound: constants equal or not constant, taints united, slots joined key by key. */
    Value join(Value other) {
        if (other == null || other == this) {
            return this;
        }
        Object c = Objects.equals(constant, other.constant) ? constant : NOT_CONSTANT;
        List<Taint> t = taints.isEmpty() ? other.taints : other.taints.isEmpty() ? taints : union(taints, other.taints);
        boolean tyMixed = mixed(type, typeMixed, other.type, other.typeMixed);
        boolean tgMixed = mixed(tag, tagMixed, other.tag, other.tagMixed);
        String ty = tyMixed ? null : type == null ? other.type : type;
        String tg = tgMixed ? null : tag == null ? other.tag : tag;
        Map<Object, Value> s;
        if (slots.isEmpty()) {
            s = other.slots;
        } else if (other.slots.isEmpty()) {
            s = slots;
        } else {
            s = new HashMap<>(slots);
            other.slots.forEach((k, v) -> s.merge(k, v, Value::join));
        }
        Value a = any == null ? other.any : other.any == null ? any : any.join(other.any);
        return new Value(c, t, ty, tg, s, a, tyMixed, tgMixed);
    }

    /** Whether a join of two types (tags) is the conflict: either side one already, or two different ones known. */
    private static boolean mixed(String a, boolean aMixed, String b, boolean bMixed) {
        return aMixed || bMixed || a != null && b != null && !a.equals(b);
    }

    /**
     * The taints of both, as {@link #cap} of the one list then the other. A value's taints are always such a capped
     * list (distinct keys, at most {@link #MAX_TAINTS}), so when {@code a} is full, or holds each of {@code b}'s
     * very objects, the result is {@code a}'s taints: then no key is computed.
     */
    private static List<Taint> union(List<Taint> a, List<Taint> b) {
        if (a == b || a.size() >= MAX_TAINTS || holdsEach(a, b)) {
            return a;
        }
        List<Taint> all = new ArrayList<>(a);
        all.addAll(b);
        return cap(all);
    }

    /** Whether each element of {@code b} is (the same object as) one of {@code a}. */
    private static boolean holdsEach(List<Taint> a, List<Taint> b) {
        for (int i = 0, n = b.size(); i < n; i++) {
            if (!holds(a, b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code t} is (the same object as) one of {@code a} (by index: no iterator to allocate). */
    private static boolean holds(List<Taint> a, Taint t) {
        for (int i = 0, n = a.size(); i < n; i++) {
            if (a.get(i) == t) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && Objects.equals(constant, v.constant) && sameTaints(taints, v.taints)
                && Objects.equals(type, v.type) && Objects.equals(tag, v.tag) && typeMixed == v.typeMixed
                && tagMixed == v.tagMixed && slots.equals(v.slots)
                && Objects.equals(any, v.any);
    }

    private static boolean sameTaints(List<Taint> a, List<Taint> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameKey(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(constant, taints.size(), type, tag, slots.size());
    }

    @Override
    public String toString() {
        return "Value[" + constant + (taints.isEmpty() ? "" : " tainted") + (type == null ? "" : " " + type)
                + (slots.isEmpty() ? "" : " slots=" + slots.keySet()) + "]";
    }
}
