package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;

/**
 * One step of a data-flow trace from a source to a sink: where it is and what happens there.
 *
 * @param location the file and line
 * @param message what happens, e.g. {@code source: request.getParameter(...)} or {@code passed to Dao.find(name)}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TraceStep(Location location, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TraceStep {
        if (location == null) {
            throw new IllegalArgumentException("A trace step needs a location");
        }
        message = message == null ? "" : message;
    }
}
