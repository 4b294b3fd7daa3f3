package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.history.FindingHistory;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;

/**
 * One row of the findings table, with the details shown when it is expanded. Every text is raw: the page escapes
 * it. The snippet is left out on purpose: the table never shows source text.
 *
 * @param location {@code path:line}, or the package for a dependency finding without a file
 * @param component the package URL or {@code name@version} of a dependency finding, empty otherwise
 * @param suppressionReason why the finding is suppressed, empty when it is active
 * @param ageDays whole days the finding has been open at the scan's time (0 when its first sighting is unknown)
 * @param firstSeenBuild the build that first saw the finding, empty when unknown
 */
public record FindingRow(Severity severity, String stage, String ruleId, String title, String message,
        String location, String component, FindingState state, String remediation, List<String> identifiers,
        List<String> cwes, String fixedVersion, String cvss, String suppressionReason, String fingerprint,
        long ageDays, String firstSeenBuild) {

    public FindingRow {
        identifiers = List.copyOf(identifiers);
        cwes = List.copyOf(cwes);
    }

    /** The row for {@code finding}, its age taken at {@code now} (the scan's time). */
    public static FindingRow of(Finding finding, java.time.Instant now) {
        String component = describe(finding.component());
        String location = finding.location() != null ? finding.location().toString() : component;
        String suppressionReason = finding.isSuppressed() ? text(finding.suppression().reason()) : "";
        String cvss = finding.cvss() == null ? "" : finding.cvss().score() + " (CVSS " + text(finding.cvss().version()) + ")";
        return new FindingRow(finding.severity(), finding.stage(), finding.ruleId(), finding.title(),
                text(finding.message()), location, component, FindingState.of(finding), text(finding.remediation()),
                finding.identifiers(), finding.cwes(), text(finding.fixedVersion()), cvss, suppressionReason,
                text(finding.fingerprint()), FindingHistory.age(finding, now).toDays(),
                FindingHistory.firstSeenBuild(finding).orElse(""));
    }

    private static String describe(Component component) {
        if (component == null) {
            return "";
        }
        if (component.purl() != null && !component.purl().isBlank()) {
            return component.purl();
        }
        return text(component.name()) + (component.version() == null ? "" : "@" + component.version());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The age column: whole days open, with the build that first saw it, e.g. {@code 0 (since #1)}. */
    public String age() {
        return firstSeenBuild.isEmpty() ? String.valueOf(ageDays) : ageDays + " (since #" + firstSeenBuild + ")";
    }

    /** Whether the expanded row has anything to show. */
    public boolean hasDetails() {
        return !message.isEmpty() || !remediation.isEmpty() || !identifiers.isEmpty() || !cwes.isEmpty()
                || !fixedVersion.isEmpty() || !cvss.isEmpty() || !suppressionReason.isEmpty();
    }
}
