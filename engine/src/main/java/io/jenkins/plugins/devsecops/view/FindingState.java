package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.model.Finding;
import java.util.Locale;
import java.util.Optional;

/** Whether a finding counts: active, or suppressed with a justification. New/fixed states come with history. */
public enum FindingState {
    ACTIVE,
    SUPPRESSED;

    /** The state of {@code finding}. */
    public static FindingState of(Finding finding) {
        return finding.isSuppressed() ? SUPPRESSED : ACTIVE;
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
