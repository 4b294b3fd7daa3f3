package io.jenkins.plugins.devsecops.sast.taint;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sameness of summaries and values, slot order included: exact ({@link #summaries}, {@link #values}: traces too), or
 * as callers can tell ({@link #summariesButTraces}: taints by their key). {@link Value#equals} compares taints by
 * their key too but slots as maps, not in the order a caller would iterate them, and {@link Summary#signature} (which
 * decides when the fixpoint is reached) less still: whether a caller must be analysed again is decided here.
 */
final class Identical {

    private Identical() {
    }

    static boolean summaries(Summary a, Summary b) {
        return summaries(a, b, true);
    }

    /**
     * Whether two summaries are the same to every caller but for the steps of their traces after the first: each
     * taint compared by its {@link Taint#key} (source, parameter, sanitisation, first step, field), everything else
     * as {@link #summaries} does. What an analysis computes from a summary, other than the traces it builds, depends
     * on the taints' keys only (values are joined, capped and compared by key, findings and summary sinks are kept
     * one per key), so a caller analysed again after a change of traces alone would compute the same summary, field
     * values and findings, with other traces.
     */
    static boolean summariesButTraces(Summary a, Summary b) {
        return summaries(a, b, false);
    }

    private static boolean summaries(Summary a, Summary b, boolean traces) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || !values(a.returned(), b.returned(), traces)
                || !paramSinks(a.paramSinks(), b.paramSinks(), traces)
                || a.fieldWrites().size() != b.fieldWrites().size()
                || !a.staticsWritten().equals(b.staticsWritten())) {
            return false;
        }
        for (int i = 0; i < a.fieldWrites().size(); i++) {
            Summary.FieldWrite x = a.fieldWrites().get(i);
            Summary.FieldWrite y = b.fieldWrites().get(i);
            if (!x.field().equals(y.field()) || !values(x.value(), y.value(), traces)) {
                return false;
            }
        }
        return true;
    }

    private static boolean paramSinks(List<Summary.ParamSink> a, List<Summary.ParamSink> b, boolean traces) {
        if (traces || a.size() != b.size()) {
            return a.equals(b);
        }
        for (int i = 0; i < a.size(); i++) {
            Summary.ParamSink x = a.get(i);
            Summary.ParamSink y = b.get(i);
            if (!x.sink().equals(y.sink()) || !x.placeholder().sameKey(y.placeholder())) {
                return false;
            }
        }
        return true;
    }

    static boolean values(Value a, Value b) {
        return values(a, b, true);
    }

    private static boolean values(Value a, Value b, boolean traces) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || !Objects.equals(a.constant, b.constant)
                || !(traces ? taints(a.taints, b.taints) : keys(a.taints, b.taints))
                || !Objects.equals(a.type, b.type) || !Objects.equals(a.tag, b.tag) || a.typeMixed != b.typeMixed
                || a.tagMixed != b.tagMixed
                || a.slots.size() != b.slots.size() || !values(a.any, b.any, traces)) {
            return false;
        }
        Iterator<Map.Entry<Object, Value>> x = a.slots.entrySet().iterator();
        Iterator<Map.Entry<Object, Value>> y = b.slots.entrySet().iterator();
        while (x.hasNext()) {
            Map.Entry<Object, Value> p = x.next();
            Map.Entry<Object, Value> q = y.next();
            if (!Objects.equals(p.getKey(), q.getKey()) || !values(p.getValue(), q.getValue(), traces)) {
                return false;
            }
        }
        return true;
    }

    /** The same taints in the same order, by {@link Taint#key}. */
    private static boolean keys(List<Taint> a, List<Taint> b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i) && !a.get(i).sameKey(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean taints(List<Taint> a, List<Taint> b) {
        return a == b || a.equals(b);
    }
}
