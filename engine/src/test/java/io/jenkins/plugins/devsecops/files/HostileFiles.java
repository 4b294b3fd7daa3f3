package io.jenkins.plugins.devsecops.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Test fixtures made at test time: FIFOs (where {@code mkfifo} exists) and who runs the tests. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** Makes a FIFO at {@code path}; {@code false} when this system cannot (no {@code mkfifo}). */
    public static boolean mkfifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether permissions bind this process (root writes to read-only directories). */
    public static boolean permissionsApply(Path directory) throws IOException {
        Path probe = Files.createDirectories(directory.resolve("perm-probe"));
        probe.toFile().setWritable(false, false);
        try {
            return !Files.isWritable(probe);
        } finally {
            probe.toFile().setWritable(true, false);
            Files.delete(probe);
        }
    }
}
