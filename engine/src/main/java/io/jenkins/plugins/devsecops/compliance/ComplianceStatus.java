package io.jenkins.plugins.devsecops.compliance;

/**
 * A requirement's state in one scan. {@link #PASS} means only that no open finding of this scan bears on it; it says
 * nothing about the controls a requirement asks for beyond what the scan looks at.
 */
public enum ComplianceStatus {
    /** No open finding of the scan bears on the requirement. */
    PASS,
    /** At least one open finding bears on the requirement. */
    ATTENTION
}
