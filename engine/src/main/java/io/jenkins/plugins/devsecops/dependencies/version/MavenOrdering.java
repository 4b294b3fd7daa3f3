package io.jenkins.plugins.devsecops.dependencies.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/** Maven's own ordering, {@link ComparableVersion} of maven-artifact: every string is a version. */
public final class MavenOrdering implements VersionOrdering {

    @Override
    public int compare(String left, String right) {
        if (left == null || right == null || left.isBlank() || right.isBlank()) {
            throw new IllegalArgumentException("Not a Maven version: " + (left == null || left.isBlank() ? left : right));
        }
        return new ComparableVersion(left.strip()).compareTo(new ComparableVersion(right.strip()));
    }
}
