package io.jenkins.plugins.devsecops.sast.taint;

import io.jenkins.plugins.devsecops.sast.ir.TypeNames;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every taint model in force: the built-in files plus the user's, indexed by method name. Immutable once built.
 */
public final class TaintModels {

    /** The built-in model files, in the engine's resources. */
    static final List<String> BUILT_IN = List.of("kinds", "servlet", "spring", "jaxrs", "jdbc", "exec",
            "ldap-jndi", "xpath", "files", "jdk", "crypto");

    /** A matched model entry with the pattern that matched. */
    record Match<T>(T model, ModelFile.CallPattern pattern) {
    }

    private final Map<String, List<Match<ModelFile.SourceModel>>> sources = new HashMap<>();
    private final Map<String, ModelFile.SourceModel> parameterSources = new HashMap<>();
    private final Map<String, List<Match<ModelFile.SinkModel>>> sinks = new HashMap<>();
    private final Map<String, List<Match<ModelFile.SanitizerModel>>> sanitizers = new HashMap<>();
    private final Map<String, List<ModelFile.CallPattern>> values = new HashMap<>();
    private final Map<String, List<Match<CompiledCheck>>> checks = new HashMap<>();
    private final Map<String, Set<String>> supertypes = new HashMap<>();
    /**
     * The type models by simple name: a type can only match a model type of its simple name (see
     * {@link TypeNames#matches}), so {@link #isA} looks there instead of walking every type model.
     */
    private final Map<String, List<Map.Entry<String, Set<String>>>> supertypesBySimpleName = new HashMap<>();
    private final Map<String, ModelFile.KindModel> kinds = new HashMap<>();
    private Hierarchy memoFor;
    private BoundedMemo<String, Map<String, Boolean>> isAMemo = new BoundedMemo<>(IS_A_TYPES);
    /** How many types a generation of the memo of {@link #libraryIsA} holds (see {@link BoundedMemo}). */
    static final int IS_A_TYPES = 1 << 12;

    /** A check with its weak patterns compiled. */
    record CompiledCheck(ModelFile.CheckModel model, List<Pattern> weak) {
    }

    private TaintModels(List<ModelFile> files) {
        for (ModelFile file : files) {
            for (ModelFile.SourceModel source : file.sources()) {
                for (ModelFile.CallPattern call : source.calls()) {
                    call.methods().forEach(m -> sources.computeIfAbsent(m, k -> new ArrayList<>())
                            .add(new Match<>(source, call)));
                }
                source.parameterAnnotations().forEach(a -> parameterSources.put(a, source));
            }
            for (ModelFile.SinkModel sink : file.sinks()) {
                for (ModelFile.CallPattern call : sink.calls()) {
                    call.methods().forEach(m -> sinks.computeIfAbsent(m, k -> new ArrayList<>())
                            .add(new Match<>(sink, call)));
                }
            }
            for (ModelFile.SanitizerModel sanitizer : file.sanitizers()) {
                for (ModelFile.CallPattern call : sanitizer.calls()) {
                    call.methods().forEach(m -> sanitizers.computeIfAbsent(m, k -> new ArrayList<>())
                            .add(new Match<>(sanitizer, call)));
                }
            }
            for (ModelFile.CallPattern call : file.values()) {
                call.methods().forEach(m -> values.computeIfAbsent(m, k -> new ArrayList<>()).add(call));
            }
            for (ModelFile.CheckModel check : file.checks()) {
                List<Pattern> weak = check.weak().stream()
                        .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
                CompiledCheck compiled = new CompiledCheck(check, weak);
                for (ModelFile.CallPattern call : check.calls()) {
                    call.methods().forEach(m -> checks.computeIfAbsent(m, k -> new ArrayList<>())
                            .add(new Match<>(compiled, call)));
                }
            }
            for (ModelFile.TypeModel type : file.types()) {
                supertypes.computeIfAbsent(type.name(), k -> new HashSet<>()).addAll(type.supertypes());
            }
            for (ModelFile.KindModel kind : file.kinds()) {
                kinds.put(kind.id(), kind);
            }
        }
        for (Map.Entry<String, Set<String>> entry : supertypes.entrySet()) {
            supertypesBySimpleName.computeIfAbsent(TypeNames.simple(entry.getKey()), k -> new ArrayList<>())
                    .add(entry);
        }
    }

    /** The built-in models plus the given user model files. */
    public static TaintModels load(List<ModelFile> userFiles) {
        List<ModelFile> files = new ArrayList<>(builtIn());
        files.addAll(userFiles);
        return new TaintModels(files);
    }

    private static java.util.Set<String> builtInKinds() {
        java.util.Set<String> kinds = new java.util.HashSet<>();
        builtIn().forEach(f -> f.kinds().forEach(k -> kinds.add(k.id())));
        return kinds;
    }

