package io.jenkins.plugins.devsecops.images.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The image's file system as a container runtime would see it, built in memory from the layers' entries (no file
 * is written): each layer's opaque directories and whiteouts hide what the layers below put there, then its entries
 * are laid on top. Paths are resolved through symbolic and hard links inside the image only: an absolute target
 * starts at the image root and {@code ..} stops at it, so no link can lead anywhere else; link chains are capped.
 */
public final class MergedFilesystem {

    /** Symbolic links followed while resolving one path, at most (as Linux's MAXSYMLINKS). */
    static final int MAX_LINKS = 40;

    /** A file of the merged view and the layer (0-based) that put it there. */
    public record Node(LayerEntry entry, int layer) {
    }

    private final NavigableMap<String, Node> nodes = new TreeMap<>();

    /** Lays {@code contents} (the layer at {@code index}) on top. */
    public void apply(int index, LayerContents contents) {
        for (String directory : contents.opaqueDirectories()) {
            removeBelow(directory, index);
        }
        for (String path : contents.whiteouts()) {
            removeOwn(path, index);
            removeBelow(path, index);
        }
        for (LayerEntry entry : contents.entries()) {
            Node existing = nodes.get(entry.path());
            if (existing != null && existing.entry().type() == LayerEntry.Type.DIRECTORY
                    && entry.type() != LayerEntry.Type.DIRECTORY) {
                removeBelow(entry.path(), Integer.MAX_VALUE);
            }
            if (entry.type() == LayerEntry.Type.DIRECTORY && existing != null
                    && existing.entry().type() == LayerEntry.Type.DIRECTORY) {
                continue; // a directory again: its content stays, the lower one is as good
            }
            nodes.put(entry.path(), new Node(entry, index));
        }
    }

    private void removeOwn(String path, int index) {
        Node node = nodes.get(path);
        if (node != null && node.layer() < index) {
            nodes.remove(path);
        }
    }

    /** Removes what layers below {@code index} put under {@code directory} (the whole image for the root). */
    private void removeBelow(String directory, int index) {
        Map<String, Node> below = directory.isEmpty() ? nodes : nodes.subMap(directory + "/", true, directory + "0", false);
        below.values().removeIf(node -> node.layer() < index);
    }

    /** The number of entries in the merged view. */
    public int size() {
        return nodes.size();
    }

    /** The node at {@code path} (normalized, no leading slash) following links, if any. */
    public Optional<Node> resolve(String path) {
        String resolved = resolvePath(path);
        if (resolved == null) {
            return Optional.empty();
        }
        Node node = nodes.get(resolved);
        for (int hops = 0; node != null && node.entry().type() == LayerEntry.Type.HARDLINK; hops++) {
            if (hops >= MAX_LINKS) {
                return Optional.empty();
            }
            node = nodes.get(node.entry().linkTarget());
        }
        return Optional.ofNullable(node);
    }

    /** The content of the regular file at {@code path} following links, when it was kept. */
    public Optional<byte[]> content(String path) {
        return resolve(path).filter(n -> n.entry().type() == LayerEntry.Type.FILE).map(n -> n.entry().content());
    }

    /**
     * The real path of {@code path}: every symbolic link on the way replaced by its target inside the image, or
     * {@code null} when the links loop or are too many.
     */
    String resolvePath(String path) {
        List<String> done = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(path.split("/")));
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.remove(0);
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            done.add(part);
            Node node = nodes.get(String.join("/", done));
            if (node != null && node.entry().type() == LayerEntry.Type.SYMLINK) {
                if (++links > MAX_LINKS) {
                    return null;
                }
                done.remove(done.size() - 1);
                String target = node.entry().linkTarget();
                if (target.startsWith("/")) {
                    done.clear();
                }
                todo.addAll(0, List.of(target.split("/")));
            }
        }
        return String.join("/", done);
    }

    /** Every file of the merged view (regular files and hard links) whose path {@code accept}s, in path order. */
    public List<Node> files(Predicate<String> accept) {
        List<Node> result = new ArrayList<>();
        for (Node node : nodes.values()) {
            LayerEntry.Type type = node.entry().type();
            if ((type == LayerEntry.Type.FILE || type == LayerEntry.Type.HARDLINK) && accept.test(node.entry().path())) {
                result.add(node);
            }
        }
        return result;
    }

    /** The files directly or indirectly under {@code directory} (a real path), in path order. */
    public List<Node> under(String directory) {
        return new ArrayList<>(nodes.subMap(directory + "/", true, directory + "0", false).values());
    }
}
