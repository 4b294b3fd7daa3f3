package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.imports.ImportPattern;
import io.jenkins.plugins.devsecops.imports.ImportStage;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.report.ReportWriter;
import io.jenkins.plugins.devsecops.report.ReportWriters;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code devsecops scan}: scans a directory, writes the reports, prints a summary, exits by the quality gate. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scans a directory and writes reports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the scan ran and the quality gate passed", "1:the quality gate failed",
            "2:bad usage or a scan error"})
final class ScanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", description = "The directory to scan (default: .)")
    private Path path;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE",
            description = "Stages to run, comma-separated (default: every default stage).")
    private List<String> stages = new ArrayList<>();

    @Option(names = {"-o", "--output"}, defaultValue = "devsecops-report", paramLabel = "DIR",
            description = "Directory the reports are written to (default: ${DEFAULT-VALUE})")
    private Path output;

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT",
            description = "Report formats, comma-separated (default: every available format)")
    private List<String> formats = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Fail (exit 1) when an active finding is at or above this severity: CRITICAL, HIGH, MEDIUM, LOW, INFO")
    private String failOn;

    @Option(names = "--history", description = "Also scan the added lines of every commit reachable from HEAD for secrets")
    private boolean history;

    @Option(names = "--since", paramLabel = "COMMIT", description = "With --history: only commits after this one")
    private String since;

    @Option(names = "--include", paramLabel = "PATTERN", description = "Scan only files matching this gitignore-style pattern (repeatable)")
    private List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PATTERN", description = "Leave out files matching this gitignore-style pattern (repeatable)")
    private List<String> excludes = new ArrayList<>();

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "10485760",
            description = "Skip files larger than this (default: ${DEFAULT-VALUE})")
    private long maxFileSize;

    @Option(names = "--threads", paramLabel = "N", description = "Scan threads (default: the number of cores)")
    private Integer threads;

    @Option(names = "--option", paramLabel = "STAGE.NAME=VALUE", description = "A stage option (repeatable)")
    private java.util.Map<String, String> options = new java.util.LinkedHashMap<>();

    @Option(names = "--import", paramLabel = "FORMAT:GLOB",
            description = "Import another tool's report (repeatable): sarif, trivy, grype, gitleaks, semgrep, dependency-check, "
                    + "zap, checkov, bandit, npm-audit, spotbugs or auto, e.g. --import sarif:build/**/*.sarif")
    private List<String> imports = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and the final verdict")
    private boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Severity failSeverity = parseSeverity();
        ReportWriters writers = ReportWriters.builtIn();
        List<ReportWriter> selected = selectWriters(writers);

        ScanRequest.Builder request = ScanRequest.builder(path.toAbsolutePath().normalize())
                .stages(stages).maxFileSize(maxFileSize);
        includes.forEach(request::include);
        excludes.forEach(request::exclude);
        if (threads != null) {
            request.threads(threads);
        }
        if (history) {
            request.option("secrets.history", "true");
        }
        if (since != null) {
            request.option("secrets.since", since);
        }
        if (!imports.isEmpty()) {
            try {
                request.option("imports.patterns", ImportPattern.toOption(imports));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!stages.isEmpty() && !stages.contains(ImportStage.ID)) {
                request.stage(ImportStage.ID);
            }
        }
        options.forEach(request::option);

        ScanEngine engine = ScanEngine.withBuiltInStages();
        ProgressListener listener = quiet ? ProgressListener.NONE : new ProgressBar(out, System.console() != null);
        Report report;
        try {
            report = engine.scan(request.build(), listener);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }

        Files.createDirectories(output);
        for (ReportWriter writer : selected) {
            Path file = output.resolve(writer.fileName());
            try (OutputStream stream = Files.newOutputStream(file)) {
                writer.write(report, stream);
            }
            if (!quiet) {
                out.println("Wrote " + file);
            }
        }
        if (!quiet) {
            new SummaryTable(report).print(out);
        }
        long failing = failSeverity == null ? 0 : report.activeFindings().stream()
                .map(Finding::severity).filter(s -> s.isAtLeast(failSeverity)).count();
        if (failing > 0) {
            out.println("FAILED: " + failing + " active findings at or above " + failSeverity);
            out.flush();
            return DevSecOpsCommand.EXIT_GATE_FAILED;
        }
        out.println("PASSED");
        out.flush();
        return DevSecOpsCommand.EXIT_PASSED;
    }

    private Severity parseSeverity() {
        if (failOn == null) {
            return null;
        }
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private List<ReportWriter> selectWriters(ReportWriters writers) {
        if (formats.isEmpty()) {
            return writers.formats().stream().map(f -> writers.find(f).orElseThrow()).toList();
        }
        List<ReportWriter> selected = new ArrayList<>();
        for (String format : formats) {
            selected.add(writers.find(format).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "Unknown format '" + format + "': known formats are " + writers.formats())));
        }
        return selected;
    }
}
