package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;

/**
 * An error a stage met: on one input (then {@code path} names it) or on the stage as a whole.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StageError(String path, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return path == null ? message : path + ": " + message;
    }
}
