package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;

/**
 * Where a finding is: a path relative to the scan root ({@code /}-separated), a line and column range
 * (1-based, 0 when unknown) and a snippet of the offending text, already redacted where it held a secret.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Location(String path, int startLine, int startColumn, int endLine, int endColumn, String snippet)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public Location {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A location needs a path");
        }
        startLine = Math.max(0, startLine);
        startColumn = Math.max(0, startColumn);
        endLine = Math.max(startLine, endLine);
        endColumn = Math.max(0, endColumn);
    }

    /** A location of a whole file. */
    public static Location ofFile(String path) {
        return new Location(path, 0, 0, 0, 0, null);
    }

    /** A location of one line. */
    public static Location ofLine(String path, int line) {
        return new Location(path, line, 0, line, 0, null);
    }

    /** This location with another snippet. */
    public Location withSnippet(String newSnippet) {
        return new Location(path, startLine, startColumn, endLine, endColumn, newSnippet);
    }

    @Override
    public String toString() {
        return startLine > 0 ? path + ":" + startLine : path;
    }

    // equals and hashCode as the record's own would compute them, written out: the record's are made by an
    // invokedynamic bootstrap at their first call (~3 ms of every scan that finds something); LocationTest holds
    // them equal.

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Location location && startLine == location.startLine
                && startColumn == location.startColumn && endLine == location.endLine
                && endColumn == location.endColumn && path.equals(location.path)
                && java.util.Objects.equals(snippet, location.snippet);
    }

    @Override
    public int hashCode() {
        int hash = path.hashCode();
        hash = 31 * hash + Integer.hashCode(startLine);
        hash = 31 * hash + Integer.hashCode(startColumn);
        hash = 31 * hash + Integer.hashCode(endLine);
        hash = 31 * hash + Integer.hashCode(endColumn);
        return 31 * hash + java.util.Objects.hashCode(snippet);
    }
}
