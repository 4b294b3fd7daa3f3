package io.jenkins.plugins.devsecops.packages.osv;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads OSV JSON records, tolerating unknown fields and skipping malformed parts. Thread-safe. */
public final class OsvRecordReader {

    /** Records larger than this are refused. */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    private static final ObjectMapper MAPPER;

    static {
        JsonMapper mapper = JsonMapper.builder().build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(MAX_RECORD_BYTES).build());
        MAPPER = mapper;
    }

    private OsvRecordReader() {
    }

    /** The shared mapper, for sources that read OSV API responses. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses one record.
     *
     * @throws IOException when it is not JSON, too large, or has no {@code id}
     */
    public static OsvRecord read(byte[] json) throws IOException {
        if (json.length > MAX_RECORD_BYTES) {
            throw new IOException("OSV record larger than " + MAX_RECORD_BYTES + " bytes");
        }
        return read(MAPPER.readTree(json));
    }

    /**
     * Converts a parsed record.
     *
     * @throws IOException when it has no {@code id}
     */
    public static OsvRecord read(JsonNode node) throws IOException {
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            throw new IOException("OSV record without an id");
        }
        List<String> aliases = strings(node.path("aliases"));
        List<OsvRecord.Affected> affected = new ArrayList<>();
        // Ubuntu's priority: a record severity of type Ubuntu, or (older records) ecosystem_specific.ubuntu_priority
        String ubuntuPriority = null;
        for (JsonNode severity : node.path("severity")) {
            if ("Ubuntu".equals(text(severity, "type"))) {
                ubuntuPriority = text(severity, "score");
            }
        }
        for (JsonNode entry : node.path("affected")) {
            JsonNode pkg = entry.path("package");
            List<OsvRecord.Range> ranges = new ArrayList<>();
            for (JsonNode range : entry.path("ranges")) {
                List<OsvRecord.Event> events = new ArrayList<>();
                for (JsonNode event : range.path("events")) {
                    OsvRecord.Event parsed = new OsvRecord.Event(text(event, "introduced"), text(event, "fixed"),
                            text(event, "last_affected"), text(event, "limit"));
                    if (parsed.version() != null) {
                        events.add(parsed);
                    }
                }
                ranges.add(new OsvRecord.Range(text(range, "type"), events));
            }
            String severity = text(entry.path("database_specific"), "severity");
            if (severity == null) {
                severity = text(entry.path("ecosystem_specific"), "severity");
            }
            String status = text(entry.path("ecosystem_specific"), "urgency");
            String ecosystem = text(pkg, "ecosystem");
            if (status == null && ecosystem != null && ecosystem.startsWith("Ubuntu")) {
                status = text(entry.path("ecosystem_specific"), "ubuntu_priority");
                if (status == null) {
                    status = ubuntuPriority;
                }
            }
            affected.add(new OsvRecord.Affected(ecosystem, text(pkg, "name"), ranges,
                    strings(entry.path("versions")), severities(entry.path("severity")), severity, status));
        }
        List<String> references = new ArrayList<>();
        for (JsonNode reference : node.path("references")) {
            String url = text(reference, "url");
            if (url != null) {
                if ("ADVISORY".equals(text(reference, "type"))) {
                    references.add(0, url);
                } else {
                    references.add(url);
                }
            }
        }
        return new OsvRecord(id, aliases, text(node, "summary"), text(node, "details"), instant(text(node, "modified")),
                instant(text(node, "withdrawn")), severities(node.path("severity")), affected,
                strings(node.path("database_specific").path("cwe_ids")),
                text(node.path("database_specific"), "severity"), references, strings(node.path("upstream")));
    }

    private static List<OsvRecord.Severity> severities(JsonNode array) {
        List<OsvRecord.Severity> result = new ArrayList<>();
        for (JsonNode severity : array) {
            String type = text(severity, "type");
            String score = text(severity, "score");
            if (type != null && score != null) {
                result.add(new OsvRecord.Severity(type, score));
            }
        }
        return result;
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode value : array) {
                if (value.isTextual() && !value.asText().isBlank()) {
                    result.add(value.asText());
                }
            }
        }
        return result;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            // golang/vulndb's repository copy writes 0001-01-01: no date at all
            return instant.isBefore(Instant.EPOCH) ? null : instant;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
