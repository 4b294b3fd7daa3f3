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

    @Test
    void shouldProbeAFileLargerThanOneSmallReadAndDecideExactlyAsGitDoes() throws Exception {
        int probe = SourceFile.PROBE_READ_BYTES;
        for (int length : new int[] {probe - 1, probe, probe + 1, 9000, 20_000}) {
            for (int nulAt : new int[] {-1, 0, 1, 7999, 8000, probe - 1, probe, length - 1}) {
                // Given a file of `length` printable bytes with a NUL at `nulAt` (none for -1): at the first byte, the
                // last one checked (7,999), the first one not checked (8,000), around the end of the probe read and
                // at the last byte
                byte[] content = printable(length);
                if (nulAt >= 0 && nulAt < length) {
                    content[nulAt] = 0;
                }
                Path file = dir.resolve("p" + length + "-" + nulAt);
                Files.write(file, content);
                SourceFile probed = new SourceFile(file, "p", length);

                // Then it is binary exactly when the NUL is among its first 8,000 bytes
                boolean expected = nulAt >= 0 && nulAt < Math.min(length, 8000);
                assertThat(probed.isBinary()).as("%d bytes, NUL at %d", length, nulAt).isEqualTo(expected);
                // And a text file's content is the one read with the probe, every byte of it; a binary one is still
                // read whole when a stage asks for it
                assertThat(probed.bytes()).as("%d bytes, NUL at %d", length, nulAt).isEqualTo(content);
                assertThat(probed.isBinary()).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldProbeAFileThatChangedSizeSinceTheWalkAsTheFileItIsNow() throws Exception {
        int probe = SourceFile.PROBE_READ_BYTES;
        // sizes the walk saw and sizes the file has now, on both sides of the probe read, with and without a NUL
        long[][] cases = {
            {20_000, 5_000, 4_000}, {20_000, 5_000, -1}, {20_000, 100, -1}, {20_000, 0, -1},
            {100, 20_000, 7_000}, {100, 20_000, 9_000}, {probe + 1, probe, probe - 1}, {probe + 1, 3 * probe, 8_000},
            {probe + 1, 3 * probe, 10}, {5 * probe, 2 * probe, -1},
        };
        for (long[] c : cases) {
            long seen = c[0];
            int length = (int) c[1];
            int nulAt = (int) c[2];
            // Given a file of `length` bytes now, with a NUL at `nulAt`, that the walk saw with `seen` bytes
            byte[] content = printable(length);
            if (nulAt >= 0) {
                content[nulAt] = 0;
            }
            Path file = dir.resolve("c" + seen + "-" + length + "-" + nulAt);
            Files.write(file, content);
            SourceFile source = new SourceFile(file, "c", seen);

            // Then the binary check is the one of the file as it is, and so is the content
            boolean expected = nulAt >= 0 && nulAt < 8000;
            assertThat(source.isBinary()).as("seen %d, now %d, NUL at %d", seen, length, nulAt).isEqualTo(expected);
            assertThat(source.bytes()).as("seen %d, now %d", seen, length).isEqualTo(content);
        }
    }

    @Test
    void shouldJudgeUtf16TextBinaryAsGitDoesWhateverItsSize() throws Exception {
        for (int lines : new int[] {1, 2_000}) {
            // Given UTF-16 files with a byte order mark (their ASCII characters hold a NUL byte each), small and
            // larger than the probe read, and the same text in UTF-8 with a byte order mark
            String text = "db.password=Zx9kQ2mW7pL4vN8r\n".repeat(lines);
            for (java.nio.charset.Charset charset : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE}) {
                byte[] bom = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                        : new byte[] {(byte) 0xFE, (byte) 0xFF};
                Path file = dir.resolve(charset.name() + "-" + lines + ".properties");
                Files.write(file, concat(bom, text.getBytes(charset)));

                // Then they are binary, as for git
                assertThat(new SourceFile(file, "u", Files.size(file)).isBinary()).as(file.toString()).isTrue();
            }
            Path utf8 = dir.resolve("utf8-" + lines + ".properties");
            byte[] utf8Bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    text.getBytes(StandardCharsets.UTF_8));
            Files.write(utf8, utf8Bytes);
            SourceFile utf8File = new SourceFile(utf8, "u8", Files.size(utf8));
            assertThat(utf8File.isBinary()).isFalse();
            // And the UTF-8 file's text keeps its mark as the JDK decodes it
            assertThat(utf8File.text()).isEqualTo("\uFEFF" + text);
        }
    }

    private byte[] printable(int length) {
        byte[] content = new byte[length];
        for (int i = 0; i < length; i++) {
            content[i] = (byte) ('a' + random.nextInt(26));
        }
        return content;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
