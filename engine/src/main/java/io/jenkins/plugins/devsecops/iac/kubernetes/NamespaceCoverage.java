package io.jenkins.plugins.devsecops.iac.kubernetes;

import io.jenkins.plugins.devsecops.iac.model.IacResource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross-object facts of a Kubernetes scan, kept instead of the objects: for every namespace, the kinds of object
 * it holds and its first workload (in path, then line order; among equals, the first given). Rules such as "a
 * namespace without a NetworkPolicy" read these, so that objects can be checked one file at a time. Memory holds one
 * workload and a few kind names per namespace, whatever the number of objects.
 */
public final class NamespaceCoverage {

    /** The key under which a unit's coverage is shared by its targets (see {@code ResourceTarget.memo}). */
    public static final String MEMO_KEY = "k8s.namespace-coverage";

    private record First(IacResource object, long order) {
    }

    private final Map<String, Set<String>> kinds = new HashMap<>();
    private final Map<String, First> firstWorkload = new HashMap<>();
    private long added;

    /** The coverage of objects given in this order (the order that breaks ties of path and line). */
    public static NamespaceCoverage of(List<IacResource> objects) {
        NamespaceCoverage coverage = new NamespaceCoverage();
        objects.forEach(coverage::add);
        return coverage;
    }

    /** Counts one more object; objects are numbered in the order they are added. */
    public void add(IacResource object) {
        long order = added++;
        String namespace = KubernetesObjects.namespace(object);
        kinds.computeIfAbsent(namespace, n -> new HashSet<>()).add(object.type());
        if (!KubernetesRules.podSpecs(object).isEmpty()) {
            First current = firstWorkload.get(namespace);
            if (current == null || before(object, order, current)) {
                firstWorkload.put(namespace, new First(object, order));
            }
        }
    }

    private static boolean before(IacResource object, long order, First current) {
        int byPath = object.path().compareTo(current.object().path());
        if (byPath != 0) {
            return byPath < 0;
        }
        if (object.line() != current.object().line()) {
            return object.line() < current.object().line();
        }
        return order < current.order();
    }

    /** Whether {@code object} is the first workload of a namespace that has workloads and no object of {@code kind}. */
    public boolean isFirstOfUncovered(IacResource object, String kind) {
        String namespace = KubernetesObjects.namespace(object);
        if (kinds.getOrDefault(namespace, Set.of()).contains(kind)) {
            return false;
        }
        First first = firstWorkload.get(namespace);
        return first != null && (first.object() == object || first.object().equals(object));
    }
}
