package io.jenkins.plugins.devsecops.jenkins.actions;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Gives a job one {@link DevSecOpsJobAction} per scan id found on its last completed build (or, when that build
 * ran no scan, its last successful one). Unlike {@code LastBuildAction}, a build a threshold marked as failed keeps
 * its trend on the job page.
 */
@Extension
@SuppressWarnings("rawtypes")
public final class DevSecOpsJobActionFactory extends TransientActionFactory<Job> {

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job job) {
        List<Action> actions = new ArrayList<>();
        Run<?, ?> build = job.getLastCompletedBuild();
        if (build == null) {
            return actions;
        }
        List<DevSecOpsBuildAction> scans = build.getActions(DevSecOpsBuildAction.class);
        if (scans.isEmpty()) {
            Run<?, ?> successful = job.getLastSuccessfulBuild();
            scans = successful == null ? List.of() : successful.getActions(DevSecOpsBuildAction.class);
        }
        for (DevSecOpsBuildAction scan : scans) {
            actions.add(new DevSecOpsJobAction(job, scan.getId(), scan.getDisplayName()));
        }
        return actions;
    }
}
