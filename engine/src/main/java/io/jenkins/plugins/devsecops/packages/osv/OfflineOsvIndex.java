package io.jenkins.plugins.devsecops.packages.osv;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.PackageKey;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An offline copy of OSV advisories (a directory of OSV JSON records, or zip exports such as osv.dev's per
 * ecosystem {@code all.zip}, or a directory of those zips), indexed once into a compact on-disk index keyed by
 * ecosystem and package name: {@code records.bin} holds each record's JSON once, {@code keys.bin} maps each
 * package to the records that name it, {@code manifest.properties} names the source state it was built from. The
 * index is reused while the source is unchanged (same files, sizes and modification times) and rebuilt otherwise.
 * Thread-safe once opened.
 */
public final class OfflineOsvIndex implements AdvisorySource {

    static final int FORMAT_VERSION = 2; // 2: distribution ecosystems indexed
    static final int MAX_RECORDS = 2_000_000;

    private final String kind;
    private final Path source;
    private final Path recordsFile;
    private final Map<String, long[]> keys;
    private final long recordCount;
    private final Instant newestModified;
    private final String detail;
    private final Map<Long, OsvRecord> parsed = new ConcurrentHashMap<>();

    private OfflineOsvIndex(String kind, Path source, Path indexDir, Map<String, long[]> keys, long recordCount,
            Instant newestModified, String detail) {
        this.kind = kind;
        this.source = source;
        this.recordsFile = indexDir.resolve("records.bin");
        this.keys = keys;
        this.recordCount = recordCount;
        this.newestModified = newestModified;
        this.detail = detail;
    }

    /**
     * Opens the index of {@code source} in {@code indexDir}, building it first when it is missing or stale.
     *
     * @throws IOException when the source does not exist or holds no readable record, or the index cannot be
     *     written
     */
    public static OfflineOsvIndex open(Path source, Path indexDir) throws IOException {
        if (!Files.exists(source)) {
            throw new IOException("OSV source " + source + " does not exist");
        }
        String kind = Files.isDirectory(source) ? "osv-directory" : "osv-zip";
        String fingerprint = fingerprint(source);
        // one sub-directory per source state: a scan never mixes the files of two builds, and concurrent scans of
        // the same state write identical files
        Path baseDir = indexDir;
        indexDir = baseDir.resolve(fingerprint.substring(0, 16));
        Files.createDirectories(indexDir);
        Properties manifest = readManifest(indexDir);
        String detail;
        if (manifest != null && fingerprint.equals(manifest.getProperty("sourceFingerprint"))
                && String.valueOf(FORMAT_VERSION).equals(manifest.getProperty("formatVersion"))
                && Files.isRegularFile(indexDir.resolve("keys.bin")) && Files.isRegularFile(indexDir.resolve("records.bin"))) {
            detail = "index reused (built " + manifest.getProperty("builtAt") + ")";
        } else {
            long start = System.nanoTime();
            manifest = build(source, indexDir, fingerprint);
            removeOtherStates(baseDir, indexDir);
            detail = "index built in " + (System.nanoTime() - start) / 1_000_000 + " ms";
            if (!manifest.getProperty("skippedRecords", "0").equals("0")) {
                detail += ", " + manifest.getProperty("skippedRecords") + " unreadable records skipped";
            }
        }
        Map<String, long[]> keys = readKeys(indexDir.resolve("keys.bin"));
        long count = Long.parseLong(manifest.getProperty("recordCount", "0"));
        if (count == 0) {
            throw new IOException("OSV source " + source + " holds no readable OSV record");
        }
        return new OfflineOsvIndex(kind, source, indexDir, keys, count,
                OsvRecordReader.instant(manifest.getProperty("newestModified")), detail);
    }

    /** The default index directory of {@code source}: under the system temporary directory, one per source. */
    public static Path defaultIndexDir(Path source) {
        return Path.of(System.getProperty("java.io.tmpdir"), "devsecops-osv-index",
                sha256(source.toAbsolutePath().normalize().toString()).substring(0, 16));
    }

