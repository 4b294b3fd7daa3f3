package io.jenkins.plugins.devsecops.model;

import java.util.Comparator;

/**
 * What orders, places and identifies a finding, as read from a spilled finding's stored record without decoding the
 * rest of it (its title, message, snippet, component, properties and trace): the rule, stage and severity, the file
 * and start line, whether it is about a component, and its fingerprint. {@link FindingList#heads} gives them.
 *
 * @param ruleId the finding's rule id
 * @param stage the stage that reported it
 * @param severity its severity
 * @param path its location's path, or {@code null} when it has no location
 * @param startLine its location's start line, or {@code 0} when it has no location
 * @param hasComponent whether it names a component
 * @param fingerprint its fingerprint, or {@code null}
 */
public record FindingHead(String ruleId, String stage, Severity severity, String path, int startLine,
        boolean hasComponent, String fingerprint) {

    /** Findings in report order (the order of {@code ScanEngine.REPORT_ORDER}): severity, path, line, rule, print. */
    public static final Comparator<FindingHead> REPORT_ORDER = Comparator.comparing(FindingHead::severity)
            .thenComparing(head -> head.path() == null ? "" : head.path())
            .thenComparingInt(FindingHead::startLine)
            .thenComparing(FindingHead::ruleId)
            .thenComparing(head -> head.fingerprint() == null ? "" : head.fingerprint());

    /** The head of a finding in memory. */
    public static FindingHead of(Finding finding) {
        Location location = finding.location();
        return new FindingHead(finding.ruleId(), finding.stage(), finding.severity(),
                location == null ? null : location.path(), location == null ? 0 : location.startLine(),
                finding.component() != null, finding.fingerprint());
    }

    /** Whether it has a location. */
    public boolean hasLocation() {
        return path != null;
    }
}
