package io.jenkins.plugins.devsecops.yaml;

import java.io.IOException;

/**
 * A YAML file that cannot be used, with where the problem is. The message reads
 * {@code source:line:column: what is wrong}.
 */
public final class YamlInputException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public YamlInputException(String source, int line, int column, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line + ":" + column : "") + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file or other source name. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
