package io.jenkins.plugins.devsecops.scan;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;

/**
 * One regular file found by the walk, read at most once and shared by every stage that looks at it.
 * Thread-safe.
 */
public final class SourceFile {

    private static final int BINARY_PROBE_BYTES = 8000;
    /**
     * A file larger than this has its first this many bytes read alone: enough for the binary check (which looks at
     * {@link #BINARY_PROBE_BYTES}), and most source files are smaller, read in one go.
     */
    static final int PROBE_READ_BYTES = 8192;
    /** Per reading thread: the first bytes of a file, checked for a NUL before the file is read on. */
    private static final ThreadLocal<byte[]> PROBE_BUFFERS = ThreadLocal.withInitial(() -> new byte[PROBE_READ_BYTES]);
    /** Per reading thread: the block a file is read through (a heap array would be copied through a new one). */
    private static final int READ_BLOCK_BYTES = 256 * 1024;
    private static final ThreadLocal<ByteBuffer> READ_BUFFERS =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(READ_BLOCK_BYTES));
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

    /**
     * The open directory a walked file was found in: the file is opened relative to it ({@code openat}), and lets go
     * of it once released.
     */
    interface Folder {
        /**
         * Opens the entry {@code name} of this directory for reading, never through a link; {@code null} when the
         * directory is closed already (then the file is opened by its path).
         */
        FileChannel openFile(Path name) throws IOException;

        /** Lets go of the directory, held for one file. */
        void release();
    }

    private static final Set<OpenOption> READ_NO_LINK = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final Path absolutePath;
    private final String path;
    private final long size;
    /** The directory the walk found the file in, held until {@link #release()}; {@code null} if none or released. */
    private Folder folder;
    /** The file's name in {@link #folder}. */
    private final Path name;
    private volatile byte[] content;
    private volatile String text;
    private volatile LineIndex lines;
    /** Whether the file is binary: 0 not known yet, else {@link #BINARY} or {@link #TEXT}. */
    private volatile byte binary;

    /**
     * @param absolutePath where the file is on disk
     * @param path its path relative to the scan root, {@code /}-separated
     * @param size its size in bytes as the walk saw it
     */
    public SourceFile(Path absolutePath, String path, long size) {
        this(absolutePath, path, size, null, null);
    }

    /**
     * A walked file, opened as {@code name} relative to {@code folder} (held until {@link #release()}) when that is
     * not null.
     */
    SourceFile(Path absolutePath, String path, long size, Folder folder, Path name) {
        this.absolutePath = absolutePath;
        this.path = path;
        this.size = size;
        this.folder = folder;
        this.name = name;
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
     * size the walk saw is the first guess, so that most files take three system calls: open, one read and close.
     * The read asks for one byte more than that size; on a regular file a read returns fewer bytes than asked only at
     * the end, so getting exactly the size seen means the whole file was read. A file that shrank since the walk is
     * cut, one that grew is read on up to the cap and refused beyond it. No status call (a {@link FileChannel}, unlike
     * {@code FileInputStream}, does not ask whether the path is a directory), no seek, no growing buffer.
     */
    private byte[] readCapped() throws IOException {
        return readCapped(false);
    }

    /**
     * {@link #readCapped()}, or, with {@code probe}, {@code null} when the file turns out binary: a file larger than
     * {@link #PROBE_READ_BYTES} is then read in two steps, its first {@link #PROBE_READ_BYTES} bytes alone, checked
     * for a NUL before the array for the whole file is even allocated, so that an image or an archive (half the bytes
     * of a typical source tree) costs one small read; a smaller file is one read as without a probe.
     */
    private byte[] readCapped(boolean probe) throws IOException {
        if (size > MAX_READ_BYTES) {
            throw tooLarge();
        }
        try (FileChannel channel = open()) {
            ByteBuffer chunk = READ_BUFFERS.get();
            byte[] read = null;
            int filled = 0;
            if (probe && size > PROBE_READ_BYTES) {
                chunk.clear().limit(PROBE_READ_BYTES);
                // a file system may return less than asked before the end: the probe reads on until it has them
                int n = 0;
                for (int got = 0; got >= 0 && n < PROBE_READ_BYTES; got = channel.read(chunk)) {
                    n += got;
                }
                byte[] head = PROBE_BUFFERS.get();
                chunk.flip().get(head, 0, n);
                if (holdsNul(head, Math.min(n, BINARY_PROBE_BYTES))) {
                    return null;
                }
                if (n < PROBE_READ_BYTES) {
                    return Arrays.copyOf(head, n); // the end already: the file shrank since the walk
                }
                read = new byte[(int) size];
                System.arraycopy(head, 0, read, 0, n);
                filled = n;
            } else {
                read = new byte[(int) size];
            }
            while (true) {
                // up to one byte past the expected end, to see the end (or growth) without a second read
                long wanted = Math.min(read.length - filled + 1L, MAX_READ_BYTES + 1 - filled);
                int asked = (int) Math.min(chunk.capacity(), wanted);
                chunk.clear().limit(asked);
                int n = channel.read(chunk);
                if (n < 0) {
                    return filled == read.length ? read : Arrays.copyOf(read, filled); // shrank since the walk
                }
                if (filled + n > MAX_READ_BYTES) {
                    throw tooLarge();
                }
                if (filled + n > read.length) {
                    // the file grew: room for the rest, up to the cap
                    read = Arrays.copyOf(read, (int) Math.min(MAX_READ_BYTES, Math.max(filled + n,
                            Math.min((long) read.length * 2, MAX_READ_BYTES))));
                }
                chunk.flip().get(read, filled, n);
                filled += n;
                if (n < asked && filled == size && n > 0) {
                    return read; // a short read at the size the walk saw: the end
                }
            }
        }
    }

    /**
     * Opens the file: relative to the directory the walk found it in when it still holds that directory open (the
     * kernel then looks up one name, not the whole path), else by its path; never through a link, so that a file the
     * walk saw as a regular file and that was replaced by a link since is not read through it.
     */
    private FileChannel open() throws IOException {
        Folder in;
        synchronized (this) {
            in = folder;
        }
        if (in != null) {
            FileChannel channel = in.openFile(name);
            if (channel != null) {
                return channel;
            }
        }
        return FileChannel.open(absolutePath, READ_NO_LINK);
    }

    private TooLargeException tooLarge() {
        return new TooLargeException(path + " is larger than " + MAX_READ_BYTES + " bytes, the most a file is read"
                + " into memory; it was not scanned");
    }

    /**
     * Whether the file looks binary: a NUL byte among its first 8,000 bytes, as git decides. The check is part of the
     * first read of a file on disk: a file larger than {@link #PROBE_READ_BYTES} has its first bytes read alone and
     * checked, and an image, archive or video is then known binary without being read whole (nor an array allocated
     * for it); its content is read only if a stage asks for it. A text file is read on into the same array, and its
     * content is kept for the stages.
     */
    public boolean isBinary() {
        byte known = binary;
        if (known != 0) {
            return known == BINARY;
        }
        boolean result;
        if (content == null && absolutePath != null && size <= MAX_READ_BYTES) {
            result = readUnlessBinary();
        } else {
            byte[] data = bytes();
            result = holdsNul(data, Math.min(data.length, BINARY_PROBE_BYTES));
        }
        binary = result ? BINARY : TEXT;
        return result;
    }

    private static final byte BINARY = 1;
    private static final byte TEXT = 2;

    /** Reads the file for {@link #isBinary()}: its content is kept unless it is binary. */
    private boolean readUnlessBinary() {
        synchronized (this) {
            byte[] result = content;
            if (result == null) {
                try {
                    result = readCapped(true);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
                }
                if (result == null) {
                    return true;
                }
                content = result;
                if (size > PROBE_READ_BYTES) {
                    return false; // its first bytes were probed, with no NUL among them
                }
            }
            return holdsNul(result, Math.min(result.length, BINARY_PROBE_BYTES));
        }
    }

    /** Whether {@code data[0, end)} holds a NUL byte. */
    private static boolean holdsNul(byte[] data, int end) {
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

    /**
     * The content as text when the caller has seen that every byte is ASCII (below 0x80): the same string as
     * {@link #text()} (UTF-8 decodes ASCII to itself), made by a copy instead of a decoder that checks every byte.
     * Must not be called for other content.
     */
    public String asciiText() {
        String result = text;
        if (result == null) {
            result = new String(bytes(), StandardCharsets.ISO_8859_1);
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

    /**
     * Frees the content once every stage is done with the file, and lets go of the directory it was found in (read
     * again after this, it is opened by its path).
     */
    void release() {
        if (absolutePath != null) {
            content = null;
            binary = 0;
            text = null;
            lines = null;
        }
        Folder held;
        synchronized (this) {
            held = folder;
            folder = null;
        }
        if (held != null) {
            held.release();
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
