package io.jenkins.plugins.devsecops.jenkins.steps;

import hudson.FilePath;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.record.ScanRecordJson;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the report travels from the agent to the controller: as a file, never as a Java object. The controller creates
 * an empty hand-over file in the workspace's temporary directory ({@code <workspace>@tmp}, where Jenkins keeps step
 * files), the agent writes the report into it as gzip-compressed JSON, and the controller copies it with
 * {@link FilePath#copyTo(FilePath)} into the build directory, streaming, then reads it from there once. The
 * controller never holds the report's bytes and its objects at the same time.
 */
final class ReportHandOver {

    private static final Logger LOGGER = Logger.getLogger(ReportHandOver.class.getName());
    private static final ScanRecordJson JSON = new ScanRecordJson();

    private ReportHandOver() {
    }

    /** Creates the empty hand-over file of scan {@code id} beside {@code workspace}, on the agent. */
    static FilePath create(FilePath workspace, String id) throws IOException, InterruptedException {
        FilePath temporary = WorkspaceList.tempDir(workspace);
        FilePath directory = temporary == null ? workspace : temporary;
        directory.mkdirs();
        return directory.createTempFile("devsecops-" + id + "-", ".json.gz");
    }

    /**
     * Copies the hand-over file into {@code buildDirectory/devsecops/} and reads the report from that copy, which is
     * removed afterwards (the build keeps the assessed record instead).
     *
     * @throws IOException when the copy fails or the file holds no readable report
     */
    static Report receive(FilePath handOver, File buildDirectory, String id) throws IOException, InterruptedException {
        Path directory = buildDirectory.toPath().resolve("devsecops");
        Files.createDirectories(directory);
        Path received = Files.createTempFile(directory, id + "-received-", ".json.gz");
        try {
            handOver.copyTo(new FilePath(received.toFile()));
            try (InputStream in = Files.newInputStream(received)) {
                return JSON.readReport(in);
            }
        } finally {
            Files.deleteIfExists(received);
        }
    }

    /** Deletes the hand-over file; a failure is printed, never thrown: the scan's result does not depend on it. */
    static void deleteQuietly(FilePath handOver, PrintStream logger) {
        try {
            handOver.delete();
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.FINE, "Cannot delete " + handOver, e);
            logger.println("[DevSecOps] warning: cannot delete the temporary file " + handOver.getRemote());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
