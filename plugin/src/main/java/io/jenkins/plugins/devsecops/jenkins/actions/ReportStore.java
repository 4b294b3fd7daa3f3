package io.jenkins.plugins.devsecops.jenkins.actions;

import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps the full report of one scan as JSON in the build directory ({@code devsecops/<id>.json}); build.xml only
 * holds the summary. Writes through a temporary file so a crash never leaves half a report.
 */
final class ReportStore {

    static final String DIRECTORY = "devsecops";

    private static final ReportJson JSON = new ReportJson();

    private final File file;

    ReportStore(File buildDirectory, String id) {
        this.file = new File(new File(buildDirectory, DIRECTORY), id + ".json");
    }

    File file() {
        return file;
    }

    private File assessmentFile() {
        return new File(file.getParentFile(), file.getName().replace(".json", "-assessment.json"));
    }

    /** Writes what the assessment concluded besides the report: gate table with findings, fixed findings, warnings. */
    void writeAssessment(HistoryDirectory.StoredAssessment assessment) throws IOException {
        writeAtomically(assessmentFile().toPath(), out -> JSON.mapper().writeValue(out, assessment));
    }

    HistoryDirectory.StoredAssessment readAssessment() throws IOException {
        try (InputStream in = Files.newInputStream(assessmentFile().toPath())) {
            return JSON.mapper().readValue(in, HistoryDirectory.StoredAssessment.class);
        }
    }

    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    void write(Report report) throws IOException {
        writeAtomically(file.toPath(), out -> JSON.write(report, out));
    }

    private static void writeAtomically(Path target, Content content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "report", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.write(out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    Report read() throws IOException {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            return JSON.read(in);
        }
    }
}
