package io.jenkins.plugins.devsecops.dashboard;

import io.jenkins.plugins.devsecops.history.FixedFinding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.util.List;
import java.util.Objects;

/**
 * What the dashboard shows.
 *
 * @param report the newest report, findings annotated by the history comparison
 * @param evaluation its policy evaluation, or {@code null} when none was made
 * @param fixed findings fixed in the newest build
 * @param summaries build summaries, oldest first, for the trends and KPIs
 * @param warnings notes for the user: layering, suppressions, unreadable history
 */
public record DashboardData(Report report, PolicyEvaluation evaluation, List<FixedFinding> fixed,
        List<BuildSummary> summaries, List<String> warnings) {

    public DashboardData {
        Objects.requireNonNull(report, "report");
        fixed = fixed == null ? List.of() : List.copyOf(fixed);
        summaries = summaries == null ? List.of() : List.copyOf(summaries);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
