package io.jenkins.plugins.devsecops.sast;

import io.jenkins.plugins.devsecops.sast.ir.IrCodec;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the analysed methods, kept out of the heap until the taint analysis asks for them. The analysis
 * needs every method's name, parameters and types at once (call resolution, summaries), but a method's statements
 * only while that method is analysed. So each method is kept as a <em>stub</em>, the {@link MethodIr} without its
 * body and local types, and its whole IR is written in {@link IrCodec} form to a temporary file, read back by
 * {@link #full} for each analysis. Memory then holds a few hundred bytes per method instead of its statement tree.
 *
 * <p>The temporary file is readable by this user only and unlinked as soon as it is open (where the platform allows;
 * else deleted when closed); it is closed by {@link #close} or once the spool is unreachable. If it can't be
 * created or written, the encoded bodies stay in memory (still several times smaller than the IR); a method whose IR
 * the codec cannot carry stays whole in memory.
 */
final class MethodSpool implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    /** Where one method's IR is: in the file, or (when the file failed) in memory. */
    private record Place(long offset, int length, byte[] bytes) {
    }

    /** The open file; closed by {@link MethodSpool#close} or the cleaner. */
    private static final class Storage implements Runnable {
        private final FileChannel channel;
        private final Path leftOver;
        private long end;

        private Storage(FileChannel channel, Path leftOver) {
            this.channel = channel;
            this.leftOver = leftOver;
        }

        static Storage create() throws IOException {
            Path directory = directory();
            Path path;
            try {
                path = Files.createTempFile(directory, "devsecops-sast-", ".bin",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                path = Files.createTempFile(directory, "devsecops-sast-", ".bin");
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
            return new Storage(channel, leftOver);
        }

        /** Appends the bytes; returns where they start. */
        synchronized long append(byte[] bytes) throws IOException {
            long offset = end;
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long at = offset;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            end += bytes.length;
            return offset;
        }

        byte[] read(long offset, int length) throws IOException {
            byte[] bytes = new byte[length];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long at = offset;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, at);
                if (read < 0) {
                    throw new IOException("the SAST spool file ends early");
                }
                at += read;
            }
            return bytes;
        }

        @Override
        public void run() {
            try {
                channel.close();
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

    /** Each stub's place, by identity: two stubs may be equal (overloads declared on one line). */
    private final Map<MethodIr, Place> places = new IdentityHashMap<>();
    private volatile Storage storage;
    private volatile boolean storageFailed;
    private Cleaner.Cleanable cleanable;

    /** The method without its body and local types: what stays in memory. */
    static MethodIr stub(MethodIr method) {
        return new MethodIr(method.id(), method.owner(), method.name(), method.parameters(),
                method.parameterTypes(), method.parameterAnnotations(), method.annotations(), method.isStatic(),
                List.of(), method.path(), method.line(), method.returnType(), method.suppressed(), Map.of());
    }

    /**
     * Keeps the whole IR of each method, to be read back for its stub (any thread). {@code stubs.get(i)} is
     * {@link #stub} of {@code methods.get(i)}. Returns false for a method whose IR the codec cannot carry: the
     * caller keeps that method whole instead of its stub.
     */
    boolean[] put(List<MethodIr> methods, List<MethodIr> stubs) {
        boolean[] kept = new boolean[methods.size()];
        byte[][] encoded = new byte[methods.size()][];
        int total = 0;
        for (int i = 0; i < methods.size(); i++) {
            try {
                encoded[i] = IrCodec.encode(methods.get(i));
                total += encoded[i].length;
                kept[i] = true;
            } catch (IllegalArgumentException cannot) {
                encoded[i] = null;
            }
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] bytes : encoded) {
            if (bytes != null) {
                System.arraycopy(bytes, 0, all, at, bytes.length);
                at += bytes.length;
            }
        }
        long base = -1;
        Storage open = storage();
        if (open != null && total > 0) {
            try {
                base = open.append(all);
            } catch (IOException e) {
                storageFailed = true;
            }
        }
        synchronized (places) {
            long offset = base;
            for (int i = 0; i < methods.size(); i++) {
                if (encoded[i] != null) {
                    places.put(stubs.get(i), base < 0 ? new Place(0, encoded[i].length, encoded[i])
                            : new Place(offset, encoded[i].length, null));
                    offset += encoded[i].length;
                }
            }
        }
        return kept;
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

    /** The whole IR of a method given as its stub (or the method itself when it was kept whole). */
    MethodIr full(MethodIr method) {
        Place place;
        synchronized (places) {
            place = places.get(method);
        }
        if (place == null) {
            return method;
        }
        byte[] bytes = place.bytes();
        if (bytes == null) {
            try {
                bytes = storage.read(place.offset(), place.length());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the IR of " + method.id() + " back from the temporary file",
                        e);
            }
        }
        return (MethodIr) IrCodec.decode(bytes);
    }

    @Override
    public void close() {
        Cleaner.Cleanable open = cleanable;
        if (open != null) {
            open.clean();
        }
        synchronized (places) {
            places.clear();
        }
    }
}
