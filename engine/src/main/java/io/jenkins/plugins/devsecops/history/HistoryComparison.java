package io.jenkins.plugins.devsecops.history;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Report;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A report compared with its reference: every current finding marked NEW or OUTSTANDING with its first sighting
 * (see {@link FindingHistory}), and the reference's findings that are gone.
 *
 * @param report the current report, every finding annotated
 * @param reference the reference report, or {@code null} when there was none (then every finding is new)
 * @param build the current build
 * @param fixed the reference's findings that are gone, with their time to remediate
 */
public record HistoryComparison(Report report, Report reference, BuildRef build, List<FixedFinding> fixed)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public HistoryComparison {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(build, "build");
        fixed = fixed == null ? List.of() : List.copyOf(fixed);
    }

    /** The current findings that were not in the reference. */
    public List<Finding> newFindings() {
        return FindingList.filter(report.findings(), FindingHistory::isNew);
    }

    /** The current findings that were in the reference too. */
    public List<Finding> outstanding() {
        return FindingList.filter(report.findings(), f -> !FindingHistory.isNew(f));
    }

    /** Whether there was a reference to compare with. */
    public boolean hasReference() {
        return reference != null;
    }
}
