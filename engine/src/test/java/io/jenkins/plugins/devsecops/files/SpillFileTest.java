package io.jenkins.plugins.devsecops.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFileTest {

    @TempDir
    Path directory;

    private String before;

    @BeforeEach
    void useTheTestDirectory() {
        before = System.getProperty("devsecops.spill.dir");
        System.setProperty("devsecops.spill.dir", directory.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("devsecops.spill.dir");
        } else {
            System.setProperty("devsecops.spill.dir", before);
        }
    }

    @Test
    void shouldGiveBackWhatWasAppendedAndWrittenWithNoNameLeftInTheDirectory() throws Exception {
        try (SpillFile file = SpillFile.create("devsecops-test-")) {
            byte[] first = "first record".getBytes(StandardCharsets.UTF_8);
            byte[] second = "second".getBytes(StandardCharsets.UTF_8);
            long a = file.append(first);
            long b = file.append(second);
            file.write("SECOND".getBytes(StandardCharsets.UTF_8), 0, 6, b);

            assertThat(a).isZero();
            assertThat(b).isEqualTo(first.length);
            assertThat(new String(file.read(a, first.length), StandardCharsets.UTF_8)).isEqualTo("first record");
            assertThat(new String(file.read(b, second.length), StandardCharsets.UTF_8)).isEqualTo("SECOND");
            try (Stream<Path> names = Files.list(directory)) {
                assertThat(names).as("the file is unlinked as soon as it is open").isEmpty();
            }
        }
    }

    @Test
    void shouldStayReadableForOtherThreadsAfterAReaderIsInterrupted() throws Exception {
        try (SpillFile file = SpillFile.create("devsecops-test-")) {
            long at = file.append(new byte[] {1, 2, 3, 4});
            AtomicReference<byte[]> seen = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    seen.set(file.read(at, 4));
                } catch (Exception e) {
                    seen.set(new byte[0]);
                }
            });
            reader.start();
            reader.join();

            assertThat(seen.get()).containsExactly(1, 2, 3, 4);
            assertThat(file.read(at, 4)).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void shouldMakeTheFileOnceAndGiveNoneForWritingOnceItFailed() throws Exception {
        try (SpillFileOnDemand store = new SpillFileOnDemand("devsecops-test-")) {
            assertThat(store.forReading()).as("nothing made before the first write").isNull();
            SpillFile file = store.forWriting();
            long at = file.append(new byte[] {7, 8});

            assertThat(store.forWriting()).isSameAs(file);
            store.writeFailed();
            assertThat(store.forWriting()).isNull();
            assertThat(store.forReading().read(at, 2)).containsExactly(7, 8);
        }
    }

    @Test
    void shouldGiveNoneForWritingWhenTheDirectoryIsMissing() {
        System.setProperty("devsecops.spill.dir", directory.resolve("missing").toString());
        try (SpillFileOnDemand store = new SpillFileOnDemand("devsecops-test-")) {
            assertThat(store.forWriting()).isNull();
            assertThat(store.forReading()).isNull();
        }
    }
}
