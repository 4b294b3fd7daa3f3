package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;

/**
 * Stable identities of secret findings that never contain the secret: a SHA-256 over a fixed product salt, the rule
 * id and the secret value. The same leaked value keeps its fingerprint when lines move or files are renamed, so a
 * suppression or a triage decision follows it. The salt keeps the hash from equalling a bare SHA-256 of the value,
 * which could be looked up in tables of hashes of known leaked tokens; it cannot protect a low-entropy value from
 * guessing, which is one reason short secrets are also fully masked in snippets.
 */
final class SecretFingerprint {

    /** Fixed, public and versioned: changing it would change every secret fingerprint users suppressed. */
    static final String SALT = "devsecops-scan/secrets/v1";

    private SecretFingerprint() {
    }

    /** The fingerprint of a secret found by {@code ruleId}. */
    static String of(String ruleId, CharSequence secret) {
        return FindingFingerprints.sha256(SALT + '\u0000' + ruleId + '\u0000' + secret);
    }

    /** The fingerprint of a secret found in the history of {@code path}: distinct from the working-tree finding. */
    static String ofHistory(String ruleId, CharSequence secret, String path) {
        return FindingFingerprints.sha256(SALT + "/history\u0000" + path + '\u0000' + of(ruleId, secret));
    }
}
