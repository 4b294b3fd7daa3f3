package io.jenkins.plugins.devsecops.scan;

import java.io.FileInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One regular file found by the walk, read at most once and shared by every stage that looks at it.
 * Thread-safe.
 */
public final class SourceFile {

    private static final int BINARY_PROBE_BYTES = 8000;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The largest file read whole: 256 MiB, or an eighth of the heap when that is less. A larger file (possible
     * only with a raised size limit) is refused with {@link TooLargeException}, never read into memory.
     */
    public static final long MAX_READ_BYTES = Math.min(256L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);

    /** Thrown by {@link #bytes()} for a file larger than {@link #MAX_READ_BYTES}: the message names the file. */
    public static final class TooLargeException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message, new IOException(message));
        }
    }

    private final Path absolutePath;
    private final String path;
    private final long size;
    private volatile byte[] content;
    private volatile String text;
    private volatile LineIndex lines;

    /**
     * @param absolutePath where the file is on disk
     * @param path its path relative to the scan root, {@code /}-separated
     * @param size its size in bytes as the walk saw it
     */
    public SourceFile(Path absolutePath, String path, long size) {
        this.absolutePath = absolutePath;
        this.path = path;
        this.size = size;
    }

    /** A file whose content is already in memory (for content that is not on disk, e.g. a git blob). */
    public static SourceFile ofContent(String path, byte[] content) {
        SourceFile file = new SourceFile(null, path, content.length);
        file.content = content;
        return file;
    }

    /** Where the file is on disk, or {@code null} for in-memory content. */
    public Path absolutePath() {
        return absolutePath;
    }

    /** The path relative to the scan root, {@code /}-separated. */
    public String path() {
        return path;
    }

    /** The file name, the last segment of {@link #path()}. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public long size() {
        return size;
    }

    /**
     * The raw bytes, read from disk on first use.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public byte[] bytes() {
        byte[] result = content;
        if (result == null) {
            synchronized (this) {
                result = content;
                if (result == null) {
                    try {
                        result = readCapped();
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
                    }
                    content = result;
                }
            }
        }
        return result;
    }

    /**
     * Reads the file, at most {@link #MAX_READ_BYTES} of it: a file that grew or lies about its size is refused. The
     * size the walk saw is the first guess, so that most files take one open, one read to fill the array, one read to
     * see the end and one close: no status call, no seek, no growing buffer.
     */
    private byte[] readCapped() throws IOException {
        if (size > MAX_READ_BYTES) {
            throw tooLarge();
        }
        try (FileInputStream in = new FileInputStream(absolutePath.toFile())) {
            byte[] read = new byte[(int) size];
            int filled = in.readNBytes(read, 0, read.length);
            if (filled < read.length) {
                return Arrays.copyOf(read, filled); // the file shrank since the walk saw it
            }
            int more = in.read();
            if (more < 0) {
                return read;
            }
            // the file grew: the rest, up to the cap
            byte[] rest = in.readNBytes((int) Math.max(0, MAX_READ_BYTES - read.length - 1));
            if (in.read() >= 0) {
                throw tooLarge();
            }
            byte[] all = Arrays.copyOf(read, read.length + 1 + rest.length);
            all[read.length] = (byte) more;
            System.arraycopy(rest, 0, all, read.length + 1, rest.length);
            return all;
        }
    }

    private TooLargeException tooLarge() {
        return new TooLargeException(path + " is larger than " + MAX_READ_BYTES + " bytes, the most a file is read"
                + " into memory; it was not scanned");
    }

    /** Whether the file looks binary: a NUL byte among its first 8,000 bytes, as git decides. */
    public boolean isBinary() {
        byte[] data = bytes();
        int end = Math.min(data.length, BINARY_PROBE_BYTES);
        int i = 0;
        // Eight bytes at a time: a word holds a zero byte when (w - 0x01..01) & ~w & 0x80..80 is not zero.
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) LONGS.get(data, i);
            if (((word - 0x0101010101010101L) & ~word & 0x8080808080808080L) != 0) {
                return true;
            }
        }
        for (; i < end; i++) {
            if (data[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The content decoded as UTF-8, malformed bytes replaced. */
    public String text() {
        String result = text;
        if (result == null) {
            result = new String(bytes(), StandardCharsets.UTF_8);
            text = result;
        }
        return result;
    }

    /** Line and column lookups over {@link #text()}. */
    public LineIndex lines() {
        LineIndex result = lines;
        if (result == null) {
            result = new LineIndex(text());
            lines = result;
        }
        return result;
    }

    /** Frees the content once every stage is done with the file. */
    void release() {
        if (absolutePath != null) {
            content = null;
            text = null;
            lines = null;
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
