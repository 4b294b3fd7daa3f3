package io.jenkins.plugins.devsecops.overview;

import java.util.List;

/** A query string the overview cannot apply; its message names every bad parameter and what is accepted. */
public final class InvalidOverviewQueryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    InvalidOverviewQueryException(List<String> errors) {
        super("Invalid query: " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** One message per bad parameter. */
    public List<String> errors() {
        return errors;
    }
}
