package io.jenkins.plugins.devsecops.dependencies;

import io.jenkins.plugins.devsecops.files.SpillFile;
import io.jenkins.plugins.devsecops.files.SpillFileOnDemand;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The packages every lockfile of a scan gave, kept out of the heap until the stage's end: the packages of one file
 * are sorted by file and line and written as one run to a temporary file, and memory holds only where each run is
 * and its first package's file and line. {@link #forEachInOrder} reads them back merged, in the order of a stable
 * sort of all of them by file and line (equal ones in the order their runs were added, then within their run), one
 * run open at a time unless runs interleave. So the stage's memory follows the largest lockfile, not the number of
 * lockfiles in the tree.
 *
 * <p>The temporary file is readable by this user only and unlinked as soon as it is open (see {@link SpillFile}); if
 * it can't be made, the encoded runs stay in memory, still several times smaller than the packages. Thread-safe for
 * {@link #add}; read back once adding is over.
 */
final class SpooledPackages implements AutoCloseable {

    private static final String PREFIX = "devsecops-packages-";

    /** The order of packages: by file, then by line. */
    static final Comparator<LockedPackage> FILE_AND_LINE =
            Comparator.comparing(LockedPackage::file).thenComparingInt(LockedPackage::line);

    private static final Ecosystem[] ECOSYSTEMS = Ecosystem.values();

    /** One file's packages: where they are, how many, and the file and line of the first (the run's smallest). */
    private record Run(int sequence, long offset, int length, byte[] inMemory, int count, String firstFile,
            int firstLine) {
    }

    private final List<Run> runs = new ArrayList<>();
    private final SpillFileOnDemand storage = new SpillFileOnDemand(PREFIX);
    private long packages;

    /** Keeps one file's packages (any thread); an empty list keeps nothing. */
    void add(List<LockedPackage> filePackages) {
        if (filePackages.isEmpty()) {
            return;
        }
        List<LockedPackage> sorted = new ArrayList<>(filePackages);
        sorted.sort(FILE_AND_LINE);
        byte[] record = encode(sorted);
        LockedPackage first = sorted.get(0);
        synchronized (runs) {
            SpillFile open = storage.forWriting();
            long offset = -1;
            if (open != null) {
                try {
                    offset = open.append(record);
                } catch (IOException e) {
                    storage.writeFailed();
                }
            }
            runs.add(new Run(runs.size(), offset, record.length, offset < 0 ? record : null, sorted.size(),
                    first.file(), first.line()));
            packages += sorted.size();
        }
    }

    /** How many bytes of encoded packages are held in memory: none unless the temporary file could not be used. */
    long bytesInMemory() {
        synchronized (runs) {
            return runs.stream().mapToLong(run -> run.inMemory() == null ? 0 : run.inMemory().length).sum();
        }
    }

    /** How many packages were added. */
    long size() {
        synchronized (runs) {
            return packages;
        }
    }

    /**
     * Hands every package added to {@code action}, in the order {@link #FILE_AND_LINE} sorts them, stable: packages
     * that compare equal come in the order their runs were added, and within a run in the order they were given.
     */
    void forEachInOrder(Consumer<LockedPackage> action) {
        List<Run> byFirst;
        synchronized (runs) {
            byFirst = new ArrayList<>(runs);
        }
        byFirst.sort(Comparator.comparing(Run::firstFile).thenComparingInt(Run::firstLine)
                .thenComparingInt(Run::sequence));
        PriorityQueue<Cursor> open = new PriorityQueue<>();
        int next = 0;
        while (next < byFirst.size() || !open.isEmpty()) {
            if (next < byFirst.size()
                    && (open.isEmpty() || comesBefore(byFirst.get(next), open.peek()))) {
                Cursor cursor = new Cursor(byFirst.get(next++), this);
                open.add(cursor);
                continue;
            }
            Cursor smallest = open.poll();
            action.accept(smallest.current);
            if (smallest.advance()) {
                open.add(smallest);
            }
        }
    }

    /** Whether the first package of the unopened {@code run} comes before the current one of {@code cursor}. */
    private static boolean comesBefore(Run run, Cursor cursor) {
        int byFile = run.firstFile().compareTo(cursor.current.file());
        if (byFile != 0) {
            return byFile < 0;
        }
        int byLine = Integer.compare(run.firstLine(), cursor.current.line());
        return byLine != 0 ? byLine < 0 : run.sequence() < cursor.run.sequence();
    }

    private byte[] bytesOf(Run run) {
        if (run.inMemory() != null) {
            return run.inMemory();
        }
        try {
            return storage.forReading().read(run.offset(), run.length());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back the spooled packages of " + run.firstFile(), e);
        }
    }

    /** One run being read: its current package and what is left of it. */
    private static final class Cursor implements Comparable<Cursor> {
        private final Run run;
        private final DataInputStream in;
        private int left;
        private LockedPackage current;

        Cursor(Run run, SpooledPackages spool) {
            this.run = run;
            this.in = new DataInputStream(new ByteArrayInputStream(spool.bytesOf(run)));
            this.left = run.count();
            advance();
        }

        /** Moves to the next package of the run; false when there is none. */
        boolean advance() {
            if (left == 0) {
                current = null;
                return false;
            }
            left--;
            try {
                current = decode(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Damaged spooled packages of " + run.firstFile(), e);
            }
            return true;
        }

        @Override
        public int compareTo(Cursor other) {
            int order = FILE_AND_LINE.compare(current, other.current);
            return order != 0 ? order : Integer.compare(run.sequence(), other.run.sequence());
        }
    }

    static byte[] encode(List<LockedPackage> packages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + packages.size() * 96);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            for (LockedPackage pkg : packages) {
                out.writeByte(pkg.ecosystem().ordinal());
                writeString(out, pkg.name());
                writeString(out, pkg.version());
                writeString(out, pkg.file());
                out.writeInt(pkg.line());
                out.writeByte(pkg.direct() == null ? 0 : pkg.direct() ? 2 : 1);
                writeStrings(out, pkg.dependencyPath());
                out.writeInt(pkg.hashes().size());
                for (Map.Entry<String, String> hash : pkg.hashes().entrySet()) {
                    writeString(out, hash.getKey());
                    writeString(out, hash.getValue());
                }
                writeStrings(out, pkg.dependsOn());
                writeString(out, pkg.scope());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static LockedPackage decode(DataInputStream in) throws IOException {
        Ecosystem ecosystem = ECOSYSTEMS[in.readUnsignedByte()];
        String name = readString(in);
        String version = readString(in);
        String file = readString(in);
        int line = in.readInt();
        int direct = in.readUnsignedByte();
        List<String> dependencyPath = readStrings(in);
        int hashCount = in.readInt();
        Map<String, String> hashes = hashCount == 0 ? Map.of() : new LinkedHashMap<>();
        for (int i = 0; i < hashCount; i++) {
            hashes.put(readString(in), readString(in));
        }
        List<String> dependsOn = readStrings(in);
        String scope = readString(in);
        return new LockedPackage(ecosystem, name, version, file, line, direct == 0 ? null : direct == 2,
                dependencyPath, hashes, dependsOn, scope);
    }

    /** Strings up to this many chars are written as modified UTF-8 (at most 3 bytes a char: within its 64 KiB). */
    private static final int SHORT_STRING = 65_535 / 3;

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else if (value.length() <= SHORT_STRING) {
            out.writeByte(1);
            out.writeUTF(value);
        } else {
            out.writeByte(2);
            out.writeInt(value.length());
            out.writeChars(value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return in.readUTF();
        }
        char[] chars = new char[in.readInt()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = in.readChar();
        }
        return new String(chars);
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count == 0) {
            return List.of();
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString(in));
        }
        return values;
    }

    @Override
    public void close() {
        storage.close();
    }
}
