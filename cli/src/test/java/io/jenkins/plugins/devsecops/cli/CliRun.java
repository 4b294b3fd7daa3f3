package io.jenkins.plugins.devsecops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * One run of the real {@code devsecops} command line in this JVM, with the user's cache (the default history
 * location) placed under {@code cache}, and the fixtures hostile-tree tests make at test time.
 */
record CliRun(int exit, String stdout, String stderr) {

    static CliRun of(Path cache, String... args) {
        return withEnvironment(cache, Map.of(), args);
    }

    /** A run with more environment variables. */
    static CliRun withEnvironment(Path cache, Map<String, String> variables, String... args) {
        Map<String, String> environment = new java.util.HashMap<>(variables);
        environment.put("XDG_CACHE_HOME", cache.toString());
        // as main builds it for these arguments
        CommandLine commandLine = DevSecOpsCommand.newCommandLine(new CliEnvironment(environment, cache.resolve("home")),
                args);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        commandLine.setOut(new PrintWriter(stdout));
        commandLine.setErr(new PrintWriter(stderr));
        int exit = commandLine.execute(args);
        return new CliRun(exit, stdout.toString(), stderr.toString());
    }

    /** Makes a FIFO; {@code false} where {@code mkfifo} is missing. */
    static boolean mkfifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether file permissions bind this process (they do not for root). */
    static boolean permissionsApply(Path scratch) throws IOException {
        Path probe = Files.createDirectories(scratch.resolve("permission-probe"));
        probe.toFile().setWritable(false, false);
        try {
            return !Files.isWritable(probe);
        } finally {
            probe.toFile().setWritable(true, false);
            Files.delete(probe);
        }
    }
}
