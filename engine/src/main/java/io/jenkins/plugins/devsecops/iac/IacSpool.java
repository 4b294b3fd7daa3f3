package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.terraform.HclBlock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    private static final Cleaner CLEANER = Cleaner.create();

    /** One spooled file: its text (null when findings in it carry no line text) and what its parser gave. */
    record Entry(String text, List<IacNode> documents, List<HclBlock> blocks) {
    }

    private record Place(long offset, int length) {
    }

    /** The open file; closed by {@link IacSpool#close} or the cleaner. */
    private static final class Storage implements Runnable {
        private final RandomAccessFile file;
        private final Path leftOver;
        private long end;

        Storage(RandomAccessFile file, Path leftOver) {
            this.file = file;
            this.leftOver = leftOver;
        }

        static Storage create() throws IOException {
            Path path = Files.createTempFile(directory(), "devsecops-iac-", ".bin");
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
                leftOver = path;
            }
            return new Storage(file, leftOver);
        }

        synchronized long append(byte[] record) throws IOException {
            long offset = end;
            file.seek(offset);
            file.write(record);
            end += record.length;
            return offset;
        }

        synchronized byte[] read(long offset, int length) throws IOException {
            byte[] record = new byte[length];
            file.seek(offset);
            file.readFully(record);
            return record;
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

    /** Where the file goes: {@code devsecops.spill.dir} if set (as for findings), else the temporary directory. */
    private static Path directory() {
        String configured = System.getProperty("devsecops.spill.dir");
        return Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.io.tmpdir"));
    }

    private final Map<String, Place> places = new ConcurrentHashMap<>();
    private final Map<String, byte[]> inMemory = new ConcurrentHashMap<>();
    private volatile Storage storage;
    private volatile boolean storageFailed;
    private Cleaner.Cleanable cleanable;

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
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(text == null ? 256 : text.length() + 256);
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
        Storage open = storage();
        if (open != null) {
            try {
                places.put(path, new Place(open.append(record), record.length));
                inMemory.remove(path);
                return;
            } catch (IOException e) {
                storageFailed = true;
            }
        }
        places.remove(path);
        inMemory.put(path, record);
    }

    private Storage storage() {
        if (storage == null && !storageFailed) {
            synchronized (this) {
                if (storage == null && !storageFailed) {
                    try {
                        Storage created = Storage.create();
                        cleanable = CLEANER.register(this, created);
                        storage = created;
                    } catch (IOException | RuntimeException e) {
                        storageFailed = true;
                    }
                }
            }
        }
        return storageFailed ? null : storage;
    }

    /** Whether a file was kept under {@code path}. */
    boolean contains(String path) {
        return places.containsKey(path) || inMemory.containsKey(path);
    }

    /** The file kept under {@code path}, read back, or null. */
    Entry get(String path) {
        byte[] record = inMemory.get(path);
        if (record == null) {
            Place place = places.get(path);
            if (place == null) {
                return null;
            }
            try {
                record = storage.read(place.offset(), place.length());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read IaC documents back from the temporary file", e);
            }
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
            String text = IacNodeCodec.readString(in);
            if (in.readBoolean()) {
                return new Entry(text, null, IacNodeCodec.readBlocks(in));
            }
            return new Entry(text, IacNodeCodec.readNodes(in), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Damaged IaC spool record of " + path, e);
        }
    }

    @Override
    public void close() {
        Cleaner.Cleanable open = cleanable;
        if (open != null) {
            open.clean();
        }
        places.clear();
        inMemory.clear();
    }
}
