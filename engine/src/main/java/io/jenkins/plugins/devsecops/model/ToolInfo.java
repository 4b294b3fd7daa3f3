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

    // equals and hashCode as the record's own would compute them, written out: the record's are made by an
    // invokedynamic bootstrap at their first call (~1.5 ms of every scan's start); ToolInfoTest holds them equal.

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ToolInfo tool && name.equals(tool.name)
                && java.util.Objects.equals(version, tool.version);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + java.util.Objects.hashCode(version);
    }
}
