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

    /** What a scan's command line prints: the same with every command as with the scan command alone. */
    @Test
    void shouldPrintTheSameForAScanWithoutTheOtherCommands() {
        CliEnvironment environment = new CliEnvironment(java.util.Map.of("XDG_CACHE_HOME",
                dir.resolve("cache").toString()), dir);
        for (String[] args : java.util.List.of(new String[] {"scan", "--help"}, new String[] {"scan", "-h"},
                new String[] {"scan", "--no-such-option"}, new String[] {"scan", dir.toString(), "--fail-on", "X"},
                new String[] {"scan", dir.toString(), "--format", "pdf"}, new String[] {"scan", "a", "b"},
                new String[] {"scan", "--stages"})) {
            StringWriter[] outputs = new StringWriter[4];
            int[] exits = new int[2];
            for (int i = 0; i < 2; i++) {
                CommandLine commandLine = i == 0 ? DevSecOpsCommand.newCommandLine(environment)
                        : DevSecOpsCommand.newCommandLine(environment, args);
                outputs[2 * i] = new StringWriter();
                outputs[2 * i + 1] = new StringWriter();
                commandLine.setOut(new PrintWriter(outputs[2 * i], true));
                commandLine.setErr(new PrintWriter(outputs[2 * i + 1], true));
                exits[i] = commandLine.execute(args);
            }
            String line = String.join(" ", args);
            assertThat(exits[1]).as(line).isEqualTo(exits[0]);
            assertThat(outputs[2].toString()).as(line).isEqualTo(outputs[0].toString());
            assertThat(outputs[3].toString()).as(line).isEqualTo(outputs[1].toString());
        }
        assertThat(DevSecOpsCommand.newCommandLine(environment, new String[] {"scan"}).getSubcommands())
                .containsOnlyKeys("scan", "help");
        assertThat(DevSecOpsCommand.newCommandLine(environment, new String[] {"policy"}).getSubcommands())
                .containsKeys("scan", "help", "policy", "baseline", "report");
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
