package io.jenkins.plugins.devsecops.packages.lockfile;

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

/**
 * The XML parser kept per thread and the line splitting without a regular expression, on this repository's own poms
 * and text files: the same results as a new parser and {@code split("\\r?\\n", -1)}, and a parser that failed or
 * refused a document does not carry anything over to the next one.
 */
class ParserReuseTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    private static List<Path> realPoms() {
        List<Path> poms = new ArrayList<>();
        for (String module : List.of("", "engine/", "cli/", "plugin/")) {
            Path pom = REPOSITORY.resolve(module + "pom.xml");
            if (Files.isRegularFile(pom)) {
                poms.add(pom);
            }
        }
        return poms;
    }

    /** A pom as text: every element with its line and text, in document order. */
    private static String render(XmlElement element) {
        StringBuilder out = new StringBuilder();
        render(element, 0, out);
        return out.toString();
    }

    private static void render(XmlElement element, int depth, StringBuilder out) {
        out.append(" ".repeat(depth)).append(element.name()).append('@').append(element.line()).append('=')
                .append(element.text().strip()).append('\n');
        element.children().forEach(child -> render(child, depth + 1, out));
    }

    @Test
    void shouldReadEveryRealPomTheSameAfterFailedAndRefusedDocuments() throws Exception {
        List<Path> poms = realPoms();
        assertThat(poms).hasSizeGreaterThanOrEqualTo(3);
        List<String> first = new ArrayList<>();
        for (Path pom : poms) {
            first.add(render(XmlElement.parse(Files.readAllBytes(pom))));
        }
        assertThat(first.get(0)).contains("project@").contains("modules@");

        byte[] root = Files.readAllBytes(poms.get(0));
        byte[] truncated = java.util.Arrays.copyOf(root, root.length / 2);
        String doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<project><name>&x;</name></project>";
        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> XmlElement.parse(truncated)).isInstanceOf(LockfileException.class)
                    .hasMessageContaining("line");
            assertThatThrownBy(() -> XmlElement.parse(doctype.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(LockfileException.class).hasMessageContaining("DOCTYPE");
            assertThatThrownBy(() -> XmlElement.parse(new byte[0])).isInstanceOf(LockfileException.class);
            for (int i = 0; i < poms.size(); i++) {
                assertThat(render(XmlElement.parse(Files.readAllBytes(poms.get(i))))).isEqualTo(first.get(i));
            }
        }
    }

    @Test
    void shouldSplitLinesAsTheRegularExpressionDidForEveryRealTextFile() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(REPOSITORY.resolve("engine/src/test/resources"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(1000);
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertThat(Lockfile.splitLines(text)).as(file.toString()).containsExactly(text.split("\r?\n", -1));
        }
        for (String text : List.of("", "\n", "\r\n", "\r", "a\r\r\nb", "\n\r\n", "a\rb\n", "a\n\n", "\r\n\r\n",
                "x\r")) {
            assertThat(Lockfile.splitLines(text)).as(text.replace("\r", "\\r").replace("\n", "\\n"))
                    .containsExactly(text.split("\r?\n", -1));
        }
    }
}
