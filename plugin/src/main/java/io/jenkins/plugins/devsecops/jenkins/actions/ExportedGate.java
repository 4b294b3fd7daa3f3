package io.jenkins.plugins.devsecops.jenkins.actions;

import io.jenkins.plugins.devsecops.summary.GateRow;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One row of the gate table in the REST API: numbers only, no finding. */
@ExportedBean(defaultVisibility = 2)
public final class ExportedGate {

    private final GateRow row;

    ExportedGate(GateRow row) {
        this.row = row;
    }

    @Exported
    public String getGate() {
        return row.gate();
    }

    @Exported
    public long getActual() {
        return row.actual();
    }

    @Exported
    public int getThreshold() {
        return row.threshold();
    }

    @Exported
    public String getResult() {
        return row.verdict().name();
    }
}
