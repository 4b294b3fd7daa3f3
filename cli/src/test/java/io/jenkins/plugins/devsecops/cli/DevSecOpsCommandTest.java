package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DevSecOpsCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = DevSecOpsCommand.newCommandLine(
                new CliEnvironment(java.util.Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()), dir));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldWriteTheJsonReportAndPassOnACleanTree() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src"));
        Files.writeString(source.resolve("README.md"), "Nothing to see here\n");
        Path output = dir.resolve("out");

        int exit = run("scan", source.toString(), "--output", output.toString(), "--format", "json");

        assertThat(exit).isEqualTo(DevSecOpsCommand.EXIT_PASSED);
        assertThat(output.resolve("report.json")).exists();
        assertThat(Files.readString(output.resolve("report.json"))).contains("\"schemaVersion\" : 1");
        assertThat(out.toString()).contains("TOTAL", "PASSED");
    }

    @Test
    void shouldExitWithTwoOnUsageErrors() {
        assertThat(run("scan", dir.toString(), "--fail-on", "SEVERE")).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("Unknown severity 'SEVERE'");

        assertThat(run("scan", dir.toString(), "--format", "pdf")).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("Unknown format 'pdf'");

        assertThat(run("scan", dir.toString(), "--stages", "nonsense")).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("Unknown stage 'nonsense'");

        assertThat(run("scan", "--no-such-option")).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
    }

    @Test
    void shouldExitWithTwoWhenTheRootIsMissing() {
        int exit = run("scan", dir.resolve("missing").toString(), "--output", dir.resolve("out").toString());

        assertThat(exit).isEqualTo(DevSecOpsCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("missing");
    }

    @Test
    void shouldPrintVersionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("DevSecOps Scan");

        assertThat(run("scan", "--help")).isZero();
        assertThat(out.toString()).contains("--fail-on", "--history", "--since", "Exit codes");
    }
}
