package io.jenkins.plugins.devsecops.suppression;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code devsecops baseline}: turns a report's active findings into fingerprint suppressions, so that only new
 * findings count from now on. The note records rule and place, never a snippet (it may hold a secret).
 */
public final class SuppressionBaseline {

    private SuppressionBaseline() {
    }

    /**
     * The existing entries followed by one new entry per active finding not already covered by a fingerprint entry.
     *
     * @param reason the justification the user gave, required
     */
    public static List<SuppressionEntry> extend(List<SuppressionEntry> existing, Report report, String reason,
            String owner, LocalDate created, LocalDate expires) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A baseline needs a reason");
        }
        List<SuppressionEntry> result = new ArrayList<>(existing);
        Set<String> covered = new HashSet<>();
        existing.stream().map(SuppressionEntry::fingerprint).filter(f -> f != null).forEach(covered::add);
        for (Finding finding : report.activeFindings()) {
            if (finding.fingerprint() == null || !covered.add(finding.fingerprint())) {
                continue;
            }
            String where = finding.location() == null ? "" : " at " + finding.location();
            result.add(new SuppressionEntry(finding.fingerprint(), null, null, null, reason, owner, created, expires,
                    finding.severity() + " " + finding.ruleId() + where, null));
        }
        return result;
    }
}
