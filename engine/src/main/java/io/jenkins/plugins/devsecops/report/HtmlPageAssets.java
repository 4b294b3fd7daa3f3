package io.jenkins.plugins.devsecops.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The style sheet and script of the HTML report, read once from the class path, and the Content-Security-Policy
 * hash that lets exactly that script run and nothing else.
 */
final class HtmlPageAssets {

    static final String CSS = read("html/report.css");
    static final String SCRIPT = read("html/report.js");
    static final String SCRIPT_HASH = "sha256-" + sha256Base64(SCRIPT);

    private HtmlPageAssets() {
    }

    /**
     * The page's policy: nothing is fetched from anywhere (no network, no frames, no forms, no base URL); only the
     * writer's own script runs (by hash, so an injected script would not); inline styles are allowed for sections.
     */
    static String contentSecurityPolicy() {
        return "default-src 'none'; script-src '" + SCRIPT_HASH + "'; style-src 'unsafe-inline'; img-src data:; "
                + "base-uri 'none'; form-action 'none'";
    }

    private static String read(String name) {
        try (InputStream in = HtmlPageAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " next to " + HtmlPageAssets.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Base64(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
