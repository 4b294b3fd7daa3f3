package io.jenkins.plugins.devsecops.fingerprint;

import io.jenkins.plugins.devsecops.model.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Gives every finding that has none a stable fingerprint: a hash of what identifies the problem, never of its
 * line number, so that moving code does not make an old finding look new.
 */
public final class FindingFingerprints {

    private FindingFingerprints() {
    }

    /** The finding itself when it has a fingerprint, else a copy with the default one. */
    public static Finding ensure(Finding finding) {
        if (finding.fingerprint() != null && !finding.fingerprint().isBlank()) {
            return finding;
        }
        return finding.toBuilder().fingerprint(defaultFingerprint(finding)).build();
    }

    /**
     * The default fingerprint: stage, rule, path and the whitespace-free snippet for code; stage, ecosystem, package
     * name and rule for dependencies.
     */
    public static String defaultFingerprint(Finding finding) {
        StringBuilder key = new StringBuilder().append(finding.stage()).append('\u0000').append(finding.ruleId());
        if (finding.component() != null) {
            key.append('\u0000').append(finding.component().ecosystem())
                    .append('\u0000').append(finding.component().name())
                    .append('\u0000').append(finding.component().version());
        }
        if (finding.location() != null) {
            key.append('\u0000').append(finding.location().path());
            String snippet = finding.location().snippet();
            if (snippet != null) {
                key.append('\u0000').append(snippet.replaceAll("\\s+", ""));
            } else {
                key.append('\u0000').append(finding.location().startLine());
            }
        }
        return sha256(key.toString());
    }

    /** The lower-case hex SHA-256 of {@code text} in UTF-8. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
