package io.jenkins.plugins.devsecops.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;

/**
 * What the agent sends back over the remoting channel: small values of JDK types only. The report itself never
 * crosses the channel as an object: the agent writes it to the hand-over file and the controller copies that file
 * (see {@code docs/architecture.md}, "What crosses the channel"). The repository's policy file and suppressions are
 * read and validated on the agent, so a broken file stops the step before the scan, and come back as their text for
 * the controller to parse with the same engine parsers (the controller never reads workspace files).
 */
final class AgentScanResult implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    private final String policyYaml;
    private final String policyFileName;
    private final String suppressionsYaml;
    private final int findings;
    private final long reportBytes;

    AgentScanResult(@CheckForNull String policyYaml, String policyFileName, @CheckForNull String suppressionsYaml,
            int findings, long reportBytes) {
        this.policyYaml = policyYaml;
        this.policyFileName = policyFileName;
        this.suppressionsYaml = suppressionsYaml;
        this.findings = findings;
        this.reportBytes = reportBytes;
    }

    /** The text of the repository's policy file, {@code null} when there is none. */
    @CheckForNull
    String policyYaml() {
        return policyYaml;
    }

    /** The policy file's name relative to the source directory, for messages and the policy layer. */
    String policyFileName() {
        return policyFileName;
    }

    /** The text of {@code .devsecops/suppressions.yaml}, {@code null} when there is none. */
    @CheckForNull
    String suppressionsYaml() {
        return suppressionsYaml;
    }

    /** How many findings the report in the hand-over file holds. */
    int findings() {
        return findings;
    }

    /** The size of the hand-over file. */
    long reportBytes() {
        return reportBytes;
    }
}
