package io.jenkins.plugins.devsecops.jenkins.scm;

import hudson.Extension;
import hudson.model.ItemGroup;
import hudson.model.Job;
import java.util.Optional;
import jenkins.branch.MultiBranchProject;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;

/**
 * Change requests of multibranch projects: scm-api's {@link SCMHead.HeadByItem#findHead} gives the job's head; a
 * {@link ChangeRequestSCMHead} names its target, whose job branch-api's
 * {@link MultiBranchProject#getItemByBranchName} finds. Loaded only when scm-api and branch-api are installed.
 */
@Extension(optional = true)
public final class ScmApiChangeRequests extends ChangeRequests {

    @Override
    protected Optional<ChangeRequest> find(Job<?, ?> job) {
        SCMHead head = SCMHead.HeadByItem.findHead(job);
        if (!(head instanceof ChangeRequestSCMHead change)) {
            return Optional.empty();
        }
        SCMHead target = change.getTarget();
        Job<?, ?> targetJob = null;
        ItemGroup<?> parent = job.getParent();
        if (parent instanceof MultiBranchProject<?, ?> project) {
            targetJob = project.getItemByBranchName(target.getName());
        }
        return Optional.of(new ChangeRequest(head.getName(), target.getName(), targetJob));
    }
}
