package io.jenkins.plugins.devsecops.summary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps build summaries as JSON lines in {@code summaries.jsonl}, one line per build, oldest first. A line that
 * cannot be read (truncated write, hand edit) is skipped and counted, never fatal. The file is trimmed to the
 * newest {@link #MAX_KEPT} summaries. Not safe for concurrent writers to one directory.
 */
public final class SummaryStore {

    /** The file name inside the history directory. */
    public static final String FILE_NAME = "summaries.jsonl";
    /** The most summaries kept. */
    public static final int MAX_KEPT = 5000;
    /** Longest line read; longer ones are skipped. */
    static final int MAX_LINE = 256 * 1024;

    private final Path file;

    public SummaryStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The summaries that could be read, oldest first, and how many lines were skipped. */
    public record Loaded(List<BuildSummary> summaries, int skipped) {
    }

    /** Loads every readable summary. */
    public Loaded load() throws IOException {
        List<BuildSummary> summaries = new ArrayList<>();
        int skipped = 0;
        if (!Files.isRegularFile(file)) {
            return new Loaded(summaries, 0);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE) {
                    skipped++;
                    continue;
                }
                try {
                    summaries.add(SummaryJson.read(line));
                } catch (IOException | RuntimeException e) {
                    skipped++;
                }
            }
        }
        return new Loaded(summaries, skipped);
    }

    /** Appends {@code summary}, trimming the oldest when more than {@link #MAX_KEPT} are kept. */
    public void append(BuildSummary summary) throws IOException {
        Files.createDirectories(file.getParent());
        String line = SummaryJson.write(summary) + "\n";
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            out.write(line);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() > MAX_KEPT) {
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            Files.write(temporary, lines.subList(lines.size() - MAX_KEPT, lines.size()), StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
