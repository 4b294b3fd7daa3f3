package io.jenkins.plugins.devsecops.record;

import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Where a build keeps its scan records: {@code <directory>/<id>.json.gz}, one file per scan, written through a
 * temporary file and an atomic move so a crash never leaves half a record. Reads records of the first layout too
 * (an uncompressed report {@code <id>.json} beside {@code <id>-assessment.json}).
 */
public final class ScanRecordFiles {

    /** The suffix of a record file. */
    public static final String SUFFIX = ".json.gz";

    private static final ScanRecordJson JSON = new ScanRecordJson();
    private static final ReportJson LEGACY = new ReportJson();

    private final Path directory;

    /** The records kept in {@code directory} (created on the first write). */
    public ScanRecordFiles(Path directory) {
        this.directory = directory;
    }

    /** The record file of scan {@code id}. */
    public Path file(String id) {
        return directory.resolve(id + SUFFIX);
    }

    /** Writes the record of scan {@code id}, replacing an older one; removes first-layout files of that id. */
    public Path write(String id, ScanRecord record) throws IOException {
        Path target = file(id);
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, id + "-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                JSON.write(record, out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        Files.deleteIfExists(legacyReport(id));
        Files.deleteIfExists(legacyAssessment(id));
        return target;
    }

    /**
     * Reads the record of scan {@code id}: the compressed record, else the first layout's two files.
     *
     * @return empty when there is none
     * @throws IOException when a file exists but cannot be read
     */
    public Optional<ScanRecord> read(String id) throws IOException {
        Path file = file(id);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return Optional.of(JSON.read(in));
            } catch (IOException e) {
                throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return readLegacy(id);
    }

    private Optional<ScanRecord> readLegacy(String id) throws IOException {
        Path report = legacyReport(id);
        if (!Files.isRegularFile(report)) {
            return Optional.empty();
        }
        Report read;
        try (InputStream in = Files.newInputStream(report)) {
            read = LEGACY.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot read " + report + ": " + e.getMessage(), e);
        }
        Path assessment = legacyAssessment(id);
        HistoryDirectory.StoredAssessment stored = null;
        if (Files.isRegularFile(assessment)) {
            try (InputStream in = Files.newInputStream(assessment)) {
                stored = LEGACY.mapper().readValue(in, HistoryDirectory.StoredAssessment.class);
            } catch (IOException | RuntimeException e) {
                throw new IOException("Cannot read " + assessment + ": " + e.getMessage(), e);
            }
        }
        PolicyEvaluation evaluation = stored == null || stored.evaluation() == null
                ? new PolicyEvaluation(PolicyVerdict.PASSED, List.of(), List.of(), List.of())
                : stored.evaluation();
        return Optional.of(new ScanRecord(read, evaluation, stored == null ? List.of() : stored.fixed()));
    }

    private Path legacyReport(String id) {
        return directory.resolve(id + ".json");
    }

    private Path legacyAssessment(String id) {
        return directory.resolve(id + "-assessment.json");
    }
}
