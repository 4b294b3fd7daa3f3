package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.EngineVersion;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code devsecops} command: security scans outside Jenkins, with the same engine as the plugin. */
@Command(name = "devsecops", mixinStandardHelpOptions = true, versionProvider = DevSecOpsCommand.Version.class,
        description = "Security scans of a source tree: secrets, dependencies, IaC, imported reports.",
        subcommands = {ScanCommand.class, CommandLine.HelpCommand.class})
public final class DevSecOpsCommand {

    /** Exit code: the scan ran and the quality gate passed. */
    public static final int EXIT_PASSED = 0;
    /** Exit code: the scan ran and the quality gate failed. */
    public static final int EXIT_GATE_FAILED = 1;
    /** Exit code: bad usage or a scan error. */
    public static final int EXIT_ERROR = 2;

    public static void main(String[] args) {
        EarlyStart.begin(args);
        // The process is ours: keep the serial collector's old generation near the live set (see the class)
        Optional<OldGenerationWatch> watch = OldGenerationWatch.start();
        int exitCode;
        try {
            exitCode = newCommandLine(CliEnvironment.system(), args).execute(args);
        } finally {
            watch.ifPresent(OldGenerationWatch::close);
        }
        System.exit(exitCode);
    }

    /** The configured command line, also used by tests. */
    public static CommandLine newCommandLine() {
        return newCommandLine(CliEnvironment.system());
    }

    /** The configured command line reading {@code environment} (tests place the user's cache with it). */
    static CommandLine newCommandLine(CliEnvironment environment) {
        return newCommandLine(environment, new String[0]);
    }

    /**
     * The command line to run {@code commandArgs} with: for a {@code scan}, without the policy, baseline and report commands,
     * whose models picocli would build by reflection for nothing (a scan's usage, help and errors never name them);
     * for anything else, every command.
     */
    static CommandLine newCommandLine(CliEnvironment environment, String[] commandArgs) {
        CommandLine commandLine = new CommandLine(new DevSecOpsCommand());
        if (commandArgs.length == 0 || !commandArgs[0].equals("scan")) {
            commandLine.addSubcommand(new PolicyCommand());
            commandLine.addSubcommand(new BaselineCommand());
            ReportCommand report = new ReportCommand();
            report.environment(environment);
            commandLine.addSubcommand(report);
        }
        ((ScanCommand) commandLine.getSubcommands().get("scan").getCommand()).environment(environment);
        commandLine.setExitCodeExceptionMapper(e -> EXIT_ERROR);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            ConsoleWriter.of(cmd.getErr()).println("error: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            ConsoleWriter.of(cmd.getErr()).println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return EXIT_ERROR;
        });
        return commandLine;
    }

    /** Prints the engine version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {EngineVersion.NAME + " " + EngineVersion.version(),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
