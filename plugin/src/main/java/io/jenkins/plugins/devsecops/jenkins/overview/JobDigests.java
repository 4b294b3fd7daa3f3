package io.jenkins.plugins.devsecops.jenkins.overview;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.devsecops.jenkins.actions.DevSecOpsBuildAction;
import io.jenkins.plugins.devsecops.jenkins.actions.MissingScanAction;
import io.jenkins.plugins.devsecops.overview.ScanDigest;
import io.jenkins.plugins.devsecops.overview.ScanDigestFile;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The digest file of each job (the engine's {@link ScanDigestFile}, {@value ScanDigestFile#FILE_NAME} in the job's
 * directory), kept up to date by {@link OverviewRunListener} as builds complete and are deleted, so the Security
 * page, its REST API, the list-view column and the dashboard portlet read one small file per job and never a build.
 * A missing or damaged file is made again from the job's last {@value #FALLBACK_BUILDS} completed builds at most
 * (their summaries in build.xml) and written. Nothing here may fail a build or a page: errors are logged and the job
 * is shown without a digest.
 */
public final class JobDigests {

    /** Completed builds read at most when a job has no digest yet (or a damaged one). */
    public static final int FALLBACK_BUILDS = 30;

    private static final Logger LOGGER = Logger.getLogger(JobDigests.class.getName());

    private JobDigests() {
    }

    /** The digests of {@code job}: from its file, else made from its last builds and written. */
    public static List<ScanDigest> of(Job<?, ?> job) {
        ScanDigestFile file = file(job);
        try {
            Optional<List<ScanDigest>> kept = file.read();
            if (kept.isPresent()) {
                return kept.get();
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Digest of " + job.getFullName() + " unreadable (" + e.getMessage()
                    + "); making it again from the last " + FALLBACK_BUILDS + " builds", e);
        }
        synchronized (file.lock()) {
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
        ScanDigestFile file = file(job);
        synchronized (file.lock()) {
            List<ScanDigest> digests;
            try {
                digests = file.read().orElse(null);
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Digest of " + job.getFullName() + " unreadable, making it again", e);
                digests = null;
            }
            write(job, file, digests == null ? rebuild(run)
                    : ScanDigestFile.with(digests, scans, id -> nameOf(run, id)));
        }
    }

    /** Takes the deleted {@code run} out of its job's digest; the file goes when it held the run's newest state. */
    static void forget(Run<?, ?> run) {
        Job<?, ?> job = run.getParent();
        ScanDigestFile file = file(job);
        synchronized (file.lock()) {
            try {
                Optional<List<ScanDigest>> digests = file.read();
                if (digests.isEmpty()) {
                    return;
                }
                Optional<List<ScanDigest>> kept =
                        ScanDigestFile.without(digests.get(), String.valueOf(run.getNumber()));
                if (kept.isEmpty()) {
                    file.delete(); // made again from the builds left, when next read
                } else if (!kept.get().equals(digests.get())) {
                    file.write(kept.get());
                }
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.FINE, "Digest of " + job.getFullName() + " dropped after an error", e);
                try {
                    file.delete();
                } catch (IOException ignored) {
                    // made again when next read
                }
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

    private static void write(Job<?, ?> job, ScanDigestFile file, List<ScanDigest> digests) {
        try {
            file.write(digests);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot write the digest of " + job.getFullName(), e);
        }
    }

    private static ScanDigestFile file(Job<?, ?> job) {
        return new ScanDigestFile(job.getRootDir().toPath());
    }
}
