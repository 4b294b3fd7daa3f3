package io.jenkins.plugins.devsecops.images.layer;

/**
 * One entry of a layer: its path inside the image ({@code /}-separated, no leading slash), what it is, the target
 * of a link, and its content when the analysis asked to keep it.
 *
 * @param path the normalized path, e.g. {@code var/lib/dpkg/status}
 * @param type what the entry is
 * @param linkTarget the target of a symbolic link as written, or of a hard link as a normalized path; else
 *     {@code null}
 * @param size the size in bytes of a regular file
 * @param content the content, kept only for files the inventory reads; else {@code null}
 * @param extract what a {@link FileProbe} kept of a file whose content is not kept (e.g. a Go binary's build
 *     information), else {@code null}
 */
public record LayerEntry(String path, Type type, String linkTarget, long size, byte[] content, byte[] extract) {

    /** An entry without an extract. */
    public LayerEntry(String path, Type type, String linkTarget, long size, byte[] content) {
        this(path, type, linkTarget, size, content, null);
    }

    /** The kinds of entries. */
    public enum Type {
        FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER
    }
}
