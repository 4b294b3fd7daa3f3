package io.jenkins.plugins.devsecops.sast.taint;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exact sameness of summaries and values, traces and slot order included. {@link Value#equals} compares taints by
 * their key only (it decides when a fixpoint is reached); deciding that a caller need not be analysed again needs
 * more: the caller would see every step of every trace, and slots in the order it would iterate them.
 */
final class Identical {

    private Identical() {
    }

    static boolean summaries(Summary a, Summary b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || !values(a.returned(), b.returned())
                || !a.paramSinks().equals(b.paramSinks()) || a.fieldWrites().size() != b.fieldWrites().size()
                || !a.staticsWritten().equals(b.staticsWritten())) {
            return false;
        }
        for (int i = 0; i < a.fieldWrites().size(); i++) {
            Summary.FieldWrite x = a.fieldWrites().get(i);
            Summary.FieldWrite y = b.fieldWrites().get(i);
            if (!x.field().equals(y.field()) || !values(x.value(), y.value())) {
                return false;
            }
        }
        return true;
    }

    static boolean values(Value a, Value b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || !Objects.equals(a.constant, b.constant) || !taints(a.taints, b.taints)
                || !Objects.equals(a.type, b.type) || !Objects.equals(a.tag, b.tag) || a.typeMixed != b.typeMixed
                || a.tagMixed != b.tagMixed
                || a.slots.size() != b.slots.size() || !values(a.any, b.any)) {
            return false;
        }
        Iterator<Map.Entry<Object, Value>> x = a.slots.entrySet().iterator();
        Iterator<Map.Entry<Object, Value>> y = b.slots.entrySet().iterator();
        while (x.hasNext()) {
            Map.Entry<Object, Value> p = x.next();
            Map.Entry<Object, Value> q = y.next();
            if (!Objects.equals(p.getKey(), q.getKey()) || !values(p.getValue(), q.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean taints(List<Taint> a, List<Taint> b) {
        return a == b || a.equals(b);
    }
}
