package io.jenkins.plugins.devsecops.history;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.InstantText;
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
        Instant canonical = InstantText.canonical(value);
        if (canonical != null) {
            return Optional.of(canonical);
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
