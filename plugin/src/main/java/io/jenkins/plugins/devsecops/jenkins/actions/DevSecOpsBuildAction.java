package io.jenkins.plugins.devsecops.jenkins.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.RequiredStageOutcome;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import io.jenkins.plugins.devsecops.summary.SummaryJson;
import io.jenkins.plugins.devsecops.record.ScanRecord;
import io.jenkins.plugins.devsecops.record.ScanRecordFiles;
import io.jenkins.plugins.devsecops.view.GateRowView;
import io.jenkins.plugins.devsecops.view.FixedFindingRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import io.jenkins.plugins.devsecops.report.ReportWriter;
import io.jenkins.plugins.devsecops.report.ReportWriters;
import io.jenkins.plugins.devsecops.view.FindingState;
import io.jenkins.plugins.devsecops.view.FindingsFilter;
import io.jenkins.plugins.devsecops.view.FindingsTable;
import io.jenkins.plugins.devsecops.view.SummaryText;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.ref.SoftReference;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The result of one {@code devSecOpsScan} on a build. build.xml keeps only the engine's compact
 * {@link BuildSummary} (as its JSON line, so no engine record goes through XStream); the engine's {@link ScanRecord}
 * (the report, the gate table referring to its findings, fixed findings, warnings) lives in one gzip file,
 * {@code devsecops/<id>.json.gz} in the build directory ({@link ScanRecordFiles}), read on first use and held
 * softly. Seeing it needs {@link Item#READ} on the job, as for any build page.
 */
@ExportedBean
public final class DevSecOpsBuildAction implements RunAction2 {

    private static final Logger LOGGER = Logger.getLogger(DevSecOpsBuildAction.class.getName());

    /** The folder of the build directory that holds the records. */
    static final String DIRECTORY = "devsecops";

    private final String id;
    private final String name;
    private final String summaryJson;
    private final String result;
    private final String resultMessage;
    private final String referenceBuild;
    /** Why this reference, e.g. {@code build #41 of the target branch main (pull request PR-7)}; null before. */
    private String referenceDescription;

    private transient Run<?, ?> owner;
    private transient BuildSummary summary;
    private transient SoftReference<ScanRecord> record;

    DevSecOpsBuildAction(Run<?, ?> owner, String id, String name, String summaryJson, String result,
            String resultMessage, String referenceBuild) {
        this.owner = owner;
        this.id = id;
        this.name = name;
        this.summaryJson = summaryJson;
        this.result = result;
        this.resultMessage = resultMessage;
        this.referenceBuild = referenceBuild;
    }

    /**
     * Stores the scan's record in the build directory and attaches its action to {@code run}. The action is attached
     * even when the file cannot be written: the summary in build.xml still tells the verdict and the counts.
     *
     * @throws IOException when the record file cannot be written (the action is attached all the same)
     */
    public static DevSecOpsBuildAction record(Run<?, ?> run, String id, String name, Assessment assessment,
            String result, String resultMessage, String referenceBuild) throws IOException {
        DevSecOpsBuildAction action = new DevSecOpsBuildAction(run, id, name, SummaryJson.write(assessment.summary()),
                result, resultMessage, referenceBuild);
        action.summary = assessment.summary();
        ScanRecord scanRecord = ScanRecord.of(assessment);
        IOException failure = null;
        try {
            files(run).write(id, scanRecord);
            action.record = new SoftReference<>(scanRecord);
        } catch (IOException e) {
            failure = e;
        }
        run.addAction(action);
        if (failure != null) {
            throw failure;
        }
        return action;
    }

    private static ScanRecordFiles files(Run<?, ?> run) {
        return new ScanRecordFiles(run.getRootDir().toPath().resolve(DIRECTORY));
    }

    /** The scan with {@code id} of {@code run}, if it had one. */
    public static Optional<DevSecOpsBuildAction> find(Run<?, ?> run, String id) {
        return run.getActions(DevSecOpsBuildAction.class).stream().filter(a -> a.getId().equals(id)).findFirst();
    }

    /** Ids of the stages of {@code report} that failed or timed out. */
    public static List<String> incompleteStages(Report report) {
        return report.stages().stream()
                .filter(stage -> stage.status() == StageStatus.FAILED || stage.status() == StageStatus.TIMED_OUT)
                .map(StageResult::stage).sorted().toList();
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

    @Exported
    public String getId() {
        return id;
    }

    @Override
    @Exported
    public String getDisplayName() {
        return name;
    }

    @Override
    public String getIconFileName() {
        return "symbol-shield-warning";
    }

    @Override
    public String getUrlName() {
        return id;
    }

    /** The engine's summary kept in build.xml; never loads the report. An unreadable one reads as empty. */
    public synchronized BuildSummary getSummary() {
        if (summary == null) {
            try {
                summary = SummaryJson.read(summaryJson == null ? "" : summaryJson);
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.FINE, "No readable DevSecOps summary " + id + " in " + owner, e);
                summary = new BuildSummary(owner == null ? "0" : String.valueOf(owner.getNumber()),
                        Instant.ofEpochMilli(owner == null ? 0 : owner.getStartTimeInMillis()), 0, null, null, 0, 0,
                        0, 0, null, null, null);
            }
        }
        return summary;
    }

    /** The summary as one line. */
    public String getSummaryText() {
        return SummaryText.of(getSummary());
    }

    @Exported(visibility = 2)
    public int getTotal() {
        return StageCounts.total(getSummary().openBySeverity());
    }

    /** Active findings by severity name, most severe first. */
    @Exported(visibility = 2)
    public Map<String, Integer> getSeverities() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] open = getSummary().openBySeverity();
        for (Severity severity : Severity.values()) {
            counts.put(severity.name(), open[severity.ordinal()]);
        }
        return counts;
    }

    /** Active findings by stage id. */
    @Exported(visibility = 2)
    public Map<String, Integer> getStages() {
        Map<String, Integer> counts = new TreeMap<>();
        getSummary().stages().forEach(stage -> counts.put(stage.stage(), StageCounts.total(stage.open())));
        return counts;
    }

    /** Active findings new in this build. */
    @Exported(visibility = 2)
    public int getNewCount() {
        return StageCounts.total(getSummary().addedBySeverity());
    }

    /** Findings of the reference build that are gone. */
    @Exported(visibility = 2)
    public int getFixedCount() {
        return StageCounts.total(getSummary().fixedBySeverity());
    }

    @Exported(visibility = 2)
    public int getSuppressed() {
        return getSummary().stages().stream().mapToInt(StageCounts::suppressed).sum();
    }

    /** PASSED, UNSTABLE or FAILED. */
    @Exported(visibility = 2)
    public String getPolicyResult() {
        return getSummary().verdict().name();
    }

    /** The 0–100 security score. */
    @Exported(visibility = 2)
    public int getScore() {
        return getSummary().score();
    }

    /** The gate table as the summary keeps it (no findings). */
    @Exported(visibility = 2)
    public List<ExportedGate> getGates() {
        return getSummary().gates().stream().map(ExportedGate::new).toList();
    }

    /**
     * The stages that failed or timed out, from the summary in build.xml; only a summary written before stage
     * statuses were kept makes it read the report.
     */
    @Exported
    public List<String> getIncompleteStages() {
        BuildSummary kept = getSummary();
        if (kept.knowsStageStatus()) {
            return kept.incompleteStages();
        }
        return getReport().map(DevSecOpsBuildAction::incompleteStages).orElse(List.of());
    }

    /** What the scan was compared with and why, e.g. the target branch of a pull request; empty when unknown. */
    @Exported(visibility = 2)
    public String getReferenceDescription() {
        return referenceDescription == null ? "" : referenceDescription;
    }

    /** Records why the reference was chosen (set once, when the scan is recorded). */
    public void setReferenceDescription(String description) {
        this.referenceDescription = description;
    }

    /** The policy layers, highest first, each with what it contributed; empty when the record cannot be read. */
    public List<String> getPolicyLayers() {
        return getRecord().map(r -> r.evaluation().layers()).orElse(List.of());
    }

    /** {@code SUCCESS}, or the result the policy set: {@code UNSTABLE} or {@code FAILURE}. */
    @Exported(visibility = 2)
    public String getResult() {
        return result;
    }

    /** Why the policy set the result (the gates that tripped), empty when it passed. */
    @Exported(visibility = 2)
    public String getResultMessage() {
        return resultMessage;
    }

    /** The externalizable id of the build this scan was compared with, empty when there was none. */
    @Exported(visibility = 2)
    public String getReferenceBuild() {
        return referenceBuild;
    }

    /** The full gate table with the findings that tripped each gate, empty when the record cannot be read. */
    public List<GateOutcome> getGateOutcomes() {
        return getRecord().map(r -> r.evaluation().gates()).orElse(List.of());
    }

    /**
     * The gate table of the findings page: gates and required stages, with the findings each counted; the summary's
     * gate rows (numbers only) when the record cannot be read.
     */
    public List<GateRowView> getGateRows() {
        return getRecord().map(r -> GateRowView.of(r.evaluation()))
                .orElseGet(() -> getSummary().gates().stream().map(GateRowView::of).toList());
    }

    /** The required stages and whether each completed. */
    public List<RequiredStageOutcome> getRequiredStageOutcomes() {
        return getRecord().map(r -> r.evaluation().requiredStages()).orElse(List.of());
    }

    /** Layering and suppression warnings of the assessment. */
    public List<String> getWarnings() {
        return getRecord().map(ScanRecord::warnings).orElse(List.of());
    }

    /** The findings of the reference build that are gone in this one. */
    public List<FixedFindingRow> getFixed() {
        return getRecord().map(r -> r.fixed().stream().map(FixedFindingRow::of).toList()).orElse(List.of());
    }

    /** Whether the policy marked the build. */
    public boolean isMarked() {
        return !"SUCCESS".equals(result);
    }

    /** The findings of the report (at most {@link FindingsTable#MAX_ROWS}), for the REST API. */
    @Exported
    public List<ExportedFinding> getFindings() {
        return getReport().map(r -> FindingsTable.of(r, FindingsFilter.all()).rows().stream()
                .map(ExportedFinding::new).toList()).orElse(List.of());
    }

    /** The findings page for the filters of the query string; the page escapes every value. */
    public FindingsTable getTable(@CheckForNull String severity, @CheckForNull String stage,
            @CheckForNull String state) {
        FindingsFilter filter = FindingsFilter.parse(severity, stage, state);
        return getReport().map(r -> FindingsTable.of(r, filter))
                .orElseGet(() -> new FindingsTable(filter, List.of(), 0, 0, List.of(), List.of()));
    }

    /** The states the findings page filters by. */
    public List<FindingState> getStates() {
        return List.of(FindingState.values());
    }

    /** Whether the report file could be read. */
    public boolean isReportAvailable() {
        return getReport().isPresent();
    }

    /** The report formats offered for download. */
    public List<String> getDownloadFormats() {
        ReportWriters writers = ReportWriters.builtIn();
        return List.of("json", "sarif").stream().filter(f -> writers.find(f).isPresent()).toList();
    }

    /** The full report, read from the build directory on first use. */
    public Optional<Report> getReport() {
        return getRecord().map(ScanRecord::report);
    }

    /**
     * The scan's record, read from the build directory on first use and held softly, so that pages of many builds
     * never pin their findings in memory; empty (and logged) when it cannot be read.
     */
    public synchronized Optional<ScanRecord> getRecord() {
        ScanRecord cached = record == null ? null : record.get();
        if (cached != null) {
            return Optional.of(cached);
        }
        if (owner == null) {
            return Optional.empty();
        }
        try {
            Optional<ScanRecord> read = files(owner).read(id);
            read.ifPresent(r -> record = new SoftReference<>(r));
            if (read.isEmpty()) {
                LOGGER.log(Level.FINE, "No DevSecOps record {0} in {1}", new Object[] {id, owner});
            }
            return read;
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot read the DevSecOps record " + id + " of " + owner, e);
            return Optional.empty();
        }
    }

    /**
     * Downloads the report: {@code download?format=json} (default) or {@code sarif}, served with the content type
     * of its file name, so browsers never render it as a page.
     */
    public void doDownload(StaplerRequest2 request, StaplerResponse2 response, @QueryParameter String format)
            throws Exception {
        owner.checkPermission(Item.READ);
        String requested = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(Locale.ROOT);
        Optional<ReportWriter> writer = getDownloadFormats().contains(requested)
                ? ReportWriters.builtIn().find(requested) : Optional.empty();
        Optional<Report> loaded = getReport();
        if (writer.isEmpty() || loaded.isEmpty()) {
            throw HttpResponses.notFound();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.get().write(loaded.get(), bytes);
        String fileName = id + "-" + writer.get().fileName();
        response.serveFile(request, new ByteArrayInputStream(bytes.toByteArray()), owner.getTimeInMillis(),
                bytes.size(), fileName.endsWith(".sarif") ? fileName + ".json" : fileName);
    }

    /** The compliance page of this scan, {@code compliance/}; its view is built from the report on request. */
    public CompliancePage getCompliance() {
        return new CompliancePage(this);
    }

    /** The REST API of this scan: summary and findings, no source text. */
    public Api getApi() {
        return new Api(this);
    }
}
