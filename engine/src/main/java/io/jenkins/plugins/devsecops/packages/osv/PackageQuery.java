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
 * @param queryEcosystem the ecosystem to send to the OSV API: its plain name, or with the release for distribution
 *     packages ({@code Debian:12}, {@code Alpine:v3.20})
 */
public record PackageQuery(PackageKey key, String version, String queryName, String queryEcosystem) {

    public PackageQuery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(queryEcosystem, "queryEcosystem");
    }

    /** A query that sends the ecosystem's plain OSV name. */
    public PackageQuery(PackageKey key, String version, String queryName) {
        this(key, version, queryName, key.ecosystem().osvName());
    }

    /** A query that sends the normalized name. */
    public PackageQuery(PackageKey key, String version) {
        this(key, version, key.name());
    }
}
