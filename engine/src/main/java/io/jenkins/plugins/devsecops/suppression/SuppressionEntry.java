package io.jenkins.plugins.devsecops.suppression;

import io.jenkins.plugins.devsecops.model.Finding;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One declared suppression: by fingerprint, by rule (optionally within a path glob), or by advisory id (optionally
 * within a path glob).
 *
 * @param fingerprint the finding's fingerprint, for kind {@code fingerprint}
 * @param rule a rule id (or, for an IaC rule, one of its Checkov ids), for kind {@code rule-path}
 * @param advisory an advisory id (CVE, GHSA, OSV) or alias, for kind {@code advisory}
 * @param path a path glob ({@code *}, {@code **}, {@code ?}) limiting a rule or advisory suppression, or {@code null}
 * @param reason the justification
 * @param owner who is accountable
 * @param created the day it was declared, or {@code null}
 * @param expires the last day it applies, or {@code null} for no expiry
 * @param note free text recording what was suppressed (written by {@code devsecops baseline})
 * @param source where it was declared, e.g. {@code .devsecops/suppressions.yaml:12}
 */
public record SuppressionEntry(String fingerprint, String rule, String advisory, String path, String reason,
        String owner, LocalDate created, LocalDate expires, String note, String source) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SuppressionEntry {
        int kinds = (blank(fingerprint) ? 0 : 1) + (blank(rule) ? 0 : 1) + (blank(advisory) ? 0 : 1);
        if (kinds != 1) {
            throw new IllegalArgumentException("A suppression needs exactly one of fingerprint, rule or advisory");
        }
        if (!blank(fingerprint) && !blank(path)) {
            throw new IllegalArgumentException("A fingerprint suppression takes no path");
        }
        if (created != null && expires != null && expires.isBefore(created)) {
            throw new IllegalArgumentException("A suppression cannot expire (" + expires + ") before it was created ("
                    + created + ")");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** How it matches: {@code fingerprint}, {@code rule-path} or {@code advisory}. */
    public String kind() {
        return !blank(fingerprint) ? "fingerprint" : !blank(rule) ? "rule-path" : "advisory";
    }

    /** Whether it no longer applies on {@code today}. */
    public boolean isExpired(LocalDate today) {
        return expires != null && expires.isBefore(today);
    }

    /** Whether it matches {@code finding}, ignoring expiry. */
    public boolean matches(Finding finding) {
        if (!blank(fingerprint)) {
            return fingerprint.equals(finding.fingerprint());
        }
        if (!blank(path) && (finding.location() == null || !PathGlob.of(path).matches(finding.location().path()))) {
            return false;
        }
        if (!blank(rule)) {
            return rule.equalsIgnoreCase(finding.ruleId()) || finding.identifiers().stream().anyMatch(rule::equalsIgnoreCase);
        }
        String wanted = advisory.toLowerCase(Locale.ROOT);
        return wanted.equals(finding.ruleId().toLowerCase(Locale.ROOT))
                || finding.identifiers().stream().anyMatch(id -> id.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** A short description for messages, e.g. {@code rule open-sg in infra/**}. */
    public String describe() {
        String what = switch (kind()) {
            case "fingerprint" -> "fingerprint " + fingerprint.substring(0, Math.min(12, fingerprint.length()));
            case "rule-path" -> "rule " + rule;
            default -> "advisory " + advisory;
        };
        return what + (blank(path) ? "" : " in " + path) + (source == null ? "" : " (" + source + ")");
    }
}
