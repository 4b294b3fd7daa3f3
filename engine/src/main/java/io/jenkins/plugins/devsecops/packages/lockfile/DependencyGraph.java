package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packages of one lockfile and which depends on which: marks the packages the project names as direct, the
 * others as transitive, and gives each reachable package its shortest dependency path from the project.
 * Not thread-safe; one per parse.
 */
final class DependencyGraph {

    private final Map<String, LockedPackage.Builder> builders = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Set<String>> edges = new HashMap<>();
    private final Set<String> roots = new LinkedHashSet<>();

    /** Adds package {@code id}; a second package with the same id is ignored. */
    void node(String id, String name, LockedPackage.Builder builder) {
        if (builders.putIfAbsent(id, builder) == null) {
            names.put(id, name);
        }
    }

    boolean contains(String id) {
        return builders.containsKey(id);
    }

    void edge(String from, String to) {
        if (from != null && to != null && !from.equals(to)) {
            edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
        }
    }

    /** Marks {@code id} as a package the project names itself. */
    void root(String id) {
        if (id != null) {
            roots.add(id);
        }
    }

    /**
     * The packages. When the project's own dependencies are known ({@code rootsKnown}), each is marked direct or
     * transitive and gets its path; otherwise directness stays unknown.
     */
    List<LockedPackage> build(boolean rootsKnown) {
        List<String> known = roots.stream().filter(builders::containsKey).toList();
        DependencyPaths<String> paths = DependencyPaths.search(known,
                id -> edges.getOrDefault(id, Set.of()).stream().filter(builders::containsKey).toList(), names::get);
        Map<String, String> purls = new HashMap<>();
        List<LockedPackage> packages = new ArrayList<>(builders.size());
        for (var entry : builders.entrySet()) {
            LockedPackage.Builder builder = entry.getValue();
            for (String child : edges.getOrDefault(entry.getKey(), Set.of())) {
                LockedPackage.Builder target = builders.get(child);
                if (target != null) {
                    builder.dependsOn(purls.computeIfAbsent(child, k -> purlOf(target)));
                }
            }
            if (rootsKnown) {
                builder.direct(roots.contains(entry.getKey()));
                if (paths.reached(entry.getKey())) {
                    builder.dependencyPath(paths.pathTo(entry.getKey()));
                }
            }
            packages.add(builder.build());
        }
        return packages;
    }

    private static String purlOf(LockedPackage.Builder builder) {
        try {
            return builder.build().purl();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
