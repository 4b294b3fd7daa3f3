package io.jenkins.plugins.devsecops.jenkins.steps;

import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.devsecops.jenkins.actions.DevSecOpsBuildAction;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.Optional;

/**
 * Finds the build a scan is compared with: {@code referenceJob} (default: this job) and {@code referenceBuild}
 * (default: the newest earlier completed build with a scan of the same id). Only jobs the build may read count.
 */
final class ReferenceBuildResolver {

    /** How many earlier builds are looked at for a scan with the same id. */
    static final int MAX_LOOKBACK = 50;

    private final JenkinsFacade jenkins = new JenkinsFacade();

    /** The {@link Run#getExternalizableId() externalizable id} of the reference build, if one has a scan. */
    Optional<String> resolve(Run<?, ?> run, String referenceJob, String referenceBuild, String id) {
        Job<?, ?> job = run.getParent();
        if (!referenceJob.isEmpty()) {
            Optional<Job<?, ?>> named = jenkins.getJob(referenceJob);
            if (named.isEmpty() || !jenkins.hasPermission(Item.READ, named.get())) {
                return Optional.empty();
            }
            job = named.get();
        }
        if (!referenceBuild.isEmpty()) {
            try {
                Run<?, ?> build = job.getBuildByNumber(Integer.parseInt(referenceBuild));
                return Optional.ofNullable(build).filter(b -> DevSecOpsBuildAction.find(b, id).isPresent())
                        .map(Run::getExternalizableId);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        Run<?, ?> candidate = job == run.getParent() ? run.getPreviousCompletedBuild() : job.getLastCompletedBuild();
        for (int i = 0; candidate != null && i < MAX_LOOKBACK; i++) {
            if (DevSecOpsBuildAction.find(candidate, id).isPresent()) {
                return Optional.of(candidate.getExternalizableId());
            }
            candidate = candidate.getPreviousCompletedBuild();
        }
        return Optional.empty();
    }
}
