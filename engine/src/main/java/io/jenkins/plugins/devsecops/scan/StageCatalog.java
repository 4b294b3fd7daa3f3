package io.jenkins.plugins.devsecops.scan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The stages an engine can run, by id. */
public final class StageCatalog {

    private final Map<String, Stage> stages = new LinkedHashMap<>();

    /** A catalog of the given stages. */
    public StageCatalog(Collection<? extends Stage> stages) {
        for (Stage stage : stages) {
            if (this.stages.putIfAbsent(stage.id(), stage) != null) {
                throw new IllegalArgumentException("Two stages share the id " + stage.id());
            }
        }
    }

    /** Every stage on the class path of the engine, found with {@link ServiceLoader}. */
    public static StageCatalog builtIn() {
        List<Stage> found = new ArrayList<>();
        ServiceLoader.load(Stage.class, Stage.class.getClassLoader()).forEach(found::add);
        found.sort(java.util.Comparator.comparing(Stage::id));
        return new StageCatalog(found);
    }

    public Optional<Stage> find(String id) {
        return Optional.ofNullable(stages.get(id));
    }

    public Collection<Stage> all() {
        return stages.values();
    }

    /**
     * Checks option names ({@code <stage>.<name>}) against the options each stage declares.
     *
     * @throws IllegalArgumentException naming the first unknown option and the known ones
     */
    public void checkOptions(java.util.Set<String> names) {
        for (String name : new java.util.TreeSet<>(names)) {
            int dot = name.indexOf('.');
            Stage stage = dot <= 0 ? null : stages.get(name.substring(0, dot));
            if (stage == null) {
                throw new IllegalArgumentException("Unknown option '" + name + "': options are named STAGE.NAME, "
                        + "with STAGE one of " + stages.keySet() + "; known options are " + knownOptions());
            }
            if (!stage.options().contains(name.substring(dot + 1))) {
                throw new IllegalArgumentException("Unknown option '" + name + "': known options of stage "
                        + stage.id() + " are " + (stage.options().isEmpty() ? "none"
                                : String.join(", ", new java.util.TreeSet<>(stage.options()))));
            }
        }
    }

    /** Every option of every stage, {@code <stage>.<name>}, sorted. */
    public List<String> knownOptions() {
        return stages.values().stream().flatMap(s -> s.options().stream().map(o -> s.id() + "." + o)).sorted()
                .toList();
    }

    /**
     * The stages a request asks for: the named ones, or every default stage when it names none.
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public List<Stage> select(List<String> ids) {
        if (ids.isEmpty()) {
            return stages.values().stream().filter(Stage::enabledByDefault).toList();
        }
        List<Stage> selected = new ArrayList<>();
        for (String id : ids) {
            Stage stage = stages.get(id.trim());
            if (stage == null) {
                throw new IllegalArgumentException("Unknown stage '" + id + "': known stages are " + stages.keySet());
            }
            if (!selected.contains(stage)) {
                selected.add(stage);
            }
        }
        return selected;
    }
}
