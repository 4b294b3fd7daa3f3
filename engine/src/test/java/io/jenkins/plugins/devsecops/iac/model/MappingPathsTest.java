package io.jenkins.plugins.devsecops.iac.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link IacNode.Mapping#all} walks a dotted path depth first; these tests compare it with the level-by-level walk
 * it replaced (written out below) on every mapping of the repository's real Terraform, Kubernetes and
 * CloudFormation fixtures, for every key path they hold and for odd paths.
 */
class MappingPathsTest {

    /** The walk as it was: one list per level, {@code split("\\.")} for the segments. */
    private static List<IacNode> levelByLevel(IacNode.Mapping mapping, String path) {
        List<IacNode> current = List.of(mapping);
        for (String segment : path.split("\\.")) {
            List<IacNode> next = new ArrayList<>();
            for (IacNode node : current) {
                for (IacNode flat : IacNode.flatten(node)) {
                    if (flat instanceof IacNode.Mapping m && m.entries().containsKey(segment)) {
                        next.add(m.entries().get(segment));
                    }
                }
            }
            current = next;
        }
        List<IacNode> result = new ArrayList<>();
        current.forEach(n -> result.addAll(IacNode.flatten(n)));
        return result;
    }

    @Test
    void shouldFindTheSameValuesInTheSameOrderInEveryRealFixture() throws IOException {
        List<IacNode.Mapping> mappings = FixtureMappings.ofEveryFixture();
        assertThat(mappings.size()).isGreaterThan(5_000);
        int compared = 0;
        int nonEmpty = 0;
        for (IacNode.Mapping mapping : mappings) {
            Set<String> paths = new LinkedHashSet<>();
            keyPaths(mapping, "", 0, paths);
            paths.addAll(List.of("", ".", "..", "a.", ".a", "a..b", "missing", "missing.deeper"));
            for (String key : mapping.entries().keySet()) {
                paths.add(key + ".");
                paths.add("." + key);
                paths.add(key + "..x");
            }
            for (String path : paths) {
                List<IacNode> expected = levelByLevel(mapping, path);
                List<IacNode> actual = mapping.all(path);
                assertThat(actual).as(path).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(actual.get(i)).as(path).isSameAs(expected.get(i));
                }
                compared++;
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(compared).isGreaterThan(50_000);
        assertThat(nonEmpty).isGreaterThan(20_000);
    }

    @Test
    void shouldFlattenSequencesOnTheWayAndAtTheEnd() {
        IacNode.Mapping port80 = new IacNode.Mapping(Map.of("port", IacNode.Scalar.string("80", 3)), 3);
        IacNode.Mapping port443 = new IacNode.Mapping(Map.of("port", new IacNode.Sequence(
                List.of(IacNode.Scalar.string("443", 5), IacNode.Scalar.string("8443", 5)), 5)), 4);
        IacNode.Mapping root = new IacNode.Mapping(Map.of("ingress",
                new IacNode.Sequence(List.of(port80, port443, IacNode.Scalar.string("x", 6)), 2)), 1);
        assertThat(root.all("ingress.port")).extracting(n -> ((IacNode.Scalar) n).text())
                .containsExactly("80", "443", "8443");
        assertThat(root.all("ingress.port")).isEqualTo(levelByLevel(root, "ingress.port"));
        assertThat(root.first("ingress.port.x")).isEmpty();
        assertThat(root.all("ingress")).hasSize(3);
    }

    @Test
    void shouldFailOnANullValueAsTheLevelByLevelWalkDid() {
        Map<String, IacNode> entries = new HashMap<>();
        entries.put("a", null);
        IacNode.Mapping root = new IacNode.Mapping(entries, 1);
        assertThatThrownBy(() -> levelByLevel(root, "a.b")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> root.all("a.b")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> levelByLevel(root, "a")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> root.all("a")).isInstanceOf(NullPointerException.class);
    }

    private static void keyPaths(IacNode node, String prefix, int depth, Set<String> out) {
        if (depth > 4) {
            return;
        }
        for (IacNode flat : IacNode.flatten(node)) {
            if (flat instanceof IacNode.Mapping mapping) {
                for (Map.Entry<String, IacNode> entry : mapping.entries().entrySet()) {
                    String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
                    out.add(path);
                    keyPaths(entry.getValue(), path, depth + 1, out);
                }
            }
        }
    }
}
