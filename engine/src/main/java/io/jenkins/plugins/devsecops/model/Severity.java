package io.jenkins.plugins.devsecops.model;

import java.util.Locale;

/** Severity of a finding, from most to least severe. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    /** Whether this severity is at least as severe as {@code other}. */
    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /**
     * Parses a severity name case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is not one
     */
    public static Severity parse(String text) {
        if (text != null) {
            String normalized = text.trim().toUpperCase(Locale.ROOT);
            for (Severity severity : values()) {
                if (severity.name().equals(normalized)) {
                    return severity;
                }
            }
        }
        throw new IllegalArgumentException("Unknown severity '" + text + "': expected one of CRITICAL, HIGH, MEDIUM, LOW, INFO");
    }

    /**
     * Maps a CVSS base score (0.0–10.0) to a severity, following the CVSS v3.x / v4.0 qualitative rating scale.
     */
    public static Severity fromCvssScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        if (score > 0.0) {
            return LOW;
        }
        return INFO;
    }
}
