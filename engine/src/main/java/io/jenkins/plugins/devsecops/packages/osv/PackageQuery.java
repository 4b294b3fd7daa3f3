package io.jenkins.plugins.devsecops.packages.osv;

import io.jenkins.plugins.devsecops.packages.PackageKey;
import java.util.Objects;

/**
 * A question to an advisory source: which advisories may concern this package at this version?
 *
 * @param key the package as advisories are indexed (normalized name)
 * @param version the version to check
 * @param queryName the name to send to the OSV API, which compares names exactly: the lockfile's spelling for NuGet
 *     (osv.dev keeps GitHub's {@code Newtonsoft.Json} and finds nothing for {@code newtonsoft.json}), the normalized
 *     name otherwise (osv.dev's PyPI names are PEP 503-normalized)
 */
public record PackageQuery(PackageKey key, String version, String queryName) {

    public PackageQuery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(queryName, "queryName");
    }

    /** A query that sends the normalized name. */
    public PackageQuery(PackageKey key, String version) {
        this(key, version, key.name());
    }
}
