package io.jenkins.plugins.devsecops.compliance;

/**
 * A finding bears on one requirement.
 *
 * @param framework the framework's id
 * @param item the requirement's id
 * @param basis why, e.g. {@code CWE-798} or {@code stage dependencies}
 */
public record ComplianceMatch(String framework, String item, String basis) {

    /** The reference gates use, e.g. {@code PCI-DSS-4.0:6.2.4}. */
    public String reference() {
        return framework + ":" + item;
    }
}
