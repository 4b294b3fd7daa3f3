package io.jenkins.plugins.devsecops.summary;

import io.jenkins.plugins.devsecops.files.RegularFiles;
import io.jenkins.plugins.devsecops.files.SafeDirectory;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps build summaries as JSON lines in {@code summaries.jsonl}, one line per build, oldest first. A line that
 * cannot be read (truncated write, hand edit) is skipped and counted, never fatal. Lines are read with a bound, so
 * a file without line breaks (a sparse file of zero bytes, garbage) never fills the memory; a file that yields no
 * summary at all, or is larger than {@link #MAX_FILE_BYTES}, is set aside (renamed {@code .corrupt-<time>}) with a
 * warning and the history starts again. Only a regular file is opened: a link, FIFO or device is refused. The file
 * is trimmed to the newest {@link #MAX_KEPT} summaries. Not safe for concurrent writers to one directory.
 */
public final class SummaryStore {

    /** The file name inside the history directory. */
    public static final String FILE_NAME = "summaries.jsonl";
    /** The most summaries kept. */
    public static final int MAX_KEPT = 5000;
    /** Longest line read; longer ones are skipped. */
    static final int MAX_LINE = 256 * 1024;
    /** Largest file read; a larger one is set aside. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Path directory;
    private final Path file;
    private final TreeFiles tree;

    public SummaryStore(Path directory) {
        this(directory, null);
    }

    /** @param tree the scanned tree, when the directory may lie inside it (no links are followed there) */
    public SummaryStore(Path directory, TreeFiles tree) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.tree = tree;
    }

    /**
     * The summaries that could be read, oldest first, how many lines were skipped, and a warning when the file was
     * damaged beyond use and set aside (else {@code null}).
     */
    public record Loaded(List<BuildSummary> summaries, int skipped, String warning) {

        public Loaded(List<BuildSummary> summaries, int skipped) {
            this(summaries, skipped, null);
        }
    }

    /**
     * Loads every readable summary.
     *
     * @throws io.jenkins.plugins.devsecops.files.UnsafePathException when the file is a link, FIFO or device
     */
    public Loaded load() throws IOException {
        List<BuildSummary> summaries = new ArrayList<>();
        if (!RegularFiles.requireRegularIfPresent(file, FILE_NAME)) {
            return new Loaded(summaries, 0);
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            return setAside("is larger than " + MAX_FILE_BYTES + " bytes");
        }
        int[] skipped = {0};
        boolean[] content = {false};
        readLines(line -> {
            content[0] = true;
            if (line == null) {
                skipped[0]++;
                return;
            }
            try {
                summaries.add(SummaryJson.read(line));
            } catch (IOException | RuntimeException e) {
                skipped[0]++;
            }
        });
        if (content[0] && summaries.isEmpty()) {
            return setAside("holds no readable summary");
        }
        return new Loaded(summaries, skipped[0]);
    }

    /**
     * Reads the file's non-blank lines, each at most {@link #MAX_LINE} characters; a longer line is passed as
     * {@code null} and its characters are dropped as they are read.
     */
    private void readLines(Consumer<String> lines) throws IOException {
        try (InputStream in = RegularFiles.open(file, FILE_NAME);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            int read;
            while ((read = reader.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        emit(line, tooLong, lines);
                        line.setLength(0);
                        tooLong = false;
                    } else if (!tooLong) {
                        if (line.length() >= MAX_LINE) {
                            tooLong = true;
                            line.setLength(0);
                        } else {
                            line.append(c);
                        }
                    }
                }
            }
            emit(line, tooLong, lines);
        }
    }

    private static void emit(StringBuilder line, boolean tooLong, Consumer<String> lines) {
        if (tooLong) {
            lines.accept(null);
        } else if (!line.toString().isBlank()) {
            lines.accept(line.toString());
        }
    }

    private Loaded setAside(String problem) {
        String warning = FILE_NAME + " " + problem + ": ";
        try {
            Path aside = SafeDirectory.create(directory, tree).setAside(FILE_NAME);
            warning += "set aside as " + aside.getFileName() + "; trends start again";
        } catch (IOException e) {
            warning += "it could not be set aside (" + e.getMessage() + "); it is ignored";
        }
        return new Loaded(new ArrayList<>(), 0, warning);
    }

    /** Appends {@code summary}, trimming the oldest when more than {@link #MAX_KEPT} are kept. */
    public void append(BuildSummary summary) throws IOException {
        SafeDirectory target = SafeDirectory.create(directory, tree);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) > MAX_FILE_BYTES) {
            setAside("is larger than " + MAX_FILE_BYTES + " bytes");
        }
        target.append(FILE_NAME, SummaryJson.write(summary) + "\n");
        List<String> lines = new ArrayList<>();
        readLines(line -> {
            if (line != null) {
                lines.add(line);
            }
        });
        if (lines.size() > MAX_KEPT) {
            String kept = String.join("\n", lines.subList(lines.size() - MAX_KEPT, lines.size())) + "\n";
            target.writeString(FILE_NAME, kept);
        }
    }

    /** One summary as a JSON line, e.g. for the plugin to store per build. */
    public static String toJson(BuildSummary summary) throws IOException {
        return SummaryJson.write(summary);
    }

    /** Reads one summary from a JSON line. */
    public static BuildSummary fromJson(String json) throws IOException {
        return SummaryJson.read(json);
    }
}
