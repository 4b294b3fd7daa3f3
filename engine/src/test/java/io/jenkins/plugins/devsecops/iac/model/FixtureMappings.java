package io.jenkins.plugins.devsecops.iac.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.iac.terraform.HclBlock;
import io.jenkins.plugins.devsecops.iac.terraform.HclParser;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.iac.yaml.JsonDocuments;
import io.jenkins.plugins.devsecops.iac.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every mapping, at every depth, of the repository's real IaC fixtures (Terraform, Kubernetes, CloudFormation, Helm:
 * {@code src/test/resources/iac}) as the parsers give them; the deliberately malformed fixtures are skipped.
 */
final class FixtureMappings {

    private FixtureMappings() {
    }

    static List<IacNode.Mapping> ofEveryFixture() throws IOException {
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
}
