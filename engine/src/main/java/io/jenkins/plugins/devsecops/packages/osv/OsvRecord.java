package io.jenkins.plugins.devsecops.packages.osv;

import java.time.Instant;
import java.util.List;

/**
 * The parts of an OSV advisory record (https://ossf.github.io/osv-schema/) the dependency stage uses.
 *
 * @param id the advisory id, e.g. {@code GHSA-jfh8-c2jp-5v3q}
 * @param aliases other ids of the same vulnerability, e.g. its CVE
 * @param modified when the record last changed, or {@code null}
 * @param withdrawn when it was withdrawn, or {@code null} while it stands
 * @param severities CVSS vectors ({@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4})
 * @param affected the affected packages and their versions
 * @param cwes weakness ids from {@code database_specific.cwe_ids}
 * @param databaseSeverity the qualitative severity of the database ({@code database_specific.severity}), if any
 * @param references reference URLs, the advisory first when marked so
 * @param upstream the ids of the upstream vulnerabilities a distribution's record is about ({@code upstream}, e.g.
 *     the CVEs of a Debian DSA)
 */
public record OsvRecord(String id, List<String> aliases, String summary, String details, Instant modified,
        Instant withdrawn, List<Severity> severities, List<Affected> affected, List<String> cwes,
        String databaseSeverity, List<String> references, List<String> upstream) {

    /** A record without upstream ids. */
    public OsvRecord(String id, List<String> aliases, String summary, String details, Instant modified,
            Instant withdrawn, List<Severity> severities, List<Affected> affected, List<String> cwes,
            String databaseSeverity, List<String> references) {
        this(id, aliases, summary, details, modified, withdrawn, severities, affected, cwes, databaseSeverity,
                references, List.of());
    }

    public OsvRecord {
        upstream = upstream == null ? List.of() : List.copyOf(upstream);
        aliases = List.copyOf(aliases);
        severities = List.copyOf(severities);
        affected = List.copyOf(affected);
        cwes = List.copyOf(cwes);
        references = List.copyOf(references);
    }

    /** A severity entry: {@code type} such as {@code CVSS_V3} and {@code score}, the vector. */
    public record Severity(String type, String score) {
    }

    /**
     * One affected package.
     *
     * @param ecosystem as the record writes it, e.g. {@code PyPI} or {@code Debian:11}
     * @param severity the package-specific qualitative severity, if any
     * @param distroStatus the distribution's own triage of the package, as the record states it, or {@code null}:
     *     Debian's urgency ({@code ecosystem_specific.urgency}: {@code unimportant}, {@code end-of-life},
     *     {@code not yet assigned}, {@code low} ...) or Ubuntu's priority (a record severity of type {@code Ubuntu}, or
     *     {@code ecosystem_specific.ubuntu_priority}: {@code negligible}, {@code low}, {@code medium} ...)
     */
    public record Affected(String ecosystem, String name, List<Range> ranges, List<String> versions,
            List<Severity> severities, String severity, String distroStatus) {

        /** An entry without a distribution status. */
        public Affected(String ecosystem, String name, List<Range> ranges, List<String> versions,
                List<Severity> severities, String severity) {
            this(ecosystem, name, ranges, versions, severities, severity, null);
        }

        public Affected {
            ranges = List.copyOf(ranges);
            versions = List.copyOf(versions);
            severities = List.copyOf(severities);
        }
    }

    /** The summary, or for records without one (e.g. PYSEC, DSA) the first sentence of the details, else the id. */
    public String shortSummary() {
        if (summary != null) {
            return summary;
        }
        if (details == null || details.isBlank()) {
            return id;
        }
        String text = details.strip().replaceAll("\\s+", " ");
        int end = text.indexOf(". ");
        text = end > 0 ? text.substring(0, end) : text;
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    /** {@link #shortSummary()} on one line (white space collapsed), at most 200 characters: for a finding's title. */
    public String headline() {
        String line = shortSummary().strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** A range of type {@code SEMVER}, {@code ECOSYSTEM} or {@code GIT} and its events. */
    public record Range(String type, List<Event> events) {

        public Range {
            events = List.copyOf(events);
        }
    }

    /** One event: exactly one of its fields is set. */
    public record Event(String introduced, String fixed, String lastAffected, String limit) {

        /** The version this event names. */
        public String version() {
            return introduced != null ? introduced : fixed != null ? fixed : lastAffected != null ? lastAffected : limit;
        }
    }
}
