package io.jenkins.plugins.devsecops.packages.lockfile;

/**
 * Reads the packages of one lockfile, manifest or artifact format. Implementations are stateless and thread-safe.
 */
public interface LockfileParser {

    /** A short name of the format for messages, e.g. {@code package-lock.json}. */
    String format();

    /** Whether a file of this name (the last path segment) is in this parser's format. */
    boolean accepts(String fileName);

    /** Whether this parser reads binary files (archives); the others only see text files. */
    default boolean binary() {
        return false;
    }

    /**
     * Reads the packages.
     *
     * @throws LockfileException when the file is malformed; the message says where and why
     */
    LockfileResult parse(Lockfile file) throws LockfileException;
}
