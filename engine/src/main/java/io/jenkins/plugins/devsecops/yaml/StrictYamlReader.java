package io.jenkins.plugins.devsecops.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import io.jenkins.plugins.devsecops.scan.ParserErrors;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads small configuration files (policy, suppressions) from YAML into typed documents, strictly and safely:
 * unknown fields, duplicate keys and wrong types are errors with line and column; aliases and anchors are refused
 * (no billion-laughs expansion is possible), and size and nesting are capped. Thread-safe.
 */
public final class StrictYamlReader {

    /** The largest file read: 1 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final int MAX_NESTING = 40;

    private final ObjectMapper mapper;

    public StrictYamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_BYTES).maxDocumentLength(MAX_BYTES).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper = YAMLMapper.builder(factory).addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    /** Reads the file at {@code path} as a {@code type}, refusing files over {@link #MAX_BYTES}. */
    public <T> T read(Path path, Class<T> type) throws IOException {
        String source = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // A FIFO or device would block or never end.
            throw new YamlInputException(source, 0, 0, "not a regular file", null);
        }
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw new YamlInputException(source, 0, 0, "file is " + size + " bytes, more than the "
                    + MAX_BYTES + " allowed", null);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(new String(in.readNBytes(MAX_BYTES + 1), StandardCharsets.UTF_8), source, type);
        }
    }

    /** Reads {@code text} (named {@code source} in errors) as a {@code type}. */
    public <T> T read(String text, String source, Class<T> type) throws YamlInputException {
        if (text.length() > MAX_BYTES) {
            throw new YamlInputException(source, 0, 0, "more than " + MAX_BYTES + " characters", null);
        }
        if (text.isBlank()) {
            throw new YamlInputException(source, 0, 0, "the file is empty", null);
        }
        JsonLocation[] tokenLocation = new JsonLocation[3];
        try (YAMLParser parser = (YAMLParser) mapper.getFactory().createParser(text)) {
            AliasRefusingParser guarded = new AliasRefusingParser(parser, tokenLocation);
            T value = mapper.readValue(guarded, type);
            if (value == null) {
                throw new YamlInputException(source, 1, 1, "the document is empty", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw translate(source, e, tokenLocation);
        } catch (IOException | RuntimeException e) {
            throw new YamlInputException(source, 0, 0, describe(e), e);
        }
    }

    private static YamlInputException translate(String source, JsonProcessingException e,
            JsonLocation[] tokenLocation) {
        JsonLocation location = e.getLocation();
        if (e instanceof UnrecognizedPropertyException && tokenLocation[1] != null) {
            location = tokenLocation[1];
        } else if (e instanceof ValueInstantiationException && tokenLocation[2] != null) {
            location = tokenLocation[2];
        } else if (e instanceof JsonMappingException && tokenLocation[0] != null) {
            location = tokenLocation[0];
        }
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        MarkedYAMLException marked = syntaxError(e);
        String problem;
        if (marked != null) {
            if (marked.getProblemMark() != null) {
                line = marked.getProblemMark().getLine() + 1;
                column = marked.getProblemMark().getColumn() + 1;
            }
            // Only SnakeYAML's fixed description: its context and snippet quote the file's content.
            problem = "invalid YAML: " + ParserErrors.yamlProblem(marked.getContext(), marked.getProblem());
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            problem = "unknown field '" + unknown.getPropertyName() + "'" + at(unknown) + "; known fields: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "));
        } else if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            problem = describe(invalid.getCause()) + at(invalid);
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = "expected " + expected(mismatch.getTargetType()) + at(mismatch);
        } else if (e instanceof JsonMappingException mapping) {
            problem = ParserErrors.describe(mapping.getCause() instanceof JsonParseException parse ? parse : mapping)
                    .replaceFirst("^malformed YAML at line [0-9, column]+: ", "").replaceFirst(" at line .*$", "")
                    + at(mapping);
        } else {
            problem = ParserErrors.describe(e).replaceFirst("^malformed YAML at line [0-9, column]+: ", "")
                    .replaceFirst(" at line .*$", "");
        }
        return new YamlInputException(source, line, column, problem, e);
    }

    private static String at(JsonMappingException e) {
        String path = e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName()
                : ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : "").collect(Collectors.joining());
        if (path.startsWith(".")) {
            path = path.substring(1);
        }
        return path.isEmpty() ? "" : " (at " + path + ")";
    }

    /** The YAML syntax error behind {@code e}, if that is what it is. */
    private static MarkedYAMLException syntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return marked;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String expected(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a single value";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date (YYYY-MM-DD)";
        }
        return "a mapping of fields";
    }

    /** Our own validation messages as they are; a library's message (which may quote the file) described. */
    private static String describe(Throwable e) {
        return firstLine(ParserErrors.message(e));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        String first = message.strip().lines().findFirst().orElse(message);
        // Jackson names its own classes in messages; users need the field, not the Java type.
        return first.replaceAll("(?:[a-z][a-z0-9_]*\\.)+(?:[A-Z][A-Za-z0-9_]*\\$)?([A-Z][A-Za-z0-9_]*)", "$1");
    }

    /** Refuses YAML aliases, which Jackson would otherwise read as the anchor's name. */
    private static final class AliasRefusingParser extends JsonParserDelegate {
        private final YAMLParser yaml;
        private final JsonLocation[] tokenLocation;
        private final java.util.ArrayDeque<JsonLocation> objectStarts = new java.util.ArrayDeque<>();

        AliasRefusingParser(YAMLParser yaml, JsonLocation[] tokenLocation) {
            super(yaml);
            this.yaml = yaml;
            this.tokenLocation = tokenLocation;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (token == JsonToken.FIELD_NAME) {
                tokenLocation[1] = yaml.currentTokenLocation();
            } else if (token == JsonToken.START_OBJECT) {
                objectStarts.push(yaml.currentTokenLocation());
            } else if (token == JsonToken.END_OBJECT && !objectStarts.isEmpty()) {
                // A record is built once its mapping ends: errors in building it point at where it began.
                tokenLocation[2] = objectStarts.pop();
            }
            tokenLocation[0] = yaml.currentTokenLocation();
            if (yaml.isCurrentAlias()) {
                throw new JsonParseException(this, "YAML aliases (*name) are not allowed in this file");
            }
            return token;
        }
    }
}
