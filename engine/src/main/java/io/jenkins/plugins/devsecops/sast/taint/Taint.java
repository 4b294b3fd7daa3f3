package io.jenkins.plugins.devsecops.sast.taint;

import io.jenkins.plugins.devsecops.model.TraceStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One reason a value is tainted: data from a source (or, while a method's summary is computed, from one of its
 * parameters), the sink kinds it has been sanitised for, and the steps it took.
 *
 * @param source the source model's id, or {@code param} for a parameter placeholder
 * @param parameter the parameter's index for a placeholder, -1 for real data
 * @param remote whether the source is reachable remotely
 * @param cleansed the sink kinds this data is safe for
 * @param trace the steps from the source (or the parameter) so far
 * @param field for a static-field placeholder, the field's key ({@code Owner.name}); null otherwise
 */
record Taint(String source, int parameter, boolean remote, Set<String> cleansed, List<TraceStep> trace,
        String field) {

    static final int MAX_TRACE = 24;

    Taint {
        cleansed = Set.copyOf(cleansed);
        trace = List.copyOf(trace);
    }

    static Taint of(String source, boolean remote, TraceStep step) {
        return new Taint(source, -1, remote, Set.of(), List.of(step), null);
    }

    static Taint parameter(int index) {
        return new Taint("param", index, true, Set.of(), List.of(), null);
    }

    /**
     * A placeholder for the value a static field holds when the method is called: static fields are implicit
     * parameters of summaries, so each caller supplies the value the field has at its call (flow-sensitively).
     */
    static Taint staticField(String key) {
        return new Taint("static", -1, true, Set.of(), List.of(), key);
    }

    boolean isPlaceholder() {
        return parameter >= 0 || field != null;
    }

    boolean isStaticPlaceholder() {
        return field != null;
    }

    boolean safeFor(String kind) {
        return cleansed.contains(kind) || cleansed.contains("all");
    }

    Taint cleanse(java.util.Collection<String> kinds) {
        Set<String> merged = new TreeSet<>(cleansed);
        merged.addAll(kinds);
        return new Taint(source, parameter, remote, merged, trace, field);
    }

    Taint step(TraceStep step) {
        if (trace.size() >= MAX_TRACE) {
            return this;
        }
        List<TraceStep> longer = new ArrayList<>(trace);
        longer.add(step);
        return new Taint(source, parameter, remote, cleansed, longer, field);
    }

    /** This real taint continued by a placeholder's steps and sanitisation inside a callee. */
    Taint through(Taint placeholder, TraceStep call) {
        Set<String> merged = new TreeSet<>(cleansed);
        merged.addAll(placeholder.cleansed);
        List<TraceStep> longer = new ArrayList<>(trace);
        if (longer.size() < MAX_TRACE) {
            longer.add(call);
        }
        for (TraceStep step : placeholder.trace) {
            if (longer.size() >= MAX_TRACE) {
                break;
            }
            longer.add(step);
        }
        return new Taint(source, parameter, remote, merged, longer, field);
    }

    /** The identity used to keep one taint per origin: source, first step, parameter and sanitisation. */
    Object key() {
        return List.of(source, parameter, cleansed, firstStep(), field == null ? "" : field);
    }

    /**
     * Whether the other taint has the same {@link #key}, compared part by part in the key's order without making
     * either key (a list per taint, at every join, cap and comparison of values).
     */
    boolean sameKey(Taint other) {
        return this == other || source.equals(other.source) && parameter == other.parameter
                && cleansed.equals(other.cleansed) && firstStep().equals(other.firstStep())
                && java.util.Objects.equals(field == null ? "" : field, other.field == null ? "" : other.field);
    }

    /** The first step of the trace, or "" for none (as in the key). */
    private Object firstStep() {
        return trace.isEmpty() ? "" : trace.get(0);
    }
}
