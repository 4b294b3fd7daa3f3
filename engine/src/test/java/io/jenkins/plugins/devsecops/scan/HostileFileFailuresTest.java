package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One file's failure — whatever its parser throws, or its size — is that file's named error, never the scan's. */
class HostileFileFailuresTest {

    @TempDir
    Path root;

    /** Throws what the file's name says, as a parser might; scans the other files like the marker stage. */
    static final class ThrowingStage implements Stage {
        final ScanEngineTest.MarkerStage marker = new ScanEngineTest.MarkerStage();

        @Override
        public String id() {
            return "marker";
        }

        @Override
        public String description() {
            return "throws on some files";
        }

        @Override
        public StageScanner open(StageContext context) {
            StageScanner inner = marker.open(context);
            return new StageScanner() {
                @Override
                public void scan(SourceFile file, FindingSink sink) throws java.io.IOException {
                    switch (file.fileName()) {
                        case "deep.tf" -> throw new StackOverflowError();
                        case "huge.tf" -> throw new OutOfMemoryError("Java heap space");
                        case "linkage.tf" -> throw new NoClassDefFoundError("some/Missing");
                        case "assert.tf" -> throw new AssertionError("unexpected state");
                        default -> inner.scan(file, sink);
                    }
                }
            };
        }
    }

    @Test
    void shouldMakeEveryThrowableOfAParserThatFilesNamedError() throws Exception {
        for (String name : List.of("deep.tf", "huge.tf", "linkage.tf", "assert.tf", "good.tf")) {
            Files.writeString(root.resolve(name), "TODO-SECURITY\n");
        }
        ThrowingStage stage = new ThrowingStage();

        Report report = new ScanEngine(new StageCatalog(List.of(stage)))
                .scan(ScanRequest.builder(root).threads(2).build(), ProgressListener.NONE);

        StageResult result = report.stage("marker").orElseThrow();
        assertThat(result.errors()).extracting(StageError::path)
                .containsExactlyInAnyOrder("deep.tf", "huge.tf", "linkage.tf", "assert.tf");
        assertThat(result.errors()).filteredOn(e -> e.path().equals("deep.tf")).extracting(StageError::message)
                .containsExactly("nested too deeply to analyse");
        assertThat(report.findings()).extracting(f -> f.location().path()).containsExactly("good.tf");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseToReadAFileLargerThanMemoryAllowsWithANamedError() throws Exception {
        // Given a sparse file just over the in-memory cap and a size limit raised above it
        try (RandomAccessFile sparse = new RandomAccessFile(root.resolve("disk.img").toFile(), "rw")) {
            sparse.setLength(SourceFile.MAX_READ_BYTES + 1);
        }
        Files.writeString(root.resolve("small.txt"), "TODO-SECURITY\n");
        ScanEngineTest.MarkerStage stage = new ScanEngineTest.MarkerStage();

        // When
        Report report = new ScanEngine(new StageCatalog(List.of(stage))).scan(ScanRequest.builder(root)
                .maxFileSize(4L * 1024 * 1024 * 1024).build(), ProgressListener.NONE);

        // Then the big file is an error naming it, and the small one is scanned
        assertThat(report.stage("marker").orElseThrow().errors()).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("disk.img"))
                .satisfies(e -> assertThat(e.message()).contains("disk.img").contains("not scanned"));
        assertThat(report.findings()).extracting(f -> f.location().path()).containsExactly("small.txt");
    }
}
