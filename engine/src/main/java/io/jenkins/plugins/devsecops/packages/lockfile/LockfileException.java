package io.jenkins.plugins.devsecops.packages.lockfile;

/** A file that cannot be read as the format it claims to be; the message says why, for the user. */
public class LockfileException extends Exception {

    private static final long serialVersionUID = 1L;

    public LockfileException(String message) {
        super(message);
    }

    public LockfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
