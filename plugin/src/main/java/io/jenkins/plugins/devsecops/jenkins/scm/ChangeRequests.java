package io.jenkins.plugins.devsecops.jenkins.scm;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Job;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells whether a job builds a change request (a pull or merge request of a multibranch project) and which job
 * builds its target branch. The implementation over scm-api and branch-api ({@link ScmApiChangeRequests}) is an
 * optional extension: without those plugins no job is a change request and this class alone is loaded.
 */
public abstract class ChangeRequests implements ExtensionPoint {

    private static final Logger LOGGER = Logger.getLogger(ChangeRequests.class.getName());

    /**
     * A change request and its target.
     *
     * @param name the change request's name, e.g. {@code PR-7}
     * @param targetBranch the target branch's name, e.g. {@code main}
     * @param targetJob the job of the target branch, {@code null} when the project has none (yet)
     */
    public record ChangeRequest(String name, String targetBranch, Job<?, ?> targetJob) {
    }

    /** The change request {@code job} builds, if it builds one. */
    protected abstract Optional<ChangeRequest> find(Job<?, ?> job);

    /** The change request {@code job} builds, asking every installed implementation; empty when none knows it. */
    public static Optional<ChangeRequest> of(Job<?, ?> job) {
        for (ChangeRequests source : ExtensionList.lookup(ChangeRequests.class)) {
            try {
                Optional<ChangeRequest> found = source.find(job);
                if (found.isPresent()) {
                    return found;
                }
            } catch (RuntimeException | LinkageError e) {
                LOGGER.log(Level.FINE, "Cannot tell whether " + job + " builds a change request", e);
            }
        }
        return Optional.empty();
    }
}
