package io.jenkins.plugins.devsecops.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent sends back: the report, and the repository's policy file and suppressions, read and parsed on the
 * agent from the workspace so the controller never reads workspace files.
 */
final class AgentScanResult implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Report report;
    private final SecurityPolicy repositoryPolicy;
    private final String policyFileName;
    private final ArrayList<SuppressionEntry> suppressions;

    AgentScanResult(Report report, @CheckForNull SecurityPolicy repositoryPolicy, String policyFileName,
            List<SuppressionEntry> suppressions) {
        this.report = report;
        this.repositoryPolicy = repositoryPolicy;
        this.policyFileName = policyFileName;
        this.suppressions = new ArrayList<>(suppressions);
    }

    Report report() {
        return report;
    }

    /** The repository's policy, {@code null} when there is no policy file. */
    @CheckForNull
    SecurityPolicy repositoryPolicy() {
        return repositoryPolicy;
    }

    String policyFileName() {
        return policyFileName;
    }

    List<SuppressionEntry> suppressions() {
        return List.copyOf(suppressions);
    }
}
