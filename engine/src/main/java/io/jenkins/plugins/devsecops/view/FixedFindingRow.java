package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.history.FixedFinding;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;

/**
 * One row of the "fixed in this build" list: a finding of the reference build that is gone. Texts are raw (the page
 * escapes them); no snippet.
 *
 * @param location {@code path:line}, or the package of a dependency finding, empty when neither is known
 * @param daysOpen whole days from its first sighting until this build (its time to remediate)
 */
public record FixedFindingRow(Severity severity, String stage, String ruleId, String title, String location,
        long daysOpen) {

    /** The row of {@code fixed}. */
    public static FixedFindingRow of(FixedFinding fixed) {
        Finding finding = fixed.finding();
        String location = finding.location() != null ? finding.location().toString()
                : finding.component() != null && finding.component().name() != null ? finding.component().name() : "";
        return new FixedFindingRow(finding.severity(), finding.stage(), finding.ruleId(), finding.title(), location,
                fixed.timeToRemediate().toDays());
    }
}
