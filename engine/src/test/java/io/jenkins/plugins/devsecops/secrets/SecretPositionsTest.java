package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.devsecops.model.Finding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a secret is reported when the bytes before it are not plain ASCII (multi-byte characters, malformed UTF-8),
 * when it sits far into a large file, and when one thread scans many files in turn: the positions are those of the
 * text as the JDK decodes it, whatever shortcuts the detector takes (byte scans, counted offsets, a line index
 * built only as far as the last secret, state reused from file to file).
 */
class SecretPositionsTest {

    private static final String TOKEN = "ghp_tP3fS2qHx6kwXoIIXGvOoNZYW2mZp0zVZomH";

    @TempDir
    Path root;

    @Test
    void shouldReportTheLineAndColumnOfTheDecodedTextAfterMultiByteAndMalformedBytes() throws Exception {
        // Given files where multi-byte characters (2, 3 and 4 bytes) and malformed sequences precede the token on
        // its line and on the lines before it, and one where the token is the 20,000th line of a large file
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.writeBytes("# Grüße — 日本語 🔑\n".getBytes(StandardCharsets.UTF_8));
        mixed.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xC3, ' ', (byte) 0xE2, (byte) 0x82, ' ', (byte) 0xFF, '\n'});
        mixed.writeBytes("név = «".getBytes(StandardCharsets.UTF_8));
        mixed.writeBytes(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x94}); // a cut 4-byte sequence
        mixed.writeBytes((" » token: " + TOKEN + " ✓\n").getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("mixed.yml"), mixed.toByteArray());
        StringBuilder large = new StringBuilder();
        for (int i = 1; i < 20_000; i++) {
            large.append("line ").append(i).append(" café\n");
        }
        large.append("    token: ").append(TOKEN).append('\n');
        for (int i = 0; i < 20_000; i++) {
            large.append("after ").append(i).append('\n');
        }
        Files.writeString(root.resolve("large.yml"), large.toString());

        // When the tree is scanned
        List<Finding> findings = SecretFixtures.scan(root).findings();

        // Then the positions are those of the decoded text: line and 1-based column in characters
        String decoded = new String(mixed.toByteArray(), StandardCharsets.UTF_8);
        int offset = decoded.indexOf(TOKEN);
        int lineStart = decoded.lastIndexOf('\n', offset) + 1;
        int column = offset - lineStart + 1;
        assertThat(findings).extracting(f -> f.location().path(), f -> f.location().startLine(),
                f -> f.location().startColumn(), f -> f.location().endColumn())
                .containsExactlyInAnyOrder(
                        tuple("mixed.yml", 3, column, column + TOKEN.length()),
                        tuple("large.yml", 20_000, 12, 12 + TOKEN.length()));
    }

    @Test
    void shouldPlaceSecretsAfterAByteOrderMarkMultiByteCharactersAndMalformedBytesAndSkipUtf16AsBinary() throws Exception {
        // Given a UTF-8 file opening with a byte order mark, whose token follows 2-, 3- and 4-byte characters and sits
        // past the first 8 KiB (the part of a file read alone to decide whether it is binary); and the same text in
        // UTF-16 with its mark, small and large: their ASCII characters hold a NUL byte each
        StringBuilder text = new StringBuilder("\uFEFF# é ü — 日本 🔑 𝄞\n");
        while (text.length() < 9_000) {
            text.append("// ünïcödé filler — ").append(text.length()).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        // malformed bytes on the token's line: a cut 2-byte sequence, a lone continuation byte, a byte never in UTF-8
        bytes.writeBytes(new byte[] {(byte) 0xC3, ' ', (byte) 0x80, (byte) 0xFF, ' '});
        bytes.writeBytes(("ß€𝄞 token: " + TOKEN + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("bom.yml"), bytes.toByteArray());
        Files.write(root.resolve("utf16-small.yml"), ("\uFEFFtoken: " + TOKEN + "\n").getBytes(StandardCharsets.UTF_16BE));
        Files.write(root.resolve("utf16-large.yml"), text.append(TOKEN).toString().getBytes(StandardCharsets.UTF_16LE));

        // When the tree is scanned
        io.jenkins.plugins.devsecops.model.Report report = SecretFixtures.scan(root);

        // Then the UTF-8 token is at its line and column in characters of the text as the JDK decodes it (the mark
        // and each replacement character are one of them)
        String decoded = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        int offset = decoded.indexOf(TOKEN);
        int line = (int) decoded.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        int column = offset - (decoded.lastIndexOf('\n', offset) + 1) + 1;
        assertThat(column).isEqualTo("\uFFFD \uFFFD\uFFFD ß€𝄞 token: ".length() + 1);
        assertThat(report.findings()).extracting(f -> f.location().path(), f -> f.location().startLine(),
                f -> f.location().startColumn(), f -> f.location().endColumn())
                .containsExactly(tuple("bom.yml", line, column, column + TOKEN.length()));
        // And both UTF-16 files are passed over as binary, as git does
        assertThat(report.walk().skipped()).containsEntry("binary", 2L);
    }

    @Test
    void shouldFindInEachFileOfASequenceWhatAFreshDetectorFinds() {
        // Given files scanned one after the other on one thread by one detector (its per-thread state reused), some
        // full of keywords, some with secrets, some with multi-byte characters
        SecretDetector shared = BuiltInSecretRules.detector();
        Random random = new Random(3);
        String[] pieces = {"password = \"Zx9kQ2mW7pL4vN8rTq\"\n", "token: " + TOKEN + "\n", "// naïve — 🔑\n",
            "key key key secret token pass\n", "AWS_ACCESS_KEY_ID=AKIAQ7RZ5KXN2PBW4TJ4\n", "plain\n"};
        int withSecrets = 0;
        for (int file = 0; file < 200; file++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            String decoded = text.toString();
            List<SecretMatch> found = shared.detect("f" + file + ".yml", bytes, () -> decoded);

            // Then each file's matches are those of a detector that never scanned anything before
            List<SecretMatch> fresh = new SecretDetector(BuiltInSecretRules.rules()).detect("f" + file + ".yml",
                    bytes, () -> decoded);
            assertThat(describe(found)).as("file %d", file).isEqualTo(describe(fresh));
            if (!found.isEmpty()) {
                withSecrets++;
            }
        }
        assertThat(withSecrets).isGreaterThan(100);
    }

    @Test
    void shouldNotKeepADetectorReachableFromAThreadThatScannedWithIt() throws Exception {
        // Given a detector of its own (as a scan with user rules makes) that scanned a file on this long-lived thread
        SecretDetector detector = new SecretDetector(BuiltInSecretRules.rules());
        byte[] bytes = ("password = \"Zx9kQ2mW7pL4vN8rTq\"\ntoken: " + TOKEN + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(detector.detect("a.yml", bytes, () -> new String(bytes, StandardCharsets.UTF_8))).isNotEmpty();
        java.lang.ref.WeakReference<SecretDetector> reference = new java.lang.ref.WeakReference<>(detector);

        // When nothing else refers to it
        detector = null;
        for (int i = 0; i < 50 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }

        // Then the thread's reused state does not keep it (nor its rules) alive
        assertThat(reference.get()).isNull();
    }

    private static String describe(List<SecretMatch> matches) {
        StringBuilder out = new StringBuilder();
        for (SecretMatch match : matches) {
            out.append(match.rule().id()).append('@').append(match.secretStart()).append('-').append(match.secretEnd())
                    .append(' ');
        }
        return out.toString();
    }
}
