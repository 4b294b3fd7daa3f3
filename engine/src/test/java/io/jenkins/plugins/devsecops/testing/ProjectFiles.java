package io.jenkins.plugins.devsecops.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of a project a test builds on disk. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** Writes {@code content} as UTF-8 to {@code path} under {@code root}, making its directories. */
    public static Path write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
