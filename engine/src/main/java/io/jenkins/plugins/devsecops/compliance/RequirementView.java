package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One requirement of a {@link FrameworkView}: its status and the open findings bearing on it, most severe first.
 *
 * @param findings every open finding bearing on it (the CSV lists them all; pages show {@link #shown()})
 */
public record RequirementView(String id, String title, String source, String basis, List<ComplianceFindingRow> findings) {

    /** The most findings a page lists under one requirement; the CSV has them all. */
    public static final int MAX_SHOWN = 100;

    public RequirementView {
        findings = findings instanceof ComplianceRows ? findings : List.copyOf(findings);
    }

    /** PASS when no open finding bears on it, ATTENTION otherwise. */
    public ComplianceStatus status() {
        return findings.isEmpty() ? ComplianceStatus.PASS : ComplianceStatus.ATTENTION;
    }

    /** {@code pass} or {@code attention}, for CSS classes. */
    public String statusClass() {
        return status().name().toLowerCase(Locale.ROOT);
    }

    /** How many open findings bear on it. */
    public int count() {
        return findings.size();
    }

    /** The findings a page lists: at most {@link #MAX_SHOWN}. */
    public List<ComplianceFindingRow> shown() {
        return findings.size() <= MAX_SHOWN ? findings : findings.subList(0, MAX_SHOWN);
    }

    /** How many findings the page leaves out. */
    public int hidden() {
        return Math.max(0, findings.size() - MAX_SHOWN);
    }

    /** Counts by severity, e.g. {@code 1 critical, 2 high}; empty when none. */
    public String severities() {
        int[] counts;
        if (findings instanceof ComplianceRows rows) {
            counts = rows.severityCounts(); // without reading the findings back (from disk, for a large scan)
        } else {
            counts = new int[Severity.values().length];
            findings.forEach(f -> counts[f.severity().ordinal()]++);
        }
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            if (counts[severity.ordinal()] > 0) {
                parts.add(counts[severity.ordinal()] + " " + severity.name().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(", ", parts);
    }
}
