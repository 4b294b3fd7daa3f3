package io.jenkins.plugins.devsecops.iac.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.iac.yaml.YamlDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parsers hand their freshly built maps to {@link IacNode.Mapping#owning} instead of having the constructor copy
 * them, and {@link IacNode.Mapping#atLine} keeps its entries: on every mapping of the repository's real Terraform,
 * Kubernetes, CloudFormation and Helm fixtures the result is the mapping the copying constructor makes (same keys in
 * the same order, same values), unmodifiable, and a mapping given to the public constructor is still copied.
 */
class OwnedMappingsTest {

    @Test
    void shouldGiveWhatTheCopyingConstructorGivesForEveryRealMapping() throws IOException {
        List<IacNode.Mapping> mappings = FixtureMappings.ofEveryFixture();
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
