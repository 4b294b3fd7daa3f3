package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.files.RegularFiles;
import io.jenkins.plugins.devsecops.files.SafeDirectory;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before a scan starts, where its files will go: the output directory must be (or become) a real, writable
 * directory whose report files are regular files or absent; the history directory that is read-only or unsafe is
 * dropped with a warning (the scan then runs without history), and one inside the scanned tree is flagged.
 */
final class ScanLocations {

    private ScanLocations() {
    }

    /**
     * Creates and checks the output directory.
     *
     * @param fileNames the files the scan will write there
     * @throws IOException whose message says what is wrong with the location
     */
    static SafeDirectory output(Path output, TreeFiles tree, List<String> fileNames) throws IOException {
        Path absolute = output.toAbsolutePath().normalize();
        Optional<BasicFileAttributes> existing = RegularFiles.attributes(absolute);
        if (existing.isPresent() && !existing.get().isDirectory() && !Files.isDirectory(absolute)) {
            throw new IOException("--output " + output + " is " + (existing.get().isRegularFile() ? "an existing file"
                    : RegularFiles.kind(existing.get())) + ", not a directory: give a directory for the reports");
        }
        SafeDirectory directory;
        try {
            directory = SafeDirectory.create(absolute, tree);
            directory.requireWritable();
        } catch (IOException e) {
            throw new IOException("--output " + output + " cannot hold the reports: " + reason(e), e);
        }
        for (String name : fileNames) {
            try {
                directory.hasFile(name);
            } catch (IOException e) {
                throw new IOException("--output " + output + ": " + e.getMessage(), e);
            }
        }
        return directory;
    }

    /**
     * The history directory to use, or empty when it cannot be used safely; says why on {@code err}.
     */
    static Optional<Path> history(Path history, TreeFiles tree, PrintWriter err) {
        if (tree.contains(history)) {
            err.println("warning: the history directory " + tree.displayName(history) + " lies inside the scanned"
                    + " tree: anyone who can commit there decides what counts as new");
        }
        try {
            SafeDirectory directory = SafeDirectory.create(history, tree);
            directory.requireWritable();
            // A history someone else planted (a shared cache) must not become the reference.
            directory.requireOwnedByCurrentUser();
            return Optional.of(history.toAbsolutePath().normalize());
        } catch (IOException e) {
            err.println("warning: history directory " + history + " cannot be used (" + reason(e)
                    + "): continuing without history");
            return Optional.empty();
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
