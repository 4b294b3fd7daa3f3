package io.jenkins.plugins.devsecops.summary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.jenkins.plugins.devsecops.model.InstantText;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes one {@link BuildSummary} as a single JSON line with Jackson's streaming API: no data binding,
 * no reflection, so a thousand summaries load in milliseconds. Zero counts and empty maps are left out (a clean
 * stage costs a few bytes). Unknown fields are skipped, so newer writers stay readable. Thread-safe.
 */
public final class SummaryJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8)
                    .maxStringLength(64 * 1024).build())
            .build();

    private SummaryJson() {
    }

    /** The summary as one line of JSON (no line break). */
    public static String write(BuildSummary summary) throws IOException {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("build", summary.build());
            json.writeStringField("time", summary.time().toString());
            json.writeNumberField("durationMillis", summary.durationMillis());
            json.writeStringField("verdict", summary.verdict().name());
            json.writeArrayFieldStart("stages");
            for (StageCounts stage : summary.stages()) {
                json.writeStartObject();
                json.writeStringField("stage", stage.stage());
                ints(json, "open", stage.open());
                ints(json, "added", stage.added());
                ints(json, "fixed", stage.fixed());
                if (stage.suppressed() != 0) {
                    json.writeNumberField("suppressed", stage.suppressed());
                }
                if (stage.status() != null) {
                    json.writeStringField("status", stage.status());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            if (summary.overdue() != 0) {
                json.writeNumberField("overdue", summary.overdue());
            }
            if (summary.remediated() != 0) {
                json.writeNumberField("remediated", summary.remediated());
                json.writeNumberField("remediationDays", summary.remediationDays());
            }
            json.writeNumberField("score", summary.score());
            if (summary.slaTracked() != 0) {
                json.writeNumberField("slaTracked", summary.slaTracked());
            }
            if (summary.remediated() != 0 && !summary.remediationDaysBySeverity().isEmpty()) {
                json.writeArrayFieldStart("remediationDaysBySeverity");
                for (double days : summary.remediationDaysBySeverity()) {
                    json.writeNumber(days);
                }
                json.writeEndArray();
            }
            if (summary.oldestCriticalSince() != null) {
                json.writeStringField("oldestCriticalSince", summary.oldestCriticalSince().toString());
            }
            strings(json, "tools", summary.tools());
            strings(json, "advisoryData", summary.advisoryData());
            json.writeArrayFieldStart("gates");
            for (GateRow gate : summary.gates()) {
                json.writeStartObject();
                json.writeStringField("gate", gate.gate());
                json.writeNumberField("actual", gate.actual());
                json.writeNumberField("threshold", gate.threshold());
                json.writeStringField("verdict", gate.verdict().name());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toString();
    }

    /** Writes a count array, leaving it out when every count is zero (the reader's default). */
    private static void ints(JsonGenerator json, String name, int[] values) throws IOException {
        if (StageCounts.total(values) == 0 && java.util.Arrays.stream(values).allMatch(v -> v == 0)) {
            return;
        }
        json.writeFieldName(name);
        json.writeArray(values, 0, values.length);
    }

    private static void strings(JsonGenerator json, String name, Map<String, String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    /**
     * Reads one summary.
     *
     * @throws IOException when the line is not a summary (malformed JSON, missing build or time, bad values)
     */
    public static BuildSummary read(String line) throws IOException {
        try (JsonParser json = FACTORY.createParser(line)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            String build = null;
            Instant time = null;
            long duration = 0;
            PolicyVerdict verdict = null;
            List<StageCounts> stages = new ArrayList<>();
            int overdue = 0;
            int remediated = 0;
            double remediationDays = 0;
            int score = 0;
            Map<String, String> tools = Map.of();
            Map<String, String> advisoryData = Map.of();
            List<GateRow> gates = new ArrayList<>();
            int slaTracked = 0;
            List<Double> daysBySeverity = null;
            Instant oldestCritical = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "build" -> build = json.getValueAsString();
                    case "time" -> time = parseInstant(json.getText());
                    case "durationMillis" -> duration = json.getLongValue();
                    case "verdict" -> verdict = PolicyVerdict.valueOf(json.getText());
                    case "stages" -> {
                        expect(value, JsonToken.START_ARRAY);
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            stages.add(readStage(json));
                        }
                    }
                    case "overdue" -> overdue = json.getIntValue();
                    case "remediated" -> remediated = json.getIntValue();
                    case "remediationDays" -> remediationDays = json.getDoubleValue();
                    case "score" -> score = json.getIntValue();
                    case "slaTracked" -> slaTracked = json.getIntValue();
                    case "remediationDaysBySeverity" -> daysBySeverity = readDoubles(json, value);
                    case "oldestCriticalSince" -> oldestCritical = parseInstant(json.getText());
                    case "tools" -> tools = readStrings(json, value);
                    case "advisoryData" -> advisoryData = readStrings(json, value);
                    case "gates" -> {
                        expect(value, JsonToken.START_ARRAY);
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            gates.add(readGate(json));
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("Truncated summary");
            }
            try {
                return new BuildSummary(build, time, duration, verdict, stages, overdue, remediated, remediationDays,
                        score, tools, advisoryData, gates, slaTracked, daysBySeverity, oldestCritical);
            } catch (RuntimeException e) {
                throw new IOException("Invalid summary: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            throw new IOException("Invalid summary: " + e.getMessage(), e);
        }
    }

    private static StageCounts readStage(JsonParser json) throws IOException {
        String stage = null;
        int[] open = null;
        int[] added = null;
        int[] fixed = null;
        int suppressed = 0;
        String status = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "stage" -> stage = json.getText();
                case "open" -> open = readInts(json, value);
                case "added" -> added = readInts(json, value);
                case "fixed" -> fixed = readInts(json, value);
                case "suppressed" -> suppressed = json.getIntValue();
                case "status" -> status = json.getText();
                default -> json.skipChildren();
            }
        }
        if (stage == null) {
            throw new IOException("A stage count without a stage");
        }
        return new StageCounts(stage, open, added, fixed, suppressed, status);
    }

    private static GateRow readGate(JsonParser json) throws IOException {
        String gate = null;
        long actual = 0;
        int threshold = 0;
        PolicyVerdict verdict = PolicyVerdict.PASSED;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "gate" -> gate = json.getText();
                case "actual" -> actual = json.getLongValue();
                case "threshold" -> threshold = json.getIntValue();
                case "verdict" -> verdict = PolicyVerdict.valueOf(json.getText());
                default -> json.skipChildren();
            }
        }
        return new GateRow(gate, actual, threshold, verdict);
    }

    private static int[] readInts(JsonParser json, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        int[] values = new int[5];
        int index = 0;
        while (json.nextToken() == JsonToken.VALUE_NUMBER_INT) {
            int value = json.getIntValue();
            if (index < values.length) {
                values[index] = value;
            }
            index++;
        }
        expect(json.currentToken(), JsonToken.END_ARRAY);
        return values;
    }

    private static List<Double> readDoubles(JsonParser json, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<Double> values = new ArrayList<>();
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            if (values.size() < 5) {
                double value = json.getDoubleValue();
                values.add(Double.isFinite(value) && value >= 0 ? value : 0.0);
            }
        }
        expect(json.currentToken(), JsonToken.END_ARRAY);
        return values;
    }

    private static Map<String, String> readStrings(JsonParser json, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        Map<String, String> values = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            values.put(key, json.getValueAsString());
        }
        return values;
    }

    /** {@code text} read as {@link Instant#parse} does, without its formatter for the shape {@link Instant#toString} writes. */
    static Instant parseInstant(String text) {
        Instant canonical = InstantText.canonical(text);
        return canonical != null ? canonical : Instant.parse(text);
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("Expected " + expected + " but found " + actual);
        }
    }
}
