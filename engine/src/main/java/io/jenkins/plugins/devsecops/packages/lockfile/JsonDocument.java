package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.scan.ParserErrors;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read as a tree that remembers the line every object starts on, so that a package entry can be
 * located in its lockfile.
 */
public final class JsonDocument {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200)
                    .maxStringLength(20_000_000).maxNumberLength(1000).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode root;
    private final Map<JsonNode, Integer> objectLines;

    private JsonDocument(JsonNode root, Map<JsonNode, Integer> objectLines) {
        this.root = root;
        this.objectLines = objectLines;
    }

    /**
     * Parses {@code file}.
     *
     * @throws LockfileException naming the line and column when it is not well-formed JSON
     */
    public static JsonDocument parse(Lockfile file) throws LockfileException {
        Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        byte[] bytes = file.bytes();
        boolean byteOrderMark = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        // the byte parser is faster than decoding to a String first; a byte-order mark goes through the text
        try (JsonParser parser = byteOrderMark ? FACTORY.createParser(file.text()) : FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new LockfileException("empty file, expected JSON");
            }
            JsonNode root = read(parser, first, lines);
            if (parser.nextToken() != null) {
                throw new LockfileException("unexpected content after the JSON document at line "
                        + parser.currentTokenLocation().getLineNr());
            }
            return new JsonDocument(root, lines);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LockfileException(ParserErrors.describe(e), e);
        } catch (IOException e) {
            throw new LockfileException(ParserErrors.describe(e), e);
        }
    }

    private static JsonNode read(JsonParser parser, JsonToken token, Map<JsonNode, Integer> lines)
            throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                lines.put(object, parser.currentTokenLocation().getLineNr());
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.set(name, read(parser, parser.nextToken(), lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(read(parser, next, lines));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return nodes.textNode(parser.getText());
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
            default -> throw new IOException("unexpected token " + token);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** The 1-based line an object starts on, 0 for other nodes. */
    public int lineOf(JsonNode node) {
        Integer line = objectLines.get(node);
        return line == null ? 0 : line;
    }

    /**
     * The field {@code field} of {@code parent} when it has the JSON type a parser needs; when it is there with
     * another type, a warning naming the field goes to {@code warnings} (its entries would otherwise be missing
     * without a word) and a missing node is returned.
     *
     * @param where the field's place in the document for the warning, e.g. {@code packages}
     */
    public static JsonNode expect(JsonNode parent, String field, JsonNodeType type, String where,
            List<String> warnings) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            return MissingNode.getInstance();
        }
        if (value.getNodeType() != type) {
            warnings.add("field '" + where + "' is " + describe(value.getNodeType()) + ", expected "
                    + describe(type) + ": its entries were not read");
            return MissingNode.getInstance();
        }
        return value;
    }

    private static String describe(JsonNodeType type) {
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The text of {@code node} when it is a string or number, else {@code null}. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
