package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A software component: what a dependency finding is about, and one entry of a report's package inventory (the
 * SBOM).
 *
 * @param purl the package URL, e.g. {@code pkg:npm/lodash@4.17.20}
 * @param ecosystem the OSV ecosystem name, e.g. {@code npm}, {@code Maven}, {@code PyPI}
 * @param direct {@code true} for a direct dependency, {@code false} for a transitive one, {@code null} when unknown
 * @param dependencyPath the chain of packages from the project to this component, where the lockfile gives it
 * @param hashes content hashes by CycloneDX algorithm name (e.g. {@code SHA-512}), lower-case hex, where known
 * @param dependsOn the purls of the components this one depends on, where the lockfile gives them
 * @param scope how the project uses it, e.g. {@code dev}, {@code test}, {@code optional}; {@code null} for a runtime
 *     dependency or when unknown
 * @param sourceFile the file it was found in, relative to the scan root, where known
 * @param properties further facts by name, e.g. for a package inside a container image {@code image},
 *     {@code layer} (the layer digest) and {@code layerInstruction} (the Dockerfile instruction that made it)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Component(String purl, String name, String version, String ecosystem, Boolean direct,
        List<String> dependencyPath, Map<String, String> hashes, List<String> dependsOn, String scope,
        String sourceFile, Map<String, String> properties) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Component {
        dependencyPath = dependencyPath == null ? List.of() : List.copyOf(dependencyPath);
        hashes = Finding.sortedCopy(hashes);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        properties = Finding.sortedCopy(properties);
    }

    /** A component without further properties. */
    public Component(String purl, String name, String version, String ecosystem, Boolean direct,
            List<String> dependencyPath, Map<String, String> hashes, List<String> dependsOn, String scope,
            String sourceFile) {
        this(purl, name, version, ecosystem, direct, dependencyPath, hashes, dependsOn, scope, sourceFile, Map.of());
    }

    /** A component without inventory details (hashes, graph, scope, file). */
    public Component(String purl, String name, String version, String ecosystem, Boolean direct,
            List<String> dependencyPath) {
        this(purl, name, version, ecosystem, direct, dependencyPath, Map.of(), List.of(), null, null, Map.of());
    }

    /** A component with only its coordinates. */
    public static Component of(String purl, String name, String version, String ecosystem) {
        return new Component(purl, name, version, ecosystem, null, List.of());
    }
}
