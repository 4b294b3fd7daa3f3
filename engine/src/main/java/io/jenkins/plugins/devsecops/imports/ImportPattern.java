package io.jenkins.plugins.devsecops.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code FORMAT:GLOB} the user asked to import, e.g. {@code sarif:build/**&#47;*.sarif} or
 * {@code auto:reports/*.json}. The glob is gitignore-style and relative to the scan root.
 *
 * @param format a format id or {@code auto}
 * @param glob the files to import
 */
public record ImportPattern(String format, String glob) {

    public ImportPattern {
        if (format == null || format.isBlank() || glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("An import needs a format and a pattern, as FORMAT:GLOB");
        }
        format = format.trim().toLowerCase(Locale.ROOT);
        glob = glob.trim();
    }

    /**
     * Parses {@code FORMAT:GLOB}; a text without a colon is a glob of format {@code auto}.
     *
     * @throws IllegalArgumentException for an empty format or glob
     */
    public static ImportPattern parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return new ImportPattern(ReportParsers.AUTO, trimmed);
        }
        return new ImportPattern(trimmed.substring(0, colon), trimmed.substring(colon + 1));
    }

    /** Parses the {@code imports.patterns} option: patterns separated by {@code ;} or line breaks. */
    public static List<ImportPattern> parseList(String option) {
        List<ImportPattern> patterns = new ArrayList<>();
        if (option == null) {
            return patterns;
        }
        for (String part : option.split("[;\\r\\n]+")) {
            if (!part.isBlank()) {
                patterns.add(parse(part));
            }
        }
        return patterns;
    }

    /**
     * The {@code imports.patterns} option for a list of {@code FORMAT:GLOB} texts, e.g. the CLI's repeated
     * {@code --import}.
     *
     * @throws IllegalArgumentException naming the known formats when one is unknown, or for an empty glob
     */
    public static String toOption(List<String> texts) {
        ReportParsers parsers = ReportParsers.builtIn();
        List<String> parts = new ArrayList<>();
        for (String text : texts) {
            ImportPattern pattern = parse(text);
            if (!parsers.isKnown(pattern.format())) {
                throw new IllegalArgumentException("Unknown import format '" + pattern.format() + "' in '" + text
                        + "': known formats are auto, " + String.join(", ", parsers.formats()));
            }
            if (pattern.glob().contains(";")) {
                throw new IllegalArgumentException("An import pattern cannot contain ';': " + text);
            }
            parts.add(pattern.toString());
        }
        return String.join(";", parts);
    }

    @Override
    public String toString() {
        return format + ":" + glob;
    }
}