    @Override
    public LookupResult lookup(Collection<PackageQuery> queries) throws IOException {
        Map<PackageQuery, List<OsvRecord>> result = new HashMap<>();
        try (FileChannel channel = FileChannel.open(recordsFile, StandardOpenOption.READ)) {
            for (PackageQuery query : queries) {
                long[] entries = keys.get(key(query.key()));
                if (entries == null) {
                    continue;
                }
                List<OsvRecord> records = new ArrayList<>(entries.length / 2);
                for (int i = 0; i < entries.length; i += 2) {
                    records.add(record(channel, entries[i], (int) entries[i + 1]));
                }
                result.put(query, records);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new LookupResult(result, Set.of(), List.of());
    }

    private OsvRecord record(FileChannel channel, long offset, int length) {
        return parsed.computeIfAbsent(offset, o -> {
            try {
                ByteBuffer buffer = ByteBuffer.allocate(length);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position()) < 0) {
                        throw new IOException("OSV index is truncated; delete it to rebuild");
                    }
                }
                return OsvRecordReader.read(buffer.array());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public SourceInfo info() {
        return new SourceInfo(kind, source.toString(), recordCount, newestModified, detail);
    }

    /** The number of distinct packages the index knows. */
    public int packageCount() {
        return keys.size();
    }

    static String key(PackageKey key) {
        return key.ecosystem().name() + "\u0000" + key.name();
    }

    // ---- building

    static final int BATCH = 2048;
    static final int PARSE_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** An action that may fail with an I/O error. */
    private interface IoRunnable {
        void run() throws IOException;
    }

    /**
     * What the index keeps of a parsed record: the package keys it names (empty for withdrawn records and records of
     * other ecosystems) and its modification time.
     */
    private record Indexed(Set<String> keys, Instant modified) {
    }

    /** Parses one record for the index; {@code null} when it is unreadable. */
    private static Indexed index(byte[] json) {
        OsvRecord record;
        try {
            if (json.length > OsvRecordReader.MAX_RECORD_BYTES) {
                return null;
            }
            record = OsvRecordReader.read(OsvRecordReader.mapper().readTree(json));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Set<String> recordKeys = new LinkedHashSet<>();
        if (record.withdrawn() == null) {
            for (OsvRecord.Affected affected : record.affected()) {
                Ecosystem ecosystem = Ecosystem.fromOsvName(affected.ecosystem()).orElse(null);
                if (ecosystem != null && affected.name() != null) {
                    recordKeys.add(key(PackageKey.of(ecosystem, affected.name())));
                }
            }
        }
        return new Indexed(recordKeys, record.modified());
    }

    /** Receives every record of a source. */
    private interface RecordConsumer {
        void accept(String name, byte[] json) throws IOException;
    }

    private static Properties build(Path source, Path indexDir, String fingerprint) throws IOException {
        Path records = Files.createTempFile(indexDir, "records", ".tmp");
        Path keysTemp = Files.createTempFile(indexDir, "keys", ".tmp");
        Map<String, List<long[]>> keys = new LinkedHashMap<>();
        long[] counters = new long[3]; // offset, records, skipped
        Instant[] newest = {null};
        ExecutorService pool = Executors.newFixedThreadPool(PARSE_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "devsecops-osv-index");
            thread.setDaemon(true);
            return thread;
        });
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(records), 1 << 16)) {
            List<byte[]> batch = new ArrayList<>();
            // records are parsed in parallel, batch by batch, and written in source order
            IoRunnable flush = () -> {
                List<Future<Indexed>> parsed = new ArrayList<>(batch.size());
                for (byte[] json : batch) {
                    parsed.add(pool.submit(() -> index(json)));
                }
                for (int i = 0; i < parsed.size(); i++) {
                    Indexed indexed;
                    try {
                        indexed = parsed.get(i).get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException("OSV index build interrupted");
                    } catch (ExecutionException e) {
                        indexed = null;
                    }
                    if (indexed == null) {
                        counters[2]++;
                        continue;
                    }
                    if (indexed.keys().isEmpty() || counters[1] >= MAX_RECORDS) {
                        continue;
                    }
                    byte[] json = batch.get(i);
                    out.write(json);
                    for (String key : indexed.keys()) {
                        keys.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {counters[0], json.length});
                    }
                    counters[0] += json.length;
                    counters[1]++;
                    Instant modified = indexed.modified();
                    if (modified != null && (newest[0] == null || modified.isAfter(newest[0]))) {
                        newest[0] = modified;
                    }
                }
                batch.clear();
            };
            RecordConsumer consumer = (name, json) -> {
                batch.add(json);
                if (batch.size() >= BATCH) {
                    flush.run();
                }
            };
            if (Files.isDirectory(source)) {
                readDirectory(source, consumer);
            } else {
                readZip(Files.newInputStream(source), consumer);
            }
            flush.run();
        } finally {
            pool.shutdownNow();
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(keysTemp), 1 << 16))) {
            out.writeInt(FORMAT_VERSION);
            out.writeInt(keys.size());
            for (var entry : keys.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().size());
                for (long[] location : entry.getValue()) {
                    out.writeLong(location[0]);
                    out.writeInt((int) location[1]);
                }
            }
        }
        Files.move(records, indexDir.resolve("records.bin"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(keysTemp, indexDir.resolve("keys.bin"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Properties manifest = new Properties();
        manifest.setProperty("formatVersion", String.valueOf(FORMAT_VERSION));
        manifest.setProperty("source", source.toAbsolutePath().toString());
        manifest.setProperty("sourceFingerprint", fingerprint);
        manifest.setProperty("recordCount", String.valueOf(counters[1]));
        manifest.setProperty("skippedRecords", String.valueOf(counters[2]));
        manifest.setProperty("packageCount", String.valueOf(keys.size()));
        manifest.setProperty("builtAt", Instant.now().toString());
        if (newest[0] != null) {
            manifest.setProperty("newestModified", newest[0].toString());
        }
        Path manifestTemp = Files.createTempFile(indexDir, "manifest", ".tmp");
        try (OutputStream out = Files.newOutputStream(manifestTemp)) {
            manifest.store(out, "DevSecOps Scan OSV index");
        }
        Files.move(manifestTemp, indexDir.resolve("manifest.properties"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return manifest;
    }

    /** Deletes the index directories of former source states (best effort: one in use elsewhere may stay). */
    private static void removeOtherStates(Path baseDir, Path current) {
        try (Stream<Path> states = Files.list(baseDir)) {
            for (Path state : states.filter(p -> !p.equals(current) && Files.isDirectory(p)
                    && Files.isRegularFile(p.resolve("manifest.properties"))).toList()) {
                try (Stream<Path> files = Files.list(state)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(state);
            }
        } catch (IOException e) {
            // a leftover directory only costs disk space
        }
    }

    private static void readDirectory(Path directory, RecordConsumer consumer) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).filter(OfflineOsvIndex::isSourceFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".zip")) {
                readZip(Files.newInputStream(file), consumer);
            } else if (Files.size(file) <= OsvRecordReader.MAX_RECORD_BYTES) {
                consumer.accept(file.toString(), Files.readAllBytes(file));
            }
        }
    }

    private static boolean isSourceFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".zip");
    }

    private static void readZip(InputStream stream, RecordConsumer consumer) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(stream, 1 << 16))) {
            ZipEntry entry;
            byte[] buffer = new byte[1 << 16];
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory() || !entry.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
                    continue;
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                int read;
                boolean tooLarge = false;
                while ((read = zip.read(buffer)) > 0) {
                    if (out.size() + read > OsvRecordReader.MAX_RECORD_BYTES) {
                        tooLarge = true;
                        break;
                    }
                    out.write(buffer, 0, read);
                }
                if (!tooLarge) {
                    consumer.accept(entry.getName(), out.toByteArray());
                }
            }
        }
    }

    private static Map<String, long[]> readKeys(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT_VERSION) {
                throw new IOException("OSV index " + file + " has another format; delete it to rebuild");
            }
            int count = in.readInt();
            Map<String, long[]> keys = new HashMap<>(Math.max(16, count * 2));
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                int entries = in.readInt();
                long[] locations = new long[entries * 2];
                for (int j = 0; j < entries; j++) {
                    locations[2 * j] = in.readLong();
                    locations[2 * j + 1] = in.readInt();
                }
                keys.put(key, locations);
            }
            return keys;
        }
    }

    private static Properties readManifest(Path indexDir) {
        Path file = indexDir.resolve("manifest.properties");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** What identifies the state of the source: its files with their sizes and modification times. */
    static String fingerprint(Path source) throws IOException {
        StringBuilder state = new StringBuilder(source.toAbsolutePath().normalize().toString());
        if (Files.isDirectory(source)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).filter(OfflineOsvIndex::isSourceFile).sorted().toList();
            }
            for (Path file : files) {
                state.append('\n').append(source.relativize(file)).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis());
            }
        } else {
            state.append(' ').append(Files.size(source)).append(' ').append(Files.getLastModifiedTime(source).toMillis());
        }
        return sha256(state.toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
