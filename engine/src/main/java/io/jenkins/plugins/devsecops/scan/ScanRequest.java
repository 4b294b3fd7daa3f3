package io.jenkins.plugins.devsecops.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What to scan and how. Build it with {@link #builder(Path)}.
 *
 * @param root the directory to scan
 * @param stages ids of the stages to run; empty runs every stage enabled by default
 * @param includes gitignore-style patterns; when not empty, only matching files are scanned
 * @param excludes gitignore-style patterns of files not to scan
 * @param maxFileSize files larger than this many bytes are skipped
 * @param threads the size of the scan's thread pool
 * @param stageTimeout how long one stage may run before it is stopped
 * @param options stage options named {@code <stage>.<option>}, e.g. {@code secrets.history=true}
 * @param ownDirectories the tool's own output and history directories, relative to the root with {@code /}
 *     separators: never walked, counted as skipped {@code own-output}
 * @param scanIgnored whether files git ignores (and build output directories) are scanned too; by default a walk
 *     of a git work tree leaves them out
 */
public record ScanRequest(Path root, List<String> stages, List<String> includes, List<String> excludes,
        long maxFileSize, int threads, Duration stageTimeout, Map<String, String> options,
        List<String> ownDirectories, boolean scanIgnored) {

    /** The default size limit: 10 MB. */
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;

    /** The default time limit of one stage: 30 minutes. */
    public static final Duration DEFAULT_STAGE_TIMEOUT = Duration.ofMinutes(30);

    public ScanRequest {
        Objects.requireNonNull(root, "root");
        stages = stages == null ? List.of() : List.copyOf(stages);
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        includes.forEach(Glob::gitignore); // an invalid pattern is refused here, naming it
        excludes.forEach(Glob::gitignore);
        if (maxFileSize <= 0) {
            throw new IllegalArgumentException("The size limit must be positive: " + maxFileSize);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("The thread count must be positive: " + threads);
        }
        Objects.requireNonNull(stageTimeout, "stageTimeout");
        options = options == null || options.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(options));
        ownDirectories = ownDirectories == null ? List.of() : List.copyOf(ownDirectories);
    }

    public ScanRequest(Path root, List<String> stages, List<String> includes, List<String> excludes,
            long maxFileSize, int threads, Duration stageTimeout, Map<String, String> options) {
        this(root, stages, includes, excludes, maxFileSize, threads, stageTimeout, options, List.of());
    }

    /** A request that leaves out what git ignores, as before {@code scanIgnored} existed. */
    public ScanRequest(Path root, List<String> stages, List<String> includes, List<String> excludes,
            long maxFileSize, int threads, Duration stageTimeout, Map<String, String> options,
            List<String> ownDirectories) {
        this(root, stages, includes, excludes, maxFileSize, threads, stageTimeout, options, ownDirectories, false);
    }

    /** The option {@code name}, e.g. {@code secrets.history}. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** Builds {@link ScanRequest}s. Not thread-safe. */
    public static final class Builder {
        private final Path root;
        private final List<String> stages = new ArrayList<>();
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Duration stageTimeout = DEFAULT_STAGE_TIMEOUT;
        private final Map<String, String> options = new LinkedHashMap<>();
        private final List<String> ownDirectories = new ArrayList<>();
        private boolean scanIgnored;

        private Builder(Path root) {
            this.root = root;
        }

        public Builder stage(String value) {
            stages.add(value);
            return this;
        }

        public Builder stages(List<String> values) {
            stages.addAll(values);
            return this;
        }

        public Builder include(String pattern) {
            includes.add(pattern);
            return this;
        }

        public Builder exclude(String pattern) {
            excludes.add(pattern);
            return this;
        }

        public Builder maxFileSize(long value) {
            maxFileSize = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder stageTimeout(Duration value) {
            stageTimeout = value;
            return this;
        }

        public Builder option(String name, String value) {
            options.put(name, value);
            return this;
        }

        /** Scans files git ignores and build output directories too ({@code --no-ignore}). */
        public Builder scanIgnored(boolean value) {
            scanIgnored = value;
            return this;
        }

        /**
         * Leaves out one of the tool's own directories (reports, history) when it lies inside the root; a directory
         * outside the root is ignored.
         */
        public Builder ownDirectory(Path directory) {
            Path absolute = directory.toAbsolutePath().normalize();
            Path base = root.toAbsolutePath().normalize();
            if (absolute.startsWith(base) && !absolute.equals(base)) {
                ownDirectories.add(base.relativize(absolute).toString()
                        .replace(absolute.getFileSystem().getSeparator(), "/"));
            }
            return this;
        }

        public ScanRequest build() {
            return new ScanRequest(root, stages, includes, excludes, maxFileSize, threads, stageTimeout, options,
                    ownDirectories, scanIgnored);
        }
    }
}
