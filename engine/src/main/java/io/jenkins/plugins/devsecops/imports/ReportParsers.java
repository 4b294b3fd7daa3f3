package io.jenkins.plugins.devsecops.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report formats the import stage reads, by format id, and the detection of a report's format from its
 * content for {@code auto}. Detection tries the formats in a fixed order, most specific first.
 */
public final class ReportParsers {

    /** The format id that asks for detection from the content. */
    public static final String AUTO = "auto";

    private final List<ReportParser> parsers;

    ReportParsers(List<ReportParser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    /** Every built-in format. */
    public static ReportParsers builtIn() {
        return new ReportParsers(List.of(new SarifParser(), new NpmAuditParser(), new TrivyParser(), new GrypeParser(),
                new DependencyCheckParser(), new SpotBugsParser(), new ZapParser(), new CheckovParser(),
                new BanditParser(), new SemgrepParser(), new GitleaksParser()));
    }

    /** The format ids, in detection order. */
    public List<String> formats() {
        return parsers.stream().map(ReportParser::format).toList();
    }

    /** Every parser, in detection order. */
    public List<ReportParser> parsers() {
        return parsers;
    }

    /** The parser of a format id, case-insensitively. */
    public Optional<ReportParser> find(String format) {
        String wanted = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        return parsers.stream().filter(p -> p.format().equals(wanted)).findFirst();
    }

    /** Whether the id names a format or {@code auto}. */
    public boolean isKnown(String format) {
        return AUTO.equalsIgnoreCase(format == null ? "" : format.trim()) || find(format).isPresent();
    }

    /** The first parser that recognises the report's beginning. */
    public Optional<ReportParser> detect(String head) {
        String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
        return parsers.stream().filter(p -> p.recognizes(text)).findFirst();
    }
}
