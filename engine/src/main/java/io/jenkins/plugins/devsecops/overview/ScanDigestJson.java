package io.jenkins.plugins.devsecops.overview;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.SummaryJson;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the digest file of one job: its {@link ScanDigest}s, one per scan id, as one JSON document
 * ({@code {"version":1,"scans":[…]}}) with Jackson's streaming API. A file of another version, a truncated or
 * malformed one, or one over {@link #MAX_CHARS} is refused with an {@link IOException} saying what is wrong, so the
 * caller can make the digest again from the builds. Unknown fields are skipped. Thread-safe.
 */
public final class ScanDigestJson {

    /** The format's version. */
    public static final int VERSION = 1;
    /** The longest digest file read (a job with 50 scan ids stays far below). */
    public static final int MAX_CHARS = 2 * 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8)
                    .maxStringLength(256 * 1024).build())
            .build();

    private ScanDigestJson() {
    }

    /** The digests as one JSON document. */
    public static String write(List<ScanDigest> digests) throws IOException {
        StringWriter out = new StringWriter(2048);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", VERSION);
            json.writeArrayFieldStart("scans");
            for (ScanDigest digest : digests) {
                json.writeStartObject();
                json.writeStringField("scanId", digest.scanId());
                json.writeStringField("scanName", digest.scanName());
                json.writeStringField("latest", SummaryJson.write(digest.latest()));
                json.writeArrayFieldStart("sparkline");
                for (SparkPoint point : digest.sparkline()) {
                    json.writeStartObject();
                    json.writeStringField("build", point.build());
                    json.writeStringField("time", point.time().toString());
                    json.writeNumberField("open", point.open());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("recentBuilds");
                for (String build : digest.recentBuilds()) {
                    json.writeString(build);
                }
                json.writeEndArray();
                json.writeNumberField("remediated", digest.remediated());
                json.writeNumberField("remediationDays", digest.remediationDays());
                json.writeArrayFieldStart("weeks");
                for (WeekBucket week : digest.weeks()) {
                    json.writeStartObject();
                    json.writeStringField("monday", week.monday().toString());
                    ints(json, "added", week.added());
                    ints(json, "fixed", week.fixed());
                    json.writeArrayFieldStart("remediationDays");
                    for (double days : week.remediationDays()) {
                        json.writeNumber(days);
                    }
                    json.writeEndArray();
                    ints(json, "fixesWithDays", week.fixesWithDays());
                    json.writeStringField("endTime", week.endTime().toString());
                    ints(json, "endOpen", week.endOpen());
                    json.writeNumberField("endSlaTracked", week.endSlaTracked());
                    json.writeNumberField("endOverdue", week.endOverdue());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toString();
    }

    /**
     * The digests of a digest file's text.
     *
     * @throws IOException saying what is wrong when the text is not a digest file of this version
     */
    public static List<ScanDigest> read(String text) throws IOException {
        if (text.length() > MAX_CHARS) {
            throw new IOException("Digest file too large: " + text.length() + " characters, at most " + MAX_CHARS);
        }
        try (JsonParser json = FACTORY.createParser(text)) {
            expect(json.nextToken(), JsonToken.START_OBJECT, "the document");
            Integer version = null;
            List<ScanDigest> digests = new ArrayList<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "version" -> {
                        expect(value, JsonToken.VALUE_NUMBER_INT, "version");
                        version = json.getIntValue();
                        if (version != VERSION) {
                            throw new IOException("Digest file of version " + version + ", this reads " + VERSION);
                        }
                    }
                    case "scans" -> {
                        if (version == null) {
                            throw new IOException("Digest file without a version before its scans");
                        }
                        expect(value, JsonToken.START_ARRAY, "scans");
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            digests.add(readDigest(json));
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("Truncated digest file");
            }
            if (version == null) {
                throw new IOException("Digest file without a version");
            }
            return List.copyOf(digests);
        } catch (RuntimeException e) {
            throw new IOException("Invalid digest file: " + e.getMessage(), e);
        }
    }

    private static ScanDigest readDigest(JsonParser json) throws IOException {
        String scanId = null;
        String scanName = null;
        BuildSummary latest = null;
        List<SparkPoint> sparkline = new ArrayList<>();
        List<String> recent = new ArrayList<>();
        long remediated = 0;
        double remediationDays = 0;
        List<WeekBucket> weeks = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "scanId" -> scanId = text(json, value, field);
                case "scanName" -> scanName = text(json, value, field);
                case "latest" -> latest = SummaryJson.read(text(json, value, field));
                case "sparkline" -> {
                    expect(value, JsonToken.START_ARRAY, field);
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        sparkline.add(readPoint(json));
                    }
                }
                case "recentBuilds" -> {
                    expect(value, JsonToken.START_ARRAY, field);
                    while (json.nextToken() == JsonToken.VALUE_STRING) {
                        recent.add(json.getText());
                    }
                    expect(json.currentToken(), JsonToken.END_ARRAY, field);
                }
                case "remediated" -> remediated = nonNegative(json.getLongValue(), field);
                case "remediationDays" -> remediationDays = json.getDoubleValue();
                case "weeks" -> {
                    expect(value, JsonToken.START_ARRAY, field);
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        weeks.add(readWeek(json));
                    }
                }
                default -> json.skipChildren();
            }
        }
        if (scanId == null || latest == null) {
            throw new IOException("Digest entry without " + (scanId == null ? "scanId" : "latest"));
        }
        return new ScanDigest(scanId, scanName, latest, sparkline, recent, remediated, remediationDays, weeks);
    }

    private static SparkPoint readPoint(JsonParser json) throws IOException {
        String build = null;
        Instant time = null;
        int open = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "build" -> build = text(json, value, field);
                case "time" -> time = instant(text(json, value, field));
                case "open" -> open = (int) nonNegative(json.getIntValue(), field);
                default -> json.skipChildren();
            }
        }
        if (build == null || time == null) {
            throw new IOException("Sparkline point without build or time");
        }
        return new SparkPoint(build, time, open);
    }

    private static WeekBucket readWeek(JsonParser json) throws IOException {
        LocalDate monday = null;
        int[] added = null;
        int[] fixed = null;
        double[] days = null;
        int[] fixes = null;
        Instant endTime = null;
        int[] endOpen = null;
        int tracked = 0;
        int overdue = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "monday" -> {
                    try {
                        monday = LocalDate.parse(text(json, value, field));
                    } catch (DateTimeParseException e) {
                        throw new IOException("Invalid week start '" + json.getText() + "'", e);
                    }
                }
                case "added" -> added = ints(json, value, field);
                case "fixed" -> fixed = ints(json, value, field);
                case "remediationDays" -> days = doubles(json, value, field);
                case "fixesWithDays" -> fixes = ints(json, value, field);
                case "endTime" -> endTime = instant(text(json, value, field));
                case "endOpen" -> endOpen = ints(json, value, field);
                case "endSlaTracked" -> tracked = (int) nonNegative(json.getIntValue(), field);
                case "endOverdue" -> overdue = (int) nonNegative(json.getIntValue(), field);
                default -> json.skipChildren();
            }
        }
        if (monday == null || endTime == null) {
            throw new IOException("Week without monday or endTime");
        }
        return new WeekBucket(monday, added, fixed, days, fixes, endTime, endOpen, tracked, overdue);
    }

    private static void ints(JsonGenerator json, String name, int[] values) throws IOException {
        json.writeArrayFieldStart(name);
        for (int value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }

    private static int[] ints(JsonParser json, JsonToken value, String field) throws IOException {
        expect(value, JsonToken.START_ARRAY, field);
        int[] values = new int[Severity.values().length];
        int i = 0;
        while (json.nextToken() == JsonToken.VALUE_NUMBER_INT) {
            if (i >= values.length) {
                throw new IOException(field + " has more than " + values.length + " counts");
            }
            values[i++] = (int) nonNegative(json.getIntValue(), field);
        }
        expect(json.currentToken(), JsonToken.END_ARRAY, field);
        return values;
    }

    private static double[] doubles(JsonParser json, JsonToken value, String field) throws IOException {
        expect(value, JsonToken.START_ARRAY, field);
        double[] values = new double[Severity.values().length];
        int i = 0;
        while (json.nextToken() == JsonToken.VALUE_NUMBER_FLOAT || json.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            if (i >= values.length) {
                throw new IOException(field + " has more than " + values.length + " values");
            }
            values[i++] = json.getDoubleValue();
        }
        expect(json.currentToken(), JsonToken.END_ARRAY, field);
        return values;
    }

    private static String text(JsonParser json, JsonToken value, String field) throws IOException {
        expect(value, JsonToken.VALUE_STRING, field);
        return json.getText();
    }

    private static Instant instant(String text) throws IOException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException("Invalid time '" + text + "'", e);
        }
    }

    private static long nonNegative(long value, String field) throws IOException {
        if (value < 0) {
            throw new IOException(field + " is negative: " + value);
        }
        return value;
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("Expected " + expected + " in " + what + ", found " + actual);
        }
    }
}
