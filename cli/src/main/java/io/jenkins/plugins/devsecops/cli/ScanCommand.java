package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;
import io.jenkins.plugins.devsecops.dashboard.DashboardData;
import io.jenkins.plugins.devsecops.dashboard.DashboardPage;
import io.jenkins.plugins.devsecops.dashboard.DashboardSections;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import io.jenkins.plugins.devsecops.imports.ImportPattern;
import io.jenkins.plugins.devsecops.imports.ImportStage;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.report.HtmlReportWriter;
import io.jenkins.plugins.devsecops.report.ReportWriter;
import io.jenkins.plugins.devsecops.report.ReportWriters;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.files.SafeDirectory;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
        exitCodeList = {"0:the scan ran and the policy PASSED or was UNSTABLE", "1:the policy FAILED",
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
            description = "Report formats, comma-separated: json, sarif, html, cyclonedx, compliance-csv, dashboard (default: every "
                    + "available format)")
    private List<String> formats = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Fail (exit 1) when an active finding is at or above this severity: CRITICAL, HIGH, MEDIUM, LOW, INFO")
    private String failOn;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file (default: devsecops-policy.yaml in the scanned root, when present)")
    private Path policyFile;

    @Option(names = "--no-default-policy",
            description = "Without a policy file, apply no gates instead of the default policy (fail on new CRITICAL "
                    + "findings and on verified-format secrets)")
    private boolean noDefaultPolicy;

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "Suppressions file (default, when present:%n.devsecops/suppressions.yaml in the scanned root)")
    private Path suppressionsFile;

    @Option(names = "--history-dir", paramLabel = "DIR",
            description = "Where build summaries and the last report are kept (default: $XDG_CACHE_HOME/devsecops/<repository id>,"
                    + " else ~/.cache/devsecops/<repository id>; never inside the scanned tree unless given here)")
    private Path historyDir;

    @Option(names = "--no-history", description = "Keep no history: every finding is new, no trends")
    private boolean noHistory;

    @Option(names = "--build-id", paramLabel = "ID", description = "This build's id in the history (default: the next number)")
    private String buildId;

    @Option(names = "--history", description = "Also scan for secrets the lines every commit of every branch, tag, "
            + "remote-tracking ref and stash added")
    private boolean history;

    @Option(names = "--since", paramLabel = "COMMIT", description = "With --history: only commits after this one")
    private String since;

    @Option(names = "--include", paramLabel = "PATTERN", description = "Scan only files matching this gitignore-style pattern (repeatable)")
    private List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PATTERN", description = "Leave out files matching this gitignore-style pattern (repeatable)")
    private List<String> excludes = new ArrayList<>();

    @Option(names = "--no-ignore", description = "Also scan what git ignores and build output (target/, build/, dist/, "
            + "node_modules/); by default a git work tree is walked as git sees it")
    private boolean noIgnore;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "10485760",
            description = "Skip files larger than this (default: ${DEFAULT-VALUE})")
    private long maxFileSize;

    @Option(names = "--threads", paramLabel = "N", description = "Scan threads (default: the number of cores)")
    private Integer threads;

    @Option(names = "--option", paramLabel = "STAGE.NAME=VALUE", description = "A stage option (repeatable)")
    private java.util.Map<String, String> options = new java.util.LinkedHashMap<>();

    @Option(names = "--import", paramLabel = "FORMAT:GLOB",
            description = "Import another tool's report (repeatable): sarif, trivy, grype, gitleaks, semgrep, dependency-check, "
                    + "zap, checkov, bandit, npm-audit, spotbugs or auto, e.g.%n--import sarif:build/**/*.sarif")
    private List<String> imports = new ArrayList<>();

    @Option(names = "--allow-missing-imports",
            description = "An --import pattern that matches no file is a warning, not an error")
    private boolean allowMissingImports;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors, the gate table and the final verdict")
    private boolean quiet;

    /** The {@code --format} name of the dashboard page, which is not a report writer. */
    static final String DASHBOARD_FORMAT = "dashboard";

    /** Where earlier versions kept the history, under the scanned root; no longer read or written by default. */
    static final String LEGACY_HISTORY_DIR = ".devsecops/history";

    private CliEnvironment environment = CliEnvironment.system();

    private boolean dashboard;

    /** Sets where the default history directory lies (tests). */
    void environment(CliEnvironment value) {
        environment = value;
    }

    private boolean formatsGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--format");
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = ConsoleWriter.of(spec.commandLine().getOut());
        Severity failSeverity = parseSeverity();
        ReportWriters writers = ReportWriters.builtIn();
        List<ReportWriter> selected = selectWriters(writers);

        ScanRequest.Builder request = ScanRequest.builder(path.toAbsolutePath().normalize())
                .stages(stages).maxFileSize(maxFileSize).scanIgnored(noIgnore);
        includes.forEach(request::include);
        excludes.forEach(request::exclude);
        if (threads != null) {
            request.threads(threads);
        }
        if (history) {
            request.option("secrets.history", "true");
        }
        if (since != null) {
            if (!history) {
                throw new ParameterException(spec.commandLine(), "--since needs --history: it limits the git history "
                        + "scan to the commits after COMMIT");
            }
            SinceCommit.check(path.toAbsolutePath().normalize(), since, spec.commandLine());
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
            if (allowMissingImports) {
                request.option("imports.allowMissing", "true");
            }
        }
        options.forEach(request::option);

        Path root = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new ParameterException(spec.commandLine(), "Not a directory: " + path);
        }
        TreeFiles tree = new TreeFiles(root);
        SafeDirectory outputDirectory = prepareOutput(tree, selected);
        PrintWriter err = ConsoleWriter.of(spec.commandLine().getErr());
        Path historyPath = noHistory ? null : ScanLocations.history(historyDir != null ? historyDir
                : environment.defaultHistory(root), tree, err).orElse(null);
        if (historyDir == null && Files.isDirectory(root.resolve(LEGACY_HISTORY_DIR), LinkOption.NOFOLLOW_LINKS)) {
            err.println("note: " + LEGACY_HISTORY_DIR + " in the scanned tree is no longer used (the history now lives"
                    + " in " + (historyPath == null ? "the user's cache" : historyPath) + "); you may delete it");
        }
        ScanAssessment policyRun = new ScanAssessment(root, policyFile, suppressionsFile, historyPath, failSeverity,
                buildId).defaultPolicy(!noDefaultPolicy);
        try {
            policyRun.prepare();
        } catch (YamlInputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (historyPath != null) {
            tree.inside(historyPath).map(root::resolve).ifPresent(request::ownDirectory);
        }
        tree.inside(outputDirectory.path()).map(root::resolve).ifPresent(request::ownDirectory);

        ScanEngine engine = ScanEngine.withBuiltInStages();
        ProgressListener listener = quiet ? ProgressListener.NONE : new ProgressBar(spec.commandLine().getOut(), System.console() != null);
        Report report;
        try {
            report = engine.scan(request.build(), listener);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }

        boolean missingAllowed = allowMissingImports
                || Boolean.parseBoolean(options.getOrDefault("imports.allowMissing", "false").strip());
        if (!missingAllowed && !missingImports(report).isEmpty()) {
            missingImports(report).forEach(pattern -> err.println("error: --import " + pattern
                    + " matches no file (--allow-missing-imports accepts a missing report)"));
            return DevSecOpsCommand.EXIT_ERROR;
        }
        if (historyPath != null && tree.contains(historyPath)) {
            report = report.toBuilder().property(HISTORY_INSIDE_TREE, tree.displayName(historyPath)).build();
        }
        Assessment assessment = policyRun.assess(report, err);
        report = assessment.report();

        DashboardData data = new DashboardData(report, assessment.evaluation(), assessment.comparison().fixed(),
                historyPath == null ? List.of(assessment.summary()) : loadSummaries(historyPath, tree, err),
                assessment.evaluation().warnings());
        boolean htmlReport = selected.stream().anyMatch(HtmlReportWriter.class::isInstance);
        for (ReportWriter selectedWriter : selected) {
            // The HTML report carries the dashboard (verdict, gates, KPIs, trends, fixed findings).
            ReportWriter writer = selectedWriter instanceof HtmlReportWriter
                    ? new HtmlReportWriter(DashboardSections.of(data, dashboard ? DashboardPage.FILE_NAME : null))
                    : selectedWriter;
            Report written = report;
            Path file = output.resolve(writer.fileName());
            outputDirectory.write(writer.fileName(), stream -> writer.write(written, stream));
            if (!quiet) {
                out.println("Wrote " + file);
            }
        }
        if (dashboard) {
            Path file = output.resolve(DashboardPage.FILE_NAME);
            outputDirectory.writeString(DashboardPage.FILE_NAME, new DashboardPage().render(data,
                    htmlReport ? "index.html" : null));
            if (!quiet) {
                out.println("Wrote " + file);
            }
        }
        if (!quiet && historyPath != null) {
            out.println("History kept in " + historyPath);
        }
        if (!quiet) {
            new SummaryTable(report).print(out);
        }
        new GateTable(assessment).print(out);
        out.flush();
        return assessment.evaluation().verdict() == PolicyVerdict.FAILED ? DevSecOpsCommand.EXIT_GATE_FAILED
                : DevSecOpsCommand.EXIT_PASSED;
    }

    /** The {@code --import} patterns that matched no file. */
    private static List<String> missingImports(Report report) {
        return report.stage(ImportStage.ID).map(stage -> stage.properties().get(ImportStage.UNMATCHED_PATTERNS))
                .filter(value -> !value.isBlank()).map(value -> List.of(value.split(";"))).orElse(List.of());
    }

    /** The report property naming a history directory that lies inside the scanned tree. */
    static final String HISTORY_INSIDE_TREE = "history.insideScannedTree";

    /** Checks the output location before the scan: a bad one is a usage error that says what is wrong. */
    private SafeDirectory prepareOutput(TreeFiles tree, List<ReportWriter> selected) {
        List<String> names = new ArrayList<>(selected.stream().map(ReportWriter::fileName).toList());
        if (dashboard) {
            names.add(DashboardPage.FILE_NAME);
        }
        try {
            return ScanLocations.output(output, tree, names);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static List<BuildSummary> loadSummaries(Path historyPath, TreeFiles tree, PrintWriter err) {
        try {
            return new HistoryDirectory(historyPath, tree).summaries().load().summaries();
        } catch (IOException e) {
            err.println("warning: no trends: " + e.getMessage());
            return List.of();
        }
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
        dashboard = formats.isEmpty() || formats.removeIf(f -> f.trim().equalsIgnoreCase(DASHBOARD_FORMAT));
        if (formats.isEmpty() && dashboard && formatsGiven()) {
            return List.of();
        }
        if (formats.isEmpty()) {
            return writers.formats().stream().map(f -> writers.find(f).orElseThrow()).toList();
        }
        List<ReportWriter> selected = new ArrayList<>();
        for (String format : formats) {
            selected.add(writers.find(format).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "Unknown format '" + format + "': known formats are " + String.join(", ", writers.formats())
                            + ", " + DASHBOARD_FORMAT)));
        }
        return selected;
    }
}
