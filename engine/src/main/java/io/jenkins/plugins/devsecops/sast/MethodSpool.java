package io.jenkins.plugins.devsecops.sast;

import io.jenkins.plugins.devsecops.files.SpillFile;
import io.jenkins.plugins.devsecops.files.SpillFileOnDemand;
import io.jenkins.plugins.devsecops.sast.ir.IrCodec;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.NameTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the analysed methods, kept out of the heap until the taint analysis asks for them. The analysis
 * needs every method's name, parameters and types at once (call resolution, summaries), but a method's statements
 * only while that method is analysed. So each method is kept as a <em>stub</em>, the {@link MethodIr} without its
 * body and local types, and its body and local types are written in {@link IrCodec} form to a temporary file, read
 * back by {@link #full} for each analysis and put together with the stub. Memory then holds a few hundred bytes per
 * method instead of its statement tree.
 *
 * <p>The temporary file is readable by this user only and unlinked as soon as it is open (where the platform allows;
 * else deleted when closed); it is closed by {@link #close} or once the spool is unreachable. If it can't be
 * created or written, the encoded bodies stay in memory (still several times smaller than the IR); a method whose IR
 * the codec cannot carry stays whole in memory.
 */
final class MethodSpool implements AutoCloseable {

    private static final String PREFIX = "devsecops-sast-";

    /**
     * Where each stub's body is, by the number the stub carries ({@link MethodIr#bodyIndex}): its offset in the file
     * and its length (-1: not kept, the stub's method stays whole), or (when the file failed) its bytes. Arrays by
     * number instead of a map from stubs to place records: 12 bytes per method (guarded by {@link #places}).
     */
    private long[] offsets = new long[1024];
    private int[] lengths = new int[1024];
    /** The bodies kept in memory because the file failed, by number; null until one is. */
    private byte[][] inMemory;
    /** How many numbers were given. */
    private int numbered;
    private final Object places = new Object();
    private final SpillFileOnDemand storage = new SpillFileOnDemand(PREFIX);
    /** The end of what was written to the file (guarded by {@link #places}). */
    private long written;

    /**
     * How much of the file one read takes. The analysis takes the methods in the order of their files, mostly the
     * order in which they were written, so one read serves the next methods too: a system call per window instead of
     * one per method.
     */
    static final int WINDOW_BYTES = 64 * 1024;
    /** The last windows read (guarded by {@link #windows}); a handful, so that two threads keep theirs. */
    private final Window[] windows = {new Window(), new Window(), new Window()};
    private long windowUses;

    /** A part of the file in memory. */
    private static final class Window {
        long start = -1;
        int length;
        long used;
        byte[] bytes;
    }

    /** The method without its body and local types: what stays in memory. */
    static MethodIr stub(MethodIr method) {
        return method.withBody(List.of(), Map.of());
    }

    /**
     * {@link #stub}, its names shared through the table, numbered for this spool: its body is then given to
     * {@link #put} (any thread).
     */
    MethodIr stubOf(MethodIr method, NameTable names) {
        int number;
        synchronized (places) {
            number = numbered++;
            if (number == offsets.length) {
                offsets = Arrays.copyOf(offsets, number * 2);
                lengths = Arrays.copyOf(lengths, number * 2);
                if (inMemory != null) {
                    inMemory = Arrays.copyOf(inMemory, number * 2);
                }
            }
            lengths[number] = -1;
        }
        return method.stub(names, number);
    }

    /**
     * Keeps the whole IR of each method, to be read back for its stub (any thread). {@code stubs.get(i)} is
     * {@link #stubOf} of {@code methods.get(i)}. Returns false for a method whose IR the codec cannot carry: the
     * caller keeps that method whole instead of its stub.
     */
    boolean[] put(List<MethodIr> methods, List<MethodIr> stubs) {
        boolean[] kept = new boolean[methods.size()];
        int[] lengths = new int[methods.size()];
        IrCodec.BodyWriter writer = new IrCodec.BodyWriter();
        for (int i = 0; i < methods.size(); i++) {
            lengths[i] = writer.add(methods.get(i));
            kept[i] = lengths[i] >= 0;
        }
        int total = writer.size();
        byte[] all = writer.bytes();
        long base = -1;
        SpillFile open = storage.forWriting();
        if (open != null && total > 0) {
            try {
                base = open.append(all, 0, total);
            } catch (IOException e) {
                storage.writeFailed();
            }
        }
        synchronized (places) {
            int at = 0;
            for (int i = 0; i < methods.size(); i++) {
                int number = stubs.get(i).bodyIndex();
                if (number < 0 || number >= numbered) {
                    throw new IllegalArgumentException("not a stub numbered by this spool: " + stubs.get(i).id());
                }
                if (lengths[i] >= 0) {
                    if (base < 0) {
                        if (inMemory == null) {
                            inMemory = new byte[offsets.length][];
                        }
                        inMemory[number] = Arrays.copyOfRange(all, at, at + lengths[i]);
                    }
                    this.offsets[number] = base < 0 ? 0 : base + at;
                    this.lengths[number] = lengths[i];
                    at += lengths[i];
                }
            }
            if (base >= 0) {
                written = Math.max(written, base + total);
            }
        }
        return kept;
    }

    /** The whole IR of a method given as its stub (or the method itself when it was kept whole). */
    MethodIr full(MethodIr method) {
        int number = method.bodyIndex();
        long offset;
        int length;
        byte[] bytes;
        synchronized (places) {
            if (number < 0 || number >= numbered || lengths[number] < 0) {
                return method;
            }
            offset = offsets[number];
            length = lengths[number];
            bytes = inMemory == null ? null : inMemory[number];
        }
        if (bytes == null) {
            try {
                bytes = read(offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the IR of " + method.id() + " back from the temporary file",
                        e);
            }
        }
        return IrCodec.decodeBody(bytes, 0, bytes.length, method);
    }

    /** The bytes at {@code offset}, from a window already read when one holds them, else from a new window. */
    private byte[] read(long offset, int length) throws IOException {
        if (length > WINDOW_BYTES) {
            return storage.forReading().read(offset, length);
        }
        long end;
        synchronized (places) {
            end = written;
        }
        synchronized (windows) {
            Window oldest = windows[0];
            for (Window window : windows) {
                if (window.start >= 0 && offset >= window.start && offset + length <= window.start + window.length) {
                    window.used = ++windowUses;
                    int from = (int) (offset - window.start);
                    return Arrays.copyOfRange(window.bytes, from, from + length);
                }
                if (window.used < oldest.used) {
                    oldest = window;
                }
            }
            int size = (int) Math.max(length, Math.min(WINDOW_BYTES, end - offset));
            if (oldest.bytes == null) {
                oldest.bytes = new byte[WINDOW_BYTES];
            }
            oldest.start = -1;
            storage.forReading().readFully(oldest.bytes, 0, size, offset);
            oldest.start = offset;
            oldest.length = size;
            oldest.used = ++windowUses;
            return Arrays.copyOf(oldest.bytes, length);
        }
    }

    @Override
    public void close() {
        storage.close();
        synchronized (places) {
            offsets = new long[0];
            lengths = new int[0];
            inMemory = null;
            numbered = 0;
        }
        synchronized (windows) {
            for (Window window : windows) {
                window.start = -1;
                window.bytes = null;
            }
        }
    }
}
