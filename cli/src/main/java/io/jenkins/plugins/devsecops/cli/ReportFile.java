package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.model.FindingPass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One report file to write. {@link #writeAll} writes several side by side: the reports of a scan are independent
 * (each reads the same immutable report), and writing them one after the other left a core idle while the longest
 * ones were built. What the writers read of every finding before they write is read in one {@link FindingPass}
 * shared by all of them (each finding decoded once for all): a file {@code afterPass} is written once it has run.
 *
 * @param afterPass whether the file's write uses what the pass read
 */
record ReportFile(String name, Action action, boolean afterPass) {

    /** Writes one report file. */
    @FunctionalInterface
    interface Action {
        void write() throws IOException;
    }

    /**
     * Runs {@code pass}, then writes every file, at most as many at once as there are processors (the pass counts as
     * one); a file not {@code afterPass} is written while the pass runs. Returns when all are written.
     *
     * @throws IOException the first failure, in the order of {@code files}, once every file was tried (a failure of
     *     the pass is that of the files that use it)
     */
    static void writeAll(FindingPass pass, List<ReportFile> files) throws IOException, InterruptedException {
        int threads = Math.min(files.size() + 1, Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (threads <= 1) {
            runPass(pass);
            for (ReportFile file : files) {
                file.action().write();
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "devsecops-report");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // submitted first, so taken first: a file waiting for it never waits for a pass no thread runs
            Future<?> passed = pool.submit(() -> runPass(pass));
            List<Future<?>> written = new ArrayList<>();
            for (ReportFile file : files) {
                written.add(pool.submit(() -> {
                    if (file.afterPass()) {
                        try {
                            passed.get();
                        } catch (ExecutionException e) {
                            // kept by the pass: the write's own check throws it
                        }
                    }
                    file.action().write();
                    return null;
                }));
            }
            Throwable failure = null;
            for (Future<?> future : written) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                }
            }
            if (failure instanceof IOException io) {
                throw io;
            } else if (failure instanceof UncheckedIOException io) {
                throw io.getCause();
            } else if (failure instanceof RuntimeException runtime) {
                throw runtime;
            } else if (failure instanceof Error error) {
                throw error;
            } else if (failure != null) {
                throw new IllegalStateException(failure);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the pass; a failure to read the findings is kept by the pass for the writes that use it. */
    private static void runPass(FindingPass pass) {
        try {
            pass.run();
        } catch (RuntimeException e) {
            // thrown again by FindingPass.check in every write that uses the pass
        }
    }
}
