package io.jenkins.plugins.devsecops.packages.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads npm's {@code package-lock.json} and {@code npm-shrinkwrap.json}: lockfile version 1 (nested
 * {@code dependencies}) and versions 2 and 3 ({@code packages} keyed by {@code node_modules} location). Direct
 * dependencies are those the root (or a workspace) names; the dependency path follows Node's resolution from the
 * root, shortest first.
 */
public final class NpmLockParser implements LockfileParser {

    private static final String NODE_MODULES = "node_modules/";

    @Override
    public String format() {
        return "package-lock.json";
    }

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("package-lock.json") || fileName.equals("npm-shrinkwrap.json");
    }

    /** One installed package at one location of the tree. */
    private record Node(String location, String name, String version, int line, String integrity, String scope,
            Set<String> dependencies) {
    }

    @Override
    public LockfileResult parse(Lockfile file) throws LockfileException {
        JsonDocument document = JsonDocument.parse(file);
        JsonNode root = document.root();
        if (!root.isObject()) {
            throw new LockfileException("expected a JSON object with lockfileVersion");
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        Set<String> rootDependencies = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        JsonNode packages = JsonDocument.expect(root, "packages", JsonNodeType.OBJECT, "packages", warnings);
        JsonNode nested = JsonDocument.expect(root, "dependencies", JsonNodeType.OBJECT, "dependencies", warnings);
        if (packages.isObject()) {
            int skipped = readPackages(document, packages, nodes, rootDependencies);
            if (skipped > 0) {
                warnings.add(skipped + " entries of 'packages' were not read: not objects, or no string 'version'");
            }
        } else if (nested.isObject()) {
            readNested(document, nested, "", nodes);
            file.sibling("package.json").ifPresent(manifest -> rootDependencies.addAll(manifestDependencies(manifest)));
        } else if (root.has("lockfileVersion")) {
            return new LockfileResult(List.of(), warnings);
        } else {
            throw new LockfileException("neither 'packages' nor 'dependencies': not an npm lockfile");
        }
        return new LockfileResult(toPackages(file, nodes, rootDependencies), warnings);
    }

    /** Reads the {@code packages} map; returns how many package entries had the wrong shape. */
    private static int readPackages(JsonDocument document, JsonNode packages, Map<String, Node> nodes,
            Set<String> rootDependencies) {
        int skipped = 0;
        var fields = packages.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            String location = entry.getKey();
            JsonNode value = entry.getValue();
            if (!value.isObject()) {
                skipped++;
                continue;
            }
            if (!location.contains(NODE_MODULES)) {
                // the root ("") and workspace packages: what they name is direct
                rootDependencies.addAll(dependencyNames(value));
                continue;
            }
            if (value.path("link").asBoolean(false)) {
                continue;
            }
            String name = JsonDocument.text(value, "name");
            if (name == null) {
                name = location.substring(location.lastIndexOf(NODE_MODULES) + NODE_MODULES.length());
            }
            String version = JsonDocument.text(value, "version");
            if (version == null || version.isBlank()) {
                if (value.has("version")) {
                    skipped++;
                }
                continue;
            }
            nodes.put(location, new Node(location, name, version, document.lineOf(value),
                    JsonDocument.text(value, "integrity"), scope(value), dependencyNames(value)));
        }
        return skipped;
    }

    private static void readNested(JsonDocument document, JsonNode dependencies, String parentLocation,
            Map<String, Node> nodes) {
        var fields = dependencies.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            JsonNode value = entry.getValue();
            if (!value.isObject()) {
                continue;
            }
            String location = (parentLocation.isEmpty() ? "" : parentLocation + "/") + NODE_MODULES + entry.getKey();
            String name = entry.getKey();
            String version = JsonDocument.text(value, "version");
            if (version != null && version.startsWith("npm:")) {
                int at = version.lastIndexOf('@');
                if (at > 4) {
                    name = version.substring(4, at);
                    version = version.substring(at + 1);
                }
            }
            Set<String> requires = new LinkedHashSet<>();
            JsonNode required = value.get("requires");
            if (required != null && required.isObject()) {
                required.fieldNames().forEachRemaining(requires::add);
            }
            if (version != null && !version.isBlank()) {
                nodes.put(location, new Node(location, name, version, document.lineOf(value),
                        JsonDocument.text(value, "integrity"), scope(value), requires));
            }
            JsonNode nested = value.get("dependencies");
            if (nested != null && nested.isObject()) {
                readNested(document, nested, location, nodes);
            }
        }
    }

    private static String scope(JsonNode value) {
        if (value.path("dev").asBoolean(false)) {
            return "dev";
        }
        if (value.path("devOptional").asBoolean(false)) {
            return "dev";
        }
        if (value.path("optional").asBoolean(false)) {
            return "optional";
        }
        if (value.path("peer").asBoolean(false)) {
            return "peer";
        }
        return null;
    }

    private static Set<String> dependencyNames(JsonNode value) {
        Set<String> names = new LinkedHashSet<>();
        for (String field : List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")) {
            JsonNode deps = value.get(field);
            if (deps != null && deps.isObject()) {
                deps.fieldNames().forEachRemaining(names::add);
            }
        }
        return names;
    }

    /** The dependency names a {@code package.json} declares. */
    static Set<String> manifestDependencies(Lockfile manifest) {
        try {
            return dependencyNames(JsonDocument.parse(manifest).root());
        } catch (LockfileException e) {
            return Set.of();
        }
    }

    /** Where Node finds {@code dependency} when required from the package at {@code from} ({@code ""}: the root). */
    private static Node resolve(Map<String, Node> nodes, String from, String dependency) {
        String base = from;
        while (true) {
            String candidate = (base.isEmpty() ? "" : base + "/") + NODE_MODULES + dependency;
            Node node = nodes.get(candidate);
            if (node != null) {
                return node;
            }
            if (base.isEmpty()) {
                return null;
            }
            int cut = base.lastIndexOf("/" + NODE_MODULES);
            base = cut < 0 ? "" : base.substring(0, cut);
        }
    }

    private static List<LockedPackage> toPackages(Lockfile file, Map<String, Node> nodes, Set<String> rootDependencies) {
        Set<String> directLocations = new LinkedHashSet<>();
        for (String dependency : rootDependencies) {
            Node node = resolve(nodes, "", dependency);
            if (node != null) {
                directLocations.add(node.location());
            }
        }
        // The packages each package's dependencies resolve to, in its order: asked for by the path search and again
        // for every package's dependsOn, and each resolution walks up the node_modules directories.
        Map<String, List<Node>> resolved = new HashMap<>();
        java.util.function.Function<Node, List<Node>> childrenOf = node -> resolved.computeIfAbsent(node.location(),
                location -> {
                    List<Node> children = new ArrayList<>(node.dependencies().size());
                    for (String dependency : node.dependencies()) {
                        Node child = resolve(nodes, location, dependency);
                        if (child != null) {
                            children.add(child);
                        }
                    }
                    return children;
                });
        DependencyPaths<String> paths = DependencyPaths.search(directLocations, location -> {
            List<Node> children = childrenOf.apply(nodes.get(location));
            List<String> locations = new ArrayList<>(children.size());
            for (Node child : children) {
                locations.add(child.location());
            }
            return locations;
        }, location -> nodes.get(location).name());
        // A package's purl is named by every package that depends on it: built once per package.
        Map<String, String> purls = new HashMap<>();
        boolean graphKnown = !rootDependencies.isEmpty();
        List<LockedPackage> packages = new ArrayList<>(nodes.size());
        for (Node node : nodes.values()) {
            LockedPackage.Builder builder = LockedPackage.builder(Ecosystem.NPM, file.path())
                    .name(node.name()).version(node.version()).line(node.line()).scope(node.scope());
            if (graphKnown) {
                builder.direct(directLocations.contains(node.location()));
                if (paths.reached(node.location())) {
                    builder.dependencyPath(paths.pathTo(node.location()));
                }
            }
            String[] hash = Hashes.fromIntegrity(node.integrity());
            if (hash != null) {
                builder.hash(hash[0], hash[1]);
            }
            for (Node child : childrenOf.apply(node)) {
                String purl = purls.get(child.location());
                if (purl == null && !purls.containsKey(child.location())) {
                    purl = purlOrNull(child);
                    purls.put(child.location(), purl);
                }
                builder.dependsOn(purl);
            }
            if (isRegistryVersion(node.version())) {
                packages.add(builder.build());
            }
        }
        return packages;
    }

    private static String purlOrNull(Node node) {
        try {
            return Ecosystem.NPM.purl(node.name(), node.version());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Versions that are git URLs, tarballs or local paths name no registry release. */
    static boolean isRegistryVersion(String version) {
        return !version.contains(":") && !version.contains("/");
    }
}
