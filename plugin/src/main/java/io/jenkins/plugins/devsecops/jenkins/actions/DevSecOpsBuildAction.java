package io.jenkins.plugins.devsecops.jenkins.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.report.ReportWriter;
import io.jenkins.plugins.devsecops.report.ReportWriters;
import io.jenkins.plugins.devsecops.view.FindingState;
import io.jenkins.plugins.devsecops.view.FindingsFilter;
import io.jenkins.plugins.devsecops.view.FindingsTable;
import io.jenkins.plugins.devsecops.view.ScanSummary;
import io.jenkins.plugins.devsecops.view.SummaryText;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * The result of one {@code devSecOpsScan} on a build. build.xml keeps only the compact summary; the full report
 * lives in {@code devsecops/<id>.json} in the build directory, read on first use and held softly so the garbage
 * collector may drop it. Seeing it needs {@link Item#READ} on the job, as for any build page.
 */
@ExportedBean
public final class DevSecOpsBuildAction implements RunAction2 {

    private static final Logger LOGGER = Logger.getLogger(DevSecOpsBuildAction.class.getName());

    private final String id;
    private final String name;
    private final Map<String, Integer> severityCounts;
    private final Map<String, Integer> stageCounts;
    private final int suppressed;
    private final List<String> incompleteStages;
    private final String result;
    private final String resultMessage;
    private final String referenceBuild;

    private transient Run<?, ?> owner;
    private transient SoftReference<Report> report;

    DevSecOpsBuildAction(Run<?, ?> owner, String id, String name, ScanSummary summary, String result,
            String resultMessage, String referenceBuild) {
        this.owner = owner;
        this.id = id;
        this.name = name;
        this.severityCounts = new TreeMap<>();
        summary.bySeverity().forEach((severity, count) -> severityCounts.put(severity.name(), count));
        this.stageCounts = new TreeMap<>(summary.byStage());
        this.suppressed = summary.suppressed();
        this.incompleteStages = new ArrayList<>(summary.incompleteStages());
        this.result = result;
        this.resultMessage = resultMessage;
        this.referenceBuild = referenceBuild;
    }

    /**
     * Stores {@code report} in the build directory and attaches its action to {@code run}.
     *
     * @throws IOException when the report cannot be written
     */
    public static DevSecOpsBuildAction record(Run<?, ?> run, String id, String name, Report report,
            ScanSummary summary, String result, String resultMessage, String referenceBuild) throws IOException {
        new ReportStore(run.getRootDir(), id).write(report);
        DevSecOpsBuildAction action = new DevSecOpsBuildAction(run, id, name, summary, result, resultMessage,
                referenceBuild);
        action.report = new SoftReference<>(report);
        run.addAction(action);
        return action;
    }

    /** The scan with {@code id} of {@code run}, if it had one. */
    public static Optional<DevSecOpsBuildAction> find(Run<?, ?> run, String id) {
        return run.getActions(DevSecOpsBuildAction.class).stream().filter(a -> a.getId().equals(id)).findFirst();
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

    /** The absolute URL of the findings page, for the console. */
    public String getAbsoluteUrl() {
        return owner.getAbsoluteUrl() + id + "/";
    }

    /** The summary kept in build.xml; never loads the report. */
    public ScanSummary getSummary() {
        Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
        severityCounts.forEach((severity, count) -> severities.put(Severity.parse(severity), count));
        return new ScanSummary(severities, stageCounts, suppressed, incompleteStages);
    }

    /** The summary as one line. */
    public String getSummaryText() {
        return SummaryText.of(getSummary());
    }

    @Exported(visibility = 2)
    public int getTotal() {
        return getSummary().total();
    }

    /** Active findings by severity name, most severe first. */
    @Exported(visibility = 2)
    public Map<String, Integer> getSeverities() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        getSummary().bySeverity().forEach((severity, count) -> counts.put(severity.name(), count));
        return counts;
    }

    /** Active findings by stage id. */
    @Exported(visibility = 2)
    public Map<String, Integer> getStages() {
        return new TreeMap<>(stageCounts);
    }

    @Exported(visibility = 2)
    public int getSuppressed() {
        return suppressed;
    }

    @Exported(visibility = 2)
    public List<String> getIncompleteStages() {
        return List.copyOf(incompleteStages);
    }

    /** {@code SUCCESS}, or the result the scan's threshold set: {@code UNSTABLE} or {@code FAILURE}. */
    @Exported(visibility = 2)
    public String getResult() {
        return result;
    }

    /** Why the threshold set the result, empty when no threshold was set. */
    @Exported(visibility = 2)
    public String getResultMessage() {
        return resultMessage;
    }

    /** The externalizable id of the build this scan was compared with, empty when there was none. */
    @Exported(visibility = 2)
    public String getReferenceBuild() {
        return referenceBuild;
    }

    /** Whether the threshold marked the build. */
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
    public synchronized Optional<Report> getReport() {
        Report cached = report == null ? null : report.get();
        if (cached != null) {
            return Optional.of(cached);
        }
        if (owner == null) {
            return Optional.empty();
        }
        try {
            Report read = new ReportStore(owner.getRootDir(), id).read();
            report = new SoftReference<>(read);
            return Optional.of(read);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot read the DevSecOps report " + id + " of " + owner, e);
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

    /** The REST API of this scan: summary and findings, no source text. */
    public Api getApi() {
        return new Api(this);
    }
}
