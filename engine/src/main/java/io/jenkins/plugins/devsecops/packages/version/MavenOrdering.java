package io.jenkins.plugins.devsecops.packages.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/** Maven's own ordering, {@link ComparableVersion} of maven-artifact: every string is a version. */
public final class MavenOrdering implements VersionOrdering {

    private final ParseCache<ComparableVersion> cache = new ParseCache<>(version -> {
        if (version.isBlank()) {
            throw new IllegalArgumentException("Not a Maven version: '" + version + "'");
        }
        return new ComparableVersion(version.strip());
    });

    @Override
    public int compare(String left, String right) {
        return cache.get(left).compareTo(cache.get(right));
    }
}
