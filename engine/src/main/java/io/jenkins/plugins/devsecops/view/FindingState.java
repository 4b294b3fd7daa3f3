package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.history.FindingStatus;

import io.jenkins.plugins.devsecops.model.Finding;
import java.util.Locale;
import java.util.Optional;

/**
 * A finding's state on the findings page: NEW in this build, OUTSTANDING since an earlier build, or SUPPRESSED.
 * Fixed findings are no longer in the report; they are listed apart ({@link FixedFindingRow}).
 */
public enum FindingState {
    NEW,
    OUTSTANDING,
    SUPPRESSED;

    /**
     * The state of {@code finding}: suppressed wins; otherwise the history status the engine's comparison recorded.
     * A finding never compared (a report from before history existed) counts as OUTSTANDING: nothing says it is new.
     */
    public static FindingState of(Finding finding) {
        if (finding.isSuppressed()) {
            return SUPPRESSED;
        }
        return FindingHistory.status(finding).filter(status -> status == FindingStatus.NEW).map(status -> NEW)
                .orElse(OUTSTANDING);
    }

    /** The state named {@code text} in any case; empty when the text names none. */
    public static Optional<FindingState> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT);
        for (FindingState state : values()) {
            if (state.name().equals(normalized)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
