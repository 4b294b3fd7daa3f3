package io.jenkins.plugins.devsecops.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A directory the tool writes its own files into (reports, history, suppressions), verified to be a real directory:
 * inside the scanned tree no directory on the way to it may be a symbolic link. Files are never written through a
 * link: new content goes to a temporary file with a random name created exclusively ({@code CREATE_NEW}), then moved
 * over the target atomically; appends open the target with {@code NOFOLLOW_LINKS} after checking it is a regular
 * file. A target that is a link, a FIFO, a device or a directory is refused with a message saying so.
 */
public final class SafeDirectory {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final String displayName;

    private SafeDirectory(Path directory, String displayName) {
        this.directory = directory;
        this.displayName = displayName;
    }

    /** What to write into a file. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Creates (when missing) and verifies {@code directory}.
     *
     * @param tree the scanned tree: below its root every directory on the way is created or checked one by one and
     *     must not be a symbolic link; outside it the path is the user's choice and links there are followed
     * @throws UnsafePathException when a link or a non-directory is on the way
     * @throws IOException when the directory cannot be created
     */
    public static SafeDirectory create(Path directory, TreeFiles tree) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        String name = tree == null ? directory.toString() : tree.displayName(absolute);
        Optional<Path> relative = tree == null ? Optional.empty() : tree.inside(absolute);
        if (relative.isPresent()) {
            absolute = tree.root().resolve(relative.get());
            Path current = tree.root();
            for (Path part : relative.get()) {
                if (part.toString().isEmpty()) {
                    continue;
                }
                current = current.resolve(part);
                Optional<BasicFileAttributes> attributes = RegularFiles.attributes(current);
                if (attributes.isEmpty()) {
                    Files.createDirectory(current);
                } else if (!attributes.get().isDirectory()) {
                    throw new UnsafePathException(tree.displayName(current) + " is " + RegularFiles.kind(attributes.get())
                            + ", not a directory: refusing to write " + name + " through it");
                }
            }
        } else {
            if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
                throw new UnsafePathException(name + " exists and is not a directory");
            }
            Files.createDirectories(absolute);
        }
        return new SafeDirectory(absolute, name);
    }

    public Path path() {
        return directory;
    }

    /** The directory as the user named it, for messages. */
    public String displayName() {
        return displayName;
    }

    /** A file in this directory; {@code name} is a plain file name. */
    public Path resolve(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("Not a plain file name: " + name);
        }
        return directory.resolve(name);
    }

    /**
     * Checks that files can be created here, by creating and deleting an empty temporary file.
     *
     * @throws IOException saying why not (read-only directory, permission denied)
     */
    public void requireWritable() throws IOException {
        Path probe;
        try {
            probe = createTemporary("write-check");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(displayName, null, "the directory is not writable");
        } catch (FileSystemException e) {
            throw new FileSystemException(displayName, null, "the directory is not writable: "
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()));
        }
        Files.deleteIfExists(probe);
    }

    /**
     * Checks that the directory belongs to the user running the tool (compared with the owner of a file created in
     * it), so that a history planted by someone else in a shared location is not trusted.
     *
     * @throws UnsafePathException naming the owner otherwise
     */
    public void requireOwnedByCurrentUser() throws IOException {
        Path probe = createTemporary("owner-check");
        try {
            UserPrincipal self = Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal owner = Files.getOwner(directory);
            if (!self.equals(owner)) {
                throw new UnsafePathException(displayName + " belongs to " + owner.getName()
                        + ", not to the user running the scan (" + self.getName() + ")");
            }
        } catch (UnsupportedOperationException e) {
            // No owners on this file system: nothing to compare.
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Whether a regular file of this name is here; refuses a link, FIFO, device or directory of that name. */
    public boolean hasFile(String name) throws IOException {
        return RegularFiles.requireRegularIfPresent(resolve(name), displayName + "/" + name);
    }

    /** Opens a regular file of this directory for reading; never follows a link, never opens a FIFO. */
    public InputStream open(String name) throws IOException {
        return RegularFiles.open(resolve(name), displayName + "/" + name);
    }

    /**
     * Replaces (or creates) {@code name} atomically with {@code content}.
     *
     * @throws UnsafePathException when {@code name} exists and is not a regular file
     */
    public Path write(String name, Content content) throws IOException {
        Path target = resolve(name);
        requireReplaceable(target, name);
        Path temporary = temporaryName(name);
        boolean moved = false;
        try {
            // buffered: the writers' own buffers (a JSON generator's 8 KB) would each be a system call
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), 1 << 16)) {
                content.write(out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
        return target;
    }

    /** Replaces (or creates) {@code name} with UTF-8 {@code text}. */
    public Path writeString(String name, String text) throws IOException {
        return write(name, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Appends {@code text} to {@code name} (created when missing), never through a link.
     *
     * @throws UnsafePathException when {@code name} exists and is not a regular file
     */
    public void append(String name, String text) throws IOException {
        Path target = resolve(name);
        requireReplaceable(target, name);
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Moves a damaged file out of the way: {@code name} becomes {@code name.corrupt-<time>}, which is returned.
     */
    public Path setAside(String name) throws IOException {
        Path target = resolve(name);
        String stamp = Instant.now().toString().replace(':', '-');
        Path aside = resolve(name + ".corrupt-" + stamp);
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }

    private void requireReplaceable(Path target, String name) throws IOException {
        Optional<BasicFileAttributes> attributes = RegularFiles.attributes(target);
        if (attributes.isPresent() && !attributes.get().isRegularFile()) {
            throw new UnsafePathException(displayName + "/" + name + " is " + RegularFiles.kind(attributes.get())
                    + ", not a regular file: refusing to write it");
        }
    }

    private Path temporaryName(String name) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return resolve("." + name + "." + HexFormat.of().formatHex(random) + ".tmp");
    }

    private Path createTemporary(String name) throws IOException {
        Path temporary = temporaryName(name);
        Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS).close();
        return temporary;
    }
}
