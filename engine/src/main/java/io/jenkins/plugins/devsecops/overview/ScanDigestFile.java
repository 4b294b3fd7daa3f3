package io.jenkins.plugins.devsecops.overview;

import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The file that keeps the {@link ScanDigest}s of one job ({@value #FILE_NAME} in its directory), so that views of many
 * jobs read one small file per job and never a build. Parsed files are cached by path, modification time and size;
 * writes are atomic (a temporary file beside it, then a rename) and never make a missing directory (a job deleted
 * meanwhile). Updates of one file are serialised: callers hold {@link #lock()} around read, change and write.
 */
public final class ScanDigestFile {

    /** The digest file's name in the job directory. */
    public static final String FILE_NAME = "devsecops-digest.json";
    /** Cached files at most before the cache starts again. */
    private static final int MAX_CACHED = 50_000;

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private record Cached(long modified, long size, List<ScanDigest> digests) {
    }

    private final Path file;

    /** @param directory the job's directory */
    public ScanDigestFile(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The lock to hold while this file is read, changed and written. */
    public Object lock() {
        if (LOCKS.size() > MAX_CACHED) {
            LOCKS.clear();
        }
        return LOCKS.computeIfAbsent(file.toString(), k -> new Object());
    }

    /** The digests in the file; empty when there is no file; an error naming the file when it is damaged. */
    public Optional<List<ScanDigest>> read() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        long modified = attributes.lastModifiedTime().toMillis();
        long size = attributes.size();
        Cached cached = CACHE.get(file.toString());
        if (cached != null && cached.modified() == modified && cached.size() == size) {
            return Optional.of(cached.digests());
        }
        if (size > ScanDigestJson.MAX_CHARS * 4L) {
            throw new IOException(file + " is too large: " + size + " bytes");
        }
        List<ScanDigest> digests;
        try {
            digests = ScanDigestJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (CACHE.size() > MAX_CACHED) {
            CACHE.clear();
        }
        CACHE.put(file.toString(), new Cached(modified, size, digests));
        return Optional.of(digests);
    }

    /** Replaces the file's content; does nothing when the directory is gone. */
    public void write(List<ScanDigest> digests) throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            return;
        }
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            Files.writeString(temp, ScanDigestJson.write(digests), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
            CACHE.remove(file.toString());
        }
    }

    /** Removes the file (made again from the builds when next needed). */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        CACHE.remove(file.toString());
    }

    /**
     * The digests with one build's scans added: each scan id's digest continued, or started for an id not seen yet.
     *
     * @param scans the build's summary of each scan id
     * @param names the display name of a scan id, for a new digest
     */
    public static List<ScanDigest> with(List<ScanDigest> digests, Map<String, BuildSummary> scans,
            Function<String, String> names) {
        Map<String, ScanDigest> byId = new LinkedHashMap<>();
        digests.forEach(d -> byId.put(d.scanId(), d));
        scans.forEach((id, summary) -> {
            ScanDigest current = byId.get(id);
            byId.put(id, current == null ? ScanDigest.of(id, names.apply(id), List.of(summary))
                    : current.with(summary));
        });
        return new ArrayList<>(byId.values());
    }

    /**
     * The digests without a deleted build, or empty when a digest's newest state went with it (the digests must then
     * be made again from the builds left).
     */
    public static Optional<List<ScanDigest>> without(List<ScanDigest> digests, String build) {
        List<ScanDigest> kept = new ArrayList<>();
        for (ScanDigest digest : digests) {
            Optional<ScanDigest> without = digest.without(build);
            if (without.isEmpty()) {
                return Optional.empty();
            }
            kept.add(without.get());
        }
        return Optional.of(kept);
    }
}
