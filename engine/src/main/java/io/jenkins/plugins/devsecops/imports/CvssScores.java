package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.model.Cvss;

/** Builds {@link Cvss} ratings from what tools write, dropping out-of-range or malformed values. */
final class CvssScores {

    private CvssScores() {
    }

    /** A rating, or {@code null} when the score is missing or out of range. The version is read from the vector when absent. */
    static Cvss of(String version, Double score, String vector) {
        if (score == null || score.isNaN() || score < 0.0 || score > 10.0) {
            return null;
        }
        String cleanVector = vector == null || vector.isBlank() || vector.length() > 200 ? null : vector.trim();
        String cleanVersion = version;
        if ((cleanVersion == null || cleanVersion.isBlank()) && cleanVector != null && cleanVector.startsWith("CVSS:")) {
            int slash = cleanVector.indexOf('/');
            cleanVersion = slash > 5 ? cleanVector.substring(5, slash) : null;
        }
        return new Cvss(cleanVersion, score, cleanVector);
    }

    /** The higher of two ratings, {@code null}-tolerant. */
    static Cvss higher(Cvss a, Cvss b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.score() > a.score() ? b : a;
    }
}
