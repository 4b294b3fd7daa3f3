package io.jenkins.plugins.devsecops.jenkins.overview;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.devsecops.jenkins.actions.DevSecOpsBuildAction;
import io.jenkins.plugins.devsecops.jenkins.actions.MissingScanAction;
import io.jenkins.plugins.devsecops.overview.ScanDigest;
import io.jenkins.plugins.devsecops.overview.ScanDigestJson;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The digest file of each job, {@value #FILE_NAME} in the job's directory: the engine's {@link ScanDigest} of every
 * scan id the job ran, kept up to date by {@link OverviewRunListener} as builds complete and are deleted, so the
 * Security page, its REST API, the list-view column and the dashboard portlet read one small file per job and never
 * a build. Parsed files are cached by path, modification time and size. A missing or damaged file is made again
 * from the job's last {@value #FALLBACK_BUILDS} completed builds at most (their summaries in build.xml) and written.
 * Writes are atomic (temporary file and rename) and serialised per job. Nothing here may fail a build or a page:
 * errors are logged and the job is shown without a digest.
 */
public final class JobDigests {

    /** The digest file's name in the job directory. */
    public static final String FILE_NAME = "devsecops-digest.json";
    /** Completed builds read at most when a job has no digest yet (or a damaged one). */
    public static final int FALLBACK_BUILDS = 30;
    /** Cached jobs at most before the cache starts again. */
    private static final int MAX_CACHED = 50_000;

    private static final Logger LOGGER = Logger.getLogger(JobDigests.class.getName());
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private record Cached(long modified, long size, List<ScanDigest> digests) {
    }

    private JobDigests() {
    }

    /** The digests of {@code job}: from its file, else made from its last builds and written. */
    public static List<ScanDigest> of(Job<?, ?> job) {
        Path file = file(job);
        try {
            Optional<List<ScanDigest>> cached = read(file);
            if (cached.isPresent()) {
                return cached.get();
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Digest of " + job.getFullName() + " unreadable (" + e.getMessage()
                    + "); making it again from the last " + FALLBACK_BUILDS + " builds", e);
        }
        synchronized (lock(job)) {
            List<ScanDigest> rebuilt = rebuild(job.getLastCompletedBuild());
            write(job, file, rebuilt);
            return rebuilt;
        }
    }

    /** Adds the scans of the completed {@code run} to its job's digest file. */
    static void record(Run<?, ?> run) {
        Map<String, BuildSummary> scans = scansOf(run);
        if (scans.isEmpty()) {
            return;
        }
        Job<?, ?> job = run.getParent();
        Path file = file(job);
        synchronized (lock(job)) {
            List<ScanDigest> digests;
            try {
                digests = read(file).orElse(null);
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Digest of " + job.getFullName() + " unreadable, making it again", e);
                digests = null;
            }
            if (digests == null) {
                write(job, file, rebuild(run));
                return;
            }
            Map<String, ScanDigest> byId = new LinkedHashMap<>();
            digests.forEach(d -> byId.put(d.scanId(), d));
            scans.forEach((id, summary) -> {
                ScanDigest current = byId.get(id);
                byId.put(id, current == null ? ScanDigest.of(id, nameOf(run, id), List.of(summary))
                        : current.with(summary));
            });
            write(job, file, new ArrayList<>(byId.values()));
        }
    }

    /** Takes the deleted {@code run} out of its job's digest; the file goes when it held the run's newest state. */
    static void forget(Run<?, ?> run) {
        Job<?, ?> job = run.getParent();
        Path file = file(job);
        if (!Files.isRegularFile(file)) {
            return;
        }
        String build = String.valueOf(run.getNumber());
        synchronized (lock(job)) {
            try {
                List<ScanDigest> digests = read(file).orElse(List.of());
                List<ScanDigest> kept = new ArrayList<>();
                for (ScanDigest digest : digests) {
                    Optional<ScanDigest> without = digest.without(build);
                    if (without.isEmpty()) {
                        // The newest state went with the build: made again from the builds left, when next read.
                        Files.deleteIfExists(file);
                        CACHE.remove(file.toString());
                        return;
                    }
                    kept.add(without.get());
                }
                if (!kept.equals(digests)) {
                    write(job, file, kept);
                }
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.FINE, "Digest of " + job.getFullName() + " dropped after an error", e);
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // made again when next read
                }
                CACHE.remove(file.toString());
            }
        }
    }

    /** The digests of the newest {@value #FALLBACK_BUILDS} completed builds from {@code newest} back. */
    private static List<ScanDigest> rebuild(Run<?, ?> newest) {
        Map<String, List<BuildSummary>> byId = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        int looked = 0;
        for (Run<?, ?> build = newest; build != null && looked < FALLBACK_BUILDS;
                build = build.getPreviousCompletedBuild()) {
            looked++;
            Run<?, ?> current = build;
            scansOf(build).forEach((id, summary) -> {
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(summary);
                names.putIfAbsent(id, nameOf(current, id));
            });
        }
        List<ScanDigest> digests = new ArrayList<>();
        byId.forEach((id, summaries) -> {
            ScanDigest digest = ScanDigest.of(id, names.get(id), summaries);
            if (digest != null) {
                digests.add(digest);
            }
        });
        return digests;
    }

    /** The summary of each scan of {@code run} by scan id: its scans, or the missing required scan. */
    private static Map<String, BuildSummary> scansOf(Run<?, ?> run) {
        Map<String, BuildSummary> scans = new LinkedHashMap<>();
        for (DevSecOpsBuildAction scan : run.getActions(DevSecOpsBuildAction.class)) {
            try {
                scans.put(scan.getId(), scan.getSummary());
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "No summary in " + run, e);
            }
        }
        MissingScanAction missing = run.getAction(MissingScanAction.class);
        if (missing != null) {
            scans.putIfAbsent(missing.getUrlName(), missing.getSummary());
        }
        return scans;
    }

    private static String nameOf(Run<?, ?> run, String id) {
        return DevSecOpsBuildAction.find(run, id).map(DevSecOpsBuildAction::getDisplayName)
                .orElse(MissingScanAction.DISPLAY_NAME);
    }

    private static Optional<List<ScanDigest>> read(Path file) throws IOException {
        File plain = file.toFile();
        long modified = plain.lastModified();
        if (modified == 0L) {
            return Optional.empty();
        }
        long size = plain.length();
        Cached cached = CACHE.get(file.toString());
        if (cached != null && cached.modified() == modified && cached.size() == size) {
            return Optional.of(cached.digests());
        }
        if (size > ScanDigestJson.MAX_CHARS * 4L) {
            throw new IOException(file + " is too large: " + size + " bytes");
        }
        List<ScanDigest> digests = ScanDigestJson.read(Files.readString(file, StandardCharsets.UTF_8));
        if (CACHE.size() > MAX_CACHED) {
            CACHE.clear();
        }
        CACHE.put(file.toString(), new Cached(modified, size, digests));
        return Optional.of(digests);
    }

    private static void write(Job<?, ?> job, Path file, List<ScanDigest> digests) {
        try {
            if (!Files.isDirectory(file.getParent())) {
                return; // the job was deleted meanwhile: never make its directory again
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
            }
            CACHE.remove(file.toString());
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot write the digest of " + job.getFullName(), e);
        }
    }

    private static Path file(Job<?, ?> job) {
        return job.getRootDir().toPath().resolve(FILE_NAME);
    }

    private static Object lock(Job<?, ?> job) {
        if (LOCKS.size() > MAX_CACHED) {
            LOCKS.clear();
        }
        return LOCKS.computeIfAbsent(job.getFullName(), k -> new Object());
    }
}
