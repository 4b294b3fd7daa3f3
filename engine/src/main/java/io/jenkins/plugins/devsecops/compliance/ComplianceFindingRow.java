package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.Objects;

/**
 * One open finding as a compliance view lists it. Every text is raw (it may come from a scanned file or an imported
 * report): pages escape it, the CSV writer neutralises it. No snippet: the view never shows source text.
 *
 * @param location {@code path:line}, or the package for a dependency finding without a file, or empty
 * @param cwes the finding's CWE ids, comma-separated, or empty
 * @param basis why it bears on the requirement (e.g. {@code CWE-798}), or why it bears on none (unmapped rows)
 */
public record ComplianceFindingRow(Severity severity, String stage, String ruleId, String title, String location,
        String cwes, String basis, String fingerprint) {

    public ComplianceFindingRow {
        Objects.requireNonNull(severity, "severity");
        stage = text(stage);
        ruleId = text(ruleId);
        title = text(title);
        location = text(location);
        cwes = text(cwes);
        basis = text(basis);
        fingerprint = text(fingerprint);
    }

    static ComplianceFindingRow of(Finding finding, String basis) {
        String location;
        if (finding.location() != null) {
            location = finding.location().toString();
        } else if (finding.component() != null) {
            location = finding.component().purl() != null ? finding.component().purl()
                    : text(finding.component().name()) + "@" + text(finding.component().version());
        } else {
            location = "";
        }
        return new ComplianceFindingRow(finding.severity(), finding.stage(), finding.ruleId(), finding.title(),
                location, String.join(", ", finding.cwes()), basis, finding.fingerprint());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
