package io.jenkins.plugins.devsecops.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Content-Security-Policy of the self-contained pages: nothing is fetched from anywhere (no network, no frames,
 * no forms, no base URL) and only the inline scripts the page's own writer put there run, each allowed by its
 * SHA-256 hash, so that a script injected through report data would not.
 */
public final class InlineScripts {

    /**
     * Hashes made at build time for scripts the engine ships (the ECharts library: 0.6 MB, hashed for each page that
     * inlines it), by identity of the script's text; a test checks each against {@link #hash}.
     */
    private static final Map<String, String> KNOWN_HASHES = new IdentityHashMap<>();

    /**
     * The UTF-8 bytes of scripts the engine ships, by identity of the script's text, checked when registered to hold
     * no {@code </script} in any case: the page writers copy them to the file as they are, instead of searching and
     * encoding the 0.6 MB text again for every page.
     */
    private static final Map<String, byte[]> SHIPPED_BYTES = new IdentityHashMap<>();

    private InlineScripts() {
    }

    /**
     * Makes {@link #contentSecurityPolicy} take {@code hash} for this very {@code script} object instead of hashing
     * it again; {@code hash} must be {@link #hash}{@code (script)}, made at build time and checked by a test.
     *
     * @return {@code script}
     */
    public static String withBuildTimeHash(String script, String hash) {
        synchronized (KNOWN_HASHES) {
            KNOWN_HASHES.put(script, hash);
        }
        return script;
    }

    /**
     * Makes the page writers copy {@code utf8} for this very {@code script} object: {@code utf8} must be what encoding
     * {@code script} as UTF-8 gives (e.g. the valid UTF-8 it was decoded from; a test checks it for the shipped
     * scripts). Nothing happens when {@code script} holds {@code </script} in any case (a script the writers refuse).
     *
     * @return {@code script}
     */
    public static String withUtf8(String script, byte[] utf8) {
        if (!closesScriptElement(script)) {
            synchronized (SHIPPED_BYTES) {
                SHIPPED_BYTES.put(script, utf8);
            }
        }
        return script;
    }

    /**
     * The UTF-8 bytes of {@code script} when it is a shipped script registered with {@link #withUtf8} (then known to
     * hold no {@code </script} in any case); {@code null} otherwise. The array is shared: never change it.
     */
    public static byte[] shippedUtf8(String script) {
        synchronized (SHIPPED_BYTES) {
            return SHIPPED_BYTES.get(script);
        }
    }

    /**
     * Appends {@code script} as an inline script element. A shipped script registered with {@link #withUtf8} is copied
     * to {@code bytes} as its UTF-8 bytes, after what {@code html} holds so far is written to {@code out} and flushed
     * ({@code out} writes to {@code bytes}); any other script, or every script when {@code bytes} is {@code null}, is
     * appended to {@code html}.
     */
    public static void appendElement(StringBuilder html, String script, Writer out, OutputStream bytes)
            throws IOException {
        byte[] shipped = bytes == null ? null : shippedUtf8(script);
        html.append("<script>");
        if (shipped == null) {
            html.append(script);
        } else {
            out.append(html);
            html.setLength(0);
            out.flush();
            bytes.write(shipped);
        }
        html.append("</script>\n");
    }

    /** Whether {@code script} holds {@code </script} in any case (ASCII letters only, as the HTML parser reads it). */
    static boolean closesScriptElement(String script) {
        for (int at = script.indexOf("</"); at >= 0; at = script.indexOf("</", at + 2)) {
            if (script.regionMatches(true, at + 2, "script", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    private static String knownOrComputedHash(String script) {
        String known;
        synchronized (KNOWN_HASHES) {
            known = KNOWN_HASHES.get(script);
        }
        return known != null ? known : hash(script);
    }

    /** The CSP source expression that allows exactly {@code script}: {@code sha256-<base64>}. */
    public static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * The page policy allowing {@code scripts} (the exact text between {@code <script>} and {@code </script>}) and
     * nothing else; inline styles are allowed, images only as {@code data:} URLs.
     */
    public static String contentSecurityPolicy(List<String> scripts) {
        StringBuilder policy = new StringBuilder("default-src 'none'; script-src");
        if (scripts.isEmpty()) {
            policy.append(" 'none'");
        }
        scripts.stream().map(InlineScripts::knownOrComputedHash).distinct()
                .forEach(h -> policy.append(" '").append(h).append('\''));
        return policy.append("; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
                .toString();
    }
}
