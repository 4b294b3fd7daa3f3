package io.jenkins.plugins.devsecops.iac.yaml;

/** An infrastructure-as-code file that cannot be read safely; the message says why and where. */
public final class IacParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public IacParseException(String message) {
        super(message);
    }

    public IacParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
