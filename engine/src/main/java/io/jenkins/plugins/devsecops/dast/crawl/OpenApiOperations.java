package io.jenkins.plugins.devsecops.dast.crawl;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads an OpenAPI 3.x or Swagger 2.0 document (JSON or YAML) into {@link Target}s: one per operation, with its
 * path, query, form and flat JSON body parameters, valued from {@code example}, {@code default} or the first
 * {@code enum} entry, else generated from the type and format. Local {@code $ref}s are followed (a cycle ends the
 * walk). Servers that name another host are not trusted: only their path is used, under the scanned origin.
 */
public final class OpenApiOperations {

    /** The largest document read: 16 MiB. */
    public static final int MAX_CHARS = 16 * 1024 * 1024;

    private static final int MAX_DEPTH = 100;
    private static final int MAX_OPERATIONS = 5000;
    private static final List<String> VERBS = List.of("get", "post", "put", "patch", "delete", "head", "options");

    private final JsonNode root;
    private final List<String> warnings = new ArrayList<>();

    private OpenApiOperations(JsonNode root) {
        this.root = root;
    }

    /**
     * Parses a document.
     *
     * @throws IOException naming the problem when it is neither JSON nor YAML, or no OpenAPI/Swagger document
     */
    public static OpenApiOperations parse(String text) throws IOException {
        if (text.length() > MAX_CHARS) {
            throw new IOException("the OpenAPI document is larger than " + MAX_CHARS + " characters");
        }
        StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                .maxDocumentLength(MAX_CHARS).build();
        ObjectMapper mapper;
        if (text.stripLeading().startsWith("{")) {
            mapper = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(constraints).build()).build();
        } else {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            options.setNestingDepthLimit(MAX_DEPTH);
            options.setCodePointLimit(MAX_CHARS);
            mapper = new YAMLMapper(YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build());
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the OpenAPI document cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !(root.has("openapi") || root.has("swagger"))
                || !root.path("paths").isObject()) {
            throw new IOException("not an OpenAPI 3 or Swagger 2 document (no 'openapi'/'swagger' field and 'paths' map)");
        }
        return new OpenApiOperations(root);
    }

    /** What could not be used (an unresolvable reference, too many operations). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The operations under the origin of {@code target} (its path prefixes the servers' paths when they are relative). */
    public List<Target> targets(URI target) {
        String basePath = basePath(target);
        List<Target> targets = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            JsonNode item = deref(entry.getValue(), 0);
            for (String verb : VERBS) {
                JsonNode operation = item.get(verb);
                if (operation == null || !operation.isObject()) {
                    continue;
                }
                if (targets.size() >= MAX_OPERATIONS) {
                    warnings.add("only the first " + MAX_OPERATIONS + " operations are scanned");
                    return targets;
                }
                List<Param> params = new ArrayList<>();
                addParameters(item.path("parameters"), params);
                addParameters(operation.path("parameters"), params);
                addBody(operation.path("requestBody"), params);
                String path = entry.getKey().startsWith("/") ? entry.getKey() : "/" + entry.getKey();
                String base = origin(target) + joinPaths(basePath, path);
                targets.add(new Target(verb.toUpperCase(Locale.ROOT), base, params, "openapi",
                        verb.toUpperCase(Locale.ROOT) + " " + entry.getKey()));
            }
        }
        return targets;
    }

    private String basePath(URI target) {
        String path = "";
        if (root.has("swagger")) {
            path = root.path("basePath").asText("");
        } else {
            JsonNode server = root.path("servers").path(0).path("url");
            if (server.isTextual()) {
                String url = server.asText();
                try {
                    URI uri = URI.create(url.replaceAll("\\{[^}]*}", "x"));
                    path = uri.getRawPath() == null ? "" : uri.getRawPath();
                } catch (IllegalArgumentException e) {
                    warnings.add("server URL '" + url + "' ignored");
                }
            }
        }
        if (path.isEmpty() || path.equals("/")) {
            String targetPath = target.getRawPath() == null ? "" : target.getRawPath();
            return targetPath.endsWith("/") ? targetPath.substring(0, targetPath.length() - 1) : "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String origin(URI target) {
        return target.getScheme() + "://" + target.getRawAuthority();
    }

    private static String joinPaths(String base, String path) {
        return (base.startsWith("/") || base.isEmpty() ? base : "/" + base) + path;
    }

    private void addParameters(JsonNode list, List<Param> params) {
        if (!list.isArray()) {
            return;
        }
        for (JsonNode raw : list) {
            JsonNode parameter = deref(raw, 0);
            String name = parameter.path("name").asText("");
            String in = parameter.path("in").asText("");
            if (name.isEmpty()) {
                continue;
            }
            JsonNode schema = parameter.has("schema") ? deref(parameter.get("schema"), 0) : parameter;
            switch (in) {
                case "query" -> params.add(new Param(name, value(parameter, schema), Param.In.QUERY, type(schema)));
                case "path" -> params.add(new Param(name, value(parameter, schema), Param.In.PATH, type(schema)));
                case "formData" -> params.add(new Param(name, value(parameter, schema), Param.In.FORM, type(schema)));
                case "body" -> addSchemaProperties(schema, Param.In.JSON, params);
                default -> {
                    // header and cookie parameters are not varied
                }
            }
        }
    }

    private void addBody(JsonNode requestBody, List<Param> params) {
        JsonNode body = deref(requestBody, 0);
        JsonNode content = body.path("content");
        if (content.has("application/json")) {
            addSchemaProperties(deref(content.path("application/json").path("schema"), 0), Param.In.JSON, params);
        } else if (content.has("application/x-www-form-urlencoded")) {
            addSchemaProperties(deref(content.path("application/x-www-form-urlencoded").path("schema"), 0),
                    Param.In.FORM, params);
        }
    }

    private void addSchemaProperties(JsonNode schema, Param.In in, List<Param> params) {
        JsonNode example = schema.path("example");
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode propertySchema = deref(property.getValue(), 0);
            String value = example.has(property.getKey()) && example.get(property.getKey()).isValueNode()
                    ? example.get(property.getKey()).asText() : value(propertySchema, propertySchema);
            params.add(new Param(property.getKey(), value, in, type(propertySchema)));
        }
    }

    private JsonNode deref(JsonNode node, int depth) {
        if (node == null || node.isMissingNode()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        JsonNode ref = node.get("$ref");
        if (ref == null || !ref.isTextual()) {
            return node;
        }
        String pointer = ref.asText();
        if (!pointer.startsWith("#/") || depth > 20) {
            warnings.add("reference '" + pointer + "' not followed (only local references are)");
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return deref(root.at(pointer.substring(1)), depth + 1);
    }

    private static String type(JsonNode schema) {
        return schema.path("type").asText("string");
    }

    /** The parameter's example, default or first enum value, else one generated from its type and format. */
    static String value(JsonNode parameter, JsonNode schema) {
        for (JsonNode node : List.of(parameter, schema)) {
            if (node.path("example").isValueNode()) {
                return node.get("example").asText();
            }
            JsonNode examples = node.path("examples");
            if (examples.isObject() && examples.elements().hasNext()) {
                JsonNode first = examples.elements().next().path("value");
                if (first.isValueNode()) {
                    return first.asText();
                }
            }
            if (node.path("default").isValueNode()) {
                return node.get("default").asText();
            }
            if (node.path("enum").isArray() && !node.path("enum").isEmpty()) {
                return node.path("enum").get(0).asText();
            }
        }
        String format = schema.path("format").asText("");
        return switch (schema.path("type").asText("string")) {
            case "integer" -> "1";
            case "number" -> "1.5";
            case "boolean" -> "true";
            default -> switch (format) {
                case "date" -> "2024-01-01";
                case "date-time" -> "2024-01-01T00:00:00Z";
                case "email" -> "user@example.com";
                case "uuid" -> "00000000-0000-4000-8000-000000000001";
                case "uri", "url" -> "http://example.com/";
                default -> "test";
            };
        };
    }
}
