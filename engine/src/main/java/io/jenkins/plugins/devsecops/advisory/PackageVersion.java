package io.jenkins.plugins.devsecops.advisory;

import java.util.Objects;

/**
 * A package at a version, as a stage other than the dependency stage found it (e.g. a JavaScript library a web page
 * serves).
 *
 * @param ecosystem the OSV ecosystem name, e.g. {@code npm}
 * @param name the package name in that ecosystem
 * @param version the version
 */
public record PackageVersion(String ecosystem, String name, String version) {

    public PackageVersion {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return ecosystem + ":" + name + "@" + version;
    }
}
