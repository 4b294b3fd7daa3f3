package io.jenkins.plugins.devsecops.packages.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code yarn.lock} of Yarn 1 (its own format) and Yarn Berry 2+ (YAML): one entry per resolved package,
 * headed by the comma-separated specs it satisfies. Direct dependencies come from the sibling {@code package.json}.
 */
public final class YarnLockParser implements LockfileParser {

    @Override
    public String format() {
        return "yarn.lock";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("yarn.lock");
    }

    /** One entry of the lockfile. */
    private static final class Entry {
        final List<String> specs = new ArrayList<>();
        final int line;
        String version;
        String resolution;
        String integrity;
        final Map<String, String> dependencies = new LinkedHashMap<>();

        Entry(int line) {
            this.line = line;
        }
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        List<Entry> entries = read(file);
        Map<String, Entry> bySpec = new HashMap<>();
        for (Entry entry : entries) {
            entry.specs.forEach(spec -> bySpec.putIfAbsent(spec, entry));
        }
        DependencyGraph graph = new DependencyGraph();
        Map<Entry, String> ids = new HashMap<>();
        for (Entry entry : entries) {
            String name = packageName(entry);
            if (name == null || entry.version == null || isLocal(entry)) {
                continue;
            }
            String id = name + "@" + entry.version;
            ids.put(entry, id);
            LockedPackage.Builder builder = LockedPackage.builder(Ecosystem.NPM, file.path())
                    .name(name).version(entry.version).line(entry.line);
            String[] hash = Hashes.fromIntegrity(entry.integrity);
            if (hash != null) {
                builder.hash(hash[0], hash[1]);
            }
            graph.node(id, name, builder);
        }
        for (Entry entry : entries) {
            String from = ids.get(entry);
            entry.dependencies.forEach((dependency, range) -> {
                Entry target = find(bySpec, dependency, range);
                graph.edge(from, target == null ? null : ids.get(target));
            });
        }
        Map<String, String> manifest = file.sibling("package.json").map(YarnLockParser::manifestRanges).orElse(null);
        if (manifest != null) {
            manifest.forEach((dependency, range) -> {
                Entry target = find(bySpec, dependency, range);
                graph.root(target == null ? null : ids.get(target));
            });
        }
        return LockfileResult.of(graph.build(manifest != null));
    }

    private static Entry find(Map<String, Entry> bySpec, String name, String range) {
        Entry entry = bySpec.get(name + "@" + range);
        return entry != null ? entry : bySpec.get(name + "@npm:" + range);
    }

    private static boolean isLocal(Entry entry) {
        String resolution = entry.resolution == null ? "" : entry.resolution;
        return resolution.contains("@workspace:") || resolution.contains("@link:") || resolution.contains("@portal:")
                || resolution.contains("@file:") || entry.version.contains("use.local");
    }

    /** The package name: from the resolution (Berry, which also resolves aliases), else from the first spec. */
    private static String packageName(Entry entry) {
        String source = entry.resolution != null ? entry.resolution : entry.specs.isEmpty() ? null : entry.specs.get(0);
        if (source == null) {
            return null;
        }
        int at = source.indexOf('@', 1);
        return at <= 0 ? null : source.substring(0, at);
    }

    private static List<Entry> read(Lockfile file) throws LockfileException {
        List<Entry> entries = new ArrayList<>();
        String[] lines = file.textLines();
        Entry current = null;
        boolean inDependencies = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String content = line.strip();
            if (indent == 0) {
                inDependencies = false;
                if (!content.endsWith(":")) {
                    throw new LockfileException("line " + (i + 1) + ": expected an entry header ending with ':'");
                }
                String header = content.substring(0, content.length() - 1);
                if (unquote(header).equals("__metadata")) {
                    current = null;
                    continue;
                }
                current = new Entry(i + 1);
                for (String spec : header.split(",")) {
                    String cleaned = spec.replace("\"", "").strip();
                    if (!cleaned.isEmpty()) {
                        current.specs.add(cleaned);
                    }
                }
                entries.add(current);
            } else if (current != null && indent <= 2) {
                inDependencies = content.equals("dependencies:") || content.equals("optionalDependencies:");
                String[] pair = keyValue(content);
                if (pair != null) {
                    switch (pair[0]) {
                        case "version" -> current.version = pair[1];
                        case "resolution" -> current.resolution = pair[1];
                        case "integrity" -> current.integrity = pair[1];
                        default -> {
                        }
                    }
                }
            } else if (current != null && inDependencies) {
                String[] pair = keyValue(content);
                if (pair != null) {
                    current.dependencies.put(pair[0], pair[1]);
                }
            }
        }
        return entries;
    }

    /** Splits {@code key value}, {@code key: value} or {@code "key": "value"}; {@code null} when there is no value. */
    private static String[] keyValue(String content) {
        String key;
        String rest;
        if (content.startsWith("\"")) {
            int close = content.indexOf('"', 1);
            if (close < 0) {
                return null;
            }
            key = content.substring(1, close);
            rest = content.substring(close + 1);
        } else {
            int space = indexOfSeparator(content);
            if (space < 0) {
                return null;
            }
            key = content.substring(0, space);
            rest = content.substring(space);
        }
        if (key.endsWith(":")) {
            key = key.substring(0, key.length() - 1);
        }
        rest = rest.strip();
        if (rest.startsWith(":")) {
            rest = rest.substring(1).strip();
        }
        if (rest.isEmpty()) {
            return null;
        }
        return new String[] {key, unquote(rest)};
    }

    private static int indexOfSeparator(String content) {
        int space = content.indexOf(' ');
        int colon = content.indexOf(": ");
        if (colon >= 0 && (space < 0 || colon < space)) {
            return colon;
        }
        return space;
    }

    private static String unquote(String text) {
        String result = text.strip();
        if (result.length() >= 2 && (result.startsWith("\"") && result.endsWith("\"")
                || result.startsWith("'") && result.endsWith("'"))) {
            result = result.substring(1, result.length() - 1);
        }
        return result;
    }

    /** The dependency names and ranges a {@code package.json} declares. */
    static Map<String, String> manifestRanges(Lockfile manifest) {
        Map<String, String> ranges = new LinkedHashMap<>();
        try {
            JsonNode root = JsonDocument.parse(manifest).root();
            for (String field : List.of("dependencies", "devDependencies", "optionalDependencies")) {
                JsonNode deps = root.get(field);
                if (deps != null && deps.isObject()) {
                    deps.fields().forEachRemaining(e -> ranges.put(e.getKey(), e.getValue().asText()));
                }
            }
        } catch (LockfileException e) {
            return null;
        }
        return ranges;
    }
}
