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
