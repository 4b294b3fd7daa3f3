package io.jenkins.plugins.devsecops.cli;

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
 * ones were built.
 */
record ReportFile(String name, Action action) {

    /** Writes one report file. */
    @FunctionalInterface
    interface Action {
        void write() throws IOException;
    }

    /**
     * Writes every file, at most as many at once as there are processors; returns when all are written.
     *
     * @throws IOException the first failure, in the order of {@code files}, once every file was tried
     */
    static void writeAll(List<ReportFile> files) throws IOException, InterruptedException {
        int threads = Math.min(files.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (threads <= 1) {
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
            List<Future<?>> written = new ArrayList<>();
            for (ReportFile file : files) {
                written.add(pool.submit(() -> {
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
}
