package io.jenkins.plugins.devsecops.files;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A private temporary file that keeps records out of the heap: readable and writable by this user only, unlinked as
 * soon as it is open (where the platform allows; else deleted when closed), and closed by {@link #close} or once its
 * owner is unreachable. It goes to {@code devsecops.spill.dir} when that system property is set, else to the JVM's
 * temporary directory. Whoever holds the spill file keeps it open: it is closed once nothing refers to it.
 *
 * <p>Reads and writes are positional and thread-safe. It is a {@link RandomAccessFile}, not a {@code FileChannel}: a
 * thread interrupted while it reads (a stage that ran out of time, an aborted build) must not close the file under
 * the other threads.
 */
public final class SpillFile implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    /** The open file and what to delete when it closes; the cleaner's action, so it must not refer to the owner. */
    private static final class Handle implements Runnable {
        private final RandomAccessFile file;
        private final Path leftOver;

        private Handle(RandomAccessFile file, Path leftOver) {
            this.file = file;
            this.leftOver = leftOver;
        }

        @Override
        public void run() {
            try {
                file.close();
                if (leftOver != null) {
                    Files.deleteIfExists(leftOver);
                }
            } catch (IOException ignored) {
                // nothing left to do with a temporary file
            }
        }
    }

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private long end;

    private SpillFile(Handle handle) {
        this.handle = handle;
        this.cleanable = CLEANER.register(this, handle);
    }

    /** Where spill files go: {@code devsecops.spill.dir} if set, else the JVM's temporary directory. */
    public static Path directory() {
        String configured = System.getProperty("devsecops.spill.dir");
        return Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.io.tmpdir"));
    }

    /**
     * A new, empty spill file.
     *
     * @param prefix the start of the file's name, e.g. {@code devsecops-findings-}
     */
    public static SpillFile create(String prefix) throws IOException {
        Path directory = directory();
        Path path;
        try {
            path = Files.createTempFile(directory, prefix, ".bin",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            path = Files.createTempFile(directory, prefix, ".bin");
        }
        RandomAccessFile file;
        try {
            file = new RandomAccessFile(path.toFile(), "rw");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        Path leftOver = null;
        try {
            Files.deleteIfExists(path);
        } catch (IOException notYet) {
            leftOver = path; // e.g. Windows: deleted when closed
        }
        return new SpillFile(new Handle(file, leftOver));
    }

    /** Appends the bytes after everything appended so far; returns where they start. */
    public long append(byte[] bytes) throws IOException {
        return append(bytes, 0, bytes.length);
    }

    /** Appends {@code length} bytes of {@code source} from {@code from}; returns where they start. */
    public long append(byte[] source, int from, int length) throws IOException {
        synchronized (handle.file) {
            long offset = end;
            handle.file.seek(offset);
            handle.file.write(source, from, length);
            end += length;
            return offset;
        }
    }

    /** Writes {@code length} bytes of {@code source} from {@code from} at {@code position}. */
    public void write(byte[] source, int from, int length, long position) throws IOException {
        synchronized (handle.file) {
            handle.file.seek(position);
            handle.file.write(source, from, length);
            end = Math.max(end, position + length);
        }
    }

    /** Reads {@code length} bytes at {@code position} into {@code target} from {@code from}. */
    public void readFully(byte[] target, int from, int length, long position) throws IOException {
        synchronized (handle.file) {
            handle.file.seek(position);
            handle.file.readFully(target, from, length);
        }
    }

    /** The {@code length} bytes at {@code position}. */
    public byte[] read(long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        readFully(bytes, 0, length, position);
        return bytes;
    }

    @Override
    public void close() {
        cleanable.clean();
    }
}
