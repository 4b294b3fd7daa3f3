package io.jenkins.plugins.devsecops.sast.taint;

import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.TraceStep;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The whole-program analysis: summaries of every method computed to a fixpoint (at most {@link #MAX_ROUNDS}
 * rounds over all methods; fields are one flow-insensitive store per field), then one reporting pass in which each
 * source-to-sink flow and each failed value check becomes a {@link FlowFinding}. Not thread-safe; one per scan.
 */
public final class TaintEngine {

    static final int MAX_ROUNDS = 5;

    private final Program program;
    private final UnaryOperator<MethodIr> bodies;
    private final TaintModels models;
    private final Map<String, Map<String, String>> propertiesFiles;
    private final Calls calls = new Calls(this);
    private final Map<String, Summary> summaries = new HashMap<>();
    private final Map<String, Value> fields = new HashMap<>();
    private final Map<String, String> flags = new HashMap<>();
    private final Map<Object, FlowFinding> findings = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Boolean> abandoned = new ConcurrentHashMap<>();
    private boolean fieldsChanged;
    private final Map<String, Integer> summaryVersions = new HashMap<>();
    private final Map<String, Integer> fieldVersions = new HashMap<>();
    private final Map<String, Inputs> inputs = new HashMap<>();
    /** The inputs of the method being analysed. */
    private Inputs reading;
    private int analyses;
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
        this.program = new Program(units, bodies);
        this.models = models;
        this.propertiesFiles = propertiesFiles;
        this.bodies = bodies;
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
        int rounds = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            rounds++;
            boolean changed = false;
            fieldsChanged = false;
            for (MethodIr method : methods) {
                Summary before = summaries.get(method.id());
                Summary after = analyse(method);
                if (before == null || !before.signature().equals(after.signature())) {
                    changed = true;
                }
                summaries.put(method.id(), after);
                if (!Identical.summaries(before, after)) {
                    summaryVersions.merge(method.id(), 1, Integer::sum);
                }
            }
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
        for (MethodIr method : methods) {
            if (abandoned.containsKey(method.id())) {
                continue;
            }
            analyse(method);
            Inputs last = inputs.get(method.id());
            if (last != null) {
                last.reports.forEach(findings::putIfAbsent);
            }
        }
        inputs.clear();
        return new Result(List.copyOf(findings.values()), notes, methods.size(), rounds);
    }

    /**
     * Analyses a method, or keeps its last result when nothing it read has changed since (see {@link Inputs}):
     * the result is then the one a new analysis would give, at no cost. Findings are kept with the method's
     * inputs and taken once the summaries are final.
     */
    private Summary analyse(MethodIr method) {
        if (abandoned.containsKey(method.id())) {
            return Summary.UNKNOWN;
        }
        Inputs last = inputs.get(method.id());
        if (last != null && last.unchanged(this)) {
            return last.summary;
        }
        Inputs now = new Inputs();
        reading = now;
        analyses++;
        try {
            now.summary = new MethodAnalysis(this, bodies.apply(method), true).run();
            inputs.put(method.id(), now);
            return now.summary;
        } catch (MethodAnalysis.BudgetExceeded | StackOverflowError e) {
            abandoned.put(method.id(), true);
            inputs.remove(method.id());
            notes.add(method.path() + ": " + method.displayName() + " not analysed: more than "
                    + MethodAnalysis.MAX_STEPS + " analysis steps");
            if (finalPass) {
                // what the reporting analysis found before it gave up is reported, as it always was
                now.reports.forEach(findings::putIfAbsent);
            }
            return Summary.UNKNOWN;
        } finally {
            reading = null;
        }
    }

    /** How many method analyses ran (methods whose inputs had not changed are not analysed again). */
    public int analyses() {
        return analyses;
    }

    /**
     * What one analysis of a method read (the version of each summary and field), wrote (fields) and found. The
     * analysis is a function of these: when every summary and field it read is at the version it saw and every
     * field write it made would change nothing, analysing it again would give the same summary, the same writes
     * and the same findings.
     */
    static final class Inputs {
        final Map<String, Integer> summariesRead = new HashMap<>();
        final Map<String, Integer> fieldsRead = new HashMap<>();
        /** One joined value per field written: writing a field again in a loop must not grow the record. */
        final Map<String, Value> fieldsWritten = new LinkedHashMap<>();
        final Map<Object, FlowFinding> reports = new LinkedHashMap<>();
        boolean unstable;
        Summary summary;

        void read(Map<String, Integer> seen, String key, int version) {
            Integer before = seen.putIfAbsent(key, version);
            if (before != null && before != version) {
                unstable = true;
            }
        }

        boolean unchanged(TaintEngine engine) {
            if (unstable) {
                return false;
            }
            for (Map.Entry<String, Integer> e : summariesRead.entrySet()) {
                if (engine.summaryVersions.getOrDefault(e.getKey(), 0).intValue() != e.getValue()) {
                    return false;
                }
            }
            for (Map.Entry<String, Integer> e : fieldsRead.entrySet()) {
                if (engine.fieldVersions.getOrDefault(e.getKey(), 0).intValue() != e.getValue()) {
                    return false;
                }
            }
            for (Map.Entry<String, Value> write : fieldsWritten.entrySet()) {
                Value before = engine.fields.get(write.getKey());
                if (before == null || !before.join(write.getValue()).equals(before)) {
                    return false;
                }
            }
            return true;
        }
    }

    Program program() {
        return program;
    }

    TaintModels models() {
        return models;
    }

    Calls calls() {
        return calls;
    }

    Summary summary(MethodIr method) {
        if (reading != null) {
            reading.read(reading.summariesRead, method.id(), summaryVersions.getOrDefault(method.id(), 0));
        }
        Summary summary = summaries.get(method.id());
        return summary == null ? Summary.UNKNOWN : summary;
    }

    Value field(String key) {
        if (reading != null) {
            reading.read(reading.fieldsRead, key, fieldVersions.getOrDefault(key, 0));
        }
        return fields.get(key);
    }

    void writeField(String key, Value value) {
        if (reading != null) {
            reading.fieldsWritten.merge(key, value, Value::join);
        }
        Value before = fields.get(key);
        Value after = before == null ? value : before.join(value);
        if (!after.equals(before)) {
            fields.put(key, after);
            fieldVersions.merge(key, 1, Integer::sum);
            fieldsChanged = true;
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
        reading.reports.putIfAbsent(key, new FlowFinding(rule, sink.kind(), sink.path(), sink.line(),
                sink.method(), sink.call(), taint.source(), taint.remote(), taint.trace(), null));
    }

    void reportCheck(ModelFile.CheckModel check, MethodAnalysis.Call call, String value) {
        MethodIr method = call.caller();
        Object key = List.of(check.rule(), method.path(), call.line(), call.display());
        String message = value == null ? call.display() : call.display() + " with \"" + value + "\"";
        reading.reports.putIfAbsent(key, new FlowFinding(check.rule(), null, method.path(), call.line(),
                method.displayName(), call.display(), value, false,
                List.of(new TraceStep(new Location(method.path(), call.line(), 0, call.line(), 0, null), message)),
                check));
    }
}
