package io.jenkins.plugins.devsecops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the real {@code devsecops} command line in this JVM, as a user types it: its exit code and what it
 * printed.
 */
record Run(int exit, String stdout, String stderr) {

    /** Runs {@code devsecops args...}. */
    static Run devsecops(String... args) {
        CommandLine commandLine = DevSecOpsCommand.newCommandLine();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        commandLine.setOut(new PrintWriter(stdout));
        commandLine.setErr(new PrintWriter(stderr));
        int exit = commandLine.execute(args);
        return new Run(exit, stdout.toString(), stderr.toString());
    }
}
