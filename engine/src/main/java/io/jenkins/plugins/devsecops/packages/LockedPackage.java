package io.jenkins.plugins.devsecops.packages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One package at one version that a project uses, as a lockfile, manifest or artifact records it.
 *
 * @param ecosystem its ecosystem
 * @param name its name as the ecosystem writes it ({@code group:artifact} for Maven)
 * @param version its exact version
 * @param file the file it was found in, relative to the scan root
 * @param line the 1-based line of its entry, 0 when unknown
 * @param direct {@code true} when the project names it, {@code false} when it comes through another package,
 *     {@code null} when the file does not tell
 * @param dependencyPath the chain of package names from the project to it, itself last, where the file gives it
 * @param hashes content hashes by CycloneDX algorithm name ({@code SHA-256}, {@code SHA-512}, ...), lower-case hex
 * @param dependsOn purls of the packages it depends on, where the file gives them
 * @param scope {@code dev}, {@code test}, {@code optional}, ... or {@code null} for a runtime dependency
 */
public record LockedPackage(Ecosystem ecosystem, String name, String version, String file, int line, Boolean direct,
        List<String> dependencyPath, Map<String, String> hashes, List<String> dependsOn, String scope) {

    public LockedPackage {
        Objects.requireNonNull(ecosystem, "ecosystem");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A package needs a name");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("Package " + name + " has no version");
        }
        Objects.requireNonNull(file, "file");
        line = Math.max(0, line);
        dependencyPath = dependencyPath == null ? List.of() : List.copyOf(dependencyPath);
        hashes = hashes == null || hashes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(hashes));
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** The purl of this package. */
    public String purl() {
        return ecosystem.purl(name, version);
    }

    /** The identity of this package in its ecosystem, file and location aside. */
    public PackageKey key() {
        return new PackageKey(ecosystem, ecosystem.normalizeName(name));
    }

    /** A builder of a package of {@code ecosystem} found in {@code file}. */
    public static Builder builder(Ecosystem ecosystem, String file) {
        return new Builder(ecosystem, file);
    }

    /** A builder with every field of this package. */
    public Builder toBuilder() {
        Builder builder = new Builder(ecosystem, file).name(name).version(version).line(line).direct(direct)
                .dependencyPath(dependencyPath).scope(scope);
        hashes.forEach(builder::hash);
        dependsOn.forEach(builder::dependsOn);
        return builder;
    }

    /** Builds {@link LockedPackage}s. Not thread-safe. */
    public static final class Builder {
        private final Ecosystem ecosystem;
        private final String file;
        private String name;
        private String version;
        private int line;
        private Boolean direct;
        private List<String> dependencyPath = List.of();
        private final Map<String, String> hashes = new LinkedHashMap<>();
        private final List<String> dependsOn = new ArrayList<>();
        private String scope;

        private Builder(Ecosystem ecosystem, String file) {
            this.ecosystem = ecosystem;
            this.file = file;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder version(String value) {
            version = value;
            return this;
        }

        public Builder line(int value) {
            line = value;
            return this;
        }

        public Builder direct(Boolean value) {
            direct = value;
            return this;
        }

        public Builder dependencyPath(List<String> value) {
            dependencyPath = value == null ? List.of() : value;
            return this;
        }

        /** Adds a hash; ignored when the algorithm or value is missing. */
        public Builder hash(String algorithm, String hexValue) {
            if (algorithm != null && hexValue != null && !hexValue.isBlank()) {
                hashes.put(algorithm, hexValue);
            }
            return this;
        }

        public Builder dependsOn(String purl) {
            if (purl != null) {
                dependsOn.add(purl);
            }
            return this;
        }

        public Builder scope(String value) {
            scope = value;
            return this;
        }

        public LockedPackage build() {
            return new LockedPackage(ecosystem, name, version, file, line, direct, dependencyPath, hashes, dependsOn,
                    scope);
        }
    }
}
