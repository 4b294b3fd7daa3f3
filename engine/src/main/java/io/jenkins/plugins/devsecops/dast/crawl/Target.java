package io.jenkins.plugins.devsecops.dast.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.dast.http.DastRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A request shape with inputs the active checks can vary: a link with a query, an HTML form, an API operation.
 *
 * @param method the verb
 * @param base the URI without query; for API operations a path template with {@code {name}} placeholders
 * @param params the inputs, in order
 * @param source where it was found: {@code link}, {@code form}, {@code openapi}
 * @param page the page it was found on (its form or link), for the report
 */
public record Target(String method, String base, List<Param> params, String source, String page) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Target {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(base, "base");
        params = List.copyOf(params);
    }

    /** A key identifying this shape: verb, base and sorted parameter names (not values). */
    public String shapeKey() {
        return method + " " + base + " " + params.stream().map(p -> p.in() + ":" + p.name()).sorted()
                .collect(Collectors.joining(","));
    }

    /** The request with the default values. */
    public DastRequest request() {
        return request(params);
    }

    /** The request with parameter {@code index} set to {@code value}, the others at their defaults. */
    public DastRequest request(int index, String value) {
        List<Param> changed = new ArrayList<>(params);
        changed.set(index, params.get(index).withValue(value));
        return request(changed);
    }

    /** The request with these parameter values. */
    public DastRequest request(List<Param> values) {
        String path = base;
        List<String> query = new ArrayList<>();
        List<String> form = new ArrayList<>();
        ObjectNode json = null;
        for (Param param : values) {
            switch (param.in()) {
                case PATH -> path = path.replace("{" + param.name() + "}", encodePath(param.value()));
                case QUERY -> query.add(encode(param.name()) + "=" + encode(param.value()));
                case FORM -> form.add(encode(param.name()) + "=" + encode(param.value()));
                case JSON -> {
                    if (json == null) {
                        json = JSON.createObjectNode();
                    }
                    if (param.type().equals("integer") || param.type().equals("number")) {
                        try {
                            json.put(param.name(), new java.math.BigDecimal(param.value()));
                        } catch (NumberFormatException e) {
                            json.put(param.name(), param.value());
                        }
                    } else if (param.type().equals("boolean")) {
                        json.put(param.name(), Boolean.parseBoolean(param.value()));
                    } else {
                        json.put(param.name(), param.value());
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        String full = query.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + String.join("&", query);
        URI uri = URI.create(full);
        if (json != null) {
            return new DastRequest(method, uri, Map.of(), json.toString().getBytes(StandardCharsets.UTF_8),
                    "application/json");
        }
        if (!form.isEmpty() || !method.equals("GET") && !method.equals("HEAD")) {
            return DastRequest.form(method, uri, String.join("&", form));
        }
        return new DastRequest(method, uri, Map.of(), null, null);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String encodePath(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
