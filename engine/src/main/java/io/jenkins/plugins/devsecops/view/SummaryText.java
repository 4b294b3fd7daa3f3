package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import java.util.StringJoiner;

/** The one-line text form of a {@link BuildSummary}, for console logs, the build page and tool tips. */
public final class SummaryText {

    private SummaryText() {
    }

    /**
     * E.g. {@code 4 active findings (CRITICAL 1, HIGH 3) in 2 stages; 1 new, 2 fixed; 1 suppressed; policy FAILED}.
     * Zero severities are left out; carries no finding text, so it is safe to log.
     */
    public static String of(BuildSummary summary) {
        int[] open = summary.openBySeverity();
        int total = StageCounts.total(open);
        StringBuilder text = new StringBuilder().append(total).append(total == 1 ? " active finding" : " active findings");
        StringJoiner severities = new StringJoiner(", ", " (", ")").setEmptyValue("");
        for (Severity severity : Severity.values()) {
            if (open[severity.ordinal()] > 0) {
                severities.add(severity + " " + open[severity.ordinal()]);
            }
        }
        text.append(severities);
        int stages = summary.stages().size();
        text.append(" in ").append(stages).append(stages == 1 ? " stage" : " stages");
        text.append("; ").append(StageCounts.total(summary.addedBySeverity())).append(" new, ")
                .append(StageCounts.total(summary.fixedBySeverity())).append(" fixed");
        int suppressed = summary.stages().stream().mapToInt(StageCounts::suppressed).sum();
        if (suppressed > 0) {
            text.append("; ").append(suppressed).append(" suppressed");
        }
        return text.append("; policy ").append(summary.verdict()).toString();
    }
}
