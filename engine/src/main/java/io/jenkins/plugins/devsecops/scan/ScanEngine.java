package io.jenkins.plugins.devsecops.scan;

import io.jenkins.plugins.devsecops.EngineVersion;
import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingHead;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.model.WalkSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a scan: one walk of the tree, every file handed to the stages that want it on a bounded thread pool,
 * then each stage's {@link StageScanner#finish}. A stage that throws or runs out of time is recorded as such in
 * the report; the other stages' findings are kept.
 */
public final class ScanEngine {

    /**
     * Findings in report order: most severe first, then by path, line and rule (the order
     * {@link FindingHead#REPORT_ORDER} gives their heads, which the scan sorts by).
     */
    public static final Comparator<Finding> REPORT_ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.location() == null ? "" : f.location().path())
            .thenComparingInt(f -> f.location() == null ? 0 : f.location().startLine())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.fingerprint() == null ? "" : f.fingerprint());

    /**
     * Report property: the catalog's default stages this scan did not run, comma-separated (absent when it ran all).
     * An opt-in stage that was not asked for (DAST needs a URL, images need an image) is not "not run": it had
     * nothing to scan, so it does not make the scan partial.
     */
    public static final String STAGES_NOT_RUN = "stagesNotRun";

    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /**
     * Files handed to the pool and waiting or being scanned, per scan thread: bounds memory however large the tree (a
     * waiting file is its path and size; its content is read when it is scanned).
     */
    private static final int FILES_IN_FLIGHT_PER_THREAD = 64;

    /**
     * The most files handed to the pool as one task: one queue hand-over and wake-up per batch (8 → 32 cut the futex
     * calls of a secrets-only scan of tree-1x by a third).
     */
    private static final int BATCH_FILES = 32;

    /** A batch is handed over once its files hold this many bytes, so that one large file is not held back. */
    private static final long BATCH_BYTES = 256 * 1024;

    private final StageCatalog catalog;

    public ScanEngine(StageCatalog catalog) {
        this.catalog = catalog;
    }

    /** An engine with every stage on the class path. */
    public static ScanEngine withBuiltInStages() {
        return new ScanEngine(StageCatalog.builtIn());
    }

    public StageCatalog catalog() {
        return catalog;
    }

    /**
     * Starts loading, on a background thread, what the named stages (all default stages when none is named) need
     * before any file is scanned, so that it overlaps the caller's own start-up (parsing options, reading the
     * policy and the history). The scan that follows uses what was loaded, or waits for it. Unknown stage names are
     * left for {@link #scan} to refuse.
     */
    public void preload(List<String> stageIds) {
        List<Stage> stages;
        try {
            stages = catalog.select(stageIds);
        } catch (IllegalArgumentException e) {
            return;
        }
        Thread thread = new Thread(() -> {
            for (Stage stage : stages) {
                try {
                    stage.preload();
                } catch (RuntimeException | LinkageError e) {
                    // open() reports it, with the stage's name
                }
            }
        }, "devsecops-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Scans.
     *
     * @throws IOException when the root is not a readable directory
     * @throws IllegalArgumentException when the request names an unknown stage or option
     * @throws InterruptedException when the calling thread is interrupted; the pool is stopped
     */
    public Report scan(ScanRequest request, ProgressListener listener) throws IOException, InterruptedException {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        Path root = request.root();
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "not a directory");
        }
        List<Stage> stages = catalog.select(request.stages());
        catalog.checkOptions(request.options().keySet());
        long deadline = startNanos + request.stageTimeout().toNanos();

        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), runnable -> {
            Thread thread = new Thread(runnable, "devsecops-scan");
            thread.setDaemon(true);
            return thread;
        });
        List<StageRun> runs;
        try {
            runs = openAll(stages, root, request, pool);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        }
        WalkCounters counters = new WalkCounters();
        listener.progress(new ScanProgress("walk", 0, 0, 0));
        FileFeed feed = new FileFeed(runs, pool, deadline, listener, counters,
                request.threads() * FILES_IN_FLIGHT_PER_THREAD);
        TreeWalk walk = new TreeWalk(request, feed::submit);
        try {
            try {
                walk.run();
            } catch (FileFeed.Interrupted e) {
                throw new InterruptedException("Scan stopped");
            }
            feed.awaitAll();
            finishStages(runs, pool, deadline, listener);
        } finally {
            pool.shutdownNow();
            // files a stopped scan never got to still hold their directories open
            walk.closeDirectories();
            // A stage's per-tree state (parsed documents, packages) is not needed for the report: let it go now.
            runs.forEach(StageRun::release);
        }

        Map<String, Long> skipped = new TreeMap<>(walk.skipped());
        counters.skipped.forEach((reason, count) -> skipped.merge(reason, count, Long::sum));
        Report.Builder report = Report.builder(EngineVersion.tool(), started)
                .root(root.toString())
                .walk(new WalkSummary(walk.filesSeen(), counters.filesScanned.get(), counters.bytesScanned.get(), skipped,
                        counters.unreadable(walk.unreadable())));
        List<List<Finding>> collected = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        FoundSecrets secrets = new FoundSecrets();
        for (StageRun run : runs) {
            report.stage(run.collector.result());
            collected.add(run.collector.findings());
            components.addAll(run.collector.components());
            secrets.addAll(run.collector.secrets());
        }
        // Each step reads the findings once, in order: large lists stay on disk (FindingList).
        List<Finding> findings = CrossStageDuplicates.merge(
                FindingFingerprints.ensureAll(FindingList.concat(collected), root),
                stages.stream().map(Stage::id).toList());
        report.findings(FindingList.sortedByHead(findings, FindingHead.REPORT_ORDER));
        report.components(components);
        List<String> notRun = catalog.all().stream().filter(Stage::enabledByDefault)
                .filter(stage -> !stages.contains(stage)).map(Stage::id).toList();
        if (!notRun.isEmpty()) {
            report.property(STAGES_NOT_RUN, String.join(",", notRun));
        }
        report.durationMillis(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        // A found secret may also be part of a file name or an author's name: masked everywhere it appears.
        return secrets.redact(report.build());
    }

    /** The catalog's stages that the scan of {@code report} did not run (see {@link #STAGES_NOT_RUN}). */
    public static List<String> stagesNotRun(Report report) {
        String value = report.properties().get(STAGES_NOT_RUN);
        return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
    }

    /**
     * Opens the stages side by side on the pool: loading and compiling their rules is most of a small scan's time,
     * and one stage's rules do not wait for another's. The runs are in the order of {@code stages}.
     */
    private static List<StageRun> openAll(List<Stage> stages, Path root, ScanRequest request, ExecutorService pool)
            throws InterruptedException {
        List<Future<StageRun>> opening = new ArrayList<>();
        for (Stage stage : stages.subList(Math.min(1, stages.size()), stages.size())) {
            opening.add(pool.submit(() -> open(stage, new StageContext(root, request, stage.id()))));
        }
        List<StageRun> runs = new ArrayList<>();
        if (!stages.isEmpty()) {
            runs.add(open(stages.get(0), new StageContext(root, request, stages.get(0).id())));
        }
        for (Future<StageRun> future : opening) {
            try {
                runs.add(future.get());
            } catch (ExecutionException e) {
                // open() records what a stage throws; anything else is an error of the engine itself
                throw new IllegalStateException("Internal error while opening the stages", e.getCause());
            }
        }
        return runs;
    }

    private static StageRun open(Stage stage, StageContext context) {
        StageCollector collector = new StageCollector(stage.id());
        StageScanner scanner = null;
        try {
            scanner = stage.open(context);
        } catch (IOException | RuntimeException e) {
            collector.fail(StageStatus.FAILED, "Stage could not start: " + describe(e));
        }
        return new StageRun(scanner, collector);
    }

    private static final class StageRun {
        /** The stage's scanner, dropped once the stage is finished. */
        volatile StageScanner scanner;
        final StageCollector collector;
        long finishStarted;

        StageRun(StageScanner scanner, StageCollector collector) {
            this.scanner = scanner;
            this.collector = collector;
        }

        void release() {
            scanner = null;
        }

        boolean active() {
            return scanner != null && collector.isActive();
        }
    }

    private static final class WalkCounters {
        final AtomicLong filesScanned = new AtomicLong();
        final AtomicLong bytesScanned = new AtomicLong();
        final AtomicLong filesDone = new AtomicLong();
        final AtomicLong lastProgress = new AtomicLong();
        final Map<String, Long> skipped = new TreeMap<>();
        /**
         * Files that failed when read (the walk does not check access beforehand), the first by path only: the
         * report names at most {@link WalkSummary#MAX_UNREADABLE_NAMED}, so a tree of unreadable files costs no memory.
         */
        final java.util.TreeSet<String> unreadable = new java.util.TreeSet<>();

        synchronized void skip(String reason) {
            skipped.merge(reason, 1L, Long::sum);
        }

        synchronized void unreadable(String path) {
            skip(TreeWalk.SKIP_UNREADABLE);
            unreadable.add(path);
            if (unreadable.size() > WalkSummary.MAX_UNREADABLE_NAMED) {
                unreadable.pollLast();
            }
        }

        synchronized List<String> unreadable(List<String> walked) {
            List<String> all = new ArrayList<>(walked);
            all.addAll(unreadable);
            return all;
        }
    }

    /**
     * Hands the files the walk finds to the pool as they come, with at most {@code limit} in flight: scanning
     * overlaps the walk, and memory holds the files being scanned, never the whole tree.
     */
    private static final class FileFeed {

        /** Thrown out of the walk when the scanning thread is interrupted while waiting for room. */
        static final class Interrupted extends RuntimeException {
            Interrupted() {
                super(null, null, false, false);
            }
        }

        private final List<StageRun> runs;
        private final ExecutorService pool;
        private final long deadline;
        private final ProgressListener listener;
        private final WalkCounters counters;
        private final int limit;
        private final Semaphore room;
        /** Large files' bytes held at once by the scanning threads. */
        private final LargeFileBudget largeFiles = new LargeFileBudget();
        private final AtomicLong submitted = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        /** Files taken from the walk and not yet handed to the pool (walking thread only). */
        private List<SourceFile> batch = new ArrayList<>(BATCH_FILES);
        private long batchBytes;

        FileFeed(List<StageRun> runs, ExecutorService pool, long deadline, ProgressListener listener,
                WalkCounters counters, int limit) {
            this.runs = runs;
            this.pool = pool;
            this.deadline = deadline;
            this.listener = listener;
            this.counters = counters;
            this.limit = limit;
            this.room = new Semaphore(limit);
        }

        /**
         * Takes a file from the walk. Files are handed to the pool in small batches ({@link #BATCH_FILES} files or
         * {@link #BATCH_BYTES} bytes): one task, one queue hand-over and one wake-up of a parked thread per batch
         * instead of per file.
         */
        void submit(SourceFile file) {
            try {
                room.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted();
            }
            submitted.incrementAndGet();
            batch.add(file);
            batchBytes += file.size();
            if (batch.size() >= BATCH_FILES || batchBytes >= BATCH_BYTES) {
                flush();
            }
        }

        /** Hands the files taken so far to the pool. */
        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<SourceFile> files = batch;
            batch = new ArrayList<>(BATCH_FILES);
            batchBytes = 0;
            try {
                pool.execute(() -> {
                    try {
                        for (SourceFile file : files) {
                            largeFiles.scan(file, () -> scanFile(file, runs, deadline, counters));
                            progress();
                        }
                    } catch (InterruptedException e) {
                        // the scan is being stopped: the files left are not scanned
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        room.release(files.size());
                    }
                });
            } catch (RuntimeException e) {
                room.release(files.size());
                throw e;
            }
        }

        private void progress() {
            long done = counters.filesDone.incrementAndGet();
            long now = System.nanoTime();
            long last = counters.lastProgress.get();
            if (now - last > PROGRESS_INTERVAL_NANOS && counters.lastProgress.compareAndSet(last, now)) {
                listener.progress(new ScanProgress("scan", done, submitted.get(), countFindings(runs)));
            }
        }

        /** Waits until every file handed over was scanned. */
        void awaitAll() throws InterruptedException {
            flush();
            room.acquire(limit);
            room.release(limit);
            Throwable cause = failure.get();
            if (cause != null) {
                throw new IllegalStateException("Internal error while scanning files", cause);
            }
            long total = submitted.get();
            listener.progress(new ScanProgress("scan", total, total, countFindings(runs)));
        }
    }

    private static long countFindings(List<StageRun> runs) {
        return runs.stream().mapToLong(r -> r.collector.findingCount()).sum();
    }

    private static void scanFile(SourceFile file, List<StageRun> runs, long deadline, WalkCounters counters) {
        boolean taken = false;
        boolean binary = false;
        try {
            binary = file.isBinary();
            for (StageRun run : runs) {
                if (!run.active()) {
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    run.collector.fail(StageStatus.TIMED_OUT, "Stage ran out of time while scanning files");
                    continue;
                }
                StageScanner scanner = run.scanner;
                if (scanner == null) {
                    continue;
                }
                long start = System.nanoTime();
                try {
                    if (scanner.accepts(file)) {
                        taken = true;
                        scanner.scan(file, run.collector);
                        run.collector.fileScanned(file.size(), System.nanoTime() - start);
                    }
                } catch (UncheckedIOException e) {
                    throw e;
                } catch (Exception | StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
                    // whatever a parser throws on one file is that file's error, never the scan's
                    run.collector.error(file.path(), describe(e));
                    run.collector.addTime(System.nanoTime() - start);
                }
            }
            if (taken) {
                counters.filesScanned.incrementAndGet();
                counters.bytesScanned.addAndGet(file.size());
            } else {
                counters.skip(binary ? "binary" : "no-stage");
            }
        } catch (SourceFile.TooLargeException e) {
            counters.unreadable(file.path());
            for (StageRun run : runs) {
                if (run.active()) {
                    run.collector.error(file.path(), e.getMessage());
                }
            }
        } catch (UncheckedIOException e) {
            counters.unreadable(file.path());
        } catch (OutOfMemoryError e) {
            // reading or decoding one file exhausted the heap: that file is not scanned, the others are
            counters.unreadable(file.path());
            for (StageRun run : runs) {
                if (run.active()) {
                    run.collector.error(file.path(), "not scanned: not enough memory to read it whole");
                }
            }
        } finally {
            file.release();
        }
    }

    private static void finishStages(List<StageRun> runs, ExecutorService pool, long deadline,
            ProgressListener listener) throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        for (StageRun run : runs) {
            if (!run.active()) {
                futures.add(null);
                continue;
            }
            StageScanner scanner = run.scanner;
            futures.add(pool.submit(() -> {
                run.finishStarted = System.nanoTime();
                try {
                    scanner.finish(run.collector);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    run.collector.fail(StageStatus.TIMED_OUT, "Stage was stopped");
                } catch (IOException | RuntimeException | StackOverflowError e) {
                    run.collector.fail(StageStatus.FAILED, "Stage failed: " + describe(e));
                } finally {
                    run.collector.addTime(System.nanoTime() - run.finishStarted);
                }
                return null;
            }));
        }
        listener.progress(new ScanProgress("finish", 0, 0, countFindings(runs)));
        for (int i = 0; i < runs.size(); i++) {
            StageRun run = runs.get(i);
            Future<?> future = futures.get(i);
            if (future != null) {
                long remaining = deadline - System.nanoTime();
                try {
                    future.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    future.cancel(true);
                    run.collector.fail(StageStatus.TIMED_OUT, "Stage ran out of time");
                } catch (ExecutionException e) {
                    run.collector.fail(StageStatus.FAILED, "Stage failed: " + describe(e.getCause()));
                }
            }
            // What the listener prints (console, build log) is masked like the report.
            FoundSecrets known = new FoundSecrets();
            runs.forEach(other -> known.addAll(other.collector.secrets()));
            listener.stageFinished(known.redact(run.collector.result()));
        }
    }

    private static String describe(Throwable e) {
        // Never a third-party parser's message: it may quote the scanned content.
        return ParserErrors.message(e);
    }
}
