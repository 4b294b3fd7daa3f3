package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.files.SpillFile;
import io.jenkins.plugins.devsecops.files.SpillFileOnDemand;
import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.terraform.HclBlock;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parsed IaC files whose checks wait for the end of the walk (Terraform modules and Kubernetes objects look
 * across files), kept out of the heap: each file's text and parsed documents are written as one {@link IacNodeCodec}
 * record to a temporary file, and memory holds only the path and the record's place. The files are read back one
 * unit at a time when they are checked, so the stage's memory follows the largest unit, not the tree.
 *
 * <p>The temporary file is readable by this user only and unlinked as soon as it is open (where the platform allows;
 * else deleted when closed); it is closed by {@link #close} or once the spool is unreachable. If it can't be created
 * the records stay in memory, still far smaller than the parsed trees.
 */
final class IacSpool implements AutoCloseable {

    private static final String PREFIX = "devsecops-iac-";

    /** One spooled file: its text (null when findings in it carry no line text) and what its parser gave. */
    record Entry(String text, List<IacNode> documents, List<HclBlock> blocks) {
    }

    private record Place(long offset, int length) {
    }

    private final Map<String, Place> places = new ConcurrentHashMap<>();
    private final Map<String, byte[]> inMemory = new ConcurrentHashMap<>();
    private final SpillFileOnDemand storage = new SpillFileOnDemand(PREFIX);

    /** Keeps the text and documents of the file at {@code path} (any thread). */
    void putDocuments(String path, String text, List<IacNode> documents) {
        put(path, text, documents, null);
    }

    /** Keeps the text and Terraform blocks of the file at {@code path} (any thread). */
    void putBlocks(String path, String text, List<HclBlock> blocks) {
        put(path, text, null, blocks);
    }

    private void put(String path, String text, List<IacNode> documents, List<HclBlock> blocks) {
        byte[] record;
        try {
            RecordBytes bytes = new RecordBytes(text == null ? 256 : text.length() + 256);
            DataOutputStream out = new DataOutputStream(bytes);
            IacNodeCodec.writeString(out, text);
            out.writeBoolean(blocks != null);
            if (blocks != null) {
                IacNodeCodec.writeBlocks(out, blocks);
            } else {
                IacNodeCodec.writeNodes(out, documents);
            }
            out.flush();
            record = bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        SpillFile open = storage.forWriting();
        if (open != null) {
            try {
                places.put(path, new Place(open.append(record), record.length));
                inMemory.remove(path);
                return;
            } catch (IOException e) {
                storage.writeFailed();
            }
        }
        places.remove(path);
        inMemory.put(path, record);
    }

    /** Whether a file was kept under {@code path}. */
    boolean contains(String path) {
        return places.containsKey(path) || inMemory.containsKey(path);
    }

    /** The file kept under {@code path}, read back, or null. */
    Entry get(String path) {
        byte[] record = record(path);
        if (record == null) {
            return null;
        }
        try {
            DataInputStream in = new DataInputStream(new RecordInput(record));
            String text = IacNodeCodec.readString(in);
            if (in.readBoolean()) {
                return new Entry(text, null, IacNodeCodec.readBlocks(in));
            }
            return new Entry(text, IacNodeCodec.readNodes(in), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Damaged IaC spool record of " + path, e);
        }
    }

    /**
     * The text kept with the file under {@code path} (null when none was kept, or no file): its parsed documents are
     * not decoded.
     */
    String text(String path) {
        byte[] record = record(path);
        if (record == null) {
            return null;
        }
        try {
            return IacNodeCodec.readString(new DataInputStream(new RecordInput(record)));
        } catch (IOException e) {
            throw new UncheckedIOException("Damaged IaC spool record of " + path, e);
        }
    }

    private byte[] record(String path) {
        byte[] record = inMemory.get(path);
        if (record == null) {
            Place place = places.get(path);
            if (place == null) {
                return null;
            }
            try {
                record = storage.forReading().read(place.offset(), place.length());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read IaC documents back from the temporary file", e);
            }
        }
        return record;
    }

    /**
     * The bytes of one record as they are written: a {@link ByteArrayOutputStream} without its locks, which a record
     * (a few writes per node, one thread) took once per write.
     */
    private static final class RecordBytes extends ByteArrayOutputStream {
        RecordBytes(int size) {
            super(size);
        }

        @Override
        public void write(int b) {
            if (count == buf.length) {
                grow(1);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len > buf.length - count) {
                grow(len);
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void grow(int more) {
            long needed = (long) count + more;
            if (needed > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("IaC spool record too large");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L,
                    2L * buf.length)));
        }
    }

    /** A record read back: a {@link java.io.ByteArrayInputStream} without its locks. */
    private static final class RecordInput extends InputStream {
        private final byte[] record;
        private int position;

        RecordInput(byte[] record) {
            this.record = record;
        }

        @Override
        public int read() {
            return position < record.length ? record[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (position >= record.length) {
                return -1;
            }
            int n = Math.min(len, record.length - position);
            System.arraycopy(record, position, b, off, n);
            position += n;
            return n;
        }
    }

    @Override
    public void close() {
        storage.close();
        places.clear();
        inMemory.clear();
    }
}
