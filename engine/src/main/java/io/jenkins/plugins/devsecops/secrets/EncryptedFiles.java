package io.jenkins.plugins.devsecops.secrets;

/**
 * Recognises files whose values are ciphertext meant to be committed: Bitnami {@code SealedSecret} manifests, files
 * encrypted with SOPS (their {@code sops:} metadata with a {@code mac}) and Ansible Vault files. Values in them look
 * random because they are encrypted, so the rules that judge a value by its randomness leave them alone. Thread-safe.
 */
final class EncryptedFiles {

    /** The last text asked about per thread, with the answer: a file has many candidates. */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    private EncryptedFiles() {
    }

    /** Whether {@code text}, a whole file, is an encrypted-secrets file. */
    static boolean isEncrypted(CharSequence text) {
        Object[] last = LAST.get();
        if (last[0] != text) {
            last[0] = text;
            last[1] = classify(text.toString());
        }
        return (Boolean) last[1];
    }

    private static boolean classify(String text) {
        if (text.contains("kind: SealedSecret") || text.contains("\"kind\": \"SealedSecret\"")
                || text.contains("\"kind\":\"SealedSecret\"")) {
            return true;
        }
        if (text.startsWith("$ANSIBLE_VAULT;")) {
            return true;
        }
        boolean sopsMetadata = text.contains("sops:") || text.contains("\"sops\":") || text.contains("sops_version=")
                || text.contains("sops_mac=");
        return sopsMetadata && (text.contains("ENC[AES256_GCM,") || text.contains("ENC[AES256_CBC,"));
    }
}
