package io.jenkins.plugins.devsecops.iac.kubernetes;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Edits of Kubernetes object trees, as kustomize makes them: strategic merge patches (maps merged, lists of named
 * items merged by {@code name}, {@code null} deleting a key), JSON 6902 operations ({@code add}, {@code replace},
 * {@code remove}) and setting a value at a path. Trees are immutable: every edit returns a new tree.
 */
final class ManifestEdits {

    private ManifestEdits() {
    }

    /** {@code patch} merged into {@code base} the strategic-merge way. */
    static IacNode.Mapping merge(IacNode.Mapping base, IacNode.Mapping patch) {
        Map<String, IacNode> entries = new LinkedHashMap<>(base.entries());
        for (Map.Entry<String, IacNode> entry : patch.entries().entrySet()) {
            String key = entry.getKey();
            IacNode value = entry.getValue();
            if (key.startsWith("$")) {
                continue;
            }
            IacNode current = entries.get(key);
            if (value instanceof IacNode.Scalar scalar && scalar.kind() == IacNode.ScalarKind.NULL) {
                entries.remove(key);
            } else if (current instanceof IacNode.Mapping currentMapping && value instanceof IacNode.Mapping mapping) {
                entries.put(key, merge(currentMapping, mapping));
            } else if (current instanceof IacNode.Sequence currentList && value instanceof IacNode.Sequence list
                    && isNamedList(currentList) && isNamedList(list)) {
                entries.put(key, mergeNamed(currentList, list));
            } else {
                entries.put(key, value);
            }
        }
        return new IacNode.Mapping(entries, base.line());
    }

    private static boolean isNamedList(IacNode.Sequence list) {
        return !list.items().isEmpty() && list.items().stream()
                .allMatch(i -> i instanceof IacNode.Mapping m && m.scalar("name").isPresent());
    }

    private static IacNode.Sequence mergeNamed(IacNode.Sequence base, IacNode.Sequence patch) {
        List<IacNode> items = new ArrayList<>(base.items());
        for (IacNode patchItem : patch.items()) {
            IacNode.Mapping patchMapping = (IacNode.Mapping) patchItem;
            String name = patchMapping.text("name").orElse("");
            boolean merged = false;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof IacNode.Mapping item && name.equals(item.text("name").orElse(null))) {
                    items.set(i, patchMapping.has("$patch") && patchMapping.text("$patch").orElse("").equals("delete")
                            ? null : merge(item, patchMapping));
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                items.add(patchMapping);
            }
        }
        items.removeIf(java.util.Objects::isNull);
        return new IacNode.Sequence(items, base.line());
    }

    /**
     * One JSON 6902 operation on {@code root}.
     *
     * @param op {@code add}, {@code replace} or {@code remove} ({@code test}, {@code move}, {@code copy} are ignored)
     * @param pointer a JSON pointer such as {@code /spec/template/spec/containers/0/image}
     * @return the edited tree, or {@code root} unchanged when the path does not exist
     */
    static IacNode.Mapping applyJsonPatch(IacNode.Mapping root, String op, String pointer, IacNode value) {
        if (!pointer.startsWith("/") || !(op.equals("add") || op.equals("replace") || op.equals("remove"))) {
            return root;
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return edit(root, segments, 0, op, value).filter(IacNode.Mapping.class::isInstance)
                .map(IacNode.Mapping.class::cast).orElse(root);
    }

    private static Optional<IacNode> edit(IacNode node, List<String> segments, int index, String op, IacNode value) {
        String segment = segments.get(index);
        boolean last = index == segments.size() - 1;
        if (node instanceof IacNode.Mapping mapping) {
            Map<String, IacNode> entries = new LinkedHashMap<>(mapping.entries());
            if (last) {
                if (op.equals("remove")) {
                    entries.remove(segment);
                } else {
                    entries.put(segment, value);
                }
                return Optional.of(new IacNode.Mapping(entries, mapping.line()));
            }
            IacNode child = entries.get(segment);
            if (child == null) {
                if (!op.equals("add")) {
                    return Optional.empty();
                }
                child = IacNode.Mapping.empty(0);
            }
            Optional<IacNode> edited = edit(child, segments, index + 1, op, value);
            edited.ifPresent(e -> entries.put(segment, e));
            return edited.map(e -> new IacNode.Mapping(entries, mapping.line()));
        }
        if (node instanceof IacNode.Sequence sequence) {
            List<IacNode> items = new ArrayList<>(sequence.items());
            int position;
            if (segment.equals("-")) {
                position = items.size();
            } else {
                try {
                    position = Integer.parseInt(segment);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            if (position < 0 || position > items.size() || position == items.size() && !(last && op.equals("add"))) {
                return Optional.empty();
            }
            if (last) {
                switch (op) {
                    case "add" -> items.add(position, value);
                    case "replace" -> items.set(position, value);
                    default -> items.remove(position);
                }
                return Optional.of(new IacNode.Sequence(items, sequence.line()));
            }
            Optional<IacNode> edited = edit(items.get(position), segments, index + 1, op, value);
            edited.ifPresent(e -> items.set(position, e));
            return edited.map(e -> new IacNode.Sequence(items, sequence.line()));
        }
        return Optional.empty();
    }

    /** {@code root} with the scalar at the dotted {@code path} (mappings only) set, creating mappings on the way. */
    static IacNode.Mapping set(IacNode.Mapping root, String path, IacNode value) {
        String[] keys = path.split("\\.");
        return setAt(root, keys, 0, value);
    }

    private static IacNode.Mapping setAt(IacNode.Mapping mapping, String[] keys, int index, IacNode value) {
        Map<String, IacNode> entries = new LinkedHashMap<>(mapping.entries());
        if (index == keys.length - 1) {
            entries.put(keys[index], value);
        } else {
            IacNode child = entries.get(keys[index]);
            IacNode.Mapping childMapping = child instanceof IacNode.Mapping m ? m : IacNode.Mapping.empty(0);
            entries.put(keys[index], setAt(childMapping, keys, index + 1, value));
        }
        return new IacNode.Mapping(entries, mapping.line());
    }

    /** The tree with every line set to {@code line}: values written by a patch point at their object instead. */
    static IacNode relined(IacNode node, int line) {
        return relined(node, old -> line);
    }

    /** The tree with every line replaced by {@code lines} applied to it. */
    static IacNode relined(IacNode node, java.util.function.IntUnaryOperator lines) {
        int line = lines.applyAsInt(node.line());
        if (node instanceof IacNode.Mapping mapping) {
            Map<String, IacNode> entries = new LinkedHashMap<>();
            mapping.entries().forEach((k, v) -> entries.put(k, relined(v, lines)));
            return new IacNode.Mapping(entries, line);
        }
        if (node instanceof IacNode.Sequence sequence) {
            List<IacNode> items = new ArrayList<>();
            sequence.items().forEach(i -> items.add(relined(i, lines)));
            return new IacNode.Sequence(items, line);
        }
        return node.atLine(line);
    }
}
