package io.jenkins.plugins.devsecops.secrets;

import java.util.List;

/**
 * Recognises files whose values are ciphertext meant to be committed: Bitnami {@code SealedSecret} manifests, files
 * encrypted with SOPS (their {@code sops:} metadata with a {@code mac}) and Ansible Vault files. Values in them look
 * random because they are encrypted, so the rules that judge a value by its randomness leave them alone. Thread-safe.
 */
final class EncryptedFiles {

    private static final String ANSIBLE_VAULT = "$ANSIBLE_VAULT;";

    /** The last text asked about per thread, with the answer: a file has many candidates. */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    /**
     * Words (any case) every encrypted-secrets file but an Ansible Vault one holds: the detector looks for them in its
     * keyword pass and tells {@link #withoutMarkers} about a file without them, which then needs no search here.
     */
    static final List<String> MARKERS = List.of("sops", "sealedsecret");

    private EncryptedFiles() {
    }

    /**
     * Tells that {@code text}, a whole file, holds none of {@link #MARKERS} in any case: whether it is encrypted is
     * then whether it opens as an Ansible Vault file, and the next {@link #isEncrypted} of this text on this thread
     * needs no whole-file search.
     */
    static void withoutMarkers(String text) {
        Object[] last = LAST.get();
        last[0] = text;
        last[1] = text.startsWith(ANSIBLE_VAULT);
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

    /** Whole-file searches for rare words first: most files hold neither and are done after two passes. */
    private static boolean classify(String text) {
        if (text.startsWith(ANSIBLE_VAULT)) {
            return true;
        }
        if (text.contains("SealedSecret") && (text.contains("kind: SealedSecret")
                || text.contains("\"kind\": \"SealedSecret\"") || text.contains("\"kind\":\"SealedSecret\""))) {
            return true;
        }
        if (!text.contains("sops")) {
            return false;
        }
        boolean sopsMetadata = text.contains("sops:") || text.contains("\"sops\":") || text.contains("sops_version=")
                || text.contains("sops_mac=");
        return sopsMetadata && (text.contains("ENC[AES256_GCM,") || text.contains("ENC[AES256_CBC,"));
    }
}
