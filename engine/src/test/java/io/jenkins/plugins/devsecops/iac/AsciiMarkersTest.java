package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AsciiMarkersTest {

    private static final String[] WORDS = {"apiVersion", "kind", "AWSTemplateFormatVersion", "AWS::", "op:", "path:",
        "\"AWS::", "checkov:skip=", "devsecops:ignore"};
    private static final AsciiMarkers MARKERS = AsciiMarkers.of(WORDS);

    /** What searching the decoded text finds, the way the stage searched before the byte pre-check. */
    private static int expected(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int found = 0;
        for (int i = 0; i < WORDS.length; i++) {
            if (text.contains(WORDS[i])) {
                found |= 1 << i;
            }
        }
        return found;
    }

    /** The YAML and JSON files of this repository: configuration, fixtures, advisories, schemas. */
    static List<Path> realFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Path repository = Path.of("").toAbsolutePath().getParent();
        for (String directory : List.of("engine/src", "bench", "docs", "cli/src")) {
            Path start = repository.resolve(directory);
            if (!Files.isDirectory(start)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(start)) {
                walk.filter(Files::isRegularFile).filter(p -> {
                    IacScanner.FileKind kind = IacScanner.kindOf(p.getFileName().toString());
                    return kind == IacScanner.FileKind.YAML || kind == IacScanner.FileKind.JSON;
                }).forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void shouldFindInTheBytesWhatTheDecodedTextHoldsForEveryRealYamlAndJsonFile() throws IOException {
        List<Path> files = realFiles();
        assertThat(files).hasSizeGreaterThan(400);
        int withMarkers = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(MARKERS.find(bytes)).as(file.toString()).isEqualTo(expected(bytes));
            withMarkers += MARKERS.find(bytes) != 0 ? 1 : 0;
        }
        assertThat(withMarkers).as("files holding one of the words").isGreaterThan(100);
    }

    @Test
    void shouldAgreeWithTheDecoderAroundMultiByteAndMalformedSequences() {
        List<byte[]> inputs = List.of(
                utf8("kind: Pod — apiVersion: v1 😀"),
                concat(new byte[] {(byte) 0xE2, (byte) 0x82}, utf8("apiVersion")), // a cut sequence, then ASCII
                concat(utf8("AWS"), new byte[] {(byte) 0xC3}, utf8("::")), // a stray lead byte inside the word
                concat(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, utf8("\"AWS::S3::Bucket\"")),
                concat(utf8("op"), new byte[] {(byte) 0x80}, utf8(":")), // a stray continuation byte
                utf8("pathpath:"), utf8("path"), utf8(":"), utf8(""), utf8("AWSTemplateFormatVersio"),
                utf8("# checkov:skip=CKV_K8S_1:ok"), utf8("# devsecops:ignore all"));
        for (byte[] input : inputs) {
            assertThat(MARKERS.find(input)).as(new String(input, StandardCharsets.UTF_8)).isEqualTo(expected(input));
        }
        assertThat(MARKERS.find(utf8("kind: Pod — apiVersion: v1 😀"))).isEqualTo(0b11);
        assertThat(MARKERS.find(utf8("pathpath:"))).isEqualTo(1 << 5);
    }

    @Test
    void shouldAgreeWithTheDecodedTextOnInputsMadeOfPiecesOfTheWords() {
        // Pieces of the words, their neighbours and multi-byte characters, glued at random (a fixed seed): the
        // windows the search skips over must never hide a word.
        String[] pieces = {"api", "Version", "kin", "d", "AWS", "::", ":", "\"", "Template", "FormatVersion", "op",
            "pa", "th", "checkov:", "skip=", "devsecops", ":ignore", " ", "\n", "é", "😀", "A", "W", "S"};
        java.util.Random random = new java.util.Random(20261203);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = utf8(text.toString());
            assertThat(MARKERS.find(bytes)).as(text.toString()).isEqualTo(expected(bytes));
            AsciiMarkers json = AsciiMarkers.of("AWSTemplateFormatVersion", "\"AWS::");
            int jsonExpected = (text.indexOf("AWSTemplateFormatVersion") >= 0 ? 1 : 0)
                    | (text.indexOf("\"AWS::") >= 0 ? 2 : 0);
            assertThat(json.find(bytes)).as(text.toString()).isEqualTo(jsonExpected);
        }
    }

    @Test
    void shouldStopOnceTheWordsFoundAreEnoughAndNeverReportAWordThatIsNotThere() {
        AsciiMarkers markers = AsciiMarkers.of("apiVersion", "kind", "path:");
        byte[] pod = utf8("apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n  - hostPath:\n      path: /var\n");
        assertThat(markers.find(pod)).isEqualTo(0b111);
        assertThat(markers.find(pod, found -> (found & 0b11) == 0b11)).isEqualTo(0b11);
        assertThat(markers.find(pod, found -> found != 0)).isEqualTo(0b1);
        assertThat(markers.find(utf8("path: x"), found -> (found & 0b11) == 0b11)).isEqualTo(0b100);
    }

    /**
     * The stage's YAML words ({@link IacScanner#yamlWords}, bits: apiVersion, kind, AWSTemplateFormatVersion, AWS::,
     * path:, op:) searched with {@code op:} apart (only where {@code path:} is) and a stop once the file may be
     * Kubernetes or CloudFormation: the same decisions as the decoded text's {@code contains} for every real YAML
     * and JSON file and 20,000 glued inputs.
     */
    @Test
    void shouldDecideYamlAndJsonCandidatesAsTheDecodedTextDoes() throws IOException {
        List<byte[]> inputs = new ArrayList<>();
        for (Path file : realFiles()) {
            inputs.add(Files.readAllBytes(file));
        }
        String[] pieces = {"api", "Version", "kin", "d", "AWS", "::", ":", "\"", "Template", "FormatVersion", "op",
            "pa", "th", " ", "\n", "é", "😀", "A", "W", "S", "o", "p:"};
        java.util.Random random = new java.util.Random(20261204);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            inputs.add(utf8(text.toString()));
        }
        String[] yamlWords = {"apiVersion", "kind", "AWSTemplateFormatVersion", "AWS::", "path:", "op:"};
        int candidates = 0;
        for (byte[] input : inputs) {
            String text = new String(input, StandardCharsets.UTF_8);
            int expected = 0;
            for (int i = 0; i < yamlWords.length; i++) {
                expected |= text.contains(yamlWords[i]) ? 1 << i : 0;
            }
            boolean kubernetes = (expected & 0b11) == 0b11;
            boolean cloudFormation = (expected & 0b1100) != 0;
            int words = IacScanner.yamlWords(input);
            if (kubernetes || cloudFormation) {
                candidates++;
                assertThat((words & 0b11) == 0b11 || (words & 0b1100) != 0).as(text).isTrue();
                assertThat(words & ~expected).as(text).isZero();
            } else {
                // op: is only looked for in a file with path: (a patch needs both)
                assertThat(words & 0b11111).as(text).isEqualTo(expected & 0b11111);
                assertThat((words & 0b110000) == 0b110000).as(text).isEqualTo((expected & 0b110000) == 0b110000);
            }
            boolean json = text.contains("AWSTemplateFormatVersion") || text.contains("\"AWS::");
            assertThat(IacScanner.jsonWords(input) != 0).as(text).isEqualTo(json);
        }
        assertThat(candidates).isGreaterThan(100);
    }

    @Test
    void shouldFindWordsAtTheEdgesOfTheInput() {
        assertThat(MARKERS.find(utf8("kind"))).isEqualTo(1 << 1);
        assertThat(MARKERS.find(utf8("x: 1\nop:"))).isEqualTo(1 << 4);
        assertThat(MARKERS.find(utf8("AWS::"))).isEqualTo(1 << 3);
        assertThat(MARKERS.find(utf8("\"AWS::"))).isEqualTo(1 << 3 | 1 << 6);
    }

    @Test
    void shouldRefuseWordsItCannotSearchBytesFor() {
        assertThatThrownBy(() -> AsciiMarkers.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsciiMarkers.of("Größe")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
