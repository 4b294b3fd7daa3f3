package io.jenkins.plugins.devsecops.packages.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code pnpm-lock.yaml} of lockfile versions 5 ({@code /name/1.0.0_peer}), 6 ({@code /name@1.0.0(peer)}) and
 * 9 ({@code name@1.0.0} with a {@code snapshots} section). Direct dependencies are those of the importers (or of
 * the single project of version 5).
 */
public final class PnpmLockParser implements LockfileParser {

    @Override
    public String format() {
        return "pnpm-lock.yaml";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("pnpm-lock.yaml");
    }

    /** A package name and version parsed from a pnpm key, without the peer suffix. */
    record NameVersion(String name, String version) {
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        JsonNode root = YamlDocuments.parse(file);
        Map<String, Integer> keyLines = keyLines(file);
        JsonNode packages = root.path("packages");
        DependencyGraph graph = new DependencyGraph();
        if (packages.isObject()) {
            var fields = packages.fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                NameVersion coordinates = parseKey(entry.getKey(), entry.getValue());
                if (coordinates == null || !NpmLockParser.isRegistryVersion(coordinates.version())) {
                    continue;
                }
                String id = coordinates.name() + "@" + coordinates.version();
                LockedPackage.Builder builder = LockedPackage.builder(Ecosystem.NPM, file.path())
                        .name(coordinates.name()).version(coordinates.version())
                        .line(keyLines.getOrDefault(entry.getKey(), 0))
                        .scope(entry.getValue().path("dev").asBoolean(false) ? "dev" : null);
                String[] hash = Hashes.fromIntegrity(entry.getValue().path("resolution").path("integrity").asText(null));
                if (hash != null) {
                    builder.hash(hash[0], hash[1]);
                }
                graph.node(id, coordinates.name(), builder);
            }
        }
        for (String section : List.of("packages", "snapshots")) {
            JsonNode entries = root.path(section);
            if (!entries.isObject()) {
                continue;
            }
            var fields = entries.fields();
            while (fields.hasNext()) {
                var entry = fields.next();
                NameVersion from = parseKey(entry.getKey(), entry.getValue());
                if (from == null) {
                    continue;
                }
                for (String kind : List.of("dependencies", "optionalDependencies")) {
                    entry.getValue().path(kind).fields().forEachRemaining(dependency -> graph.edge(
                            from.name() + "@" + from.version(),
                            target(dependency.getKey(), dependency.getValue())));
                }
            }
        }
        boolean rootsKnown = false;
        JsonNode importers = root.path("importers");
        List<JsonNode> projects = new java.util.ArrayList<>();
        if (importers.isObject()) {
            importers.elements().forEachRemaining(projects::add);
        } else {
            projects.add(root);
        }
        for (JsonNode project : projects) {
            for (String kind : List.of("dependencies", "devDependencies", "optionalDependencies")) {
                JsonNode dependencies = project.path(kind);
                if (dependencies.isObject()) {
                    rootsKnown = true;
                    dependencies.fields().forEachRemaining(dependency -> graph.root(
                            target(dependency.getKey(), dependency.getValue())));
                }
            }
        }
        return LockfileResult.of(graph.build(rootsKnown));
    }

    /** The id of the package a dependency entry points to ({@code name: 1.0.0}, or {@code version:} in v6+). */
    private static String target(String name, JsonNode value) {
        String version = value.isObject() ? value.path("version").asText(null) : value.asText(null);
        if (version == null) {
            return null;
        }
        version = stripPeers(version);
        if (version.startsWith("/") || version.contains("@")) {
            NameVersion aliased = parseKey(version, null);
            return aliased == null ? null : aliased.name() + "@" + aliased.version();
        }
        return name + "@" + version;
    }

    private static String stripPeers(String version) {
        int paren = version.indexOf('(');
        String result = paren > 0 ? version.substring(0, paren) : version;
        int underscore = result.indexOf('_');
        return underscore > 0 && !result.contains("@") ? result.substring(0, underscore) : result;
    }

    /** Parses {@code /name/1.0.0_peer}, {@code /@scope/name@1.0.0(peer)} or {@code name@1.0.0}. */
    static NameVersion parseKey(String key, JsonNode value) {
        if (value != null && value.has("name") && value.has("version")) {
            return new NameVersion(value.get("name").asText(), value.get("version").asText());
        }
        String text = key.startsWith("/") ? key.substring(1) : key;
        int paren = text.indexOf('(');
        if (paren > 0) {
            text = text.substring(0, paren);
        }
        int at = text.indexOf('@', 1);
        int allowedSlashes = text.startsWith("@") ? 1 : 0;
        if (at > 0 && text.substring(0, at).chars().filter(c -> c == '/').count() <= allowedSlashes) {
            String version = text.substring(at + 1);
            return version.isEmpty() ? null : new NameVersion(text.substring(0, at), version);
        }
        int slash = text.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        String version = text.substring(slash + 1);
        int underscore = version.indexOf('_');
        if (underscore > 0) {
            version = version.substring(0, underscore);
        }
        return version.isEmpty() ? null : new NameVersion(text.substring(0, slash), version);
    }

    /** The line of each key directly under {@code packages:}, unquoted and without its colon. */
    private static Map<String, Integer> keyLines(Lockfile file) {
        Map<String, Integer> lines = new HashMap<>();
        String[] all = file.text().split("\n", -1);
        boolean inPackages = false;
        for (int i = 0; i < all.length; i++) {
            String line = all[i].stripTrailing();
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                inPackages = line.equals("packages:");
                continue;
            }
            if (inPackages && line.startsWith("  ") && !line.startsWith("   ") && line.endsWith(":")) {
                String key = line.strip();
                key = key.substring(0, key.length() - 1);
                if (key.length() >= 2 && (key.startsWith("'") || key.startsWith("\""))) {
                    key = key.substring(1, key.length() - 1);
                }
                lines.putIfAbsent(key, i + 1);
            }
        }
        return lines;
    }
}
