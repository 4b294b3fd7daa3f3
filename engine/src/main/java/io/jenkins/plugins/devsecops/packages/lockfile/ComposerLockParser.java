package io.jenkins.plugins.devsecops.packages.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Composer's {@code composer.lock}: {@code packages} and {@code packages-dev}, with their {@code require}
 * graph; the direct ones come from the sibling {@code composer.json}. Platform requirements ({@code php},
 * {@code ext-*}) are not packages.
 */
public final class ComposerLockParser implements LockfileParser {

    @Override
    public String format() {
        return "composer.lock";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("composer.lock");
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        JsonDocument document = JsonDocument.parse(file);
        JsonNode root = document.root();
        if (!root.isObject() || !root.has("packages")) {
            throw new LockfileException("no 'packages' array: not a composer.lock");
        }
        DependencyGraph graph = new DependencyGraph();
        Map<String, String> idByName = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        for (String section : List.of("packages", "packages-dev")) {
            sections.put(section, JsonDocument.expect(root, section, JsonNodeType.ARRAY, section, warnings));
        }
        for (String section : List.of("packages", "packages-dev")) {
            for (JsonNode entry : sections.get(section)) {
                String name = JsonDocument.text(entry, "name");
                String version = JsonDocument.text(entry, "version");
                if (name == null || version == null || version.startsWith("dev-")) {
                    continue;
                }
                String id = name.toLowerCase(Locale.ROOT) + "@" + version;
                idByName.put(name.toLowerCase(Locale.ROOT), id);
                LockedPackage.Builder builder = LockedPackage.builder(Ecosystem.PACKAGIST, file.path()).name(name)
                        .version(version).line(document.lineOf(entry))
                        .scope(section.equals("packages-dev") ? "dev" : null);
                String shasum = JsonDocument.text(entry.path("dist"), "shasum");
                if (shasum != null && Hashes.algorithmOfHex(shasum) != null) {
                    builder.hash(Hashes.algorithmOfHex(shasum), shasum.toLowerCase(Locale.ROOT));
                }
                graph.node(id, name, builder);
            }
        }
        for (String section : List.of("packages", "packages-dev")) {
            for (JsonNode entry : sections.get(section)) {
                String from = idByName.get(String.valueOf(JsonDocument.text(entry, "name")).toLowerCase(Locale.ROOT));
                entry.path("require").fieldNames().forEachRemaining(
                        name -> graph.edge(from, idByName.get(name.toLowerCase(Locale.ROOT))));
            }
        }
        boolean rootsKnown = false;
        var manifest = file.sibling("composer.json");
        if (manifest.isPresent()) {
            JsonNode project = JsonDocument.parse(manifest.get()).root();
            for (String field : List.of("require", "require-dev")) {
                rootsKnown = true;
                project.path(field).fieldNames().forEachRemaining(
                        name -> graph.root(idByName.get(name.toLowerCase(Locale.ROOT))));
            }
        }
        return new LockfileResult(graph.build(rootsKnown), warnings);
    }
}
