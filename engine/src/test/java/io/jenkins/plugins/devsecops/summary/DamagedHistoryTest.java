package io.jenkins.plugins.devsecops.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;
import io.jenkins.plugins.devsecops.files.HostileFiles;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import io.jenkins.plugins.devsecops.files.UnsafePathException;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history directory that is damaged, oversized, linked or a FIFO never stops a scan nor fills the memory. */
class DamagedHistoryTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path history;

    @TempDir
    Path outside;

    @Test
    void shouldSetAsideASparseFileOfZeroBytesWithoutReadingIt() throws Exception {
        // Given summaries.jsonl is a 2 GB sparse file of zero bytes (no line break anywhere)
        try (RandomAccessFile file = new RandomAccessFile(history.resolve(SummaryStore.FILE_NAME).toFile(), "rw")) {
            file.setLength(2L * 1024 * 1024 * 1024);
        }

        // When loaded
        SummaryStore.Loaded loaded = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new SummaryStore(history).load());

        // Then nothing is loaded, the warning says why, and the file was renamed out of the way
        assertThat(loaded.summaries()).isEmpty();
        assertThat(loaded.warning()).contains("summaries.jsonl is larger than").contains("set aside as");
        assertThat(history.resolve(SummaryStore.FILE_NAME)).doesNotExist();
        try (var files = Files.list(history)) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString()
                    .startsWith("summaries.jsonl.corrupt-");
        }
    }

    @Test
    void shouldReadALongLineWithBoundedMemoryAndSetAsideAFileWithNoSummary() throws Exception {
        // Given 8 MB of zero bytes and garbage without a line break
        byte[] garbage = new byte[8 * 1024 * 1024];
        garbage[100] = 'x';
        Files.write(history.resolve(SummaryStore.FILE_NAME), garbage);

        SummaryStore store = new SummaryStore(history);
        SummaryStore.Loaded loaded = store.load();

        assertThat(loaded.summaries()).isEmpty();
        assertThat(loaded.warning()).contains("holds no readable summary").contains("set aside");
        // And the history starts again on the next append
        store.append(SummariesAndChartsTest.summary("1", 0, 1, 1, 0));
        assertThat(store.load().summaries()).hasSize(1);
    }

    @Test
    void shouldRefuseAFifoOrALinkInsteadOfBlockingOrWritingOutside() throws Exception {
        Path victim = Files.writeString(outside.resolve("victim"), "precious\n");
        Files.createSymbolicLink(history.resolve(SummaryStore.FILE_NAME), victim);
        SummaryStore store = new SummaryStore(history, new TreeFiles(history.getParent()));

        assertThatThrownBy(store::load).isInstanceOf(UnsafePathException.class).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> store.append(SummariesAndChartsTest.summary("1", 0, 1, 1, 0)))
                .isInstanceOf(UnsafePathException.class);
        assertThat(victim).hasContent("precious");

        Files.delete(history.resolve(SummaryStore.FILE_NAME));
        Assumptions.assumeTrue(HostileFiles.mkfifo(history.resolve(SummaryStore.FILE_NAME)), "mkfifo unavailable");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(store::load).isInstanceOf(UnsafePathException.class).hasMessageContaining("FIFO");
            assertThatThrownBy(() -> store.append(SummariesAndChartsTest.summary("1", 0, 1, 1, 0)))
                    .isInstanceOf(UnsafePathException.class);
        });
    }

    @Test
    void shouldSetAsideACorruptLastReportAndNeverWriteThroughPlantedLinks() throws Exception {
        // Given a corrupt last report, and links planted at the old fixed temporary name and at .gitignore
        Path victim = Files.writeString(outside.resolve("victim"), "precious\n");
        Files.writeString(history.resolve(HistoryDirectory.LAST_REPORT), "\u0000\u0000{\"password\": \"hunter2\"");
        Files.createSymbolicLink(history.resolve(HistoryDirectory.LAST_REPORT + ".tmp"), victim);
        HistoryDirectory directory = new HistoryDirectory(history);

        // When the reference is read / Then the error names the file, not its content, and sets it aside
        assertThatThrownBy(directory::lastReport).hasMessageContaining(HistoryDirectory.LAST_REPORT)
                .hasMessageContaining("set aside as last-report.json.corrupt-").hasMessageNotContaining("hunter2");
        assertThat(directory.lastReport()).isEmpty();

        // When a build is recorded / Then the outside file is untouched
        Report report = Report.builder(new ToolInfo("devsecops", "0.1.0"), T1)
                .stage(StageResult.builder("iac").build()).build();
        Assessment assessment = Assessor.assess(report, PolicyLayering.merge(List.of()), List.of(), null,
                new BuildRef("1", T1));
        directory.record(assessment);
        assertThat(victim).hasContent("precious");
        assertThat(directory.lastReport()).isPresent();

        // And a linked .gitignore is refused rather than written through
        Path other = Files.createDirectories(outside.resolve("h2"));
        Files.createSymbolicLink(other.resolve(".gitignore"), victim);
        assertThatThrownBy(() -> new HistoryDirectory(other).record(assessment))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining(".gitignore");
        assertThat(victim).hasContent("precious");
    }
}