    private static List<ModelFile> builtIn() {
        StrictYamlReader reader = new StrictYamlReader();
        List<ModelFile> files = new ArrayList<>();
        for (String name : BUILT_IN) {
            String resource = "/io/jenkins/plugins/devsecops/sast/models/" + name + ".yaml";
            try (InputStream in = TaintModels.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing built-in model " + resource);
                }
                files.add(reader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource,
                        ModelFile.class));
            } catch (IOException e) {
                throw new IllegalStateException("Broken built-in model " + resource + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** Reads one user model file; the exception names the file, line and column of the problem. */
    public static ModelFile read(String text, String source) throws YamlInputException {
        ModelFile file = new StrictYamlReader().read(text, source, ModelFile.class);
        String problem = new ModelValidation(file, builtInKinds()).firstProblem();
        if (problem != null) {
            throw new YamlInputException(source, 0, 0, problem, null);
        }
        for (ModelFile.CheckModel check : file.checks()) {
            for (String weak : check.weak()) {
                try {
                    Pattern.compile(weak);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new YamlInputException(source, 0, 0, "bad pattern '" + weak + "' in check " + check.rule(),
                            e);
                }
            }
        }
        return file;
    }

    /** Setter method names that set a checked flag, mapped to the flag's name (e.g. setSecure to secure). */
    Map<String, String> flagSetters() {
        Map<String, String> setters = new HashMap<>();
        checks.values().forEach(list -> list.forEach(m -> {
            ModelFile.CheckModel check = m.model().model();
            if (check.setter() != null && check.flag() != null) {
                setters.put(check.setter(), check.flag());
            }
        }));
        return setters;
    }

    /** Every sink kind. */
    public Map<String, ModelFile.KindModel> kinds() {
        return Map.copyOf(kinds);
    }

    ModelFile.KindModel kind(String id) {
        return kinds.get(id);
    }

    ModelFile.SourceModel parameterSource(String annotation) {
        return parameterSources.get(annotation);
    }

    /** Whether {@code type} is {@code wanted} or one of its known library supertypes (transitively). */
    boolean libraryIsA(String type, String wanted, Hierarchy project) {
        if (type == null) {
            return false;
        }
        // Memoised per project hierarchy: the answer depends only on the models (fixed) and the hierarchy, and the
        // walk over every type model cost a sixth of the analysis.
        BoundedMemo<String, Map<String, Boolean>> memo = memo(project);
        return memo.computeIfAbsent(type, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(wanted, w -> isA(type, w, project, 0));
    }

    private synchronized BoundedMemo<String, Map<String, Boolean>> memo(Hierarchy project) {
        if (memoFor != project) {
            memoFor = project;
            isAMemo = new BoundedMemo<>(IS_A_TYPES);
        }
        return isAMemo;
    }

    private boolean isA(String type, String wanted, Hierarchy project, int depth) {
        if (type == null || depth > 12) {
            return false;
        }
        if (TypeNames.matches(type, wanted)) {
            return true;
        }
        for (Map.Entry<String, Set<String>> entry : supertypesBySimpleName.getOrDefault(TypeNames.simple(type),
                List.of())) {
            if (TypeNames.matches(type, entry.getKey())) {
                for (String parent : entry.getValue()) {
                    if (isA(parent, wanted, project, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        for (String parent : project.supertypesOf(type)) {
            if (isA(parent, wanted, project, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The project's own type hierarchy, as far as the models need it. */
    interface Hierarchy {
        List<String> supertypesOf(String type);
    }

    private <T> List<Match<T>> matching(Map<String, List<Match<T>>> index, CallSite site, Hierarchy project) {
        List<Match<T>> candidates = index.get(site.method());
        if (candidates == null) {
            return List.of();
        }
        List<Match<T>> found = new ArrayList<>();
        for (Match<T> candidate : candidates) {
            if (site.matches(candidate.pattern(), this, project)) {
                found.add(candidate);
            }
        }
        return found;
    }

    List<Match<ModelFile.SourceModel>> sources(CallSite site, Hierarchy project) {
        return matching(sources, site, project);
    }

    List<Match<ModelFile.SinkModel>> sinks(CallSite site, Hierarchy project) {
        return matching(sinks, site, project);
    }

    List<Match<ModelFile.SanitizerModel>> sanitizers(CallSite site, Hierarchy project) {
        return matching(sanitizers, site, project);
    }

    List<Match<CompiledCheck>> checks(CallSite site, Hierarchy project) {
        return matching(checks, site, project);
    }

    List<ModelFile.CallPattern> values(CallSite site, Hierarchy project) {
        List<ModelFile.CallPattern> candidates = values.get(site.method());
        if (candidates == null) {
            return List.of();
        }
        return candidates.stream().filter(c -> site.matches(c, this, project)).toList();
    }

    /**
     * A call as the models see it: the receiver's type (null when unknown), the method, the number of arguments and
     * the receiver's tag.
     */
    record CallSite(String receiverType, String method, int argCount, String receiverTag) {

        boolean matches(ModelFile.CallPattern pattern, TaintModels models, Hierarchy project) {
            if (pattern.argCount() != null && pattern.argCount() != argCount) {
                return false;
            }
            if (pattern.receiverTag() != null && !pattern.receiverTag().equals(receiverTag)) {
                return false;
            }
            if (receiverType == null) {
                return pattern.allowsUnknownReceiver() || pattern.receiverTag() != null;
            }
            return models.libraryIsA(receiverType, pattern.type(), project);
        }
    }
}
