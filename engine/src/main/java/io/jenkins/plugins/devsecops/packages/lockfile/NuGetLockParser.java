package io.jenkins.plugins.devsecops.packages.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads NuGet's {@code packages.lock.json}: per target framework, each package with its {@code type}
 * ({@code Direct}, {@code Transitive}, {@code CentralTransitive}; {@code Project} references are skipped), its
 * {@code resolved} version, its content hash and what it depends on. A package listed under several frameworks is
 * reported once.
 */
public final class NuGetLockParser implements LockfileParser {

    @Override
    public String format() {
        return "packages.lock.json";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("packages.lock.json");
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        JsonDocument document = JsonDocument.parse(file);
        JsonNode frameworks = document.root().path("dependencies");
        if (!frameworks.isObject()) {
            throw new LockfileException("no 'dependencies' object: not a packages.lock.json");
        }
        DependencyGraph graph = new DependencyGraph();
        Map<String, String> idByName = new HashMap<>();
        frameworks.elements().forEachRemaining(framework -> framework.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            String type = JsonDocument.text(value, "type");
            String version = JsonDocument.text(value, "resolved");
            if ("Project".equals(type) || version == null) {
                return;
            }
            String name = entry.getKey();
            String id = name.toLowerCase(Locale.ROOT) + "@" + version;
            idByName.putIfAbsent(name.toLowerCase(Locale.ROOT), id);
            LockedPackage.Builder builder = LockedPackage.builder(Ecosystem.NUGET, file.path()).name(name)
                    .version(version).line(document.lineOf(value));
            String contentHash = JsonDocument.text(value, "contentHash");
            if (contentHash != null) {
                builder.hash("SHA-512", Hashes.base64ToHex(contentHash));
            }
            graph.node(id, name, builder);
            if ("Direct".equals(type)) {
                graph.root(id);
            }
        }));
        frameworks.elements().forEachRemaining(framework -> framework.fields().forEachRemaining(entry -> {
            String version = JsonDocument.text(entry.getValue(), "resolved");
            String from = entry.getKey().toLowerCase(Locale.ROOT) + "@" + version;
            entry.getValue().path("dependencies").fieldNames().forEachRemaining(
                    name -> graph.edge(from, idByName.get(name.toLowerCase(Locale.ROOT))));
        }));
        return LockfileResult.of(graph.build(true));
    }
}
