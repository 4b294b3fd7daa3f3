package io.jenkins.plugins.devsecops.dast.http;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A URL's origin: scheme, host and port, with the default port made explicit. Two URLs are in the same origin only
 * when all three are equal; {@code localhost} and {@code 127.0.0.1} are different origins.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the lower-case host
 * @param port the port, the scheme's default when the URL names none
 */
public record OriginKey(String scheme, String host, int port) {

    /** The origin of an absolute http(s) URI, or empty for any other URI. */
    public static Optional<OriginKey> of(URI uri) {
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null || uri.isOpaque()) {
            return Optional.empty();
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return Optional.of(new OriginKey(scheme, host.toLowerCase(Locale.ROOT), port));
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
