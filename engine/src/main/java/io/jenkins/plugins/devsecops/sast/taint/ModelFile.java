package io.jenkins.plugins.devsecops.sast.taint;

import java.util.List;

/**
 * One YAML file of taint models: a framework's sources, sinks, sanitizers, type facts and value checks. The built-in
 * files are in the engine's resources ({@code sast/models/*.yaml}); users add theirs in {@code .devsecops/sast/*.yaml}.
 * Unknown keys are errors.
 *
 * @param sources calls and annotated parameters whose values an attacker controls
 * @param sinks calls where a tainted argument is a vulnerability of a kind
 * @param sanitizers calls whose result is safe for some sink kinds
 * @param types supertypes of library types, so a model on a supertype covers its subtypes
 * @param values calls whose result has a known type or tag (e.g. a response writer), or keeps its receiver's taint
 * @param kinds sink kinds: the rule, CWE, severity and wording of their findings
 * @param checks value checks: calls whose constant argument is weak (algorithms) or objects lacking a flag (cookies)
 */
public record ModelFile(List<SourceModel> sources, List<SinkModel> sinks, List<SanitizerModel> sanitizers,
        List<TypeModel> types, List<CallPattern> values, List<KindModel> kinds, List<CheckModel> checks) {

    public ModelFile {
        sources = sources == null ? List.of() : List.copyOf(sources);
        sinks = sinks == null ? List.of() : List.copyOf(sinks);
        sanitizers = sanitizers == null ? List.of() : List.copyOf(sanitizers);
        types = types == null ? List.of() : List.copyOf(types);
        values = values == null ? List.of() : List.copyOf(values);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /**
     * Calls on {@code type} (or a subtype) to one of {@code methods} ({@code <init>} for a constructor).
     *
     * @param args for sinks, the argument positions that must not be tainted (empty: every argument)
     * @param anyReceiver match even when the receiver's type is unknown (for distinctive method names)
     * @param receiverTag match only when the receiver carries this tag (e.g. {@code http-response-writer})
     * @param tag the tag the call's result carries
     * @param returns the type of the call's result
     * @param argCount match only calls with this many arguments (null: any)
     */
    public record CallPattern(String type, List<String> methods, List<Integer> args, Boolean anyReceiver,
            String receiverTag, String tag, String returns, Integer argCount) {
        public CallPattern {
            methods = methods == null ? List.of() : List.copyOf(methods);
            args = args == null ? List.of() : List.copyOf(args);
        }

        boolean allowsUnknownReceiver() {
            return Boolean.TRUE.equals(anyReceiver);
        }
    }

    /**
     * A source.
     *
     * @param id a name for traces and messages, e.g. {@code servlet-parameter}
     * @param remote whether it is reachable by a remote attacker (request data) rather than local (environment,
     *        files, console): local sources give findings of lower confidence
     * @param calls calls returning attacker-controlled data
     * @param parameterAnnotations annotations (simple names) marking a method parameter as attacker-controlled
     */
    public record SourceModel(String id, Boolean remote, List<CallPattern> calls, List<String> parameterAnnotations) {
        public SourceModel {
            calls = calls == null ? List.of() : List.copyOf(calls);
            parameterAnnotations = parameterAnnotations == null ? List.of() : List.copyOf(parameterAnnotations);
        }
    }

    /** A sink of one kind (see {@link KindModel}). */
    public record SinkModel(String kind, List<CallPattern> calls) {
        public SinkModel {
            calls = calls == null ? List.of() : List.copyOf(calls);
        }
    }

    /**
     * A sanitizer: the result of a matching call (or, with {@code args}, those arguments afterwards) is safe for the
     * listed sink kinds ({@code all} for every kind).
     */
    public record SanitizerModel(List<String> kinds, List<CallPattern> calls) {
        public SanitizerModel {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            calls = calls == null ? List.of() : List.copyOf(calls);
        }
    }

    /** Supertypes of a library type. */
    public record TypeModel(String name, List<String> supertypes) {
        public TypeModel {
            supertypes = supertypes == null ? List.of() : List.copyOf(supertypes);
        }
    }

    /**
     * A sink kind.
     *
     * @param id the kind, e.g. {@code sql}
     * @param rule the rule id of its findings, e.g. {@code sql-injection}
     * @param cwe e.g. {@code CWE-89}
     * @param severity CRITICAL, HIGH, MEDIUM, LOW or INFO
     * @param title the finding title
     * @param remediation what to do
     */
    public record KindModel(String id, String rule, String cwe, String severity, String title, String remediation) {
    }

    /**
     * A value check on calls.
     *
     * @param rule the rule id, e.g. {@code weak-cipher}
     * @param check what is checked: {@code weak-algorithm} (argument {@code arg}, a constant, matches one of
     *        {@code weak}, case-insensitive regular expressions), {@code call} (every matching call is a finding),
     *        {@code flag-missing} (the object in argument {@code arg} has no constant-true {@code flag} set through
     *        {@code setter})
     * @param calls the calls checked
     * @param arg the argument checked
     * @param weak patterns of weak values
     * @param flag the flag's name, for {@code flag-missing}
     * @param setter the method setting the flag, for {@code flag-missing}
     * @param cwe e.g. {@code CWE-327}
     * @param severity CRITICAL, HIGH, MEDIUM, LOW or INFO
     * @param title the finding title
     * @param remediation what to do
     */
    public record CheckModel(String rule, String check, List<CallPattern> calls, Integer arg, List<String> weak,
            String flag, String setter, String cwe, String severity, String title, String remediation) {
        public CheckModel {
            calls = calls == null ? List.of() : List.copyOf(calls);
            weak = weak == null ? List.of() : List.copyOf(weak);
        }
    }
}
