package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The detector's byte path: keywords searched in the raw UTF-8 bytes, text decoded only on a hit, hit offsets carried
 * over to characters in files with multi-byte or malformed sequences. It must find exactly what the text path finds.
 */
class ByteScanTest {

    private static final String[] PIECES = {
        "AWS_ACCESS_KEY_ID=AKIAQ7RZ5KXN2PBW4TJ4\n",
        "password = \"Zx9kQ2mW7pL4vN8rTq\"\n",
        "token: ghp_4sT9vQ2mXr8LpZk3NwY6bJd1HcF7aE0gUiOy\n",
        "// Grüße, naïve café — 日本語のコメント 🔑\n",
        "secret_key = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'\n",
        "plain line without anything\n",
        "Passwort=\"Qm8zR4tY7uP2wE5xV9k\"\n",
    };

    private static final byte[][] MALFORMED = {
        {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x94},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {(byte) 0x80, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
    };

    @Test
    void shouldCountCharactersAsTheDecoderDoesOverEveryRange() {
        // Given random mixes of ASCII, multi-byte characters and malformed sequences
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = randomContent(random, 12);
            int from = random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);

            // Then the count matches the length of the decoded string
            assertThat(Utf8Length.of(bytes, from, to))
                    .as("round %d", round)
                    .isEqualTo(new String(bytes, from, to - from, StandardCharsets.UTF_8).length());
        }
    }

    @Test
    void shouldFindTheSameSecretsFromBytesAsFromTheDecodedText() {
        SecretDetector detector = BuiltInSecretRules.detector();
        Random random = new Random(11);
        int withSecrets = 0;
        for (int round = 0; round < 300; round++) {
            // Given a file of secrets, prose in several scripts and malformed bytes
            byte[] bytes = randomContent(random, 40);
            String text = new String(bytes, StandardCharsets.UTF_8);
            AtomicInteger decodes = new AtomicInteger();

            // When scanned from bytes and from text
            List<SecretMatch> fromBytes = detector.detect("config/app.properties", bytes, () -> {
                decodes.incrementAndGet();
                return text;
            });
            List<SecretMatch> fromText = detector.detect("config/app.properties", text);

            // Then both find the same secrets at the same character offsets, decoding at most once
            assertThat(describe(fromBytes)).as("round %d", round).isEqualTo(describe(fromText));
            assertThat(decodes.get()).isLessThanOrEqualTo(1);
            if (!fromText.isEmpty()) {
                withSecrets++;
            }
        }
        assertThat(withSecrets).isGreaterThan(200);
    }

    @Test
    void shouldNotDecodeAFileWithoutKeywords() {
        byte[] bytes = "int main(void) { return 0; }\n// Grüße\n".getBytes(StandardCharsets.UTF_8);

        List<SecretMatch> found = BuiltInSecretRules.detector().detect("main.c", bytes, () -> {
            throw new AssertionError("decoded a file without keywords");
        });

        assertThat(found).isEmpty();
    }

    private static byte[] randomContent(Random random, int pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(4) == 0) {
                out.writeBytes(MALFORMED[random.nextInt(MALFORMED.length)]);
            } else {
                out.writeBytes(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static List<String> describe(List<SecretMatch> matches) {
        return matches.stream()
                .map(m -> m.rule().id() + "@" + m.matchStart() + "-" + m.matchEnd() + ":" + m.secretStart() + "-"
                        + m.secretEnd())
                .toList();
    }
}
