package io.jenkins.plugins.devsecops.model;

import io.jenkins.plugins.devsecops.files.SpillFile;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
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
    private static final int BLOCK = 32 * 1024;

    private final transient SpillFile storage;
    /** Start of each record, then the end of the last one. */
    private final transient long[] offsets;
    private final transient int size;
    private final transient Block shared = new Block();

    SpilledFindings(SpillFile storage, long[] offsets, int size) {
        this.storage = storage; // closed once this list, its only holder, is unreachable
        this.offsets = offsets;
        this.size = size;
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

    /**
     * Appends the record of finding {@code index} to {@code to} as it is stored, without decoding it: a finding
     * moved from one list to another (concatenated, sorted, filtered, left unchanged by a mapping) is not encoded
     * again.
     */
    void copyRecord(int index, Writer to) throws IOException {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        synchronized (shared) {
            shared.copy(index, to);
        }
    }

    /**
     * Finding {@code index} read on its own: only its record is read from the file, not a block around it, and no
     * reader's window moves (for scattered reads beside a reader going in order).
     */
    Finding readOne(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        byte[] record = new byte[Math.toIntExact(offsets[index + 1] - offsets[index])];
        readFully(storage, ByteBuffer.wrap(record), offsets[index]);
        return FindingCodec.decode(new FindingCodec.Input(record, 0));
    }

    /** The fingerprint of finding {@code index}, read from its record without decoding the rest. */
    String fingerprint(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        synchronized (shared) {
            return shared.fingerprint(index);
        }
    }

    /**
     * Appends the record of finding {@code index} to {@code to} with {@code properties} put into the finding's
     * (see {@link FindingCodec#withProperties}), without decoding the rest of it or encoding it again.
     */
    void copyRecordWithProperties(int index, Map<String, String> properties, Writer to) throws IOException {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        synchronized (shared) {
            shared.copyWithProperties(index, properties, to);
        }
    }

    /** Appends every record, in order, to {@code to} as stored (a block at a time, nothing decoded). */
    void copyAll(Writer to) throws IOException {
        Block block = new Block();
        for (int index = 0; index < size; index++) {
            block.copy(index, to);
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

    /**
     * A reader of its own for one pass over the list (rising indexes read block by block), beside any other reader:
     * findings decoded, heads read, records searched.
     */
    Block reader() {
        return new Block();
    }

    /** A window on the file, decoding records from it. Not thread-safe. */
    final class Block {
        private ByteBuffer buffer = ByteBuffer.allocate(0);
        private long start;
        private final FindingCodec.Input input = new FindingCodec.Input(new byte[0], 0);
        /** The finding read last (findings are immutable): a reader asking for it again gets it without decoding. */
        private int lastIndex = -1;
        private Finding last;

        Finding read(int index) {
            if (index == lastIndex) {
                return last;
            }
            int at = window(index);
            input.reset(buffer.array(), at);
            last = FindingCodec.decode(input);
            lastIndex = index;
            return last;
        }

        private FindingCodec.Output spliced;

        /** The head of finding {@code index}, read from its record without decoding the rest. */
        FindingHead head(int index) {
            int at = window(index);
            return FindingCodec.head(buffer.array(), at, input);
        }

        /** Whether any of {@code texts} may occur in the record of finding {@code index} (see {@link StoredTexts}). */
        boolean mayMention(int index, StoredTexts texts) {
            int at = window(index);
            return texts.mayOccurIn(buffer.array(), at, Math.toIntExact(offsets[index + 1] - offsets[index]));
        }

        String fingerprint(int index) {
            int at = window(index);
            return FindingCodec.fingerprint(buffer.array(), at, input);
        }

        void copyWithProperties(int index, Map<String, String> properties, Writer to) throws IOException {
            int at = window(index);
            if (spliced == null) {
                spliced = new FindingCodec.Output();
            }
            FindingCodec.withProperties(buffer.array(), at, Math.toIntExact(offsets[index + 1] - offsets[index]),
                    input, properties, spliced);
            to.addRecord(spliced.bytes(), 0, spliced.size());
        }

        void copy(int index, Writer to) throws IOException {
            int at = window(index);
            to.addRecord(buffer.array(), at, Math.toIntExact(offsets[index + 1] - offsets[index]));
        }

        /** Reads the block holding record {@code index} unless it is held already; gives where it starts in it. */
        private int window(int index) {
            long from = offsets[index];
            long to = offsets[index + 1];
            int length = Math.toIntExact(to - from);
            if (from < start || to > start + buffer.limit()) {
                long end = Math.min(offsets[size], from + Math.max(BLOCK, length));
                if (buffer.capacity() < end - from) {
                    buffer = ByteBuffer.allocate((int) Math.max(BLOCK, end - from));
                }
                buffer.clear().limit((int) (end - from));
                readFully(storage, buffer, from);
                buffer.flip();
                start = from;
            }
            return (int) (from - start);
        }
    }

    /** Writes records to a new spill file; {@link #finish} gives the list. Not thread-safe. */
    static final class Writer {
        private final SpillFile storage;
        private final FindingCodec.Output record = new FindingCodec.Output();
        private final ByteBuffer pending = ByteBuffer.allocate(64 * 1024);
        private long written;
        private long[] offsets = new long[1024];
        private int size;

        Writer() throws IOException {
            storage = SpillFile.create("devsecops-findings-");
        }

        int size() {
            return size;
        }

        /** Appends a finding. */
        void add(Finding finding) throws IOException {
            record.reset();
            FindingCodec.encode(finding, record);
            addRecord(record.bytes(), 0, record.size());
        }

        /** Appends a record as {@link FindingCodec#encode} wrote it. */
        void addRecord(byte[] bytes, int from, int length) throws IOException {
            if (size + 1 >= offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[size++] = written + pending.position();
            try {
                if (length > pending.remaining()) {
                    flush();
                }
                if (length > pending.capacity()) {
                    write(ByteBuffer.wrap(bytes, from, length));
                } else {
                    pending.put(bytes, from, length);
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
            storage.write(buffer.array(), buffer.arrayOffset() + buffer.position(), length, written);
            buffer.position(buffer.limit());
            written += length;
        }

        /** Everything written so far, read back (when the file can take no more). */
        java.util.List<Finding> readBack() {
            pending.flip();
            ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(written + pending.remaining()));
            all.limit((int) written);
            readFully(storage, all, 0);
            all.limit(all.capacity());
            all.put(pending);
            java.util.List<Finding> findings = new ArrayList<>(size);
            FindingCodec.Input input = new FindingCodec.Input(all.array(), 0);
            for (int i = 0; i < size; i++) {
                findings.add(FindingCodec.decode(input));
            }
            storage.close();
            return findings;
        }

        SpilledFindings finish() throws IOException {
            flush();
            offsets[size] = written;
            return new SpilledFindings(storage, java.util.Arrays.copyOf(offsets, size + 1), size);
        }

        void discard() {
            storage.close();
        }
    }

    /** Fills the buffer's remaining bytes from the file at {@code position}. */
    private static void readFully(SpillFile file, ByteBuffer buffer, long position) {
        try {
            file.readFully(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining(), position);
            buffer.position(buffer.limit());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read findings back from the temporary file", e);
        }
    }
}
