package io.jenkins.plugins.devsecops.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Location} and {@link ToolInfo} write out {@code equals} and {@code hashCode}; they must be what the records'
 * own would be (hash values included: hash-ordered collections keyed on them keep their order). Records of the same
 * components, with the generated methods, are the reference.
 */
class RecordMethodsTest {

    private record GeneratedLocation(String path, int startLine, int startColumn, int endLine, int endColumn,
            String snippet) {
    }

    private record GeneratedToolInfo(String name, String version) {
    }

    @Test
    void locationEqualsAndHashCodeAreTheRecordOnes() {
        Random random = new Random(16);
        List<Location> locations = new ArrayList<>();
        List<GeneratedLocation> references = new ArrayList<>();
        String[] paths = {"a.txt", "src/Main.java", "ü/日本.properties"};
        String[] snippets = {null, "", "password = \"****\"", "x"};
        for (int i = 0; i < 400; i++) {
            Location location = new Location(paths[random.nextInt(paths.length)], random.nextInt(4),
                    random.nextInt(4), random.nextInt(5), random.nextInt(4), snippets[random.nextInt(snippets.length)]);
            locations.add(location);
            references.add(new GeneratedLocation(location.path(), location.startLine(), location.startColumn(),
                    location.endLine(), location.endColumn(), location.snippet()));
        }
        for (int i = 0; i < locations.size(); i++) {
            assertThat(locations.get(i).hashCode()).isEqualTo(references.get(i).hashCode());
            for (int j = 0; j < locations.size(); j++) {
                assertThat(locations.get(i).equals(locations.get(j)))
                        .isEqualTo(references.get(i).equals(references.get(j)));
            }
            assertThat(locations.get(i)).isNotEqualTo(null).isNotEqualTo(references.get(i));
        }
        assertThat(locations.stream().distinct().count()).isLessThan(400).isGreaterThan(100);
    }

    @Test
    void toolInfoEqualsAndHashCodeAreTheRecordOnes() {
        String[] names = {"DevSecOps Scan", "gitleaks", "Trivy"};
        String[] versions = {null, "", "1.0", "0.1.0-SNAPSHOT"};
        for (String name : names) {
            for (String version : versions) {
                ToolInfo tool = new ToolInfo(name, version);
                assertThat(tool.hashCode()).isEqualTo(new GeneratedToolInfo(name, version).hashCode());
                for (String otherName : names) {
                    for (String otherVersion : versions) {
                        assertThat(tool.equals(new ToolInfo(otherName, otherVersion)))
                                .isEqualTo(name.equals(otherName) && java.util.Objects.equals(version, otherVersion));
                    }
                }
                assertThat(tool).isNotEqualTo(null).isNotEqualTo(new GeneratedToolInfo(name, version));
            }
        }
    }
}
