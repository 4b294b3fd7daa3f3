package io.jenkins.plugins.devsecops.iac.kubernetes;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.iac.yaml.YamlDocuments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves kustomize overlays found in the scanned tree, as {@code kustomize build} would, for the parts that decide
 * security: {@code resources}/{@code bases} (files and directories with their own kustomization), strategic merge
 * patches ({@code patchesStrategicMerge}, {@code patches} with a patch file or inline patch), JSON 6902 patches
 * ({@code patchesJson6902}, {@code patches} with a list of operations), {@code namespace}, {@code namePrefix},
 * {@code nameSuffix}, {@code commonLabels}, {@code commonAnnotations} and {@code images}.
 *
 * <p>Every kustomization that no other kustomization uses is built; the objects it produces are checked instead of
 * the files it consumed, named {@code Deployment/prod-web (kustomize overlays/prod)}. Findings keep pointing at the
 * file and line the object or value was declared in; a value a patch wrote points at its object. Remote resources
 * (URLs) are not fetched and are named in a note.
 */
public final class Kustomizations {

    /** The names of kustomization files. */
    public static final Set<String> FILE_NAMES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final int MAX_DEPTH = 16;
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "PodSecurityPolicy", "Node");

    /** What the overlays produced, which files they consumed, and what could not be resolved. */
    public record Result(List<IacResource> objects, Set<String> consumed, List<String> notes) {
    }

    /** An object on its way through the build, with where it was declared. */
    private record Built(IacNode.Mapping body, String path, int line) {
        String kind() {
            return body.text("kind").orElse("");
        }

        String name() {
            return body.first("metadata.name").filter(IacNode.Scalar.class::isInstance)
                    .map(n -> ((IacNode.Scalar) n).text()).orElse("");
        }

        Built with(IacNode.Mapping newBody) {
            return new Built(newBody, path, line);
        }
    }

    private final Map<String, IacNode.Mapping> kustomizations;
    private final Map<String, List<IacNode>> files;
    private final Set<String> consumed = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    private Kustomizations(Map<String, IacNode.Mapping> kustomizations, Map<String, List<IacNode>> files) {
        this.kustomizations = new TreeMap<>(kustomizations);
        this.files = files;
    }

    /**
     * Builds every top-level kustomization.
     *
     * @param kustomizations the parsed kustomization files by path
     * @param files the YAML documents of every other YAML file by path (resources and patches)
     */
    public static Result build(Map<String, IacNode.Mapping> kustomizations, Map<String, List<IacNode>> files) {
        return new Kustomizations(kustomizations, files).buildAll();
    }

    private Result buildAll() {
        Map<String, String> byDirectory = new TreeMap<>();
        kustomizations.keySet().forEach(path -> byDirectory.put(parent(path), path));
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, IacNode.Mapping> entry : kustomizations.entrySet()) {
            String dir = parent(entry.getKey());
            for (String reference : references(entry.getValue())) {
                String target = normalize(dir, reference);
                if (target != null && byDirectory.containsKey(target)) {
                    used.add(target);
                }
            }
        }
        List<IacResource> objects = new ArrayList<>();
        for (Map.Entry<String, String> entry : byDirectory.entrySet()) {
            if (used.contains(entry.getKey())) {
                continue;
            }
            String overlay = entry.getKey().isEmpty() ? "." : entry.getKey();
            for (Built built : build(entry.getKey(), byDirectory, 0, new HashSet<>())) {
                String kind = built.kind();
                String name = built.name();
                objects.add(new IacResource(IacPlatform.KUBERNETES, "object", kind, name,
                        kind + "/" + name + " (kustomize " + overlay + ")", built.path(), built.line(), built.body()));
            }
        }
        return new Result(List.copyOf(objects), Set.copyOf(consumed), List.copyOf(notes));
    }

    private static List<String> references(IacNode.Mapping kustomization) {
        List<String> references = new ArrayList<>();
        for (String key : new String[] {"resources", "bases", "components"}) {
            kustomization.scalars(key).forEach(s -> references.add(s.text()));
        }
        return references;
    }

    private List<Built> build(String dir, Map<String, String> byDirectory, int depth, Set<String> visiting) {
        String path = byDirectory.get(dir);
        if (path == null || depth > MAX_DEPTH || !visiting.add(dir)) {
            notes.add("kustomization " + dir + ": cyclic or too deep, not resolved");
            return List.of();
        }
        consumed.add(path);
        IacNode.Mapping kustomization = kustomizations.get(path);
        List<Built> objects = new ArrayList<>();
        for (String reference : references(kustomization)) {
            String target = normalize(dir, reference);
            if (reference.contains("://") || reference.startsWith("github.com/") || reference.startsWith("git@")
                    || target == null) {
                notes.add(path + ": remote or out-of-tree resource " + reference + " is not resolved");
            } else if (byDirectory.containsKey(target)) {
                objects.addAll(build(target, byDirectory, depth + 1, visiting));
            } else if (files.containsKey(target)) {
                consumed.add(target);
                for (IacNode document : files.get(target)) {
                    collect(document, target, objects);
                }
            } else {
                notes.add(path + ": resource " + reference + " was not found among the scanned files");
            }
        }
        visiting.remove(dir);
        objects = applyPatches(dir, path, kustomization, objects);
        return transform(kustomization, objects);
    }

    private static void collect(IacNode document, String path, List<Built> objects) {
        if (document instanceof IacNode.Mapping mapping && mapping.scalar("kind").isPresent()
                && mapping.scalar("apiVersion").isPresent()) {
            if (mapping.text("kind").orElse("").endsWith("List")) {
                mapping.mappings("items").forEach(item -> collect(item, path, objects));
            } else {
                objects.add(new Built(mapping, path, mapping.line()));
            }
        }
    }

    private List<Built> applyPatches(String dir, String path, IacNode.Mapping kustomization, List<Built> objects) {
        List<Built> result = new ArrayList<>(objects);
        for (IacNode entry : kustomization.all("patchesStrategicMerge")) {
            if (entry instanceof IacNode.Scalar scalar) {
                for (IacNode patch : patchDocuments(dir, path, scalar.text(), null)) {
                    strategic(result, patch, null);
                }
            }
        }
        for (String key : new String[] {"patches", "patchesJson6902"}) {
            for (IacNode.Mapping entry : kustomization.mappings(key)) {
                Optional<IacNode.Mapping> target = entry.mapping("target");
                List<IacNode> documents = patchDocuments(dir, path, entry.text("path").orElse(null),
                        entry.text("patch").orElse(null));
                for (IacNode document : documents) {
                    if (document instanceof IacNode.Sequence operations) {
                        json6902(result, operations, target.orElse(null));
                    } else {
                        strategic(result, document, target.orElse(null));
                    }
                }
            }
        }
        return result;
    }

    private List<IacNode> patchDocuments(String dir, String kustomizationPath, String file, String inline) {
        if (inline != null) {
            try {
                return YamlDocuments.parse(inline);
            } catch (IacParseException e) {
                notes.add(kustomizationPath + ": inline patch is not valid YAML");
                return List.of();
            }
        }
        if (file == null) {
            return List.of();
        }
        if (file.contains("\n")) {
            try {
                return YamlDocuments.parse(file);
            } catch (IacParseException e) {
                notes.add(kustomizationPath + ": inline patch is not valid YAML");
                return List.of();
            }
        }
        String target = normalize(dir, file);
        if (target == null || !files.containsKey(target)) {
            notes.add(kustomizationPath + ": patch " + file + " was not found among the scanned files");
            return List.of();
        }
        consumed.add(target);
        return files.get(target);
    }

    private static boolean matches(Built object, IacNode.Mapping target, String kind, String name) {
        if (target != null) {
            return target.text("kind").map(k -> k.equals(object.kind())).orElse(true)
                    && target.text("name").map(n -> n.equals(object.name())).orElse(true)
                    && target.text("namespace").map(n -> n.equals(namespaceOf(object))).orElse(true);
        }
        return object.kind().equals(kind) && object.name().equals(name);
    }

    private static String namespaceOf(Built object) {
        return object.body().first("metadata.namespace").filter(IacNode.Scalar.class::isInstance)
                .map(n -> ((IacNode.Scalar) n).text()).orElse("default");
    }

    private static void strategic(List<Built> objects, IacNode patch, IacNode.Mapping target) {
        if (!(patch instanceof IacNode.Mapping mapping)) {
            return;
        }
        String kind = mapping.text("kind").orElse("");
        String name = mapping.first("metadata.name").filter(IacNode.Scalar.class::isInstance)
                .map(n -> ((IacNode.Scalar) n).text()).orElse("");
        for (int i = 0; i < objects.size(); i++) {
            Built object = objects.get(i);
            if (matches(object, target, kind, name)) {
                IacNode.Mapping relined = (IacNode.Mapping) ManifestEdits.relined(mapping, 0);
                Map<String, IacNode> withoutIdentity = new java.util.LinkedHashMap<>(relined.entries());
                withoutIdentity.remove("apiVersion");
                withoutIdentity.remove("kind");
                relined.mapping("metadata").ifPresent(metadata -> {
                    Map<String, IacNode> rest = new java.util.LinkedHashMap<>(metadata.entries());
                    rest.remove("name");
                    rest.remove("namespace");
                    withoutIdentity.put("metadata", new IacNode.Mapping(rest, 0));
                });
                objects.set(i, object.with(ManifestEdits.merge(object.body(),
                        new IacNode.Mapping(withoutIdentity, 0))));
            }
        }
    }

    private static void json6902(List<Built> objects, IacNode.Sequence operations, IacNode.Mapping target) {
        if (target == null) {
            return;
        }
        for (int i = 0; i < objects.size(); i++) {
            Built object = objects.get(i);
            if (!matches(object, target, null, null)) {
                continue;
            }
            IacNode.Mapping body = object.body();
            for (IacNode operation : operations.items()) {
                if (operation instanceof IacNode.Mapping op) {
                    IacNode value = op.get("value").map(v -> ManifestEdits.relined(v, 0))
                            .orElse(IacNode.Scalar.string("", 0));
                    body = ManifestEdits.applyJsonPatch(body, op.text("op").orElse(""), op.text("path").orElse(""),
                            value);
                }
            }
            objects.set(i, object.with(body));
        }
    }

    private static List<Built> transform(IacNode.Mapping kustomization, List<Built> objects) {
        Optional<String> namespace = kustomization.text("namespace");
        String prefix = kustomization.text("namePrefix").orElse("");
        String suffix = kustomization.text("nameSuffix").orElse("");
        Optional<IacNode.Mapping> labels = kustomization.mapping("commonLabels");
        Optional<IacNode.Mapping> annotations = kustomization.mapping("commonAnnotations");
        List<IacNode.Mapping> images = kustomization.mappings("images");
        List<Built> result = new ArrayList<>();
        for (Built object : objects) {
            IacNode.Mapping body = object.body();
            if (namespace.isPresent() && !CLUSTER_SCOPED.contains(object.kind())) {
                body = ManifestEdits.set(body, "metadata.namespace", IacNode.Scalar.string(namespace.get(), 0));
            }
            if (!prefix.isEmpty() || !suffix.isEmpty()) {
                body = ManifestEdits.set(body, "metadata.name",
                        IacNode.Scalar.string(prefix + object.name() + suffix, 0));
            }
            if (labels.isPresent()) {
                body = withEntries(body, "metadata.labels", labels.get());
                if (body.first("spec.template.metadata").isPresent()) {
                    body = withEntries(body, "spec.template.metadata.labels", labels.get());
                }
            }
            if (annotations.isPresent()) {
                body = withEntries(body, "metadata.annotations", annotations.get());
            }
            if (!images.isEmpty()) {
                body = withImages(body, images);
            }
            result.add(object.with(body));
        }
        return result;
    }

    private static IacNode.Mapping withEntries(IacNode.Mapping body, String path, IacNode.Mapping added) {
        IacNode.Mapping current = body.first(path).filter(IacNode.Mapping.class::isInstance)
                .map(IacNode.Mapping.class::cast).orElse(IacNode.Mapping.empty(0));
        return ManifestEdits.set(body, path, ManifestEdits.merge(current,
                (IacNode.Mapping) ManifestEdits.relined(added, 0)));
    }

    private static IacNode.Mapping withImages(IacNode.Mapping body, List<IacNode.Mapping> images) {
        return (IacNode.Mapping) rewriteImages(body, images, 0);
    }

    private static IacNode rewriteImages(IacNode node, List<IacNode.Mapping> images, int depth) {
        if (depth > 12) {
            return node;
        }
        if (node instanceof IacNode.Mapping mapping) {
            Map<String, IacNode> entries = new java.util.LinkedHashMap<>();
            mapping.entries().forEach((key, value) -> {
                if (key.equals("image") && value instanceof IacNode.Scalar image && mapping.has("name")) {
                    entries.put(key, rewrite(image, images));
                } else {
                    entries.put(key, rewriteImages(value, images, depth + 1));
                }
            });
            return new IacNode.Mapping(entries, mapping.line());
        }
        if (node instanceof IacNode.Sequence sequence) {
            List<IacNode> items = new ArrayList<>();
            sequence.items().forEach(i -> items.add(rewriteImages(i, images, depth + 1)));
            return new IacNode.Sequence(items, sequence.line());
        }
        return node;
    }

    private static IacNode.Scalar rewrite(IacNode.Scalar image, List<IacNode.Mapping> images) {
        String text = image.text();
        String name = text;
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        for (IacNode.Mapping rule : images) {
            if (rule.text("name").map(name::equals).orElse(false)) {
                String newName = rule.text("newName").orElse(name);
                String tag = text.substring(Math.min(text.length(), name.length()));
                if (rule.text("digest").isPresent()) {
                    tag = "@" + rule.text("digest").get();
                } else if (rule.text("newTag").isPresent()) {
                    tag = ":" + rule.text("newTag").get();
                }
                return IacNode.Scalar.string(newName + tag, image.line());
            }
        }
        return image;
    }

    /** The directory of a path ({@code ""} for the root). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** {@code reference} resolved against {@code dir}, or {@code null} when it leaves the scanned tree. */
    static String normalize(String dir, String reference) {
        if (reference.startsWith("/")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : ((dir.isEmpty() ? "" : dir + "/") + reference).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
