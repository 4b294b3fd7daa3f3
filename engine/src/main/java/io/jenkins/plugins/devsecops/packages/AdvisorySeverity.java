package io.jenkins.plugins.devsecops.packages;

import io.jenkins.plugins.devsecops.packages.osv.OsvRecord;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The severity of an advisory (or of several records of the same vulnerability): the highest CVSS base score
 * computed from their vectors, v3.x preferred, then v4.0, then v2 (scores computed with us.springett
 * cvss-calculator); without any vector, the database's qualitative severity (GitHub's {@code CRITICAL},
 * {@code HIGH}, {@code MODERATE}, {@code LOW}); without that, {@code MEDIUM}, flagged as a default.
 *
 * @param severity the severity
 * @param cvss the CVSS rating it came from, or {@code null}
 * @param source {@code cvss-v3}, {@code cvss-v4}, {@code cvss-v2}, {@code database} or {@code default}
 */
public record AdvisorySeverity(Severity severity, Cvss cvss, String source) {

    /** Assesses the records of one vulnerability. */
    public static AdvisorySeverity of(List<OsvRecord> records) {
        List<OsvRecord.Severity> vectors = new ArrayList<>();
        List<String> qualitative = new ArrayList<>();
        for (OsvRecord record : records) {
            vectors.addAll(record.severities());
            // Ubuntu's priority is its qualitative rating, below any CVSS vector
            record.severities().stream().filter(v -> "Ubuntu".equals(v.type()) && v.score() != null)
                    .forEach(v -> qualitative.add(v.score()));
            if (record.databaseSeverity() != null) {
                qualitative.add(record.databaseSeverity());
            }
            for (OsvRecord.Affected affected : record.affected()) {
                vectors.addAll(affected.severities());
                if (affected.severity() != null) {
                    qualitative.add(affected.severity());
                }
            }
        }
        for (String type : List.of("CVSS_V3", "CVSS_V4", "CVSS_V2")) {
            Cvss best = null;
            for (OsvRecord.Severity vector : vectors) {
                if (type.equals(vector.type())) {
                    Cvss computed = compute(vector.score());
                    if (computed != null && (best == null || computed.score() > best.score())) {
                        best = computed;
                    }
                }
            }
            if (best != null) {
                return new AdvisorySeverity(Severity.fromCvssScore(best.score()), best,
                        "cvss-v" + type.substring(type.length() - 1));
            }
        }
        Severity highest = null;
        for (String text : qualitative) {
            Severity parsed = parseQualitative(text);
            if (parsed != null && (highest == null || parsed.isAtLeast(highest))) {
                highest = parsed;
            }
        }
        return highest != null ? new AdvisorySeverity(highest, null, "database")
                : new AdvisorySeverity(Severity.MEDIUM, null, "default");
    }

    /** The CVSS rating of a vector, or {@code null} when it is not a valid CVSS v2, v3.x or v4.0 vector. */
    /** The CVSS score of a vector, or {@code null} when it cannot be read. */
    public static Cvss compute(String vector) {
        if (vector == null || vector.length() > 512) {
            return null;
        }
        try {
            us.springett.cvss.Cvss parsed = us.springett.cvss.Cvss.fromVector(vector.strip());
            if (parsed == null) {
                return null;
            }
            double score = parsed.calculateScore().getBaseScore();
            String version = vector.startsWith("CVSS:") ? vector.substring(5, vector.indexOf('/') > 0
                    ? vector.indexOf('/') : vector.length()) : "2.0";
            return new Cvss(version, Math.round(score * 10) / 10.0, vector.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Severity parseQualitative(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> Severity.CRITICAL;
            case "HIGH", "IMPORTANT" -> Severity.HIGH;
            case "MODERATE", "MEDIUM" -> Severity.MEDIUM;
            case "LOW", "NEGLIGIBLE", "UNIMPORTANT" -> Severity.LOW;
            default -> null;
        };
    }
}
