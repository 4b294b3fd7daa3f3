package io.jenkins.plugins.devsecops.report;

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
