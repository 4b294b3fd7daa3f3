package io.jenkins.plugins.devsecops.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code catalog.digest} is the digest of the four YAML files. When a YAML file changes, this test fails;
 * run it with {@code -Ddevsecops.writeDigests=true} (from the engine module) to write the new digest into
 * {@code src/main/resources}, then check the diff and commit it.
 */
class CatalogDigestTest {

    private static final Path SHIPPED = Path.of("src/main/resources/io/jenkins/plugins/devsecops/compliance",
            CatalogDigest.RESOURCE);

    @Test
    void shippedDigestIsTheDigestOfTheYamlFiles() throws IOException {
        String expected = CatalogDigest.write(ComplianceCatalog.readYaml());
        if (Boolean.getBoolean("devsecops.writeDigests")) {
            Files.writeString(SHIPPED, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8))
                .as("%s is stale: run CatalogDigestTest with -Ddevsecops.writeDigests=true in engine/", SHIPPED)
                .isEqualTo(expected);
    }

    @Test
    void builtInCatalogEqualsTheYamlFilesRecordForRecord() {
        List<ComplianceFramework> yaml = ComplianceCatalog.readYaml();
        assertThat(ComplianceCatalog.builtIn().frameworks()).isEqualTo(yaml);
        assertThat(CatalogDigest.readResource()).isEqualTo(yaml);
        // every kind of value is there to be carried: rule patterns, exclusions, advisories, bases
        List<ComplianceItem> items = yaml.stream().flatMap(f -> f.items().stream()).toList();
        assertThat(items).anySatisfy(i -> assertThat(i.rules()).isNotEmpty());
        assertThat(items).anySatisfy(i -> assertThat(i.excludeStages()).isNotEmpty());
        assertThat(items).anySatisfy(i -> assertThat(i.excludeKinds()).isNotEmpty());
        assertThat(items).anySatisfy(i -> assertThat(i.advisories()).isTrue());
        assertThat(items).anySatisfy(i -> assertThat(i.basis()).isNotEmpty());
    }

    @Test
    void roundTripsEveryFieldAndKeepsTheOrderOfRulePatterns() {
        ComplianceItem item = new ComplianceItem("6.2.4", "Títle with ünïcode, commas: and 'quotes'",
                "https://example.org/a?b=c#d", "", Set.of("CWE-79", "CWE-1004"), Set.of("iac", "sast"),
                Set.of("code"), List.of("z-*", "a-*", "*-open-rdp"), true, Set.of("dependencies"),
                Set.of("dependency"));
        ComplianceItem bare = new ComplianceItem("A", "T", "https://x", "b", Set.of(), Set.of(), Set.of(),
                List.of(), true, Set.of(), Set.of());
        List<ComplianceFramework> frameworks = List.of(
                new ComplianceFramework("X-1.0", "X", "https://x", "", List.of(item, bare)),
                new ComplianceFramework("Y", "Y y", "https://y", "own mapping", List.of(bare)));
        List<ComplianceFramework> read = CatalogDigest.read(CatalogDigest.write(frameworks));
        assertThat(read).isEqualTo(frameworks);
        assertThat(read.get(0).items().get(0).rules()).containsExactly("z-*", "a-*", "*-open-rdp");
    }

    @Test
    void refusesValuesItCannotCarryAndMalformedLines() {
        ComplianceItem tab = new ComplianceItem("A", "a\ttab", "https://x", "", Set.of("CWE-1"), Set.of(),
                Set.of(), List.of(), false, Set.of(), Set.of());
        assertThatThrownBy(() -> CatalogDigest.write(List.of(
                new ComplianceFramework("X", "X", "https://x", "", List.of(tab)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tab");
        ComplianceItem spaced = new ComplianceItem("A", "a", "https://x", "", Set.of(), Set.of(), Set.of(),
                List.of("two words"), false, Set.of(), Set.of());
        assertThatThrownBy(() -> CatalogDigest.write(List.of(
                new ComplianceFramework("X", "X", "https://x", "", List.of(spaced)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two words");
        assertThatThrownBy(() -> CatalogDigest.read("I\tA\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Malformed");
        assertThatThrownBy(() -> CatalogDigest.read("F\tX\tX\thttps://x\t\nI\tA\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Malformed");
    }
}
