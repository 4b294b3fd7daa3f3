package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.List;

/**
 * A software component a dependency finding is about.
 *
 * @param purl the package URL, e.g. {@code pkg:npm/lodash@4.17.20}
 * @param ecosystem the OSV ecosystem name, e.g. {@code npm}, {@code Maven}, {@code PyPI}
 * @param direct {@code true} for a direct dependency, {@code false} for a transitive one, {@code null} when unknown
 * @param dependencyPath the chain of packages from the project to this component, where the lockfile gives it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Component(String purl, String name, String version, String ecosystem, Boolean direct,
        List<String> dependencyPath) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Component {
        dependencyPath = dependencyPath == null ? List.of() : List.copyOf(dependencyPath);
    }

    /** A component with only its coordinates. */
    public static Component of(String purl, String name, String version, String ecosystem) {
        return new Component(purl, name, version, ecosystem, null, List.of());
    }
}
