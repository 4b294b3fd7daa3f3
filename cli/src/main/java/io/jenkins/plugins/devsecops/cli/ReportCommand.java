package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;
import io.jenkins.plugins.devsecops.dashboard.DashboardData;
import io.jenkins.plugins.devsecops.dashboard.DashboardPage;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.summary.SecurityKpis;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            description = "The history directory (default: .devsecops/history in the scanned directory)")
    private Path historyDir;

    @Option(names = {"-o", "--output"}, defaultValue = "devsecops-report", paramLabel = "DIR",
            description = "Directory dashboard.html is written to (default: ${DEFAULT-VALUE})")
    private Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path history = historyDir != null ? historyDir
                : path.toAbsolutePath().normalize().resolve(ScanCommand.HISTORY_DIR);
        HistoryDirectory directory = new HistoryDirectory(history);
        Optional<DashboardData> data = directory.dashboard();
        if (data.isEmpty()) {
            spec.commandLine().getErr().println("error: no scan recorded in " + history
                    + ": run 'devsecops scan' first");
            return DevSecOpsCommand.EXIT_ERROR;
        }
        Files.createDirectories(output);
        Path file = output.resolve(DashboardPage.FILE_NAME);
        try (OutputStream stream = Files.newOutputStream(file)) {
            // Link to the scan's HTML report when it lies in the same directory.
            String reportLink = Files.isRegularFile(output.resolve("index.html")) ? "index.html" : null;
            stream.write(new DashboardPage().render(data.get(), reportLink).getBytes(StandardCharsets.UTF_8));
        }
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
