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

    @Test
    void shouldJudgeALargeFileBinaryFromItsFirstBytesAndStillReadItWholeWhenAsked() throws Exception {
        int block = 256 * 1024;
        for (int length : new int[] {100, 8000, block, block + 1, 3 * block + 7}) {
            for (int nulAt : new int[] {-1, 0, 7999, 8000, length - 1}) {
                // Given a file of `length` printable bytes with a NUL at `nulAt` (none for -1)
                byte[] content = new byte[length];
                for (int i = 0; i < length; i++) {
                    content[i] = (byte) ('a' + random.nextInt(26));
                }
                if (nulAt >= 0 && nulAt < length) {
                    content[nulAt] = 0;
                }
                Path file = dir.resolve("b" + length + "-" + nulAt);
                Files.write(file, content);
                SourceFile probed = new SourceFile(file, "b", length);
                SourceFile readFirst = new SourceFile(file, "b", length);
                readFirst.bytes();

                // Then it is binary exactly when the NUL is among the first 8,000 bytes, probed or read whole first
                boolean expected = nulAt >= 0 && nulAt < Math.min(length, 8000);
                assertThat(probed.isBinary()).as("%d bytes, NUL at %d", length, nulAt).isEqualTo(expected);
                assertThat(readFirst.isBinary()).isEqualTo(expected);
                // And its content is still there in full for a stage that wants it
                assertThat(probed.bytes()).isEqualTo(content);
            }
        }
    }
}
