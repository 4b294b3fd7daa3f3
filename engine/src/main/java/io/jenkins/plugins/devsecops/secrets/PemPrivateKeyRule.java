package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;

/**
 * The rule {@code private-key-pem}: any {@code -----BEGIN ... PRIVATE KEY-----} block up to its {@code END} line,
 * whatever the key type and whether or not its body decodes, including keys pasted into source code as string
 * literals joined line by line ({@code "-----BEGIN RSA PRIVATE KEY-----\n" + "MIIE..."}). The typed rules
 * ({@code private-key-rsa}, {@code private-key-openssh}...) say more and win when they match the same key; this one
 * catches the rest. A body must hold enough random base64 to be a key rather than an elided example.
 */
final class PemPrivateKeyRule {

    static final String ID = "private-key-pem";

    /** Base64 characters a body needs before it can be a key: shorter ones are elided examples ({@code MIIE...}). */
    static final int MIN_BASE64 = 64;

    private PemPrivateKeyRule() {
    }

    static SecretRule rule() {
        return SecretRule.builder(ID)
                .title("Private key (PEM block of any kind)")
                .provider("Private key")
                .severity(Severity.CRITICAL)
                .confidence(Confidence.HIGH)
                // The BEGIN line is the keyword, so that one attempt per header suffices; the body takes single dashes
                // (Proc-Type, DEK-Info) but never five, so an attempt stops at the next header or at the END line.
                .keywords(List.of("-----begin"))
                .pattern(new JdkSecretPattern("-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----"
                        + "((?:[^-]|-(?!----)){20,16000}+)-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----", 1))
                .multiline(true)
                .check(PemPrivateKeyRule::accepts)
                .remediation("Revoke and rotate: treat the key as compromised, generate a new key pair, replace the"
                        + " public key or certificate everywhere it is trusted, and remove the private key from the"
                        + " repository history.")
                .references(List.of("https://datatracker.ietf.org/doc/html/rfc7468",
                        "https://cwe.mitre.org/data/definitions/321.html"))
                .examples(List.of("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAAC3NzaC1lZDI1NTE5AAAAIGx1Zm9vYmFyYmF6cXV4"
                        + "cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9mcmVk\n-----END OPENSSH PRIVATE KEY-----"))
                .counterExamples(List.of("-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----"))
                .build();
    }

    /** Enough base64 in the body, random enough, and not a run of one character. */
    static boolean accepts(String path, CharSequence text, int start, int end) {
        StringBuilder base64 = new StringBuilder(Math.min(end - start, 16_000));
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
                base64.append(c);
            } else if (c == '\\' && i + 1 < end && (text.charAt(i + 1) == 'n' || text.charAt(i + 1) == 'r')) {
                i++; // an escaped line break in a string literal
            }
        }
        if (base64.length() < MIN_BASE64) {
            return false;
        }
        String body = base64.toString();
        return ShannonEntropy.of(body) >= 4.0 && !PlaceholderValues.hasLongRun(body)
                && !body.toLowerCase(java.util.Locale.ROOT).contains("example");
    }
}
