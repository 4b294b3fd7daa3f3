package io.jenkins.plugins.devsecops.sast.taint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a user's model file must pass beyond its YAML shape: every call pattern names a type and methods that
 * can exist in Java (a dotted name; identifiers or {@code <init>}, not signatures such as {@code run(String)}),
 * argument positions are not negative, sinks and sanitizers name known kinds, sources have ids, checks a known
 * check. The first problem is reported with the item it is in, e.g. {@code sinks[1].calls[0].methods[0]}.
 */
final class ModelValidation {

    private static final Pattern TYPE = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Pattern METHOD = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*|<init>");
    private static final Set<String> CHECKS = Set.of("weak-algorithm", "call", "flag-missing");
    private static final Set<String> SEVERITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");

    private final ModelFile file;
    private final Set<String> kinds = new HashSet<>();

    ModelValidation(ModelFile file, Set<String> builtInKinds) {
        this.file = file;
        kinds.addAll(builtInKinds);
        file.kinds().forEach(k -> kinds.add(k.id()));
    }

    /** The first problem, or null when the file is sound. */
    String firstProblem() {
        for (int i = 0; i < file.kinds().size(); i++) {
            ModelFile.KindModel kind = file.kinds().get(i);
            String item = "kinds[" + i + "]";
            if (blank(kind.id()) || blank(kind.rule())) {
                return item + ": a kind needs an id and a rule";
            }
            if (kind.severity() != null && !SEVERITIES.contains(kind.severity())) {
                return item + ": unknown severity '" + kind.severity() + "' (one of " + String.join(", ",
                        SEVERITIES.stream().sorted().toList()) + ")";
            }
        }
        for (int i = 0; i < file.sources().size(); i++) {
            ModelFile.SourceModel source = file.sources().get(i);
            String item = "sources[" + i + "]";
            if (blank(source.id())) {
                return item + ": a source needs an id";
            }
            if (source.calls().isEmpty() && source.parameterAnnotations().isEmpty()) {
                return item + " (" + source.id() + "): no calls and no parameterAnnotations";
            }
            String problem = calls(item, source.calls());
            if (problem != null) {
                return problem;
            }
        }
        for (int i = 0; i < file.sinks().size(); i++) {
            ModelFile.SinkModel sink = file.sinks().get(i);
            String item = "sinks[" + i + "]";
            if (blank(sink.kind()) || !kinds.contains(sink.kind())) {
                return item + ": unknown kind '" + sink.kind() + "' (one of " + known() + ", or one the file's kinds"
                        + " define)";
            }
            String problem = calls(item, sink.calls());
            if (problem != null) {
                return problem;
            }
        }
        for (int i = 0; i < file.sanitizers().size(); i++) {
            ModelFile.SanitizerModel sanitizer = file.sanitizers().get(i);
            String item = "sanitizers[" + i + "]";
            if (sanitizer.kinds().isEmpty()) {
                return item + ": no kinds (list the sink kinds it makes data safe for, or [all])";
            }
            for (String kind : sanitizer.kinds()) {
                if (!kind.equals("all") && !kinds.contains(kind)) {
                    return item + ": unknown kind '" + kind + "' (one of all, " + known() + ")";
                }
            }
            String problem = calls(item, sanitizer.calls());
            if (problem != null) {
                return problem;
            }
        }
        for (int i = 0; i < file.types().size(); i++) {
            ModelFile.TypeModel type = file.types().get(i);
            String item = "types[" + i + "]";
            if (type.name() == null || !TYPE.matcher(type.name()).matches()) {
                return item + ": '" + type.name() + "' is not a type name";
            }
            for (String parent : type.supertypes()) {
                if (parent == null || !TYPE.matcher(parent).matches()) {
                    return item + ": supertype '" + parent + "' is not a type name";
                }
            }
        }
        String problem = calls("values", file.values());
        if (problem != null) {
            return problem;
        }
        for (int i = 0; i < file.checks().size(); i++) {
            ModelFile.CheckModel check = file.checks().get(i);
            String item = "checks[" + i + "]";
            if (blank(check.rule())) {
                return item + ": a check needs a rule";
            }
            if (check.check() == null || !CHECKS.contains(check.check())) {
                return item + " (" + check.rule() + "): unknown check '" + check.check() + "' (one of call, "
                        + "flag-missing, weak-algorithm)";
            }
            if (check.severity() != null && !SEVERITIES.contains(check.severity())) {
                return item + " (" + check.rule() + "): unknown severity '" + check.severity() + "'";
            }
            if (check.arg() != null && check.arg() < 0) {
                return item + " (" + check.rule() + "): arg must not be negative";
            }
            problem = calls(item, check.calls());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String known() {
        return String.join(", ", kinds.stream().sorted().toList());
    }

    private static String calls(String item, List<ModelFile.CallPattern> calls) {
        for (int i = 0; i < calls.size(); i++) {
            ModelFile.CallPattern call = calls.get(i);
            String where = item + ".calls[" + i + "]";
            if (item.equals("values")) {
                where = "values[" + i + "]";
            }
            if (call.type() == null || !TYPE.matcher(call.type()).matches()) {
                return where + ": type '" + call.type() + "' is not a type name (a dotted name such as "
                        + "com.example.Db, without generics or a method)";
            }
            if (call.methods().isEmpty()) {
                return where + " (" + call.type() + "): no methods";
            }
            for (int m = 0; m < call.methods().size(); m++) {
                String method = call.methods().get(m);
                if (method == null || !METHOD.matcher(method).matches()) {
                    return where + ".methods[" + m + "] (" + call.type() + "): '" + method + "' is not a method "
                            + "name (write the name alone, e.g. run, or <init> for a constructor; arguments go in "
                            + "args and argCount)";
                }
            }
            for (Integer arg : call.args()) {
                if (arg == null || arg < 0) {
                    return where + " (" + call.type() + "): argument positions start at 0, got " + arg;
                }
            }
            if (call.argCount() != null && call.argCount() < 0) {
                return where + " (" + call.type() + "): argCount must not be negative";
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
