package io.jenkins.plugins.devsecops.dast.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies of the one origin in scope, by name: set by the site through {@code Set-Cookie} or given by the user
 * (a session cookie). Values are secrets to the {@link Redactor}. Thread-safe.
 */
public final class CookieJar {

    private static final int MAX_COOKIES = 100;

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Redactor redactor;

    public CookieJar(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Sets a cookie. */
    public synchronized void put(String name, String value) {
        if (cookies.size() < MAX_COOKIES || cookies.containsKey(name)) {
            cookies.put(name, value);
            redactor.secret(value);
        }
    }

    /** Reads every {@code Set-Cookie} of a response; an expired or empty cookie is removed. */
    public synchronized void update(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            String lower = header.toLowerCase(Locale.ROOT);
            if (value.isEmpty() || value.equals("deleted") || lower.contains("max-age=0")
                    || lower.contains("expires=thu, 01 jan 1970") || lower.contains("expires=thu, 01-jan-1970")) {
                cookies.remove(name);
            } else {
                put(name, value);
            }
        }
    }

    /** The {@code Cookie} header, or empty when there is no cookie. */
    public synchronized String header() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** Forgets every cookie (before a new login). */
    public synchronized void clear() {
        cookies.clear();
    }

    /** The cookie names, for tests and the summary. */
    public synchronized List<String> names() {
        return List.copyOf(cookies.keySet());
    }
}
