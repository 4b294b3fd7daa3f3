package io.jenkins.plugins.devsecops.checks;

import java.io.Serializable;

/**
 * One annotation of a check run: a new finding at its file and line.
 *
 * @param path the file, relative to the repository root, with {@code /}
 * @param startLine the first line (1-based)
 * @param endLine the last line, at least {@code startLine}
 * @param level how the platform shows it
 * @param title a short title, e.g. {@code HIGH aws-secret-access-key}
 * @param message what was found and how to fix it; never a secret's value or a snippet of the file
 */
public record CheckAnnotation(String path, int startLine, int endLine, Level level, String title, String message)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Annotation levels as GitHub and GitLab checks know them. */
    public enum Level {
        /** CRITICAL and HIGH findings. */
        FAILURE,
        /** MEDIUM findings. */
        WARNING,
        /** LOW and INFO findings. */
        NOTICE
    }
}
