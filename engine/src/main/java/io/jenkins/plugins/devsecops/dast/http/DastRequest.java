package io.jenkins.plugins.devsecops.dast.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request the scanner wants to send. It is only sent through {@link HttpGate}, which checks it against the
 * scope and the limits first.
 *
 * @param method the upper-case verb
 * @param uri the absolute URI, query already encoded
 * @param headers extra headers (the gate adds authentication and cookies)
 * @param body the body, empty for none
 * @param contentType the body's media type, or {@code null}
 */
public record DastRequest(String method, URI uri, Map<String, String> headers, byte[] body, String contentType) {

    public DastRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    /** A GET of {@code uri}. */
    public static DastRequest get(URI uri) {
        return new DastRequest("GET", uri, Map.of(), null, null);
    }

    /** A request with a form-encoded body. */
    public static DastRequest form(String method, URI uri, String encodedForm) {
        return new DastRequest(method, uri, Map.of(), encodedForm.getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
    }

    /** This request with one more header. */
    public DastRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new DastRequest(method, uri, copy, body, contentType);
    }

    /** The body as text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DastRequest that && method.equals(that.method) && uri.equals(that.uri)
                && headers.equals(that.headers) && java.util.Arrays.equals(body, that.body)
                && Objects.equals(contentType, that.contentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, java.util.Arrays.hashCode(body), contentType);
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
