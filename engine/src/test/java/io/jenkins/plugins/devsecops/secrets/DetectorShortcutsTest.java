package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The detector's shortcuts (checks that turn a keyword hit away before its rule's pattern runs, checks run over the
 * window before the line's end is looked for, line ends remembered across a long line, encrypted-secrets files
 * recognised from the keyword pass) find exactly what the detector
 * without them finds, where every rule's pattern runs at every hit of its keywords: on the files of this repository,
 * on every rule's examples and counter-examples placed at the start and end of a file, after multi-byte and malformed
 * UTF-8, with CRLF line ends and on lines far longer than the windows, and on random texts built from keywords,
 * operators and pieces of the examples.
 */
class DetectorShortcutsTest {

    private static final SecretDetector FAST = new SecretDetector(BuiltInSecretRules.rules());
    private static final SecretDetector SLOW = SecretDetector.withoutShortcuts(BuiltInSecretRules.rules());

    /** Paths that select the rules' file scopes and the generic rule's file kinds. */
    private static final List<String> PATHS = List.of("config/app.env", "src/Main.java", "notes.txt", "Dockerfile",
            ".pypirc", "db/.pgpass", "deploy.yaml");

    @Test
    void shouldFindWhatEveryRuleFindsAtEveryHitInTheFilesOfThisRepository() throws IOException {
        int files = 0;
        int found = 0;
        for (Path root : List.of(Path.of("src"), Path.of("../docs"), Path.of("../bench"), Path.of("../cli/src"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : paths) {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length > 4_000_000 || isBinary(bytes)) {
                    continue;
                }
                found += assertSame(file.toString().replace('\\', '/'), bytes);
                files++;
            }
        }
        // the repository holds many files and, in its fixtures, many secrets
        assertThat(files).isGreaterThan(500);
        assertThat(found).isGreaterThan(300);
    }

