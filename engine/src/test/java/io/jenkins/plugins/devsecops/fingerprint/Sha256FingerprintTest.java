package io.jenkins.plugins.devsecops.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link FindingFingerprints#sha256} keeps one digest per thread and writes its own hex: the values are stored in
 * users' histories, so they must stay exactly those of a fresh {@link MessageDigest} and {@link HexFormat}.
 */
class Sha256FingerprintTest {

    @Test
    void givesTheStandardTestVectors() {
        // FIPS 180-2 examples
        assertThat(FindingFingerprints.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(FindingFingerprints.sha256(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(FindingFingerprints.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    @Test
    void sameAsAFreshDigestForEveryLineOfTheRepositoryDocsAndEdgeCases() throws Exception {
        List<String> texts = new ArrayList<>(List.of("iac\u0000rule\u0000päth/ü.yaml\u0000addr\u0000\u0000x=1",
                "\ud83d\ude00 emoji", "lone \ud800 surrogate", "\u0000", "a".repeat(10_000)));
        texts.addAll(repositoryLines());
        assertThat(texts).hasSizeGreaterThan(1_000);
        for (String text : texts) {
            assertThat(FindingFingerprints.sha256(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void threadsDoNotShareState() throws Exception {
        List<String> texts = repositoryLines();
        List<String> expected = texts.stream().map(Sha256FingerprintTest::reference).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> texts.stream().map(FindingFingerprints::sha256).toList()));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String reference(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every line of the docs of this repository: real text, ASCII and not. */
    private static List<String> repositoryLines() throws IOException {
        Path docs = Path.of("..", "docs");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(docs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }
}
