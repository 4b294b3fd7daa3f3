package io.jenkins.plugins.devsecops.packages.lockfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shortest dependency path from the project to every package of a lockfile graph, in bounded memory: one
 * breadth-first search from the project's own dependencies with a visited set (so cycles end), and each path kept to
 * at most {@link #HEAD} + 1 + {@link #TAIL} entries. A longer path keeps its first {@link #HEAD} and last
 * {@link #TAIL} packages around one entry saying how many were left out, so a 20,000-package chain costs
 * 20,000 short lists, not 200 million names. Not thread-safe; one per parse.
 *
 * @param <K> how the lockfile identifies a package (its location or id)
 */
final class DependencyPaths<K> {

    /** Packages kept from the project's side of a long path. */
    static final int HEAD = 4;

    /** Packages kept from the package's side of a long path, itself included. */
    static final int TAIL = 6;

    /** Deepest path followed; packages further from the project get no path. */
    static final int MAX_DEPTH = 100_000;

    private record Reached<K>(K parent, int depth, List<String> head) {
    }

    private final Map<K, Reached<K>> reached = new HashMap<>();
    private final Function<K, String> names;

    private DependencyPaths(Function<K, String> names) {
        this.names = names;
    }

    /**
     * Searches the graph from {@code roots}.
     *
     * @param children the packages a package depends on; unknown ones are left out by the caller
     * @param names the name a path shows for a package
     */
    static <K> DependencyPaths<K> search(Collection<K> roots, Function<K, ? extends Iterable<K>> children,
            Function<K, String> names) {
        DependencyPaths<K> paths = new DependencyPaths<>(names);
        Deque<K> queue = new ArrayDeque<>();
        for (K root : roots) {
            if (!paths.reached.containsKey(root)) {
                paths.reached.put(root, new Reached<>(null, 0, List.of(names.apply(root))));
                queue.add(root);
            }
        }
        while (!queue.isEmpty()) {
            K id = queue.poll();
            Reached<K> at = paths.reached.get(id);
            if (at.depth() >= MAX_DEPTH) {
                continue;
            }
            for (K child : children.apply(id)) {
                if (child != null && !paths.reached.containsKey(child)) {
                    List<String> head = at.head();
                    if (head.size() < HEAD) {
                        List<String> longer = new ArrayList<>(head.size() + 1);
                        longer.addAll(head);
                        longer.add(names.apply(child));
                        head = List.copyOf(longer);
                    }
                    paths.reached.put(child, new Reached<>(id, at.depth() + 1, head));
                    queue.add(child);
                }
            }
        }
        return paths;
    }

    /** Whether the search reached {@code id}. */
    boolean reached(K id) {
        return reached.containsKey(id);
    }

    /**
     * The shortest path from the project to {@code id}, itself last, at most {@link #HEAD} + 1 + {@link #TAIL}
     * entries; empty when the search did not reach it.
     */
    List<String> pathTo(K id) {
        Reached<K> at = reached.get(id);
        if (at == null) {
            return List.of();
        }
        int length = at.depth() + 1;
        List<String> tail = new ArrayList<>(Math.min(length, HEAD + 1 + TAIL));
        int wanted = length <= HEAD + 1 + TAIL ? length : TAIL;
        K cursor = id;
        for (int i = 0; i < wanted && cursor != null; i++) {
            tail.add(names.apply(cursor));
            cursor = reached.get(cursor).parent();
        }
        Collections.reverse(tail);
        if (length <= HEAD + 1 + TAIL) {
            return tail;
        }
        List<String> path = new ArrayList<>(at.head());
        path.add(elision(length - HEAD - TAIL));
        path.addAll(tail);
        return path;
    }

    /** The entry standing for the packages a long path leaves out. */
    static String elision(int omitted) {
        return "… " + omitted + " more …";
    }
}
