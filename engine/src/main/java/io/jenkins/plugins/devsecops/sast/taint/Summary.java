package io.jenkins.plugins.devsecops.sast.taint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a method does to taint, for its callers: the value it returns (with parameter placeholders where a
 * parameter's taint flows into it), the sinks its parameters reach, and the fields it writes from its parameters.
 */
record Summary(Value returned, List<ParamSink> paramSinks, List<FieldWrite> fieldWrites,
        List<String> staticsWritten) {

    static final Summary UNKNOWN = new Summary(Value.UNKNOWN, List.of(), List.of(), List.of());
    /**
     * The summary of a method that returns no value and passes no parameter to a sink or a field: most methods'.
     * One instance shared by all of them (it is immutable and holds no trace) instead of one per method.
     */
    static final Summary NOTHING = new Summary(Value.constant(null), List.of(), List.of(), List.of());

    /**
     * @param staticsWritten the project static fields the method (or a method it calls) may assign: a caller's own
     *        view of those fields is no longer known after the call
     */
    Summary {
        paramSinks = List.copyOf(paramSinks);
        fieldWrites = distinct(fieldWrites);
        staticsWritten = List.copyOf(staticsWritten);
    }

    /**
     * The writes without repeats: a write equal to an earlier one (same field, {@link Value#equals} value) changes no
     * field after it, at the method or at any caller (a join keeps the first of equal taints), so only the first is
     * kept. Without this a summary carried every write of every call of its callees, once per loop round and per
     * summary round: the lists grew geometrically along call chains (millions of writes on jenkinsci/jenkins).
     */
    private static List<FieldWrite> distinct(List<FieldWrite> writes) {
        if (writes.size() < 2) {
            return List.copyOf(writes);
        }
        Set<FieldWrite> seen = new HashSet<>();
        List<FieldWrite> kept = new ArrayList<>();
        for (FieldWrite write : writes) {
            if (seen.add(write)) {
                kept.add(write);
            }
        }
        return List.copyOf(kept);
    }

    /** A sink reached by a parameter's taint: the placeholder carries the steps from the parameter to the sink. */
    record ParamSink(Sink sink, Taint placeholder) {
    }

    /** A field written with a value that depends on the parameters. */
    record FieldWrite(String field, Value value) {
    }

    /** The sink a flow ends in. */
    record Sink(String kind, String path, int line, String method, String call) {
    }

    /**
     * A fingerprint of the summary, to tell when the fixpoint is reached: its parts sorted, so that the same taints,
     * sinks and writes found in another order (a recursion's members see each other's summaries from different
     * rounds) are the same summary and do not keep the rounds going.
     */
    String signature() {
        StringBuilder s = new StringBuilder();
        s.append(returned.constant).append('|').append(returned.isTainted()).append('|');
        sorted(returned.deepTaints().stream().map(t -> t.key() + ",")).forEach(s::append);
        sorted(paramSinks.stream().map(p -> p.sink() + "" + p.placeholder().key())).forEach(s::append);
        sorted(fieldWrites.stream().map(f -> f.field() + f.value().deepTaints().size())).forEach(s::append);
        sorted(staticsWritten.stream().map(f -> "!" + f)).forEach(s::append);
        return s.toString();
    }

    private static List<String> sorted(java.util.stream.Stream<String> parts) {
        return parts.sorted().toList();
    }
}
