package io.jenkins.plugins.devsecops.dast.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Turns the URLs pages contain into absolute URIs without fragment, leniently: a URL that cannot be parsed is dropped. */
public final class Urls {

    private static final int MAX_URL_LENGTH = 4096;

    private Urls() {
    }

    /** {@code href} resolved against {@code base}, without its fragment; empty for what is not a usable URL. */
    public static Optional<URI> resolve(URI base, String href) {
        if (href == null) {
            return Optional.empty();
        }
        String text = href.strip();
        if (text.isEmpty() || text.length() > MAX_URL_LENGTH || text.startsWith("#")) {
            return Optional.empty();
        }
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash);
        }
        try {
            URI uri = base.resolve(new URI(escapeLoose(text)));
            if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                uri = new URI(uri.getScheme(), uri.getRawAuthority(), "/", uri.getRawQuery(), null);
            }
            return Optional.of(uri.normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Percent-encodes the characters browsers accept in URLs but {@link URI} refuses. */
    private static String escapeLoose(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == ' ') {
                out.append("%20");
            } else if (c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|'
                    || c == '}' || c < 0x20) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The URI without its query. */
    public static String withoutQuery(URI uri) {
        String text = uri.toString();
        int question = text.indexOf('?');
        return question < 0 ? text : text.substring(0, question);
    }
}
