package io.jenkins.plugins.devsecops.model;

import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.Spliterators;

/**
 * An immutable list of findings kept in a temporary file of {@link FindingCodec} records: memory holds one offset per
 * finding and one read block, whatever the findings weigh. Read in order (iteration, streams, or {@code get} with
 * rising indexes) it decodes block by block; random access reads one record. The file is unlinked as soon as it is
 * open (where the platform allows, else deleted on close) and closed once the list is unreachable.
 * Serialized as an ordinary list (it never crosses a channel as a file).
 */
final class SpilledFindings extends AbstractList<Finding> implements RandomAccess, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int BLOCK = 32 * 1024;

    /** Where spill files go: {@code devsecops.spill.dir} if set, else the JVM's temporary directory. */
    static Path directory() {
        String configured = System.getProperty("devsecops.spill.dir");
        return Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.io.tmpdir"));
    }

    /**
     * The open file behind one list; closed by the cleaner. A {@link RandomAccessFile}, not a {@code FileChannel}: an
     * interrupted thread (a stage that ran out of time, an aborted build) must not close it under the others.
     */
    static final class Storage implements Runnable {
        private final RandomAccessFile file;
        private final Path leftOver;

        private Storage(RandomAccessFile file, Path leftOver) {
            this.file = file;
            this.leftOver = leftOver;
        }

        /** A new, empty spill file, readable and writable by this user only, already unlinked where possible. */
        static Storage create() throws IOException {
            Path path = Files.createTempFile(directory(), "devsecops-findings-", ".bin");
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
            return new Storage(file, leftOver);
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

        void readFully(ByteBuffer buffer, long position) {
            try {
                synchronized (file) {
                    file.seek(position);
                    file.readFully(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                }
                buffer.position(buffer.limit());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read findings back from the temporary file", e);
            }
        }

        void write(ByteBuffer buffer, long position) throws IOException {
            synchronized (file) {
                file.seek(position);
                file.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            }
            buffer.position(buffer.limit());
        }
    }

    private final transient Storage storage;
    /** Start of each record, then the end of the last one. */
    private final transient long[] offsets;
    private final transient int size;
    private final transient Block shared = new Block();

    SpilledFindings(Storage storage, long[] offsets, int size) {
        this.storage = storage;
        this.offsets = offsets;
        this.size = size;
        CLEANER.register(this, storage);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Finding get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        synchronized (shared) {
            return shared.read(index);
        }
    }

    @Override
    public Iterator<Finding> iterator() {
        return new Iterator<>() {
            private final Block block = new Block();
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Finding next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return block.read(next++);
            }
        };
    }

    @Override
    public Spliterator<Finding> spliterator() {
        return Spliterators.spliterator(iterator(), size,
                Spliterator.ORDERED | Spliterator.SIZED | Spliterator.IMMUTABLE | Spliterator.NONNULL);
    }

    /** Serialized as an ordinary list. */
    private Object writeReplace() throws ObjectStreamException {
        return new ArrayList<>(this);
    }

    /** A window on the file, decoding records from it. */
    private final class Block {
        private ByteBuffer buffer = ByteBuffer.allocate(0);
        private long start;
        private final FindingCodec.Input input = new FindingCodec.Input(new byte[0], 0);

        Finding read(int index) {
            long from = offsets[index];
            long to = offsets[index + 1];
            int length = Math.toIntExact(to - from);
            if (from < start || to > start + buffer.limit()) {
                long end = Math.min(offsets[size], from + Math.max(BLOCK, length));
                if (buffer.capacity() < end - from) {
                    buffer = ByteBuffer.allocate((int) Math.max(BLOCK, end - from));
                }
                buffer.clear().limit((int) (end - from));
                storage.readFully(buffer, from);
                buffer.flip();
                start = from;
            }
            input.reset(buffer.array(), (int) (from - start));
            return FindingCodec.decode(input);
        }
    }

    /** Writes records to a new spill file; {@link #finish} gives the list. Not thread-safe. */
    static final class Writer {
        private final Storage storage;
        private final FindingCodec.Output record = new FindingCodec.Output();
        private final ByteBuffer pending = ByteBuffer.allocate(64 * 1024);
        private long written;
        private long[] offsets = new long[1024];
        private int size;

        Writer() throws IOException {
            storage = Storage.create();
        }

        int size() {
            return size;
        }

        /** Appends a finding. */
        void add(Finding finding) throws IOException {
            record.reset();
            FindingCodec.encode(finding, record);
            if (size + 1 >= offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[size++] = written + pending.position();
            try {
                if (record.size() > pending.remaining()) {
                    flush();
                }
                if (record.size() > pending.capacity()) {
                    write(ByteBuffer.wrap(record.bytes(), 0, record.size()));
                } else {
                    pending.put(record.bytes(), 0, record.size());
                }
            } catch (IOException e) {
                size--;
                throw e;
            }
        }

        private void flush() throws IOException {
            pending.flip();
            try {
                write(pending);
            } finally {
                pending.compact();
            }
        }

        private void write(ByteBuffer buffer) throws IOException {
            int length = buffer.remaining();
            storage.write(buffer, written);
            written += length;
        }

        /** Everything written so far, read back (when the file can take no more). */
        java.util.List<Finding> readBack() {
            pending.flip();
            ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(written + pending.remaining()));
            all.limit((int) written);
            storage.readFully(all, 0);
            all.limit(all.capacity());
            all.put(pending);
            java.util.List<Finding> findings = new ArrayList<>(size);
            FindingCodec.Input input = new FindingCodec.Input(all.array(), 0);
            for (int i = 0; i < size; i++) {
                findings.add(FindingCodec.decode(input));
            }
            storage.run();
            return findings;
        }

        SpilledFindings finish() throws IOException {
            flush();
            offsets[size] = written;
            return new SpilledFindings(storage, java.util.Arrays.copyOf(offsets, size + 1), size);
        }

        void discard() {
            storage.run();
        }
    }
}
