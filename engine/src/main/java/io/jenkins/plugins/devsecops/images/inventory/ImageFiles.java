package io.jenkins.plugins.devsecops.images.inventory;

import io.jenkins.plugins.devsecops.images.layer.LayerContents;
import io.jenkins.plugins.devsecops.images.layer.LayerEntry;
import io.jenkins.plugins.devsecops.images.layer.MergedFilesystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An image's files for the inventory: the merged view, and each layer's own entries (to tell which layer added a
 * package to a database that several layers rewrite).
 */
public final class ImageFiles {

    private final MergedFilesystem merged = new MergedFilesystem();
    private final List<LayerContents> layers = new ArrayList<>();

    /** Lays the next layer on top. */
    public void add(LayerContents contents) {
        merged.apply(layers.size(), contents);
        layers.add(contents);
    }

    public MergedFilesystem merged() {
        return merged;
    }

    public List<LayerContents> layers() {
        return List.copyOf(layers);
    }

    /** The content each layer has at {@code path} (a real path), with the layer index, bottom first. */
    List<LayerCopy> copies(String path) {
        List<LayerCopy> copies = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (LayerEntry entry : layers.get(i).entries()) {
                if (entry.path().equals(path) && entry.content() != null) {
                    copies.add(new LayerCopy(i, entry.content()));
                }
            }
        }
        return copies;
    }

    /** One layer's copy of a file. */
    record LayerCopy(int layer, byte[] content) {
    }

    /**
     * Whether the inventory reads the file at {@code path}: OS release and package databases, and the manifests of
     * language packages. Only these files' contents are kept while layers are read.
     */
    public static boolean wanted(String path) {
        switch (path) {
            case "etc/os-release", "usr/lib/os-release", "var/lib/dpkg/status", "lib/apk/db/installed" -> {
                return true;
            }
            default -> {
            }
        }
        if (RpmDatabase.PATHS.contains(path)) {
            return true;
        }
        if (path.startsWith("var/lib/dpkg/status.d/")
                || path.startsWith("var/lib/dpkg/info/") && path.endsWith(".list")) {
            return true;
        }
        return LanguageInventory.wanted(path.toLowerCase(Locale.ROOT), path);
    }
}
