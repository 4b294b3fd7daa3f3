package io.jenkins.plugins.devsecops.iac.yaml;

import io.jenkins.plugins.devsecops.scan.ParserErrors;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.jenkins.plugins.devsecops.iac.model.IacNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON (CloudFormation templates, IAM policies embedded in Terraform) into {@link IacNode} trees with line
 * numbers, with caps on size and nesting depth.
 */
public final class JsonDocuments {

    private static final int MAX_DEPTH = 100;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(YamlDocuments.MAX_CHARACTERS).build())
            .build();

    private JsonDocuments() {
    }

    /**
     * Parses one JSON value.
     *
     * @param firstLine the line of the file the JSON text starts on, so that lines point into the file
     * @throws IacParseException when the JSON is malformed or exceeds a limit
     */
    public static IacNode parse(String text, int firstLine) throws IacParseException {
        if (text.length() > YamlDocuments.MAX_CHARACTERS) {
            throw new IacParseException("JSON file too large to analyse (" + text.length() + " characters)");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IacParseException("Empty JSON document");
            }
            IacNode value = read(parser, token, firstLine - 1, lineOf(parser, firstLine - 1));
            if (parser.nextToken() != null) {
                throw new IacParseException("Unexpected content after the JSON value at line "
                        + lineOf(parser, firstLine - 1));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IacParseException(ParserErrors.sentence(e), e);
        } catch (IOException e) {
            throw new IacParseException(ParserErrors.sentence(e), e);
        }
    }

    private static int lineOf(JsonParser parser, int offset) {
        return parser.currentTokenLocation().getLineNr() + offset;
    }

    private static IacNode read(JsonParser parser, JsonToken token, int offset, int line) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                LinkedHashMap<String, IacNode> entries = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = lineOf(parser, offset);
                    entries.put(key, read(parser, parser.nextToken(), offset, keyLine));
                }
                return IacNode.Mapping.owning(entries, line);
            }
            case START_ARRAY -> {
                List<IacNode> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY && next != null) {
                    items.add(read(parser, next, offset, lineOf(parser, offset)));
                }
                return new IacNode.Sequence(items, line);
            }
            case VALUE_STRING -> {
                return IacNode.Scalar.string(parser.getText(), line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new IacNode.Scalar(parser.getText(), IacNode.ScalarKind.NUMBER, line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new IacNode.Scalar(parser.getText(), IacNode.ScalarKind.BOOL, line);
            }
            case VALUE_NULL -> {
                return new IacNode.Scalar("null", IacNode.ScalarKind.NULL, line);
            }
            default -> throw new JsonParseFailure("Unexpected JSON token " + token + " at line " + line);
        }
    }

    /** A structural error found while walking the tokens. */
    private static final class JsonParseFailure extends IOException {
        private static final long serialVersionUID = 1L;

        JsonParseFailure(String message) {
            super(message);
        }
    }
}
