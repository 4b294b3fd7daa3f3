package io.jenkins.plugins.devsecops.suppression;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code .devsecops/suppressions.yaml} (format in {@code docs/suppressions.md}). Reading is strict:
 * unknown fields, bad dates, entries that are not exactly one of fingerprint, rule or advisory are errors with line
 * and column. Thread-safe.
 */
public final class SuppressionFile {

    /** Where the file lives under the scanned root. */
    public static final String DEFAULT_PATH = ".devsecops/suppressions.yaml";

    private static final StrictYamlReader READER = new StrictYamlReader();

    private SuppressionFile() {
    }

    /**
     * Reads the file; every entry's {@code source} names {@code displayName} and the entry's line.
     *
     * @throws YamlInputException naming line and column of the first problem
     */
    public static List<SuppressionEntry> read(Path file, String displayName) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new YamlInputException(displayName, 0, 0, "not a regular file", null);
        }
        if (Files.size(file) > StrictYamlReader.MAX_BYTES) {
            throw new YamlInputException(displayName, 0, 0, "file is larger than " + StrictYamlReader.MAX_BYTES
                    + " bytes", null);
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), displayName);
    }

    /** Reads suppressions from text named {@code displayName} in errors and sources. */
    public static List<SuppressionEntry> parse(String yaml, String displayName) throws YamlInputException {
        Document document = READER.read(yaml, displayName, Document.class);
        List<SuppressionEntry> entries = new ArrayList<>();
        for (LocatedEntry located : document.suppressions() == null ? List.<LocatedEntry>of() : document.suppressions()) {
            EntryDocument e = located.entry();
            entries.add(new SuppressionEntry(e.fingerprint(), e.rule(), e.advisory(), e.path(), e.reason(), e.owner(),
                    e.created(), e.expires(), e.note(), displayName + ":" + located.line()));
        }
        return entries;
    }

    /** Writes {@code entries} as a suppressions file (comments of an earlier file are not kept). */
    public static void write(List<SuppressionEntry> entries, Writer out) throws IOException {
        out.write("# DevSecOps Scan suppressions: see docs/suppressions.md\nversion: 1\nsuppressions:\n");
        if (entries.isEmpty()) {
            out.write("  []\n");
        }
        for (SuppressionEntry entry : entries) {
            boolean first = true;
            first = field(out, "fingerprint", entry.fingerprint(), first);
            first = field(out, "rule", entry.rule(), first);
            first = field(out, "advisory", entry.advisory(), first);
            first = field(out, "path", entry.path(), first);
            first = field(out, "reason", entry.reason(), first);
            first = field(out, "owner", entry.owner(), first);
            first = field(out, "created", entry.created() == null ? null : entry.created().toString(), first);
            first = field(out, "expires", entry.expires() == null ? null : entry.expires().toString(), first);
            field(out, "note", entry.note(), first);
        }
    }

    private static boolean field(Writer out, String name, String value, boolean first) throws IOException {
        if (value == null || value.isBlank()) {
            return first;
        }
        out.write(first ? "  - " : "    ");
        out.write(name);
        out.write(": \"");
        // A JSON string literal is a valid YAML double-quoted scalar: no newline or quote can break out of it.
        out.write(JsonStringEncoder.getInstance().quoteAsString(value));
        out.write("\"\n");
        return false;
    }

    /** The file's top level. */
    record Document(Integer version, List<LocatedEntry> suppressions) {
        Document {
            if (version != null && version != 1) {
                throw new IllegalArgumentException("Unsupported suppressions version " + version
                        + ": this engine reads version 1");
            }
        }
    }

    /** One entry as written. */
    record EntryDocument(String fingerprint, String rule, String advisory, String path, String reason, String owner,
            LocalDate created, LocalDate expires, String note) {
        EntryDocument {
            new SuppressionEntry(fingerprint, rule, advisory, path, reason, owner, created, expires, note, null);
            if (path != null) {
                PathGlob.of(path);
            }
        }
    }

    /** An entry with the line it starts on. */
    @JsonDeserialize(using = LocatedEntryReader.class)
    record LocatedEntry(int line, EntryDocument entry) {
    }

    /** Remembers the line of each entry while reading it. */
    static final class LocatedEntryReader extends JsonDeserializer<LocatedEntry> {
        @Override
        public LocatedEntry deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            int line = parser.currentTokenLocation().getLineNr();
            return new LocatedEntry(line, context.readValue(parser, EntryDocument.class));
        }
    }
}
