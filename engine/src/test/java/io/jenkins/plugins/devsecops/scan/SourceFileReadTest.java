package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file is read whole with the size the walk saw as the first guess, whatever its real size is by then: the same, a
 * file that grew or shrank since, around the size of the read block and empty.
 */
class SourceFileReadTest {

    @TempDir
    Path dir;

    private final Random random = new Random(16);

    @Test
    void shouldReadEveryByteWhateverTheSizeTheWalkSaw() throws Exception {
        int block = 256 * 1024;
        for (int length : new int[] {0, 1, 2, 100, 8191, block - 1, block, block + 1, 2 * block, 3 * block + 7}) {
            byte[] content = new byte[length];
            random.nextBytes(content);
            Path file = dir.resolve("f" + length);
            Files.write(file, content);
            for (long seen : new long[] {length, 0, length / 2, length + 1L, length + 1000L, 2L * length + 5}) {
                // When the walk saw `seen` bytes (the file has since grown or shrunk to `length`)
                SourceFile source = new SourceFile(file, "f" + length, seen);

                // Then every byte is read, no more and no fewer
                assertThat(source.bytes()).as("%d bytes, walk saw %d", length, seen).isEqualTo(content);
            }
        }
    }

    @Test
    void shouldGiveTheSameTextForAsciiContentEitherWay() throws Exception {
        Path file = dir.resolve("a.properties");
        Files.writeString(file, "db.password=Zx9kQ2mW7pL4vN8r\n", StandardCharsets.UTF_8);

        String copied = new SourceFile(file, "a.properties", Files.size(file)).asciiText();
        String decoded = new SourceFile(file, "a.properties", Files.size(file)).text();

        assertThat(copied).isEqualTo(decoded).isEqualTo("db.password=Zx9kQ2mW7pL4vN8r\n");
    }
}
