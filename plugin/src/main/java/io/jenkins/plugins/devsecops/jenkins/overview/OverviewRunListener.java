package io.jenkins.plugins.devsecops.jenkins.overview;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.devsecops.jenkins.actions.DevSecOpsBuildAction;
import io.jenkins.plugins.devsecops.jenkins.actions.MissingScanAction;
import io.jenkins.plugins.devsecops.jenkins.config.DevSecOpsGlobalConfiguration;
import io.jenkins.plugins.devsecops.jenkins.folder.FolderPolicyProperty;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.MissingScan;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.view.ConsoleText;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;

/**
 * On every completed build: (1) a Pipeline build that recorded no scan while the global or a folder layer requires
 * stages gets the engine's {@link MissingScan} ({@link MissingScanAction}, console lines, result FAILURE); (2) the
 * build's scans go into its job's digest file ({@link JobDigests}). On every deleted build, the build leaves the
 * digest. Errors are logged and never change a build otherwise.
 */
@Extension
public final class OverviewRunListener extends RunListener<Run<?, ?>> {

    private static final Logger LOGGER = Logger.getLogger(OverviewRunListener.class.getName());

    @Override
    public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
        try {
            requireScan(run, listener);
        } catch (RuntimeException | java.io.IOException e) {
            LOGGER.log(Level.WARNING, "Cannot check the required stages of " + run, e);
        }
        try {
            JobDigests.record(run);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot update the security digest of " + run.getParent().getFullName(), e);
        }
    }

    @Override
    public void onDeleted(Run<?, ?> run) {
        try {
            JobDigests.forget(run);
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Cannot update the security digest after deleting " + run, e);
        }
    }

    /** Fails a Pipeline build without any scan when its global and folder layers require stages. */
    static void requireScan(Run<?, ?> run, TaskListener listener) throws java.io.IOException {
        if (!(run instanceof FlowExecutionOwner.Executable)
                || !run.getActions(DevSecOpsBuildAction.class).isEmpty()
                || run.getAction(MissingScanAction.class) != null) {
            return;
        }
        List<PolicyLayer> layers = new ArrayList<>();
        layers.add(PolicyLayer.global(DevSecOpsGlobalConfiguration.get().toPolicy()));
        PrintStream logger = listener.getLogger();
        try {
            layers.addAll(FolderPolicyProperty.layersOf(run.getParent()));
        } catch (java.io.IOException | RuntimeException e) {
            logger.println("[DevSecOps] invalid folder policy, required stages not checked: "
                    + ConsoleText.escape(String.valueOf(e.getMessage())));
            return;
        }
        LayeredPolicy policy = PolicyLayering.merge(layers);
        MissingScan missing = MissingScan.of(policy, String.valueOf(run.getNumber()),
                Instant.ofEpochMilli(run.getStartTimeInMillis())).orElse(null);
        if (missing == null) {
            return;
        }
        MissingScanAction.attach(run, missing);
        for (String line : missing.consoleLines()) {
            logger.println("[DevSecOps] " + ConsoleText.escape(line));
        }
        if (run.isBuilding()) {
            // Pipeline builds fire onCompleted while still BUILDING, so the result can still get worse.
            run.setResult(Result.FAILURE);
        } else {
            logger.println("[DevSecOps] The build had already finished: its result stays, the failed required"
                    + " stages are recorded on it and in the Security overview.");
        }
        run.save();
    }
}
