package io.jenkins.plugins.devsecops.jenkins.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devsecops.jenkins.actions.DevSecOpsBuildAction;
import io.jenkins.plugins.devsecops.jenkins.config.DevSecOpsGlobalConfiguration;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.view.FailOnThreshold;
import io.jenkins.plugins.devsecops.view.ScanSummary;
import io.jenkins.plugins.devsecops.view.SummaryText;
import io.jenkins.plugins.util.PipelineResultHandler;
import io.jenkins.plugins.util.ResultHandler;
import io.jenkins.plugins.util.RunResultHandler;
import java.io.PrintStream;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs the {@code devSecOpsScan} step: validates the parameters on the controller, scans on the agent, records the
 * result on the build and marks build and stage. Returns a map of counts to the script.
 */
final class DevSecOpsScanExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    @Serial
    private static final long serialVersionUID = 1L;

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
        Result failOnResult = parseFailOnResult();
        FilePath source = resolveSourceDirectory(workspace);

        DevSecOpsGlobalConfiguration global = DevSecOpsGlobalConfiguration.get();
        ScanSettings settings = new ScanSettingsFactory(step, global).create(run);
        try {
            StageCatalog.builtIn().select(settings.getStages());
        } catch (IllegalArgumentException e) {
            throw new AbortException("devSecOpsScan: " + e.getMessage());
        }
        logger.println("[DevSecOps] Scanning " + source.getRemote() + " (" + settings + ")");
        Optional<String> reference = new ReferenceBuildResolver().resolve(run, step.getReferenceJob(),
                step.getReferenceBuild(), id);
        reference.ifPresent(ref -> logger.println("[DevSecOps] Reference build: " + ref));

        Report report = source.act(new AgentScanCallable(settings, listener));

        ScanSummary summary = ScanSummary.of(report);
        logger.println("[DevSecOps] " + SummaryText.of(summary));
        Optional<FailOnThreshold.Evaluation> evaluation = threshold.map(t -> t.evaluate(summary));
        String outcome = evaluation.filter(FailOnThreshold.Evaluation::isTripped)
                .map(e -> failOnResult.toString()).orElse(Result.SUCCESS.toString());
        String message = evaluation.map(FailOnThreshold.Evaluation::describe).orElse("");

        DevSecOpsBuildAction action = DevSecOpsBuildAction.record(run, id, displayName(), report, summary, outcome,
                message, reference.orElse(""));
        logger.println("[DevSecOps] Results: " + action.getAbsoluteUrl());

        if (evaluation.isPresent()) {
            logger.println("[DevSecOps] failOn: " + message + (evaluation.get().isTripped()
                    ? " -> " + failOnResult : " -> passed"));
            if (evaluation.get().isTripped()) {
                resultHandler(run).publishResult(failOnResult, "DevSecOps " + displayName() + ": " + message);
            }
        }
        return stepResult(id, summary, outcome);
    }

    private ResultHandler resultHandler(Run<?, ?> run) throws java.io.IOException, InterruptedException {
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

    private Result parseFailOnResult() throws AbortException {
        String text = step.getFailOnResult().trim();
        if (Result.FAILURE.toString().equalsIgnoreCase(text)) {
            return Result.FAILURE;
        }
        if (Result.UNSTABLE.toString().equalsIgnoreCase(text)) {
            return Result.UNSTABLE;
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

    private static Map<String, Object> stepResult(String id, ScanSummary summary, String outcome) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("total", summary.total());
        summary.bySeverity().forEach((severity, count) -> result.put(severity.name().toLowerCase(java.util.Locale.ROOT), count));
        result.put("suppressed", summary.suppressed());
        result.put("incompleteStages", String.join(",", summary.incompleteStages()));
        result.put("result", outcome);
        return result;
    }
}
