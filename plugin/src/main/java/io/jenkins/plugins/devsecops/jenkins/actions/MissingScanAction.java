package io.jenkins.plugins.devsecops.jenkins.actions;

import hudson.model.Run;
import io.jenkins.plugins.devsecops.jenkins.steps.DevSecOpsScanStep;
import io.jenkins.plugins.devsecops.policy.MissingScan;
import io.jenkins.plugins.devsecops.policy.RequiredStageOutcome;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.SummaryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A pipeline build that never recorded a scan although its policy (global or folder layer) requires stages: the
 * engine's {@link MissingScan} as build.xml keeps it (plain strings and the summary's JSON line, no engine object
 * through XStream), shown at the default scan's URL ({@code <build>/devsecops/}) with each required stage NOT RUN and
 * the layer that required it. Seeing it needs Job/Read like any build page.
 */
@ExportedBean
public final class MissingScanAction implements RunAction2 {

    /** The name shown for it in the side panel and the Security overview. */
    public static final String DISPLAY_NAME = "DevSecOps: required scan not run";

    private final String summaryJson;
    private final List<String> stages;
    private final List<String> origins;
    private final List<String> layers;
    private final String message;

    private transient Run<?, ?> owner;
    private transient BuildSummary summary;

    private MissingScanAction(MissingScan missing) throws IOException {
        this.summaryJson = SummaryJson.write(missing.summary());
        this.stages = new ArrayList<>();
        this.origins = new ArrayList<>();
        for (RequiredStageOutcome outcome : missing.outcomes()) {
            stages.add(outcome.stage());
            origins.add(missing.origin(outcome.stage()));
        }
        this.layers = new ArrayList<>(missing.layers());
        this.message = missing.message();
    }

    /** Attaches the action of {@code missing} to {@code run}. */
    public static MissingScanAction attach(Run<?, ?> run, MissingScan missing) throws IOException {
        MissingScanAction action = new MissingScanAction(missing);
        run.addAction(action);
        return action;
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        owner = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        owner = run;
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public String getIconFileName() {
        return "symbol-shield-warning";
    }

    @Override
    @Exported
    public String getDisplayName() {
        return DISPLAY_NAME;
    }

    /** The default scan's URL, so the overview's link for the job's default scan leads here. */
    @Override
    public String getUrlName() {
        return DevSecOpsScanStep.DEFAULT_ID;
    }

    /** The summary the overview digests: FAILED, each required stage NOT_RUN. */
    public synchronized BuildSummary getSummary() {
        if (summary == null) {
            try {
                summary = SummaryJson.read(summaryJson);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return summary;
    }

    /** The required stages that did not run. */
    @Exported
    public List<String> getStages() {
        return List.copyOf(stages);
    }

    /** Per required stage (same order), the layer that required it, e.g. {@code folder team}; empty when unknown. */
    @Exported
    public List<String> getOrigins() {
        return List.copyOf(origins);
    }

    /** The policy layers, highest first. */
    public List<String> getLayers() {
        return List.copyOf(layers);
    }

    /** E.g. {@code required stages not run (no scan in this build): dependencies (folder team)}. */
    @Exported
    public String getMessage() {
        return message;
    }

    /** {@code FAILED}, as for a scan whose required stage did not run. */
    @Exported
    public String getPolicyResult() {
        return "FAILED";
    }
}
