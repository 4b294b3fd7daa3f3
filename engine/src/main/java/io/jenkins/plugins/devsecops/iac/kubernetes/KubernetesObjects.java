package io.jenkins.plugins.devsecops.iac.kubernetes;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Kubernetes objects from YAML documents: plain manifests, Helm-rendered and kustomize output alike, including
 * {@code kind: List} wrappers. A document without {@code apiVersion} and {@code kind} is not a Kubernetes object.
 */
public final class KubernetesObjects {

    private static final int MAX_LIST_DEPTH = 4;

    private KubernetesObjects() {
    }

    /** Whether any document looks like a Kubernetes object. */
    public static boolean isKubernetes(List<IacNode> documents) {
        return documents.stream().anyMatch(KubernetesObjects::isObject);
    }

    private static boolean isObject(IacNode node) {
        return node instanceof IacNode.Mapping m && m.scalar("apiVersion").isPresent() && m.scalar("kind").isPresent();
    }

    /** The objects of a file's documents. */
    public static List<IacResource> read(String path, List<IacNode> documents) {
        List<IacResource> objects = new ArrayList<>();
        for (IacNode document : documents) {
            collect(path, document, 0, objects);
        }
        return objects;
    }

    private static void collect(String path, IacNode node, int depth, List<IacResource> objects) {
        if (!isObject(node) || depth > MAX_LIST_DEPTH) {
            return;
        }
        IacNode.Mapping object = (IacNode.Mapping) node;
        String kind = object.text("kind").orElse("");
        if (kind.endsWith("List") && object.get("items").orElse(null) instanceof IacNode.Sequence items) {
            items.items().forEach(item -> collect(path, item, depth + 1, objects));
            return;
        }
        String name = object.first("metadata.name").filter(IacNode.Scalar.class::isInstance)
                .map(n -> ((IacNode.Scalar) n).text())
                .orElse(object.first("metadata.generateName").filter(IacNode.Scalar.class::isInstance)
                        .map(n -> ((IacNode.Scalar) n).text()).orElse("unnamed"));
        objects.add(new IacResource(IacPlatform.KUBERNETES, "object", kind, name, kind + "/" + name, path,
                object.line(), object));
    }

    /** The namespace of an object, {@code default} when it names none. */
    public static String namespace(IacResource object) {
        return object.body().first("metadata.namespace").filter(IacNode.Scalar.class::isInstance)
                .map(n -> ((IacNode.Scalar) n).text()).orElse("default");
    }
}
