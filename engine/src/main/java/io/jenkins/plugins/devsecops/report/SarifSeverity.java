package io.jenkins.plugins.devsecops.report;

import com.contrastsecurity.sarif.Result;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.Locale;

/**
 * How our severities appear in SARIF: the result {@code level} and the {@code security-severity} property
 * (a CVSS-like number that GitHub code scanning buckets as critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low > 0).
 */
final class SarifSeverity {

    private SarifSeverity() {
    }

    /** CRITICAL and HIGH are errors, MEDIUM a warning, LOW and INFO notes. */
    static Result.Level level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> Result.Level.ERROR;
            case MEDIUM -> Result.Level.WARNING;
            case LOW, INFO -> Result.Level.NOTE;
        };
    }

    /** The representative score of a severity when no CVSS score is known. */
    static double score(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 9.5;
            case HIGH -> 8.0;
            case MEDIUM -> 5.5;
            case LOW -> 2.0;
            case INFO -> 0.0;
        };
    }

    /** The finding's CVSS base score when it has one, else the score of its severity. */
    static double scoreOf(Finding finding) {
        return finding.cvss() != null ? finding.cvss().score() : score(finding.severity());
    }

    /** {@link #scoreOf} as the one-decimal string GitHub reads, e.g. {@code "9.5"}. */
    static String securitySeverity(Finding finding) {
        return format(scoreOf(finding));
    }

    static String format(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }
}
