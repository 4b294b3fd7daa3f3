package io.jenkins.plugins.devsecops.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The Content-Security-Policy of the self-contained pages: nothing is fetched from anywhere (no network, no frames,
 * no forms, no base URL) and only the inline scripts the page's own writer put there run, each allowed by its
 * SHA-256 hash, so that a script injected through report data would not.
 */
public final class InlineScripts {

    private InlineScripts() {
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
        scripts.stream().map(InlineScripts::hash).distinct().forEach(h -> policy.append(" '").append(h).append('\''));
        return policy.append("; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
                .toString();
    }
}
