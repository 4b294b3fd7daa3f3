package io.jenkins.plugins.devsecops.history;

import io.jenkins.plugins.devsecops.model.Finding;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the history facts {@link HistoryComparator} records in a finding's properties, so they travel with the
 * report JSON and carry forward to the next comparison.
 */
public final class FindingHistory {

    /** Property: NEW or OUTSTANDING. */
    public static final String STATUS = "history.status";
    /** Property: the ISO-8601 instant the finding was first seen. */
    public static final String FIRST_SEEN_AT = "history.firstSeenAt";
    /** Property: the id of the build that first saw the finding. */
    public static final String FIRST_SEEN_BUILD = "history.firstSeenBuild";
    /**
     * Property: the id of the last build whose scan ran the finding's stage, on a finding carried over unchanged
     * because the current scan did not run that stage to completion (see {@link CarriedFindings}).
     */
    public static final String CARRIED_FROM = "history.carriedFrom";

    private FindingHistory() {
    }

    /** The finding's status, if it was compared. */
    public static Optional<FindingStatus> status(Finding finding) {
        String value = finding.properties().get(STATUS);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(FindingStatus.valueOf(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the finding is new against the reference (findings never compared count as new). */
    public static boolean isNew(Finding finding) {
        return status(finding).orElse(FindingStatus.NEW) == FindingStatus.NEW;
    }

    /** Whether the finding was carried over from an earlier build because its stage did not run in this one. */
    public static boolean isCarried(Finding finding) {
        return finding.properties().containsKey(CARRIED_FROM);
    }

    /** When the finding was first seen, if known. */
    public static Optional<Instant> firstSeenAt(Finding finding) {
        return parseInstant(finding.properties().get(FIRST_SEEN_AT));
    }

    /** A {@link #FIRST_SEEN_AT} value read as an instant, empty when absent or not one. */
    public static Optional<Instant> parseInstant(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Instant canonical = canonicalInstant(value);
        if (canonical != null) {
            return Optional.of(canonical);
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code value} read as {@link Instant#toString} writes an instant of the years 0000 to 9999 ({@code
     * 2026-12-03T19:03:04.298Z}: no fraction, or one of 3, 6 or 9 digits), or {@code null} when it has another shape
     * or a field out of range: the history writes that shape, and {@link Instant#parse} (which reads it to the same
     * instant, and other shapes too) cost the dashboard a formatter's parse for every finding.
     */
    static Instant canonicalInstant(String value) {
        int length = value.length();
        if (length != 20 && length != 24 && length != 27 && length != 30 || value.charAt(4) != '-'
                || value.charAt(7) != '-' || value.charAt(10) != 'T' || value.charAt(13) != ':'
                || value.charAt(16) != ':' || value.charAt(length - 1) != 'Z' || length > 20 && value.charAt(19) != '.') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        int fraction = length > 20 ? digits(value, 20, length - 1) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month)
                .lengthOfMonth() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || fraction < 0) {
            return null;
        }
        for (int i = length; i < 30; i += 3) {
            fraction *= 1000; // milliseconds or microseconds to nanoseconds
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, fraction);
    }

    /** The decimal number of {@code value}'s characters {@code from} to {@code to}, or -1 if one is not a digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /** The id of the build that first saw the finding, if known. */
    public static Optional<String> firstSeenBuild(Finding finding) {
        return Optional.ofNullable(finding.properties().get(FIRST_SEEN_BUILD));
    }

    /** How long the finding has been open at {@code now}; zero when its first sighting is unknown. */
    public static Duration age(Finding finding, Instant now) {
        return firstSeenAt(finding).map(first -> Duration.between(first, now)).filter(d -> !d.isNegative())
                .orElse(Duration.ZERO);
    }
}
