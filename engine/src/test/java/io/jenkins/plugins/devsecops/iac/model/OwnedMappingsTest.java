package io.jenkins.plugins.devsecops.iac.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.iac.terraform.HclBlock;
import io.jenkins.plugins.devsecops.iac.terraform.HclParser;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.iac.yaml.JsonDocuments;
import io.jenkins.plugins.devsecops.iac.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parsers hand their freshly built maps to {@link IacNode.Mapping#owning} instead of having the constructor copy
 * them, and {@link IacNode.Mapping#atLine} keeps its entries: on every mapping of the repository's real Terraform,
 * Kubernetes, CloudFormation and Helm fixtures the result is the mapping the copying constructor makes (same keys in
 * the same order, same values), unmodifiable, and a mapping given to the public constructor is still copied.
 */
class OwnedMappingsTest {

    private static List<IacNode.Mapping> mappingsOfEveryFixture() throws IOException {
        List<IacNode.Mapping> mappings = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src", "test", "resources", "iac"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int parsed = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = Files.readString(file);
            try {
                if (name.endsWith(".tf")) {
                    for (HclBlock block : HclParser.parse(text)) {
                        collect(block.body(), mappings);
                    }
                } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    YamlDocuments.parse(text).forEach(document -> collect(document, mappings));
                } else if (name.endsWith(".json")) {
                    collect(JsonDocuments.parse(text, 1), mappings);
                } else {
                    continue;
                }
                parsed++;
            } catch (IacParseException e) {
                // fixtures of malformed input
            }
        }
        assertThat(parsed).as("real fixtures parsed").isGreaterThan(1000);
        return mappings;
    }

    private static void collect(IacNode node, List<IacNode.Mapping> into) {
        if (node instanceof IacNode.Mapping mapping) {
            into.add(mapping);
            mapping.entries().values().forEach(value -> collect(value, into));
        } else if (node instanceof IacNode.Sequence sequence) {
            sequence.items().forEach(item -> collect(item, into));
        }
    }

    @Test
    void shouldGiveWhatTheCopyingConstructorGivesForEveryRealMapping() throws IOException {
        List<IacNode.Mapping> mappings = mappingsOfEveryFixture();
        assertThat(mappings).hasSizeGreaterThan(5_000);
        for (IacNode.Mapping mapping : mappings) {
            IacNode.Mapping copied = new IacNode.Mapping(new LinkedHashMap<>(mapping.entries()), mapping.line());
            assertThat(mapping).isEqualTo(copied);
            assertThat(mapping.hashCode()).isEqualTo(copied.hashCode());
            assertThat(new ArrayList<>(mapping.entries().keySet())).isEqualTo(new ArrayList<>(copied.entries().keySet()));
            assertThat(mapping.toString()).isEqualTo(copied.toString());
            assertThatThrownBy(() -> mapping.entries().put("x", IacNode.Scalar.string("y", 1)))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> mapping.entries().clear()).isInstanceOf(UnsupportedOperationException.class);

            IacNode.Mapping moved = mapping.atLine(mapping.line() + 7);
            assertThat(moved.line()).isEqualTo(mapping.line() + 7);
            assertThat(moved.entries()).isEqualTo(mapping.entries());
            assertThat(new ArrayList<>(moved.entries().keySet()))
                    .isEqualTo(new ArrayList<>(mapping.entries().keySet()));
            assertThat(moved.atLine(mapping.line())).isEqualTo(mapping);
            assertThatThrownBy(() -> moved.entries().remove("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void shouldStillCopyWhatIsGivenToThePublicConstructor() {
        LinkedHashMap<String, IacNode> given = new LinkedHashMap<>();
        given.put("name", IacNode.Scalar.string("web", 2));
        IacNode.Mapping mapping = new IacNode.Mapping(given, 1);
        given.put("image", IacNode.Scalar.string("nginx", 3));
        given.remove("name");
        assertThat(mapping.entries()).containsOnlyKeys("name");

        IacNode.Mapping fromUnmodifiable = new IacNode.Mapping(mapping.entries(), 9);
        assertThat(fromUnmodifiable.entries()).isEqualTo(mapping.entries());
        assertThat(new IacNode.Mapping(Map.of(), 4)).isEqualTo(IacNode.Mapping.empty(4));
    }

    @Test
    void shouldKeepTheLinesOfAliasedAndMergedMappings() throws IacParseException {
        List<IacNode> documents = YamlDocuments.parse("""
                base: &base
                  image: nginx
                  ports: [80]
                copy: *base
                merged:
                  <<: *base
                  image: httpd
                """);
        IacNode.Mapping root = (IacNode.Mapping) documents.get(0);
        IacNode.Mapping base = root.mapping("base").orElseThrow();
        IacNode.Mapping copy = root.mapping("copy").orElseThrow();
        IacNode.Mapping merged = root.mapping("merged").orElseThrow();
        assertThat(base.line()).isEqualTo(1);
        assertThat(copy.line()).isEqualTo(4);
        assertThat(copy.entries()).isEqualTo(base.entries());
        assertThat(merged.line()).isEqualTo(5);
        assertThat(new ArrayList<>(merged.entries().keySet())).containsExactly("image", "ports");
        assertThat(merged.text("image")).contains("httpd");
        assertThat(merged.entries().get("image").line()).isEqualTo(7);
    }
}
