package io.jenkins.plugins.devsecops.jenkins.actions;

import io.jenkins.plugins.devsecops.view.FindingRow;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A finding in the REST API. Carries identification and advice, never the snippet: secrets are redacted by the
 * engine, and the API exposes no source text at all.
 */
@ExportedBean(defaultVisibility = 2)
public final class ExportedFinding {

    private final FindingRow row;

    ExportedFinding(FindingRow row) {
        this.row = row;
    }

    @Exported
    public String getSeverity() {
        return row.severity().name();
    }

    @Exported
    public String getStage() {
        return row.stage();
    }

    @Exported
    public String getRuleId() {
        return row.ruleId();
    }

    @Exported
    public String getTitle() {
        return row.title();
    }

    @Exported
    public String getLocation() {
        return row.location();
    }

    @Exported
    public String getState() {
        return row.state().name();
    }

    @Exported
    public List<String> getIdentifiers() {
        return row.identifiers();
    }

    @Exported
    public String getFixedVersion() {
        return row.fixedVersion();
    }

    @Exported
    public String getFingerprint() {
        return row.fingerprint();
    }

    /** Whole days the finding has been open at the scan's time. */
    @Exported
    public long getAgeDays() {
        return row.ageDays();
    }

    /** The build that first saw the finding, empty when unknown. */
    @Exported
    public String getFirstSeenBuild() {
        return row.firstSeenBuild();
    }
}
