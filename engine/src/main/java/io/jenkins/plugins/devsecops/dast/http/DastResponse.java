package io.jenkins.plugins.devsecops.dast.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response as the scanner saw it: status, headers (names lower-case), the body decoded as text up to the size
 * limit, and whether it was cut there.
 *
 * @param request the request that was sent (as sent, with cookies and authentication)
 * @param status the HTTP status
 * @param headers header values by lower-case name
 * @param body the decoded body, at most the response size limit
 * @param truncated whether the body was longer than the limit
 * @param millis how long the exchange took
 */
public record DastResponse(DastRequest request, int status, Map<String, List<String>> headers, String body,
        boolean truncated, long millis) {

    public DastResponse {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                .addAll(values));
        lower.replaceAll((k, v) -> List.copyOf(v));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body == null ? "" : body;
    }

    /** The URI that answered. */
    public URI uri() {
        return request.uri();
    }

    /** The first value of a header, by any case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The media type without parameters, lower-case, or empty. */
    public String mediaType() {
        String type = header("content-type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the body is HTML (by media type, or by its start when none is given). */
    public boolean isHtml() {
        String type = mediaType();
        if (type.isEmpty()) {
            String start = body.stripLeading();
            return start.regionMatches(true, 0, "<!doctype html", 0, 14) || start.regionMatches(true, 0, "<html", 0, 5);
        }
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    /** Whether this is a redirect with a {@code Location}. */
    public boolean isRedirect() {
        return status >= 300 && status < 400 && header("location").isPresent();
    }
}
