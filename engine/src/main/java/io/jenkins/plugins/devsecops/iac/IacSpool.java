package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.files.SpillFile;
import io.jenkins.plugins.devsecops.files.SpillFileOnDemand;
import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.terraform.HclBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        put(path, text, null, documents, null);
    }

    /**
     * Keeps the documents of the file at {@code path} with its text given as the UTF-8 bytes it was decoded from
     * ({@code new String(utf8Text, UTF_8)}, as {@link io.jenkins.plugins.devsecops.scan.SourceFile#text()} decodes
     * them): they are copied, not encoded again.
     */
    void putDocumentsWithUtf8Text(String path, byte[] utf8Text, List<IacNode> documents) {
        put(path, null, utf8Text, documents, null);
    }

    /** Keeps the text and Terraform blocks of the file at {@code path} (any thread). */
    void putBlocks(String path, String text, List<HclBlock> blocks) {
        put(path, text, null, null, blocks);
    }

    /** Keeps the Terraform blocks of the file at {@code path} with its text as UTF-8 bytes (as above). */
    void putBlocksWithUtf8Text(String path, byte[] utf8Text, List<HclBlock> blocks) {
        put(path, null, utf8Text, null, blocks);
    }

    private void put(String path, String text, byte[] utf8Text, List<IacNode> documents, List<HclBlock> blocks) {
        IacNodeCodec.Output out = new IacNodeCodec.Output(
                (utf8Text != null ? utf8Text.length : text != null ? text.length() : 0) + 256);
        if (utf8Text != null) {
            IacNodeCodec.writeUtf8Text(out, utf8Text);
        } else {
            IacNodeCodec.writeString(out, text);
        }
        out.writeByte(blocks != null ? 1 : 0);
        if (blocks != null) {
            IacNodeCodec.writeBlocks(out, blocks);
        } else {
            IacNodeCodec.writeNodes(out, documents);
        }
        byte[] record = out.toByteArray();
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
        return read(path, true);
    }

    /** The file kept under {@code path}, read back without its text (null in the entry), or null. */
    Entry parsed(String path) {
        return read(path, false);
    }

    private Entry read(String path, boolean withText) {
        byte[] record = record(path);
        if (record == null) {
            return null;
        }
        try {
            IacNodeCodec.Input in = new IacNodeCodec.Input(record);
            String text = null;
            if (withText) {
                text = IacNodeCodec.readString(in);
            } else {
                IacNodeCodec.skipString(in);
            }
            if (in.readByte() != 0) {
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
            return IacNodeCodec.readString(new IacNodeCodec.Input(record));
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

    @Override
    public void close() {
        storage.close();
        places.clear();
        inMemory.clear();
    }
}
