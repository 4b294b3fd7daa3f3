package io.jenkins.plugins.devsecops.jenkins.steps;

import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.devsecops.history.ReferenceCandidate;
import io.jenkins.plugins.devsecops.history.ReferenceDescription;
import io.jenkins.plugins.devsecops.history.ReferenceSelection;
import io.jenkins.plugins.devsecops.jenkins.actions.DevSecOpsBuildAction;
import io.jenkins.plugins.devsecops.jenkins.scm.ChangeRequests;
import io.jenkins.plugins.util.JenkinsFacade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Jenkins builds onto the engine's {@link ReferenceCandidate}s and lets the engine's {@link ReferenceSelection}
 * pick the reference: {@code referenceJob} (default: this job; for a pull request, name the target branch's job),
 * then {@code referenceBuild} (a build number) or {@code referenceType} (previous or last successful). Only
 * completed builds of jobs the build may read, with a scan of the same id, count.
 */
final class ReferenceBuildResolver {

    /** How many earlier builds are looked at. */
    static final int MAX_LOOKBACK = 50;

    private final JenkinsFacade jenkins = new JenkinsFacade();

    /** What {@link #resolve} chose, in words for the findings page; empty when nothing particular is to say. */
    private String description = "";

    /** Why the last {@link #resolve} chose its reference, e.g. the target branch of a pull request. */
    String description() {
        return description;
    }

    /**
     * The reference build, if one fits. A change request of a multibranch project (scm-api and branch-api installed)
     * with neither {@code referenceJob} nor {@code referenceBuild} set is compared with its target branch's newest
     * completed build that ran this scan, so that "new" means "introduced by the pull request".
     */
    Optional<Run<?, ?>> resolve(Run<?, ?> run, DevSecOpsScanStep step) throws AbortException {
        Job<?, ?> job = run.getParent();
        description = "";
        if (step.getReferenceJob().isEmpty() && step.getReferenceBuild().isEmpty()) {
            Optional<ChangeRequests.ChangeRequest> change = ChangeRequests.of(job);
            if (change.isPresent()) {
                return resolveTarget(change.get(), step);
            }
        }
        if (!step.getReferenceJob().isEmpty()) {
            Optional<Job<?, ?>> named = jenkins.getJob(step.getReferenceJob());
            if (named.isEmpty() || !jenkins.hasPermission(Item.READ, named.get())) {
                return Optional.empty();
            }
            job = named.get();
        }
        ReferenceSelection selection = selection(step);
        Map<String, Run<?, ?>> byId = new HashMap<>();
        List<ReferenceCandidate> candidates = new ArrayList<>();
        Run<?, ?> candidate = job == run.getParent() ? run.getPreviousCompletedBuild() : job.getLastCompletedBuild();
        for (int i = 0; candidate != null && i < MAX_LOOKBACK; i++) {
            String number = String.valueOf(candidate.getNumber());
            Result result = candidate.getResult();
            byId.put(number, candidate);
            candidates.add(new ReferenceCandidate(number, null,
                    result != null && result.isBetterOrEqualTo(Result.UNSTABLE),
                    Instant.ofEpochMilli(candidate.getStartTimeInMillis()),
                    DevSecOpsBuildAction.find(candidate, step.getId()).isPresent()));
            candidate = candidate.getPreviousCompletedBuild();
        }
        if (!step.getReferenceBuild().isEmpty() && !byId.containsKey(step.getReferenceBuild())) {
            Run<?, ?> named = job.getBuildByNumber(parseNumber(step.getReferenceBuild()));
            if (named != null && !named.isBuilding() && named != run) {
                byId.put(step.getReferenceBuild(), named);
                candidates.add(new ReferenceCandidate(step.getReferenceBuild(), null, false,
                        Instant.ofEpochMilli(named.getStartTimeInMillis()),
                        DevSecOpsBuildAction.find(named, step.getId()).isPresent()));
            }
        }
        return selection.select(candidates).map(chosen -> byId.get(chosen.id()));
    }

    private Optional<Run<?, ?>> resolveTarget(ChangeRequests.ChangeRequest change, DevSecOpsScanStep step) {
        Job<?, ?> target = change.targetJob();
        if (target != null && jenkins.hasPermission(Item.READ, target)) {
            Run<?, ?> candidate = target.getLastCompletedBuild();
            for (int i = 0; candidate != null && i < MAX_LOOKBACK; i++) {
                if (DevSecOpsBuildAction.find(candidate, step.getId()).isPresent()) {
                    description = ReferenceDescription.targetBranch(candidate.getDisplayName(),
                            change.targetBranch(), change.name());
                    return Optional.of(candidate);
                }
                candidate = candidate.getPreviousCompletedBuild();
            }
        }
        description = ReferenceDescription.targetBranchNotScanned(change.targetBranch(), change.name());
        return Optional.empty();
    }

    private static ReferenceSelection selection(DevSecOpsScanStep step) throws AbortException {
        if (!step.getReferenceBuild().isEmpty()) {
            parseNumber(step.getReferenceBuild());
            return ReferenceSelection.named(step.getReferenceBuild());
        }
        return switch (step.getReferenceType()) {
            case DevSecOpsScanStep.REFERENCE_PREVIOUS -> ReferenceSelection.previous();
            case DevSecOpsScanStep.REFERENCE_LAST_SUCCESSFUL -> ReferenceSelection.lastSuccessful();
            default -> throw new AbortException("devSecOpsScan: invalid referenceType '" + step.getReferenceType()
                    + "': use " + DevSecOpsScanStep.REFERENCE_PREVIOUS + " or "
                    + DevSecOpsScanStep.REFERENCE_LAST_SUCCESSFUL);
        };
    }

    private static int parseNumber(String text) throws AbortException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new AbortException("devSecOpsScan: referenceBuild must be a build number, was '" + text + "'");
        }
    }
}
