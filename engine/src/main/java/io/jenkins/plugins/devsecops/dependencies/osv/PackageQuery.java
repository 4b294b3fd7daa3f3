package io.jenkins.plugins.devsecops.dependencies.osv;

import io.jenkins.plugins.devsecops.dependencies.PackageKey;
import java.util.Objects;

/** A question to an advisory source: which advisories may concern this package at this version? */
public record PackageQuery(PackageKey key, String version) {

    public PackageQuery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
    }
}
