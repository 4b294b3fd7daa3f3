package io.jenkins.plugins.devsecops.iac.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link YamlDocuments#parse} builds trees straight from the parser's events when the composer has nothing to decide;
 * these tests compare its outcome (every value, kind, line and key order, or the error) with the composer path's on
 * every YAML file of this repository and on hostile and odd streams, and check which of them the event path leaves
 * to the composer.
 */
class YamlEventTreesTest {

    private static String outcome(Callable<List<IacNode>> parse) {
        try {
            return "documents " + parse.call();
        } catch (IacParseException e) {
            return "error " + e.getMessage() + " / " + (e.getCause() == null ? "" : e.getCause().getMessage());
        } catch (Exception | StackOverflowError e) {
            return "thrown " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static boolean takenFromEvents(String text) {
        return YamlEventTrees.parse(text, YamlDocuments.options(), new StringFirstResolver()) != null;
    }

    private static void assertSameAsComposed(String text) {
        assertThat(outcome(() -> YamlDocuments.parse(text))).as(text.length() > 200 ? text.substring(0, 200) : text)
                .isEqualTo(outcome(() -> YamlDocuments.composed(text)));
    }

    @Test
    void shouldBuildWhatTheComposerBuildsForEveryYamlFileOfTheRepository() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/.git/") && !p.toString().contains("/target/"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(400);
        int fromEvents = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertSameAsComposed(text);
            try {
                fromEvents += takenFromEvents(text) ? 1 : 0;
            } catch (RuntimeException e) {
                // a malformed file: the same error either way (checked above)
            }
        }
        assertThat(fromEvents).isGreaterThan(files.size() * 9 / 10);
    }

    @Test
    void shouldGiveTheSameTreesForIacShapes() {
        List<String> streams = List.of(
                "",
                "# only a comment\n",
                "---\n...\n---\n~\n---\nnull\n--- !!null ''\n---\nkind: Pod\n",
                "a: 1\nb: 1.5\nc: true\nd: ~\ne: '1'\nf: !!int \"7\"\ng: !!str 3\nh: 0x1F\ni: 2001-12-14\nj: .inf\n",
                "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Name: !Ref Name\n"
                        + "      Arn: !GetAtt B.Arn\n      Tags: !Split [',', !Sub 'a,${B}']\n      X: !If [c, !Ref A, !Ref 'AWS::NoValue']\n",
                "list:\n- a\n- {x: 1, y: [1, 2]}\n-\n  - nested\n- ? plain\n  : value\n",
                "base: {image: nginx}\nwith:\n  <<: {image: httpd, port: 80}\n  image: x\nlist:\n  <<: [{a: 1}, {b: 2}]\n",
                "dup: 1\ndup: 2\nother: 3\n",
                "\"quoted key\": |\n  literal\n  block\n'single': >\n  folded\n  text\nempty:\n",
                "!Ref top\n",
                "!!map {a: 1}\n",
                "!local [1, 2]\n",
                "a: !!binary aGVsbG8=\n",
                "a: !<tag:example.com,2000:app/thing> x\n");
        for (String stream : streams) {
            assertSameAsComposed(stream);
            assertThat(takenFromEvents(stream)).as(stream).isTrue();
        }
    }

    @Test
    void shouldLeaveToTheComposerWhatItDecides() {
        StringBuilder laughs = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            laughs.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        String deepBlock = "a:\n" + Stream.iterate(1, i -> i + 1).limit(150).map(i -> " ".repeat(2 * i) + "k" + i + ":\n")
                .reduce("", String::concat) + " ".repeat(302) + "v\n";
        List<String> declined = List.of(
                laughs.toString(),
                "a: &x {k: v}\nb: *x\n",
                "a: *undefined\n",
                "a: &r [*r]\n",
                "? [complex, key]\n: value\n",
                "? {k: v}\n: value\n",
                "a: !!python/object:os.system ls\n",
                "[".repeat(60) + "]".repeat(60) + "\n",
                "[".repeat(200) + "]".repeat(200) + "\n",
                deepBlock,
                "- " + "x, ".repeat(10) + "\n" + "- &s {a: 1}\n- <<: *s\n");
        for (String stream : declined) {
            assertSameAsComposed(stream);
            assertThat(takenFromEvents(stream)).as(stream.length() > 100 ? stream.substring(0, 100) : stream).isFalse();
        }
    }

    @Test
    void shouldFailAsTheComposerPathFails() {
        List<String> malformed = List.of(
                "a: [1, 2\n",
                "a:\n\t- tab\n",
                "a: 'unterminated\n",
                "key: value\n  bad: indent\n",
                "- a\nb: c\n",
                "a: b: c\n",
                "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
                "a: !\"bad tag\" x\n",
                "a: 1\n---\nb: [\n",
                "@reserved\n",
                "{a: 1, }}\n",
                "a: \"\\q\"\n");
        for (String stream : malformed) {
            assertSameAsComposed(stream);
            assertThat(outcome(() -> YamlDocuments.parse(stream))).as(stream).startsWith("error");
        }
    }

    @Test
    void shouldHandleHugeScalarsAndManyValuesAsBefore() {
        assertSameAsComposed("a: " + "x".repeat(1_000_000) + "\n");
        assertSameAsComposed("a: |\n" + "  line of a long literal block\n".repeat(50_000));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 450_000; i++) {
            many.append("- ").append(i % 10).append('\n');
        }
        String overEventLimit = many.toString();
        assertThat(takenFromEvents(overEventLimit)).isFalse();
        assertSameAsComposed(overEventLimit);
        String overBudget = overEventLimit + "- 1\n".repeat(60_000);
        assertSameAsComposed(overBudget);
        assertThat(outcome(() -> YamlDocuments.parse(overBudget))).contains("more than 500000 values");
        String tooLarge = "a: " + "x".repeat(YamlDocuments.MAX_CHARACTERS) + "\n";
        assertThat(outcome(() -> YamlDocuments.parse(tooLarge))).isEqualTo(outcome(() -> YamlDocuments.composed(tooLarge)))
                .contains("too large");
    }
}
