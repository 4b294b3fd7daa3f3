package io.jenkins.plugins.devsecops.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.dashboard.DashboardData;
import io.jenkins.plugins.devsecops.files.RegularFiles;
import io.jenkins.plugins.devsecops.files.SafeDirectory;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import io.jenkins.plugins.devsecops.files.UnsafePathException;
import io.jenkins.plugins.devsecops.history.FixedFinding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.summary.SummaryStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CLI's local history (in the user's cache by default, see {@link HistoryLocation}): the build summaries, the
 * last report (the next scan's reference) and the last evaluation, so that trends and the dashboard work without
 * Jenkins. Every file is read and written through {@link SafeDirectory}: no symbolic link is followed, no FIFO or
 * device opened; a damaged last report is set aside so that the next scan runs without a reference.
 */
public final class HistoryDirectory {

    /** The last report, annotated with first sightings. */
    public static final String LAST_REPORT = "last-report.json";
    /** The last evaluation, fixed findings and warnings. */
    public static final String LAST_ASSESSMENT = "last-assessment.json";

    private static final ReportJson JSON = new ReportJson();
    private static final ObjectMapper MAPPER = JSON.mapper();

    private final Path directory;
    private final TreeFiles tree;
    private final SummaryStore summaries;

    public HistoryDirectory(Path directory) {
        this(directory, null);
    }

    /** @param tree the scanned tree, when the directory may lie inside it (no links are followed there) */
    public HistoryDirectory(Path directory, TreeFiles tree) {
        this.directory = directory;
        this.tree = tree;
        this.summaries = new SummaryStore(directory, tree);
    }

    public Path directory() {
        return directory;
    }

    public SummaryStore summaries() {
        return summaries;
    }

    /** What the last assessment concluded, besides its report. */
    public record StoredAssessment(PolicyEvaluation evaluation, List<FixedFinding> fixed, List<String> warnings) {
    }

    /**
     * The last report, the reference of the next scan.
     *
     * @throws IOException when it exists but cannot be read; a damaged file is first set aside (renamed
     *     {@code .corrupt-<time>}) so that the next scans start afresh, and the message says so
     */
    public Optional<Report> lastReport() throws IOException {
        Path file = directory.resolve(LAST_REPORT);
        if (!RegularFiles.requireRegularIfPresent(file, LAST_REPORT)) {
            return Optional.empty();
        }
        try (InputStream in = RegularFiles.open(file, LAST_REPORT)) {
            return Optional.of(JSON.read(in));
        } catch (UnsafePathException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String aside;
            try {
                aside = "; set aside as " + SafeDirectory.create(directory, tree).setAside(LAST_REPORT).getFileName();
            } catch (IOException notMoved) {
                aside = "";
            }
            // Jackson's message quotes the content it choked on: only the kind of problem is kept.
            throw new IOException("Cannot read " + file + ": not a valid report (" + e.getClass().getSimpleName()
                    + ")" + aside, e);
        }
    }

    /** The last stored assessment, if readable. */
    public Optional<StoredAssessment> lastAssessment() {
        Path file = directory.resolve(LAST_ASSESSMENT);
        try (InputStream in = RegularFiles.open(file, LAST_ASSESSMENT)) {
            return Optional.of(MAPPER.readValue(in, StoredAssessment.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records an assessment: appends its summary, replaces the last report and evaluation (atomically each). */
    public void record(Assessment assessment) throws IOException {
        SafeDirectory target = SafeDirectory.create(directory, tree);
        if (!target.hasFile(".gitignore")) {
            // Local history is never meant for the repository, wherever the directory lies.
            target.writeString(".gitignore", "*\n");
        }
        target.write(LAST_REPORT, out -> JSON.write(assessment.report(), out));
        List<String> warnings = new ArrayList<>(assessment.evaluation().warnings());
        StoredAssessment stored = new StoredAssessment(assessment.evaluation(), assessment.comparison().fixed(),
                warnings);
        target.write(LAST_ASSESSMENT, out -> MAPPER.writeValue(out, stored));
        summaries.append(assessment.summary());
    }

    /** The dashboard of the last recorded build, from this directory alone. */
    public Optional<DashboardData> dashboard() throws IOException {
        Optional<Report> report = lastReport();
        if (report.isEmpty()) {
            return Optional.empty();
        }
        SummaryStore.Loaded loaded = summaries.load();
        Optional<StoredAssessment> stored = lastAssessment();
        List<String> warnings = new ArrayList<>(stored.map(StoredAssessment::warnings).orElse(List.of()));
        if (loaded.warning() != null) {
            warnings.add(loaded.warning());
        }
        if (loaded.skipped() > 0) {
            warnings.add(loaded.skipped() + " unreadable lines in " + SummaryStore.FILE_NAME + " were skipped");
        }
        return Optional.of(new DashboardData(report.get(), stored.map(StoredAssessment::evaluation).orElse(null),
                stored.map(StoredAssessment::fixed).orElse(List.of()), loaded.summaries(), warnings));
    }
}
