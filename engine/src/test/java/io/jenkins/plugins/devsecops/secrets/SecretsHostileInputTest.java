package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsHostileInputTest {

    private static final String TOKEN = "ghp_uGMGKAuWfpTbmRsHdRXfr8nBNXYK7Gh5Qhy5";

    @TempDir
    Path root;

    @Test
    void shouldScanMalformedUtf8AndSkipBinaryFiles() throws Exception {
        // Given a text file with invalid UTF-8 sequences around a token, and a binary file holding one
        byte[] prefix = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '\n'};
        byte[] text = ("GITHUB_TOKEN=" + TOKEN + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] malformed = new byte[prefix.length + text.length];
        System.arraycopy(prefix, 0, malformed, 0, prefix.length);
        System.arraycopy(text, 0, malformed, prefix.length, text.length);
        Files.write(root.resolve("broken.env"), malformed);
        Files.write(root.resolve("blob.bin"), ("\0\0\0" + TOKEN).getBytes(StandardCharsets.US_ASCII));

        // When scanned
        Report report = SecretFixtures.scan(root);

        // Then the text file's token is found on its line and the binary is passed over
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.location().path()).isEqualTo("broken.env");
            assertThat(f.location().startLine()).isEqualTo(2);
        });
        assertThat(report.walk().skipped()).containsEntry("binary", 1L);
    }

    @Test
    void shouldFindSecretsOnAHugeMinifiedLineWithoutScanningItWholePerKeyword() throws Exception {
        // Given a 2 MB single-line bundle with many keyword hits and two tokens far apart
        StringBuilder line = new StringBuilder();
        Random random = new Random(1);
        line.append("var a={token:t,password:p};");
        while (line.length() < 1_000_000) {
            line.append("function f").append(random.nextInt(1000)).append("(token){return token.password||secret;}");
        }
        line.append("var k=\"").append(TOKEN).append("\";");
        while (line.length() < 2_000_000) {
            line.append("x.token=y.secret;");
        }
        line.append("var s=\"sk_live_YxNOkWft1K6iG3tTwZk7bcct\";");
        Files.writeString(root.resolve("bundle.min.js"), line);

        // When scanned
        Report report = SecretFixtures.scan(root);

        // Then both are found, with a snippet cut short around each
        assertThat(report.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("github-pat-classic", "stripe-live-secret-key");
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.location().startLine()).isEqualTo(1);
            assertThat(f.location().snippet()).hasSizeLessThanOrEqualTo(SecretRedaction.MAX_SNIPPET + 2).contains("****");
        });
    }

    @Test
    @Tag("large")
    void shouldScanAFiftyMegabyteFile() throws Exception {
        // Given a 50 MB log-like file with a token near the end
        Path file = root.resolve("huge.log");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            byte[] line = "2026-11-23T10:00:00Z INFO request handled token=redacted status=200 bytes=512\n"
                    .getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
            out.write(("export GITHUB_TOKEN=" + TOKEN + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        // When scanned with a size limit that lets it through
        Report report = SecretFixtures.scan(root, request -> request.maxFileSize(64L * 1024 * 1024));

        // Then it completes and finds the token
        assertThat(report.stage("secrets").orElseThrow().status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(report.findings()).singleElement().extracting(Finding::ruleId).isEqualTo("github-pat-classic");
    }

    @Test
    void shouldNotFollowASymlinkLoop() throws Exception {
        // Given a directory linking to its parent, and a real secret next to it
        Path dir = Files.createDirectories(root.resolve("a/b"));
        Files.createSymbolicLink(dir.resolve("loop"), root.resolve("a"));
        Files.writeString(dir.resolve("ci.env"), "GITHUB_TOKEN=" + TOKEN + "\n");

        // When scanned
        Report report = SecretFixtures.scan(root);

        // Then the scan ends with the one real finding
        assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.location().path()).isEqualTo("a/b/ci.env"));
        assertThat(report.walk().skipped()).containsEntry("symlink", 1L);
    }

    @Test
    void shouldSkipAnUnreadableFileAndKeepScanning() throws Exception {
        // Given an unreadable file beside a readable one (root can read anything, so the check needs a normal user)
        Path locked = root.resolve("locked.env");
        Files.writeString(locked, "GITHUB_TOKEN=" + TOKEN + "\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.writeString(root.resolve("open.env"), "STRIPE_KEY=sk_live_YxNOkWft1K6iG3tTwZk7bcct\n");
        assumeThat(Files.isReadable(locked)).as("running as root: every file is readable").isFalse();

        // When scanned
        Report report = SecretFixtures.scan(root);

        // Then the readable file is scanned and the locked one counted as skipped
        assertThat(report.findings()).singleElement().extracting(Finding::ruleId).isEqualTo("stripe-live-secret-key");
        assertThat(report.walk().skipped()).containsEntry("unreadable", 1L);
    }

    @Test
    void shouldReadAFileUnreadableToOthersWhenRunningAsRoot() throws Exception {
        // Given a file with no permissions at all, while running as root
        Path locked = root.resolve("locked.env");
        Files.writeString(locked, "GITHUB_TOKEN=" + TOKEN + "\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(locked)).as("only root can read such a file").isTrue();

        // When scanned
        Report report = SecretFixtures.scan(root);

        // Then what is true for root holds: the file is read and its secret found
        assertThat(report.findings()).singleElement().extracting(Finding::ruleId).isEqualTo("github-pat-classic");
    }
}
