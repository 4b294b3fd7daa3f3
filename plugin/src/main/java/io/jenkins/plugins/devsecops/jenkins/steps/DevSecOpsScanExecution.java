package io.jenkins.plugins.devsecops.jenkins.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Util;
import hudson.console.HyperlinkNote;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devsecops.checks.CheckRunReport;
import io.jenkins.plugins.devsecops.checks.CheckRuns;
import io.jenkins.plugins.devsecops.history.ReferenceDescription;
import io.jenkins.plugins.devsecops.jenkins.actions.DevSecOpsBuildAction;
import io.jenkins.plugins.devsecops.jenkins.checks.ScanResultPublisher;
import io.jenkins.plugins.devsecops.jenkins.folder.FolderPolicyProperty;
import io.jenkins.plugins.devsecops.jenkins.config.DevSecOpsGlobalConfiguration;
import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.GateAction;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.policy.PolicyYaml;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import io.jenkins.plugins.devsecops.suppression.SuppressionFile;
import io.jenkins.plugins.devsecops.view.AssessmentConsole;
import io.jenkins.plugins.devsecops.view.ConsoleText;
import io.jenkins.plugins.devsecops.view.FailOnThreshold;
import java.util.ArrayList;
import java.util.Locale;
import io.jenkins.plugins.util.PipelineResultHandler;
import io.jenkins.plugins.util.ResultHandler;
import io.jenkins.plugins.util.RunResultHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs the {@code devSecOpsScan} step: validates the parameters on the controller, scans on the agent, assesses the
 * report with the engine's {@link Assessor} (suppressions, history against the reference build, the layered
 * policy), records the result on the build and marks build and stage with the verdict through a
 * {@link PipelineResultHandler} (a {@code WarningAction} on the step's node; a result is never improved).
 */
final class DevSecOpsScanExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Logger LOGGER = Logger.getLogger(DevSecOpsScanExecution.class.getName());

    private final DevSecOpsScanStep step;

    DevSecOpsScanExecution(StepContext context, DevSecOpsScanStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        FilePath workspace = getContext().get(FilePath.class);
        TaskListener listener = getContext().get(TaskListener.class);
        if (run == null || workspace == null || listener == null) {
            throw new AbortException("devSecOpsScan needs a workspace: run it inside a node block");
        }
        PrintStream logger = listener.getLogger();

        String id = step.getId();
        if (!DevSecOpsScanStep.ID_PATTERN.matcher(id).matches()) {
            throw new AbortException("devSecOpsScan: invalid id '" + id
                    + "': use 1 to 40 lower-case letters, digits, '-' or '_'");
        }
        if (DevSecOpsBuildAction.find(run, id).isPresent()) {
            throw new AbortException("devSecOpsScan: this build already has a scan with id '" + id
                    + "'; give each scan its own id");
        }
        Optional<FailOnThreshold> threshold = parseFailOn();
        GateAction failOnAction = parseFailOnResult();
        FilePath source = resolveSourceDirectory(workspace);

        DevSecOpsGlobalConfiguration global = DevSecOpsGlobalConfiguration.get();
        SecurityPolicy globalPolicy;
        SecurityPolicy stepPolicy;
        try {
            globalPolicy = global.toPolicy();
            SecurityPolicy.Builder stepLayer = SecurityPolicy.builder();
            step.getQualityGates().forEach(gate -> stepLayer.gate(gate.toGate()));
            threshold.ifPresent(t -> stepLayer.gate(t.toGate(failOnAction)));
            stepPolicy = stepLayer.build();
        } catch (IllegalArgumentException e) {
            throw new AbortException("devSecOpsScan: invalid quality gate: " + e.getMessage());
        }
        ScanSettings settings = new ScanSettingsFactory(step, global).create(run);
        try {
            StageCatalog.builtIn().select(settings.getStages());
        } catch (IllegalArgumentException e) {
            throw new AbortException("devSecOpsScan: " + e.getMessage());
        }
        List<PolicyLayer> folderLayers;
        try {
            folderLayers = FolderPolicyProperty.layersOf(run.getParent());
        } catch (IOException | RuntimeException e) {
            throw new AbortException("devSecOpsScan: invalid folder policy: " + ConsoleText.escape(e.getMessage()));
        }
        ReferenceBuildResolver resolver = new ReferenceBuildResolver();
        Optional<Run<?, ?>> referenceRun = resolver.resolve(run, step);
        String referenceDescription = resolver.description().isEmpty()
                ? referenceRun.map(ref -> ReferenceDescription.build(ref.getFullDisplayName())).orElse("")
                : resolver.description();
        logger.println("[DevSecOps] Scanning " + source.getRemote() + " (" + settings + ")");
        referenceRun.ifPresentOrElse(ref -> logger.println("[DevSecOps] Reference build: " + ref.getFullDisplayName()),
                () -> logger.println("[DevSecOps] No reference build: every finding is new"));
        if (!resolver.description().isEmpty()) {
            logger.println("[DevSecOps] Compared with " + ConsoleText.escape(resolver.description()));
        }

        Report scannedReport;
        AgentScanResult scanned;
        FilePath handOver = ReportHandOver.create(workspace, id);
        try {
            scanned = source.act(new AgentScanCallable(settings, step.getPolicyFile(), handOver.getRemote(), listener));
            logger.println("[DevSecOps] Receiving the report: " + scanned.findings() + " findings, "
                    + (scanned.reportBytes() < 10_240 ? scanned.reportBytes() + " bytes"
                            : scanned.reportBytes() / 1024 + " KB") + " compressed");
            scannedReport = ReportHandOver.receive(handOver, run.getRootDir(), id);
        } finally {
            ReportHandOver.deleteQuietly(handOver, logger);
        }

        List<PolicyLayer> layers = new ArrayList<>();
        layers.add(PolicyLayer.global(globalPolicy));
        layers.addAll(folderLayers);
        List<SuppressionEntry> suppressions;
        SecurityPolicy repositoryPolicy;
        try {
            repositoryPolicy = scanned.policyYaml() == null ? null
                    : PolicyYaml.parse(scanned.policyYaml(), scanned.policyFileName());
            suppressions = scanned.suppressionsYaml() == null ? List.of()
                    : SuppressionFile.parse(scanned.suppressionsYaml(), SuppressionFile.DEFAULT_PATH);
        } catch (IOException | RuntimeException e) {
            throw new AbortException("devSecOpsScan: " + ConsoleText.escape(e.getMessage()));
        }
        // A repository without a policy file gets the engine's default policy, under the global layer, unless the
        // global configuration or the step switches it off.
        PolicyLayer.repositoryOrDefault(scanned.policyFileName(), repositoryPolicy,
                !global.isNoDefaultPolicy() && !step.isNoDefaultPolicy()).ifPresent(layers::add);
        layers.add(PolicyLayer.step(stepPolicy));
        LayeredPolicy policy = PolicyLayering.merge(layers);
        Report reference = referenceRun.flatMap(ref -> DevSecOpsBuildAction.find(ref, id))
                .flatMap(DevSecOpsBuildAction::getReport).orElse(null);
        Assessment assessment = Assessor.assess(scannedReport, policy, suppressions, reference,
                new BuildRef(String.valueOf(run.getNumber()), scannedReport.startedAt()));

        PolicyVerdict verdict = assessment.evaluation().verdict();
        String outcome = switch (verdict) {
            case FAILED -> Result.FAILURE.toString();
            case UNSTABLE -> Result.UNSTABLE.toString();
            default -> Result.SUCCESS.toString();
        };
        String message = verdict == PolicyVerdict.PASSED ? ""
                : "policy " + verdict + ": " + AssessmentConsole.trippedGates(assessment.evaluation());

        showAndRecord(run, logger, id, assessment, outcome, message,
                referenceRun.map(Run::getExternalizableId).orElse(""), referenceDescription);
        publishCheck(run, listener, assessment, referenceDescription);

        if (verdict != PolicyVerdict.PASSED) {
            logger.println("[DevSecOps] " + ConsoleText.escape(displayName() + ": " + message + "; marking the build "
                    + outcome));
            resultHandler(run).publishResult(Result.fromString(outcome), "DevSecOps " + displayName() + ": " + message);
        }
        return stepResult(id, assessment, outcome);
    }

    /**
     * Prints the assessment, records it on the build and links to it. Our own display and record keeping never
     * decide the build: a failure here is printed and logged, and the verdict is published all the same.
     */
    private void showAndRecord(Run<?, ?> run, PrintStream logger, String id, Assessment assessment, String outcome,
            String message, String referenceBuild, String referenceDescription) {
        try {
            AssessmentConsole.lines(assessment).forEach(line -> logger.println("[DevSecOps] " + line));
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot print the DevSecOps assessment of " + run, e);
        }
        try {
            DevSecOpsBuildAction.record(run, id, displayName(), assessment, outcome, message, referenceBuild)
                    .setReferenceDescription(referenceDescription);
            logger.println("[DevSecOps] Results: "
                    + HyperlinkNote.encodeTo("/" + run.getUrl() + id + "/", displayName() + " findings page"));
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot record the DevSecOps results " + id + " of " + run, e);
            logger.println("[DevSecOps] warning: the results could not be stored on the build ("
                    + e.getClass().getSimpleName() + ": " + ConsoleText.escape(String.valueOf(e.getMessage()))
                    + "); the verdict stands");
        }
    }

    /**
     * Publishes the verdict and the new findings as a check run where checks-api is installed (GitHub, GitLab, ...
     * through their plugins). Never decides the build: a failure is printed and logged.
     */
    private void publishCheck(Run<?, ?> run, TaskListener listener, Assessment assessment, String reference) {
        try {
            CheckRunReport check = CheckRuns.of(assessment, displayName(), step.getSourceDirectory(),
                    CheckRuns.DEFAULT_CAP, reference);
            ScanResultPublisher.publishAll(run, listener, check);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot publish the DevSecOps check run of " + run, e);
        }
    }

    private ResultHandler resultHandler(Run<?, ?> run) throws IOException, InterruptedException {
        FlowNode node = getContext().get(FlowNode.class);
        return node == null ? new RunResultHandler(run) : new PipelineResultHandler(run, node);
    }

    private Optional<FailOnThreshold> parseFailOn() throws AbortException {
        try {
            return FailOnThreshold.parse(step.getFailOn());
        } catch (IllegalArgumentException e) {
            throw new AbortException("devSecOpsScan: invalid failOn: " + e.getMessage());
        }
    }

    private GateAction parseFailOnResult() throws AbortException {
        String text = step.getFailOnResult().trim();
        if (Result.FAILURE.toString().equalsIgnoreCase(text)) {
            return GateAction.FAILURE;
        }
        if (Result.UNSTABLE.toString().equalsIgnoreCase(text)) {
            return GateAction.UNSTABLE;
        }
        throw new AbortException("devSecOpsScan: invalid failOnResult '" + text + "': use FAILURE or UNSTABLE");
    }

    private FilePath resolveSourceDirectory(FilePath workspace) throws Exception {
        String directory = step.getSourceDirectory();
        if (directory.isEmpty()) {
            return workspace;
        }
        String normalized = directory.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")
                || List.of(normalized.split("/")).contains("..")) {
            throw new AbortException("devSecOpsScan: sourceDirectory must be a relative path inside the workspace: "
                    + directory);
        }
        FilePath source = workspace.child(normalized);
        if (!source.isDirectory()) {
            throw new AbortException("devSecOpsScan: sourceDirectory '" + directory + "' is not a directory");
        }
        return source;
    }

    private String displayName() {
        String name = Util.fixEmptyAndTrim(step.getName());
        if (name != null) {
            return name;
        }
        return DevSecOpsScanStep.DEFAULT_ID.equals(step.getId()) ? "DevSecOps Scan" : "DevSecOps Scan (" + step.getId() + ")";
    }

    private static Map<String, Object> stepResult(String id, Assessment assessment, String outcome) {
        BuildSummary summary = assessment.summary();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        int[] open = summary.openBySeverity();
        result.put("total", StageCounts.total(open));
        for (Severity severity : Severity.values()) {
            result.put(severity.name().toLowerCase(Locale.ROOT), open[severity.ordinal()]);
        }
        result.put("new", StageCounts.total(summary.addedBySeverity()));
        result.put("fixed", StageCounts.total(summary.fixedBySeverity()));
        result.put("suppressed", summary.stages().stream().mapToInt(StageCounts::suppressed).sum());
        result.put("incompleteStages", String.join(",", summary.incompleteStages()));
        result.put("policy", assessment.evaluation().verdict().name());
        result.put("score", summary.score());
        result.put("result", outcome);
        return result;
    }
}
