package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.scan.LineIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One file a {@link LockfileParser} reads: its path relative to the scan root, its content, and where it is on disk
 * (to read a sibling manifest such as {@code package.json}, or an included requirements file).
 */
public final class Lockfile {

    /** Siblings and included files larger than this are not read. */
    public static final long MAX_SIBLING_BYTES = 16L * 1024 * 1024;

    private final String path;
    private final byte[] bytes;
    private final Path absolutePath;
    private final Path root;
    private String text;
    private LineIndex lines;

    /**
     * @param path the path relative to the scan root, {@code /}-separated
     * @param bytes the content
     * @param absolutePath where it is on disk, or {@code null} for in-memory content
     * @param root the scan root, or {@code null}; files outside it are never read
     */
    public Lockfile(String path, byte[] bytes, Path absolutePath, Path root) {
        this.path = path;
        this.bytes = bytes;
        this.absolutePath = absolutePath;
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    /** An in-memory file, for tests and nested content. */
    public static Lockfile of(String path, String text) {
        return new Lockfile(path, text.getBytes(StandardCharsets.UTF_8), null, null);
    }

    public String path() {
        return path;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The file name, the last segment of the path. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The content as UTF-8, a leading byte-order mark removed. */
    public String text() {
        if (text == null) {
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        }
        return text;
    }

    /**
     * The lines of {@link #text()}, as {@code text().split("\\r?\\n", -1)} gives them (a carriage return is part of the
     * line break only right before a newline; the empty line after a final newline is kept), without a regular
     * expression.
     */
    public String[] textLines() {
        return splitLines(text());
    }

    static String[] splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            lines.add(text.substring(start, end));
            start = newline + 1;
        }
        lines.add(text.substring(start));
        return lines.toArray(String[]::new);
    }

    public LineIndex lines() {
        if (lines == null) {
            lines = new LineIndex(text());
        }
        return lines;
    }

    /** The 1-based line of a character offset of {@link #text()}. */
    public int lineOf(int offset) {
        return offset < 0 ? 0 : lines().lineOf(offset);
    }

    /**
     * The content of the file {@code relative} to this one's directory, if it exists inside the scan root, is a
     * regular file (no symbolic link) and is not larger than {@link #MAX_SIBLING_BYTES}.
     */
    public Optional<Lockfile> sibling(String relative) {
        if (absolutePath == null || root == null) {
            return Optional.empty();
        }
        Path target = absolutePath.getParent().resolve(relative).toAbsolutePath().normalize();
        if (!target.startsWith(root) || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            // a symbolic link on the way (a linked directory) must not lead out of the scan root either
            if (!target.toRealPath().startsWith(root.toRealPath()) || Files.size(target) > MAX_SIBLING_BYTES) {
                return Optional.empty();
            }
            String relativePath = root.relativize(target).toString().replace('\\', '/');
            return Optional.of(new Lockfile(relativePath, Files.readAllBytes(target), target, root));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
