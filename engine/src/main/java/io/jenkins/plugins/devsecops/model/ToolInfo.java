package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;

/** The tool that produced a finding or a report: our own engine, or an imported scanner. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ToolInfo(String name, String version) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ToolInfo {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A tool needs a name");
        }
    }
}
