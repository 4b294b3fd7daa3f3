package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;
import io.jenkins.plugins.devsecops.dashboard.DashboardData;
import io.jenkins.plugins.devsecops.dashboard.DashboardPage;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.summary.SecurityKpis;
import io.jenkins.plugins.devsecops.files.SafeDirectory;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devsecops report}: renders the dashboard from the history directory, without scanning. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders dashboard.html from the history directory without scanning.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", description = "The scanned directory (default: .)")
    private Path path;

    @Option(names = "--history-dir", paramLabel = "DIR",
            description = "The history directory (default: the scanned directory's history in the user's cache, as for scan)")
    private Path historyDir;

    @Option(names = {"-o", "--output"}, defaultValue = "devsecops-report", paramLabel = "DIR",
            description = "Directory dashboard.html is written to (default: ${DEFAULT-VALUE})")
    private Path output;

    private CliEnvironment environment = CliEnvironment.system();

    /** Sets where the default history directory lies (tests). */
    void environment(CliEnvironment value) {
        environment = value;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = ConsoleWriter.of(spec.commandLine().getOut());
        Path root = path.toAbsolutePath().normalize();
        TreeFiles tree = new TreeFiles(root);
        Path history = historyDir != null ? historyDir : environment.defaultHistory(root);
        HistoryDirectory directory = new HistoryDirectory(history, tree);
        Optional<DashboardData> data = directory.dashboard();
        if (data.isEmpty()) {
            ConsoleWriter.of(spec.commandLine().getErr()).println("error: no scan recorded in " + history
                    + ": run 'devsecops scan' first");
            return DevSecOpsCommand.EXIT_ERROR;
        }
        SafeDirectory target = ScanLocations.output(output, tree, List.of(DashboardPage.FILE_NAME));
        Path file = output.resolve(DashboardPage.FILE_NAME);
        // Link to the scan's HTML report when it lies in the same directory.
        String reportLink = target.hasFile("index.html") ? "index.html" : null;
        target.writeString(DashboardPage.FILE_NAME, new DashboardPage().render(data.get(), reportLink));
        SecurityKpis kpis = SecurityKpis.of(data.get().summaries());
        out.println("Wrote " + file + " from " + data.get().summaries().size() + " builds");
        StringBuilder open = new StringBuilder();
        for (Severity severity : Severity.values()) {
            open.append(' ').append(severity.name().toLowerCase(Locale.ROOT)).append('=')
                    .append(kpis.openBySeverity().get(severity));
        }
        out.println("Open:" + open + "; new " + kpis.added() + ", fixed " + kpis.fixed() + ", overdue "
                + kpis.overdue() + ", MTTR " + (kpis.meanTimeToRemediateDays() == null ? "-"
                        : String.format(Locale.ROOT, "%.1f days", kpis.meanTimeToRemediateDays()))
                + ", score " + kpis.score() + ", policy " + kpis.verdict());
        out.flush();
        return DevSecOpsCommand.EXIT_PASSED;
    }
}
