package io.jenkins.plugins.devsecops.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.dashboard.DashboardData;
import io.jenkins.plugins.devsecops.history.FixedFinding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.summary.SummaryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CLI's local history ({@code .devsecops/history} by default): the build summaries, the last report (the next
 * scan's reference) and the last evaluation, so that trends and the dashboard work without Jenkins.
 */
public final class HistoryDirectory {

    /** The last report, annotated with first sightings. */
    public static final String LAST_REPORT = "last-report.json";
    /** The last evaluation, fixed findings and warnings. */
    public static final String LAST_ASSESSMENT = "last-assessment.json";

    private static final ReportJson JSON = new ReportJson();
    private static final ObjectMapper MAPPER = JSON.mapper();

    private final Path directory;
    private final SummaryStore summaries;

    public HistoryDirectory(Path directory) {
        this.directory = directory;
        this.summaries = new SummaryStore(directory);
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
     * @throws IOException when it exists but cannot be read
     */
    public Optional<Report> lastReport() throws IOException {
        Path file = directory.resolve(LAST_REPORT);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(JSON.read(in));
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The last stored assessment, if readable. */
    public Optional<StoredAssessment> lastAssessment() {
        Path file = directory.resolve(LAST_ASSESSMENT);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(MAPPER.readValue(in, StoredAssessment.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records an assessment: appends its summary, replaces the last report and evaluation (atomically each). */
    public void record(Assessment assessment) throws IOException {
        Files.createDirectories(directory);
        Path ignore = directory.resolve(".gitignore");
        if (!Files.exists(ignore)) {
            // Local history is never meant for the repository, wherever the directory lies.
            Files.writeString(ignore, "*\n");
        }
        writeAtomically(LAST_REPORT, out -> JSON.write(assessment.report(), out));
        List<String> warnings = new ArrayList<>(assessment.evaluation().warnings());
        StoredAssessment stored = new StoredAssessment(assessment.evaluation(), assessment.comparison().fixed(),
                warnings);
        writeAtomically(LAST_ASSESSMENT, out -> MAPPER.writeValue(out, stored));
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
        if (loaded.skipped() > 0) {
            warnings.add(loaded.skipped() + " unreadable lines in " + SummaryStore.FILE_NAME + " were skipped");
        }
        return Optional.of(new DashboardData(report.get(), stored.map(StoredAssessment::evaluation).orElse(null),
                stored.map(StoredAssessment::fixed).orElse(List.of()), loaded.summaries(), warnings));
    }

    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    private void writeAtomically(String name, Content content) throws IOException {
        Path target = directory.resolve(name);
        Path temporary = directory.resolve(name + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            content.write(out);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