    @Test
    void shouldFindWhatEveryRuleFindsAtEveryHitInTheRulesSamplesPlacedAnywhere() {
        int found = 0;
        for (SecretRule rule : BuiltInSecretRules.rules()) {
            for (String sample : Stream.concat(rule.examples().stream(), rule.counterExamples().stream()).toList()) {
                for (byte[] text : placements(sample)) {
                    for (String path : PATHS) {
                        found += assertSame(path, text);
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(2_000);
    }

    @Test
    void shouldFindWhatEveryRuleFindsAtEveryHitInRandomTextsOfKeywordsAndSamples() {
        List<String> pieces = new ArrayList<>(List.of("password", "pass", "pwd", "token", "secret", "key", "api_key",
                "http", "https://", "ftp://", "mysql://", "jenkins", "pat", "define(", "SK", "-us", "key-", "_auth",
                "ntn_", "secret_", "\"private_key\"", "mailgun", "vercel", "--password", " -p", " -P", " -a",
                "--pass ", "mysql", "sqlcmd", "redis-cli", "ldapsearch", "mongo", "zip", "openssl", "env ", "ARG ",
                "=", ":", "=>", ":=", " ", "\t", "\"", "'", "`", "@", "/", "-", "_", ".", ",", ";", "(", ")", "<", ">",
                "\n", "\r\n", "é", "日本", "🔑", "\uFFFD", "11", "0123456789abcdef0123456789abcdef", "deadbeef",
                "AKIA", "ghp_", "xoxb-", "user:", "u:p4ssw0rd@host", "Zk4fT9qLw2XcV7bN", "sops:", "SOPS",
                "\"sops\":", "ENC[AES256_GCM,", "kind: SealedSecret", "sealedSECRET", "$ANSIBLE_VAULT;"));
        for (SecretRule rule : BuiltInSecretRules.rules()) {
            for (String example : rule.examples()) {
                pieces.add(example);
                pieces.add(example.substring(0, example.length() / 2));
                pieces.add(example.substring(example.length() / 2));
            }
        }
        Random random = new Random(20261203);
        int found = 0;
        for (int t = 0; t < 400; t++) {
            // some open as an Ansible Vault file, whose values the generic rule leaves alone
            StringBuilder text = new StringBuilder(t % 7 == 0 ? "$ANSIBLE_VAULT;1.1;AES256\n" : "");
            int length = random.nextInt(t % 10 == 0 ? 40_000 : 3_000);
            boolean longLine = t % 4 == 0; // no newline pieces: one line longer than the windows
            while (text.length() < length) {
                String piece = pieces.get(random.nextInt(pieces.size()));
                if (longLine) {
                    piece = piece.replace('\n', ' ');
                }
                text.append(piece);
                if (longLine && random.nextInt(8) == 0) {
                    text.append("x".repeat(random.nextInt(1_500)));
                }
            }
            found += assertSame(PATHS.get(t % PATHS.size()), text.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(found).isGreaterThan(300);
    }

    @Test
    void shouldFindWhatEveryRuleFindsAtEveryHitOnLinesLongerThanTheWindows() {
        // Given secrets spread along lines of 20,000 to 60,000 characters, close together and far apart, so that hits
        // fall where the windows before and after a hit end, and lines whose newline lies just past a window
        String secret = "password = \"pX7!kQ9vL2mR\" token: \"q8WzR3tYp0LmN5vB\" jenkins_token = "
                + "\"11c1bba1c7e1e5f1e4d0a1b2c3d4e5f6a7\" https://user:s3cr3tP4ss@db.example.com/x ";
        int found = 0;
        for (int gap : new int[] {0, 700, 1_023, 1_024, 1_025, 2_048, 4_000, 4_095, 4_096, 4_097, 9_000}) {
            StringBuilder line = new StringBuilder();
            while (line.length() < 20_000 + 4 * gap) {
                line.append(secret).append("k".repeat(gap));
            }
            for (String end : List.of("", "\n", "\r\n", "\nnext: line\n")) {
                String text = line + end;
                found += assertSame("config/app.env", text.getBytes(StandardCharsets.UTF_8));
                found += assertSame("src/Main.java", ("é" + text).getBytes(StandardCharsets.UTF_8));
            }
            StringBuilder lines = new StringBuilder();
            for (int n = 0; n < 20; n++) {
                lines.append("a".repeat(4_096 - secret.length() + n - 10)).append(secret).append('\n');
            }
            found += assertSame("config/app.env", lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(found).isGreaterThan(100);
    }

    /**
     * The sample alone; at the end of a file without a newline; after multi-byte characters on its line and the lines
     * before it; after malformed bytes; with CRLF line ends; twice on one line; and far into a line longer than the
     * windows, before and after padding.
     */
    private static List<byte[]> placements(String sample) {
        String crlf = sample.replace("\r\n", "\n").replace("\n", "\r\n");
        String pad = "0123456789 ;, ".repeat(400); // 5,600 characters
        List<byte[]> texts = new ArrayList<>();
        for (String text : List.of(sample, "first line\n" + sample, sample + "\n",
                "# Grüße — 日本語 🔑\nnév: « " + sample + " » ✓", "x\uFFFD\u00e9 " + sample + "\r\n",
                crlf + "\r\n" + crlf, sample + " " + sample, pad + sample + pad, pad + pad + sample,
                "é".repeat(3_000) + " " + sample + "\n")) {
            texts.add(text.getBytes(StandardCharsets.UTF_8));
        }
        // malformed UTF-8 before the sample on its line: a cut 2-byte sequence, a cut 3-byte one, a byte never in UTF-8
        ByteArrayOutputStream malformed = new ByteArrayOutputStream();
        malformed.writeBytes(new byte[] {'b', (byte) 0xC3, ' ', (byte) 0xE2, (byte) 0x82, ' ', (byte) 0xFF, ' '});
        malformed.writeBytes(sample.getBytes(StandardCharsets.UTF_8));
        malformed.writeBytes(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x94});
        texts.add(malformed.toByteArray());
        return texts;
    }

    /** Detects {@code bytes} with and without the shortcuts, by bytes and by text, and returns the matches found. */
    private static int assertSame(String path, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> slow = describe(SLOW.detect(path, bytes, ascii -> text, warning -> { }));
        List<String> fast = describe(FAST.detect(path, bytes, ascii -> text, warning -> { }));
        assertThat(fast).as("matches in %s (%d bytes): %s", path, bytes.length, excerpt(text)).isEqualTo(slow);
        assertThat(describe(FAST.detect(path, text))).as("matches in the text of %s", path).isEqualTo(slow);
        return slow.size();
    }

    private static List<String> describe(List<SecretMatch> matches) {
        return matches.stream().map(m -> m.rule().id() + " " + m.matchStart() + "-" + m.matchEnd() + " "
                + m.secretStart() + "-" + m.secretEnd()).toList();
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8_000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
