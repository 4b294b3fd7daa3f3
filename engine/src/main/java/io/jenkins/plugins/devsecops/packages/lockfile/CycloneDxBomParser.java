package io.jenkins.plugins.devsecops.packages.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CycloneDX JSON SBOM ({@code bom.json}, {@code *.cdx.json}) another tool produced: every component with a
 * purl of a known ecosystem, nested components too, with hashes; the {@code dependencies} graph gives direct
 * dependencies (those of the metadata component) and paths.
 */
public final class CycloneDxBomParser implements LockfileParser {

    @Override
    public String format() {
        return "CycloneDX JSON";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("bom.json") || fileName.endsWith(".cdx.json");
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        JsonDocument document = JsonDocument.parse(file);
        JsonNode root = document.root();
        if (!"CycloneDX".equals(JsonDocument.text(root, "bomFormat"))) {
            throw new LockfileException("'bomFormat' is not CycloneDX");
        }
        DependencyGraph graph = new DependencyGraph();
        Map<String, String> refToId = new HashMap<>();
        int[] skipped = {0};
        List<String> warnings = new ArrayList<>();
        addComponents(document, JsonDocument.expect(root, "components", JsonNodeType.ARRAY, "components", warnings),
                file, graph, refToId, skipped, 0);
        String rootRef = root.path("metadata").path("component").path("bom-ref").asText(null);
        boolean rootsKnown = false;
        for (JsonNode dependency : JsonDocument.expect(root, "dependencies", JsonNodeType.ARRAY, "dependencies",
                warnings)) {
            String from = dependency.path("ref").asText(null);
            for (JsonNode to : dependency.path("dependsOn")) {
                if (from != null && from.equals(rootRef)) {
                    rootsKnown = true;
                    graph.root(refToId.get(to.asText()));
                } else {
                    graph.edge(refToId.get(from), refToId.get(to.asText()));
                }
            }
        }
        if (skipped[0] > 0) {
            warnings.add(skipped[0] + " components without a purl of a supported ecosystem were not checked");
        }
        return new LockfileResult(graph.build(rootsKnown), warnings);
    }

    private static void addComponents(JsonDocument document, JsonNode components, Lockfile file,
            DependencyGraph graph, Map<String, String> refToId, int[] skipped, int depth) {
        if (!components.isArray() || depth > 20) {
            return;
        }
        for (JsonNode component : components) {
            String purlText = JsonDocument.text(component, "purl");
            PackageURL purl = parsePurl(purlText);
            Ecosystem ecosystem = purl == null ? null : Ecosystem.fromPurlType(purl.getType()).orElse(null);
            if (ecosystem == null || purl.getVersion() == null) {
                skipped[0]++;
            } else {
                String name = switch (ecosystem) {
                    case MAVEN -> purl.getNamespace() + ":" + purl.getName();
                    case NPM, PACKAGIST, GO -> purl.getNamespace() == null ? purl.getName()
                            : purl.getNamespace() + "/" + purl.getName();
                    default -> purl.getName();
                };
                LockedPackage.Builder builder = LockedPackage.builder(ecosystem, file.path()).name(name)
                        .version(purl.getVersion()).line(document.lineOf(component))
                        .scope("optional".equals(JsonDocument.text(component, "scope")) ? "optional" : null);
                for (JsonNode hash : component.path("hashes")) {
                    builder.hash(JsonDocument.text(hash, "alg"), JsonDocument.text(hash, "content"));
                }
                String id = purlText;
                graph.node(id, name, builder);
                String ref = JsonDocument.text(component, "bom-ref");
                refToId.put(ref == null ? purlText : ref, id);
            }
            addComponents(document, component.path("components"), file, graph, refToId, skipped, depth + 1);
        }
    }

    private static PackageURL parsePurl(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new PackageURL(text);
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }
}
