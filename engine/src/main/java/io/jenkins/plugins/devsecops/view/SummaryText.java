package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.StringJoiner;

/** The one-line text form of a {@link ScanSummary}, for console logs and tool tips. */
public final class SummaryText {

    private SummaryText() {
    }

    /**
     * E.g. {@code 4 active findings (CRITICAL 1, HIGH 3) in 2 stages; 1 suppressed; stage 'sca' did not complete}.
     * Zero severities are left out; carries no finding text, so it is safe to log.
     */
    public static String of(ScanSummary summary) {
        int total = summary.total();
        StringBuilder text = new StringBuilder().append(total).append(total == 1 ? " active finding" : " active findings");
        StringJoiner severities = new StringJoiner(", ", " (", ")").setEmptyValue("");
        for (Severity severity : Severity.values()) {
            int count = summary.count(severity);
            if (count > 0) {
                severities.add(severity + " " + count);
            }
        }
        text.append(severities);
        int stages = summary.byStage().size();
        text.append(" in ").append(stages).append(stages == 1 ? " stage" : " stages");
        if (summary.suppressed() > 0) {
            text.append("; ").append(summary.suppressed()).append(" suppressed");
        }
        for (String stage : summary.incompleteStages()) {
            text.append("; stage '").append(stage).append("' did not complete");
        }
        return text.toString();
    }
}
