package io.jenkins.plugins.devsecops.jenkins.overview;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.overview.OverviewRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One row of the Security overview in the REST API. */
@ExportedBean(defaultVisibility = 2)
public final class ExportedOverviewRow {

    private final OverviewRow row;

    ExportedOverviewRow(OverviewRow row) {
        this.row = row;
    }

    @Exported
    public String getJob() {
        return row.job();
    }

    @Exported
    public String getDisplayName() {
        return row.displayName();
    }

    @Exported
    public String getFolder() {
        return row.folder();
    }

    @Exported
    public String getScanId() {
        return row.scanId();
    }

    @Exported
    public String getScanName() {
        return row.scanName();
    }

    /** The newest scanned build's number. */
    @Exported
    public String getBuild() {
        return row.build();
    }

    /** When its scan started, ISO-8601. */
    @Exported
    public String getTime() {
        return row.time().toString();
    }

    @Exported
    public String getVerdict() {
        return row.verdict().name();
    }

    /** Active findings by severity name. */
    @Exported
    public Map<String, Integer> getOpen() {
        Map<String, Integer> open = new LinkedHashMap<>();
        int[] counts = row.open();
        for (Severity severity : Severity.values()) {
            open.put(severity.name(), counts[severity.ordinal()]);
        }
        return open;
    }

    @Exported
    public int getNewCount() {
        return row.added();
    }

    @Exported
    public int getFixedCount() {
        return row.fixed();
    }

    @Exported
    public int getOverdue() {
        return row.overdue();
    }

    /** Mean days to remediate, absent before any fix. */
    @Exported
    public Double getMttrDays() {
        return row.mttrDays();
    }

    @Exported
    public int getScore() {
        return row.score();
    }

    /** Open findings of the newest builds, oldest first. */
    @Exported
    public List<Integer> getSparkline() {
        return row.sparkline();
    }

    /** Days the oldest active CRITICAL has been open, absent when there is none. */
    @Exported
    public Long getOldestCriticalDays() {
        return row.oldestCriticalDays();
    }

    @Exported
    public List<String> getIncompleteStages() {
        return row.incompleteStages();
    }

    /** The findings page, relative to the Jenkins root. */
    @Exported
    public String getUrl() {
        return row.findingsUrl();
    }
}
