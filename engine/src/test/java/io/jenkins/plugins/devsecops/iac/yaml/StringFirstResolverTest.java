package io.jenkins.plugins.devsecops.iac.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/** {@link StringFirstResolver} answers exactly as SnakeYAML's own resolver, on real scalars and on every corner. */
class StringFirstResolverTest {

    private final Resolver reference = new Resolver();
    private final Resolver quick = new StringFirstResolver();

    @Test
    void sameTagsForEveryPlainScalarOfTheRepositoryYaml() throws IOException {
        Set<String> scalars = new LinkedHashSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(".."))) {
            files = walk.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            scalars.addAll(plainScalars(Files.readString(file, StandardCharsets.UTF_8)));
        }
        assertThat(scalars).hasSizeGreaterThan(2_000);
        for (String scalar : scalars) {
            assertSame(scalar);
        }
    }

    @Test
    void sameTagsForEveryShortShapeOfBoolsNullsNumbersAndTimes() {
        List<String> tails = List.of("", "rue", "RUE", "alse", "es", "o", "n", "ff", "ull", "ULL", "0", "1", "_000",
                "x1F", "b101", "o17", "e5", ".5", "1.5e-3", ":30", ":59.5", "inf", "nan", "NaN", "2026-12-03",
                "026-12-03", "026-12-03T10:00:00Z", "<", "   ", "ab", "abcde", "abcdef", "bcdefghij");
        for (char first = 0; first < 128; first++) {
            for (String tail : tails) {
                assertSame(first + tail);
                assertSame(tail + first);
            }
        }
        for (String word : List.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
                "FALSE", "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null", "NULL", " ", "", "<<", "!", "&",
                "*", "=", "0x1f", "-.inf", ".NaN", "1_000", "190:20:30", "2001-12-14t21:59:43.10-05:00", "falsey",
                "nullable", "offset", "yesterday", "trueish", "\u00e9t\u00e9-2026", "<", "<< ", "<<<", "~ ", " ~",
                "null ", "Null\n", "  ", "!!", "&a", "*a", "yes\n", "n", "N", "y", "nO", "tRUE", ".5", "-", "+1")) {
            assertSame(word);
        }
    }

    @Test
    void collectionsAndExplicitTagsGoToSnakeYaml() {
        for (NodeId kind : NodeId.values()) {
            assertThat(quick.resolve(kind, "longer than five", false)).isEqualTo(reference.resolve(kind,
                    "longer than five", false));
            assertThat(quick.resolve(kind, "longer than five", true)).isEqualTo(reference.resolve(kind,
                    "longer than five", true));
        }
        assertThat(quick.resolve(NodeId.sequence, null, true)).isEqualTo(reference.resolve(NodeId.sequence, null, true));
        assertThat(quick.resolve(NodeId.mapping, null, true)).isEqualTo(reference.resolve(NodeId.mapping, null, true));
    }

    private void assertSame(String scalar) {
        assertThat(quick.resolve(NodeId.scalar, scalar, true)).as("'%s'", scalar)
                .isEqualTo(reference.resolve(NodeId.scalar, scalar, true));
    }

    private static List<String> plainScalars(String text) {
        List<String> scalars = new ArrayList<>();
        try {
            ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), new LoaderOptions());
            while (parser.peekEvent() != null) {
                Event event = parser.getEvent();
                if (event instanceof ScalarEvent scalar && scalar.getImplicit().canOmitTagInPlainScalar()) {
                    scalars.add(scalar.getValue());
                }
                if (event.is(Event.ID.StreamEnd)) {
                    break;
                }
            }
        } catch (YAMLException e) {
            // templates and deliberately broken fixtures: the scalars before the error still count
        }
        return scalars;
    }
}
