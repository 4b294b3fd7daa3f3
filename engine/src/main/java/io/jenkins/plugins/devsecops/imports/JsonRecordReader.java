package io.jenkins.plugins.devsecops.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams a JSON document and hands over only the values at the given paths ("records"), each read as a small
 * tree; everything else is skipped token by token. A 100 MB report therefore needs memory for one record at a
 * time, not for the document.
 *
 * <p>Paths are {@code /}-separated field names with {@code *} for any array element, e.g.
 * {@code /runs/*&#47;results/*}, and {@code ~} for any field of an object whose keys are data (npm audit's
 * {@code /vulnerabilities/~}). The empty path is the whole document.
 */
final class JsonRecordReader {

    /** Receives each record. */
    @FunctionalInterface
    interface RecordHandler {
        /**
         * @param path the pattern that matched
         * @param indexes the array indexes along the way, outermost first
         * @param value the record
         */
        void record(String path, List<Integer> indexes, JsonNode value) throws IOException;
    }

    /** Limits that keep a hostile document from exhausting the stack or the heap. */
    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(200)
            .maxStringLength(16 * 1024 * 1024)
            .maxNumberLength(200)
            .maxNameLength(10_000)
            .build();

    static final ObjectMapper MAPPER = createMapper();

    /** The most values one record may hold: a single hostile record cannot exhaust memory either. */
    static final int MAX_RECORD_NODES = 500_000;

    private final Set<String> patterns;
    private final Set<String> prefixes = new HashSet<>();
    /** Prefixes whose value must be an array ({@code /*} follows) or an object (a field follows) to reach a record. */
    private final Set<String> arrayParents = new HashSet<>();
    private final Set<String> objectParents = new HashSet<>();
    private final RecordBudget budget;
    private final Consumer<String> typeWarnings;

    /** A reader of the records at {@code patterns}, each taken from {@code budget}. */
    JsonRecordReader(Set<String> patterns, RecordBudget budget) {
        this(patterns, budget, warning -> { });
    }

    /**
     * A reader of the records at {@code patterns}, each taken from the report's budget; a field on the way to a
     * record that has the wrong JSON type (a string where an array of entries should be) is a warning of the report
     * naming the field, not a silent absence of entries.
     */
    JsonRecordReader(Set<String> patterns, ImportContext context) {
        this(patterns, context.budget(), context::warning);
    }

    private JsonRecordReader(Set<String> patterns, RecordBudget budget, Consumer<String> typeWarnings) {
        this.budget = budget;
        this.typeWarnings = typeWarnings;
        this.patterns = Set.copyOf(patterns);
        for (String pattern : patterns) {
            String prefix = pattern;
            prefixes.add(prefix);
            while (!prefix.isEmpty()) {
                int slash = prefix.lastIndexOf('/');
                String parent = prefix.substring(0, slash);
                (prefix.substring(slash + 1).equals("*") ? arrayParents : objectParents).add(parent);
                prefix = parent;
                prefixes.add(prefix);
            }
        }
    }

    private static ObjectMapper createMapper() {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
        return new ObjectMapper(factory).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * Reads the document.
     *
     * @return the first token: {@code START_OBJECT} or {@code START_ARRAY} for a document whose root is one
     * @throws IOException when it is not well-formed JSON, is cut short, or breaks a limit
     */
    JsonToken read(InputStream in, RecordHandler handler) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("The report is empty");
            }
            readValue(parser, "", new ArrayList<>(), handler);
            if (parser.nextToken() != null) {
                throw new IOException("Unexpected content after the JSON document at line "
                        + parser.currentLocation().getLineNr());
            }
            return first;
        }
    }

    private void readValue(JsonParser parser, String path, List<Integer> indexes, RecordHandler handler)
            throws IOException {
        if (patterns.contains(path)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("Import stopped");
            }
            if (!budget.take()) {
                parser.skipChildren();
                return;
            }
            JsonNode value = readBoundedTree(parser, new int[] {MAX_RECORD_NODES});
            handler.record(path, List.copyOf(indexes), value);
            return;
        }
        JsonToken token = parser.currentToken();
        if (!prefixes.contains(path)) {
            parser.skipChildren();
            return;
        }
        if (!path.isEmpty() && token != JsonToken.VALUE_NULL && !expectedType(path, token)) {
            typeWarnings.accept("Field '" + display(path, indexes) + "' is " + describe(token) + ", expected "
                    + (arrayParents.contains(path) ? "an array" : "an object") + ": the entries under it were not read");
            parser.skipChildren();
            return;
        }
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                String child = path + "/" + segment(name);
                if (!prefixes.contains(child) && prefixes.contains(path + "/~")) {
                    child = path + "/~";
                }
                readValue(parser, child, indexes, handler);
            }
            requireEnd(parser, JsonToken.END_OBJECT);
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            JsonToken next;
            while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (next == null) {
                    throw new IOException("The report ends inside an array");
                }
                indexes.add(index++);
                readValue(parser, path + "/*", indexes, handler);
                indexes.remove(indexes.size() - 1);
            }
        }
    }

    private boolean expectedType(String path, JsonToken token) {
        return token == JsonToken.START_ARRAY ? arrayParents.contains(path)
                : token == JsonToken.START_OBJECT && objectParents.contains(path);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "a " + token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The path as a reader writes it: {@code Results[0].Vulnerabilities}. */
    private static String display(String path, List<Integer> indexes) {
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (String segment : path.substring(1).split("/")) {
            if (segment.equals("*")) {
                out.append('[').append(index < indexes.size() ? indexes.get(index++) : "*").append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(segment.equals("~") || segment.equals("\u0000") ? "*"
                        : PlainText.clip(segment, 100));
            }
        }
        return out.toString();
    }

    /** Reads the value at the current token as a tree, failing once it holds more than the allowed values. */
    private static JsonNode readBoundedTree(JsonParser parser, int[] allowance) throws IOException {
        if (--allowance[0] < 0) {
            throw new IOException("An entry of the report holds more than " + MAX_RECORD_NODES + " values");
        }
        var nodes = MAPPER.getNodeFactory();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                var object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, readBoundedTree(parser, allowance));
                }
                requireEnd(parser, JsonToken.END_OBJECT);
                return object;
            }
            case START_ARRAY -> {
                var array = nodes.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        throw new IOException("The report ends inside an array");
                    }
                    array.add(readBoundedTree(parser, allowance));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? nodes.numberNode(parser.getBigIntegerValue()) : nodes.numberNode(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return nodes.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return nodes.booleanNode(false);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new IOException("Unexpected JSON token " + token);
        }
    }

    private static void requireEnd(JsonParser parser, JsonToken expected) throws IOException {
        if (parser.currentToken() != expected) {
            throw new IOException("The report ends inside an object");
        }
    }

    private static String segment(String name) {
        return name.equals("*") || name.equals("~") || name.indexOf('/') >= 0 ? "\u0000" : name;
    }
}
