package io.jenkins.plugins.devsecops.dast.http;

/** Thrown by {@link HttpGate} when a limit stops the scan; the stage reports it as a warning. */
public final class LimitReachedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LimitReachedException(String message) {
        super(message);
    }
}
