package io.jenkins.plugins.devsecops.packages.version;

/** How one ecosystem orders its version strings. Implementations are stateless and thread-safe. */
public interface VersionOrdering {

    /**
     * Compares two versions.
     *
     * @throws IllegalArgumentException when either is not a version of this scheme
     */
    int compare(String left, String right);

    /** Whether {@code version} is a version of this scheme. */
    default boolean isValid(String version) {
        try {
            compare(version, version);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
