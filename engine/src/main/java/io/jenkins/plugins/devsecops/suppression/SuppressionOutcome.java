package io.jenkins.plugins.devsecops.suppression;

import io.jenkins.plugins.devsecops.model.Report;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What applying suppressions did.
 *
 * @param report the report with matching findings marked suppressed (none dropped)
 * @param applied entries that suppressed at least one finding
 * @param stale expired entries: their findings are active again
 * @param unused entries in force that matched no finding
 * @param refused entries the policy does not honour (no justification, too long-lived), with why
 */
public record SuppressionOutcome(Report report, List<SuppressionEntry> applied, List<SuppressionEntry> stale,
        List<SuppressionEntry> unused, List<String> refused) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SuppressionOutcome {
        Objects.requireNonNull(report, "report");
        applied = List.copyOf(applied);
        stale = List.copyOf(stale);
        unused = List.copyOf(unused);
        refused = List.copyOf(refused);
    }

    /** Messages for the user: one per stale, unused or refused entry. */
    public List<String> warnings() {
        List<String> warnings = new java.util.ArrayList<>();
        stale.forEach(e -> warnings.add("Suppression expired on " + e.expires() + ", its findings are active again: "
                + e.describe()));
        unused.forEach(e -> warnings.add("Suppression matches no finding, remove it: " + e.describe()));
        warnings.addAll(refused);
        return warnings;
    }
}
