package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;
import io.jenkins.plugins.devsecops.dashboard.DashboardData;
import io.jenkins.plugins.devsecops.dashboard.DashboardPage;
import io.jenkins.plugins.devsecops.dashboard.DashboardSections;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import io.jenkins.plugins.devsecops.images.ImageSettings;
import io.jenkins.plugins.devsecops.images.ImageStage;
import io.jenkins.plugins.devsecops.images.source.Platform;
import io.jenkins.plugins.devsecops.images.source.RegistryCredentials;
import io.jenkins.plugins.devsecops.dast.DastStage;
import io.jenkins.plugins.devsecops.imports.ImportPattern;
import io.jenkins.plugins.devsecops.imports.ImportStage;
import io.jenkins.plugins.devsecops.model.FindingPass;
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

    @Option(names = "--image", paramLabel = "REF|PATH",
            description = "Scan a container image (repeatable): a docker-save archive, an OCI layout (directory or tar) "
                    + "or a registry reference such as registry.example.com/app:1.2")
    private List<String> images = new ArrayList<>();

    @Option(names = "--platform", paramLabel = "OS/ARCH",
            description = "The platform to scan in multi-platform images (default linux/amd64)")
    private String platform;

    @Option(names = "--registry-auth", paramLabel = "HOST=USER",
            description = "Log in to registry HOST as USER (repeatable; HOST * for any), the password read from the "
                    + "environment variable DEVSECOPS_REGISTRY_PASSWORD; without this option, DEVSECOPS_REGISTRY_USER "
                    + "and DEVSECOPS_REGISTRY_PASSWORD together log in to every registry")
    private List<String> registryAuth = new ArrayList<>();

    @Option(names = "--allow-missing-imports",
            description = "An --import pattern that matches no file is a warning, not an error")
    private boolean allowMissingImports;

    @Option(names = "--dast-url", paramLabel = "URL",
            description = "Scan the running web application at URL (adds the dast stage; scope: its origin)")
    private String dastUrl;

    @Option(names = "--dast-openapi", paramLabel = "FILE", description = "With --dast-url: an OpenAPI 3 / Swagger 2 document (JSON or YAML) whose operations are scanned too")
    private String dastOpenApi;

    @Option(names = "--dast-mode", paramLabel = "MODE",
            description = "With --dast-url: passive (default: crawl and read, no payloads) or active (send the safe attack set)")
    private String dastMode;

    @Option(names = "--dast-include", paramLabel = "REGEX", description = "With --dast-url: only paths matching this RE2 pattern (repeatable)")
    private List<String> dastIncludes = new ArrayList<>();

    @Option(names = "--dast-exclude", paramLabel = "REGEX", description = "With --dast-url: never paths matching this RE2 pattern (repeatable)")
    private List<String> dastExcludes = new ArrayList<>();

    @Option(names = "--dast-login-url", paramLabel = "URL", description = "With --dast-url: log in through the form at URL; user name and "
            + "password from " + DastCredentials.USERNAME + " and " + DastCredentials.PASSWORD)
    private String dastLoginUrl;

    @Option(names = "--dast-logged-in", paramLabel = "REGEX", description = "With --dast-login-url: a pattern only logged-in pages show (re-login when it disappears)")
    private String dastLoggedIn;

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

    /** The {@code images.registryAuth} value of {@code --registry-auth} and the environment. */
    private String registryLogins() {
        String password = environment.variables().get("DEVSECOPS_REGISTRY_PASSWORD");
        List<String> lines = new ArrayList<>();
        for (String login : registryAuth) {
            int equals = login.indexOf('=');
            if (equals <= 0 || equals == login.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--registry-auth takes HOST=USER, was '" + login + "'");
            }
            if (password == null) {
                throw new ParameterException(spec.commandLine(), "--registry-auth needs the password in the environment "
                        + "variable DEVSECOPS_REGISTRY_PASSWORD");
            }
            lines.add(RegistryCredentials.line(login.substring(0, equals), login.substring(equals + 1), password));
        }
        String user = environment.variables().get("DEVSECOPS_REGISTRY_USER");
        if (lines.isEmpty() && user != null && password != null) {
            lines.add(RegistryCredentials.line("*", user, password));
        }
        return String.join("\n", lines);
    }

    private boolean formatsGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--format");
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        // The stages' rules load beside the checks of the options, the policy and the history below.
        ScanEngine engine = ScanEngine.withBuiltInStages();
        if (!EarlyStart.preloads(stages)) {
            engine.preload(stages);
        }
        PrintWriter out = ConsoleWriter.of(spec.commandLine().getOut());
        Severity failSeverity = parseSeverity();
        ReportWriters writers = EarlyStart.writers();
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
        if (!images.isEmpty()) {
            try {
                request.option("images.refs", ImageSettings.toOption(images));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!stages.isEmpty() && !stages.contains(ImageStage.ID)) {
                request.stage(ImageStage.ID);
            }
        }
        if (platform != null) {
            try {
                request.option("images.platform", Platform.parse(platform).toString());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        String registryLogins = registryLogins();
        if (!registryLogins.isEmpty()) {
            request.option("images.registryAuth", registryLogins);
        }
        options.forEach(request::option);
        addDast(request);

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
        // The reports are written side by side (each reads the same immutable report), then named in their order;
        // what they read of every finding before writing is read in one pass shared by all of them.
        FindingPass pass = new FindingPass(report.findings());
        List<ReportFile> files = new ArrayList<>();
        for (ReportWriter selectedWriter : selected) {
            // The HTML report carries the dashboard (verdict, gates, KPIs, trends, fixed findings).
            ReportWriter writer = selectedWriter instanceof HtmlReportWriter
                    ? new HtmlReportWriter(DashboardSections.of(data, dashboard ? DashboardPage.FILE_NAME : null))
                    : selectedWriter;
            int before = pass.registrations();
            ReportWriter.Prepared prepared = writer.prepare(report, pass);
            files.add(new ReportFile(writer.fileName(),
                    () -> outputDirectory.write(writer.fileName(), prepared::write), pass.registrations() != before));
        }
        if (dashboard) {
            DashboardPage.Prepared page = new DashboardPage().prepare(data, htmlReport ? "index.html" : null, pass);
            files.add(new ReportFile(DashboardPage.FILE_NAME,
                    () -> outputDirectory.write(DashboardPage.FILE_NAME, page::write), true));
        }
        // The console's tables count the findings in the same pass.
        SummaryTable summaryTable = quiet ? null : new SummaryTable(report, pass);
        GateTable gateTable = new GateTable(assessment, pass);
        ReportFile.writeAll(pass, files);
        if (!quiet) {
            files.forEach(file -> out.println("Wrote " + output.resolve(file.name())));
        }
        if (!quiet && historyPath != null) {
            out.println("History kept in " + historyPath);
        }
        if (summaryTable != null) {
            summaryTable.print(out);
        }
        gateTable.print(out);
        out.flush();
        return assessment.evaluation().verdict() == PolicyVerdict.FAILED ? DevSecOpsCommand.EXIT_GATE_FAILED
                : DevSecOpsCommand.EXIT_PASSED;
    }

    /** Adds the dast stage and its options when {@code --dast-url} is given; secrets come from the environment only. */
    private void addDast(ScanRequest.Builder request) {
        for (String name : options.keySet()) {
            if (DastCredentials.isSecretOption(name)) {
                throw new ParameterException(spec.commandLine(), "--option " + name + " would put a secret on the command "
                        + "line: set " + DastCredentials.variableFor(name) + " in the environment instead");
            }
        }
        if (dastUrl == null) {
            if (dastOpenApi != null || dastMode != null || !dastIncludes.isEmpty() || !dastExcludes.isEmpty()
                    || dastLoginUrl != null || dastLoggedIn != null) {
                throw new ParameterException(spec.commandLine(), "The --dast-* options need --dast-url");
            }
            return;
        }
        request.option("dast.url", dastUrl);
        if (dastOpenApi != null) {
            request.option("dast.openapi", dastOpenApi);
        }
        if (dastMode != null) {
            request.option("dast.mode", dastMode);
        }
        if (!dastIncludes.isEmpty()) {
            request.option("dast.include", String.join("\n", dastIncludes));
        }
        if (!dastExcludes.isEmpty()) {
            request.option("dast.exclude", String.join("\n", dastExcludes));
        }
        if (dastLoginUrl != null) {
            request.option("dast.auth.loginUrl", dastLoginUrl);
        }
        if (dastLoggedIn != null) {
            request.option("dast.auth.loggedInRegex", dastLoggedIn);
        }
        DastCredentials.fromEnvironment(environment.variables()).forEach(request::option);
        if (stages.isEmpty()) {
            ScanEngine.withBuiltInStages().catalog().select(List.of()).forEach(stage -> request.stage(stage.id()));
            request.stage(DastStage.ID);
        } else if (!stages.contains(DastStage.ID)) {
            request.stage(DastStage.ID);
        }
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
