package io.jenkins.plugins.devsecops.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;

/**
 * Opens the tool's own files (configuration, history, reports) only when they are regular files, checked without
 * following a symbolic link before anything is opened: a FIFO or a device is refused instead of blocking forever, a
 * link is refused instead of read through.
 */
public final class RegularFiles {

    private RegularFiles() {
    }

    /** What lies at {@code path}, without following a final symbolic link; empty when nothing does. */
    public static Optional<BasicFileAttributes> attributes(Path path) throws IOException {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** A short name for what a non-regular file is: "a symbolic link", "a directory", "a FIFO or device". */
    public static String kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (attributes.isDirectory()) {
            return "a directory";
        }
        return attributes.isRegularFile() ? "a regular file" : "a FIFO, socket or device";
    }

    /**
     * Whether {@code path} is a regular file; {@code false} when nothing is there.
     *
     * @throws UnsafePathException when something other than a regular file is there
     */
    public static boolean requireRegularIfPresent(Path path, String displayName) throws IOException {
        Optional<BasicFileAttributes> attributes = attributes(path);
        if (attributes.isEmpty()) {
            return false;
        }
        if (!attributes.get().isRegularFile()) {
            throw new UnsafePathException(displayName + " is " + kind(attributes.get())
                    + ", not a regular file: refusing to open it");
        }
        return true;
    }

    /**
     * Opens a regular file for reading, refusing anything else and never following a final symbolic link.
     *
     * @throws UnsafePathException when {@code path} is not a regular file
     * @throws NoSuchFileException when nothing is there
     */
    public static InputStream open(Path path, String displayName) throws IOException {
        if (!requireRegularIfPresent(path, displayName)) {
            throw new NoSuchFileException(displayName);
        }
        return Channels.newInputStream(Files.newByteChannel(path,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)));
    }

    /**
     * Reads at most {@code maxBytes} of a regular file.
     *
     * @throws UnsafePathException when it is not a regular file or is larger than {@code maxBytes}
     */
    public static byte[] read(Path path, String displayName, int maxBytes) throws IOException {
        try (InputStream in = open(path, displayName)) {
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw new UnsafePathException(displayName + " is larger than " + maxBytes + " bytes");
            }
            return content;
        }
    }
}
