package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.Locale;
import java.util.Map;

/**
 * One tool's severity words mapped to the engine's five levels, case-insensitively, with a fallback for words
 * the table does not know. Each parser documents its table in {@code docs/stages/imports.md}.
 */
record SeverityTable(Map<String, Severity> levels, Severity fallback) {

    SeverityTable {
        levels = Map.copyOf(levels);
    }

    /** The severity for the tool's word; the fallback for {@code null} or an unknown word. */
    Severity map(String word) {
        if (word == null) {
            return fallback;
        }
        return levels.getOrDefault(word.trim().toLowerCase(Locale.ROOT), fallback);
    }

    /** Whether the table knows the word. */
    boolean knows(String word) {
        return word != null && levels.containsKey(word.trim().toLowerCase(Locale.ROOT));
    }

    /** The common table of tools that already use the five names: critical, high, medium, low and info. */
    static SeverityTable standard(Severity fallback) {
        return new SeverityTable(Map.of("critical", Severity.CRITICAL, "high", Severity.HIGH,
                "medium", Severity.MEDIUM, "moderate", Severity.MEDIUM, "low", Severity.LOW,
                "info", Severity.INFO, "informational", Severity.INFO, "negligible", Severity.INFO,
                "unknown", Severity.INFO), fallback);
    }
}
