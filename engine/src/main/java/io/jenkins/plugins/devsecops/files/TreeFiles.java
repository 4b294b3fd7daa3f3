package io.jenkins.plugins.devsecops.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The one guarded reader of configuration files that lie in the scanned tree ({@code devsecops-policy.yaml},
 * {@code .devsecops/suppressions.yaml}, {@code .devsecops/iac-rules/*.yaml}, {@code .devsecops/rules/*.yaml}...):
 * such a file is read only when it and every directory between the root and it are real (no symbolic link), and it
 * is a regular file (no FIFO, no device). A file outside the root was named by the user and is only required to be
 * a regular file. Refusals name the file and the reason, never its content.
 */
public final class TreeFiles {

    private final Path root;
    private final Path realRoot;

    /** @param root the scanned root; only links below it are refused */
    public TreeFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    public Path root() {
        return root;
    }

    /**
     * {@code path} relative to the root when it lies at or below it, written either through the root as given or
     * through the root's canonical path (a root given through a link, an output directory given relative to the
     * physical working directory); empty when it lies outside.
     */
    public Optional<Path> inside(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(root)) {
            return Optional.of(root.relativize(absolute));
        }
        if (absolute.startsWith(realRoot)) {
            return Optional.of(realRoot.relativize(absolute));
        }
        return Optional.empty();
    }

    /** Whether {@code path} lies at or below the root (see {@link #inside}). */
    public boolean contains(Path path) {
        return inside(path).isPresent();
    }

    /** {@code path} relative to the root with {@code /} separators, or the path itself when outside. */
    public String displayName(Path path) {
        Optional<Path> relative = inside(path);
        return relative.isPresent() && !relative.get().toString().isEmpty()
                ? relative.get().toString().replace(path.getFileSystem().getSeparator(), "/")
                : path.toString();
    }

    /**
     * Checks that no directory between the root and {@code path} (and not {@code path} itself) is a symbolic link.
     * Paths outside the root are not checked.
     *
     * @throws UnsafePathException naming the first link
     */
    public void requireNoLinks(Path path) throws IOException {
        Optional<Path> relative = inside(path);
        if (relative.isEmpty() || relative.get().toString().isEmpty()) {
            return;
        }
        Path current = root;
        for (Path part : relative.get()) {
            current = current.resolve(part);
            Optional<BasicFileAttributes> attributes = RegularFiles.attributes(current);
            if (attributes.isEmpty()) {
                return;
            }
            if (attributes.get().isSymbolicLink()) {
                throw new UnsafePathException(displayName(current) + " is a symbolic link: files in the scanned tree"
                        + " are never read or written through links");
            }
        }
    }

    /**
     * Whether a configuration file is present: {@code false} when nothing is there.
     *
     * @throws UnsafePathException when something is there that may not be read (link, FIFO, device, directory)
     */
    public boolean isPresent(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (contains(absolute)) {
            requireNoLinks(absolute);
            return RegularFiles.requireRegularIfPresent(absolute, displayName(absolute));
        }
        if (!Files.exists(absolute)) {
            return false;
        }
        if (!Files.isRegularFile(absolute)) {
            throw new UnsafePathException(displayName(file) + " is not a regular file: refusing to open it");
        }
        return true;
    }

    /** Opens a configuration file for reading under the rules above. */
    public InputStream open(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!isPresent(absolute)) {
            throw new java.nio.file.NoSuchFileException(displayName(file), null, "file not found");
        }
        return contains(absolute) ? RegularFiles.open(absolute, displayName(absolute)) : Files.newInputStream(absolute);
    }

    /** Reads a configuration file of at most {@code maxBytes} as UTF-8 text, under the rules above. */
    public String readText(Path file, int maxBytes) throws IOException {
        try (InputStream in = open(file)) {
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw new UnsafePathException(displayName(file) + " is larger than " + maxBytes + " bytes");
            }
            return new String(content, StandardCharsets.UTF_8);
        }
    }
}
