package io.jenkins.plugins.devsecops.dast.http;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks secrets in whatever the scanner writes: the configured credentials, the session cookies it was given or
 * handed by the site, and the values of {@code Authorization}, {@code Cookie} and {@code Set-Cookie} headers.
 */
public final class Redactor {

    /** What a masked value is replaced with. */
    public static final String MASK = "****";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");
    private static final int MIN_SECRET_LENGTH = 3;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Adds a value to mask; short values (under 3 characters) are not masked, to keep text readable. */
    public void secret(String value) {
        if (value != null && value.length() >= MIN_SECRET_LENGTH && !secrets.contains(value)) {
            secrets.add(value);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
            String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
            if (!encoded.equals(value)) {
                secrets.add(encoded);
            }
        }
    }

    /** The secrets to mask, for the engine's report-wide masking. */
    public List<String> secrets() {
        return List.copyOf(secrets);
    }

    /** The text with every known secret masked. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /** A header value as it may be shown: masked entirely for credential headers. */
    public String headerValue(String name, String value) {
        if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            int equals = value.indexOf('=');
            int space = value.indexOf(' ');
            if (name.equalsIgnoreCase("authorization") && space > 0) {
                return value.substring(0, space) + " " + MASK;
            }
            return equals > 0 ? value.substring(0, equals) + "=" + MASK : MASK;
        }
        return redact(value);
    }
}
