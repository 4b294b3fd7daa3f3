package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The rule {@code kubernetes-secret-data}: every value under {@code data:} of a Kubernetes {@code Secret} manifest,
 * whether {@code data} comes after {@code kind: Secret} (written by hand) or before it ({@code kubectl get secret -o
 * yaml} sorts the keys). Base64 is no encryption, so each value is decoded and judged as what it is: random bytes
 * (a key, a keystore) count; text counts when its key names a credential and it is a plausible password, or when it
 * looks like a generated token whatever its key. User names, hosts, ports, certificates ({@code tls.crt}, {@code
 * ca.crt}) and placeholders do not. Defined in code because a data block needs a small reader. Thread-safe.
 */
final class KubernetesSecretRule {

    static final String ID = "kubernetes-secret-data";

    /** How far a document may reach before or after its {@code kind: Secret} line. */
    private static final int DOCUMENT_REACH = 64 * 1024;

    /** At most this many values per Secret. */
    private static final int MAX_ENTRIES = 200;

    private KubernetesSecretRule() {
    }

    static SecretRule rule() {
        return SecretRule.builder(ID)
                .title("Kubernetes Secret manifest with data values")
                .provider("Kubernetes")
                .severity(Severity.HIGH)
                .confidence(Confidence.HIGH)
                .keywords(List.of("kind: secret", "kind: \"secret\"", "kind: 'secret'"))
                .pattern(new DataValues())
                .multiline(true)
                .remediation("Revoke and rotate the credentials encoded in the Secret at their source (base64 is not"
                        + " encryption), then deliver them with Sealed Secrets, SOPS, External Secrets or a vault"
                        + " instead of committing the manifest.")
                .references(List.of("https://kubernetes.io/docs/concepts/configuration/secret/",
                        "https://kubernetes.io/docs/concepts/security/secrets-good-practices/"))
                .examples(List.of(
                        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\n  namespace: prod\ntype: Opaque\n"
                                + "data:\n  password: T55pcLhQoKE/mP72tzFvSjL4xrJu5MPS\n  username: b3JkZXJz\n",
                        "apiVersion: v1\ndata:\n  token: 7Lj5SrMzgNL6ZONpvwSd1UTIzPHO41kRafYnAc3mRIApBpap\nkind: Secret\n"
                                + "metadata:\n  name: ci-token\n  namespace: build\ntype: Opaque\n",
                        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  DB_USER: b3JkZXJz\n"
                                + "  DB_PASSWORD: S3A5I3ZRMnp4TDdt\n  DB_HOST: ZGIuaW50ZXJuYWw=\n"))
                .counterExamples(List.of(
                        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\nstringData:\n  password: ${DB_PASSWORD}\n",
                        "kind: Secret\nmetadata:\n  name: app\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: aW5mbw==\n",
                        "apiVersion: v1\nkind: Secret\ndata:\n  username: YWRtaW4=\n  password: Y2hhbmdlbWU=\n",
                        "apiVersion: v1\nkind: SecretProviderClass\ndata:\n  token: 7Lj5SrMzgNL6ZONpvwSd1UTIzPHO41kRafYnAc3mRIApBpap\n"))
                .build();
    }

    /** Finds the {@code kind: Secret} line in the region, then every value of its document's {@code data:} block. */
    static final class DataValues implements SecretPattern {

        @Override
        public String source() {
            return "kind: Secret, then every <key>: <base64> under the document's top-level data: (decoded and judged)";
        }

        @Override
        public int groupCount() {
            return 1;
        }

        @Override
        public void findAll(CharSequence text, int from, int to, MatchConsumer consumer) {
            int kind = kindLine(text, from, Math.min(to, from + 256));
            if (kind < 0) {
                return;
            }
            int kindEnd = lineEnd(text, kind);
            int documentStart = documentStart(text, kind);
            int documentEnd = documentEnd(text, kindEnd);
            int data = findTopLevel(text, documentStart, documentEnd, "data:");
            if (data < 0) {
                return;
            }
            int line = lineEnd(text, data) + 1;
            int indent = -1;
            for (int entries = 0; line < documentEnd && entries < MAX_ENTRIES && !consumer.stopped(); entries++) {
                int next = lineEnd(text, line) + 1;
                int first = line;
                while (first < next - 1 && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
                    first++;
                }
                if (first >= next - 1 || text.charAt(first) == '#' || text.charAt(first) == '\r') {
                    line = next; // a blank or comment line
                    continue;
                }
                if (first == line || indent >= 0 && first - line != indent) {
                    return; // the block ended
                }
                indent = first - line;
                entry(text, first, Math.min(next - 1, documentEnd), kind, kindEnd, consumer);
                line = next;
            }
        }

        /** One {@code key: value} line of the data block. */
        private static void entry(CharSequence text, int keyStart, int lineEnd, int kind, int kindEnd,
                MatchConsumer consumer) {
            int colon = keyStart;
            while (colon < lineEnd && text.charAt(colon) != ':') {
                colon++;
            }
            if (colon >= lineEnd) {
                return;
            }
            String key = stripQuotes(text.subSequence(keyStart, colon).toString().strip());
            int valueStart = colon + 1;
            while (valueStart < lineEnd && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
                valueStart++;
            }
            int valueEnd = lineEnd;
            while (valueEnd > valueStart && Character.isWhitespace(text.charAt(valueEnd - 1))) {
                valueEnd--;
            }
            if (valueEnd - valueStart >= 2 && (text.charAt(valueStart) == '"' || text.charAt(valueStart) == '\'')
                    && text.charAt(valueEnd - 1) == text.charAt(valueStart)) {
                valueStart++;
                valueEnd--;
            }
            if (valueEnd - valueStart < 4 || !isBase64(text, valueStart, valueEnd)) {
                return;
            }
            if (worthReporting(key, text.subSequence(valueStart, valueEnd).toString())) {
                consumer.match(Math.min(kind, keyStart), Math.max(kindEnd, valueEnd), valueStart, valueEnd);
            }
        }

        /** Whether the value under {@code key}, in base64, holds a credential. */
        static boolean worthReporting(String key, String base64) {
            String lowerKey = key.toLowerCase(Locale.ROOT);
            if (lowerKey.endsWith(".crt") || lowerKey.endsWith(".cert") || lowerKey.endsWith(".pub")
                    || lowerKey.startsWith("ca.") || lowerKey.contains("certificate") && !lowerKey.contains("key")) {
                return false; // public certificates and keys
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (!isText(bytes)) {
                // Random bytes: a key, a keystore, a generated secret. Judged by the randomness of the encoding.
                return base64.length() >= 16 && ShannonEntropy.of(base64) >= 3.0;
            }
            String decoded = new String(bytes, StandardCharsets.UTF_8).strip();
            if (decoded.isEmpty() || PlaceholderValues.isPlaceholder(decoded)) {
                return false;
            }
            if (decoded.startsWith("-----BEGIN") || decoded.startsWith("{") || decoded.contains("\n")) {
                // a PEM block, a docker config or a file: worth a look unless it is a certificate alone
                return !decoded.startsWith("-----BEGIN CERTIFICATE") && !decoded.startsWith("-----BEGIN PUBLIC KEY")
                        && ShannonEntropy.of(decoded) >= 3.0;
            }
            if (decoded.indexOf(' ') >= 0) {
                return false; // prose
            }
            boolean credentialKey = lowerKey.contains("pass") || lowerKey.contains("pwd") || lowerKey.contains("secret")
                    || lowerKey.contains("token") || lowerKey.contains("key") || lowerKey.contains("auth")
                    || lowerKey.contains("credential") || lowerKey.contains("dockerconfig");
            if (credentialKey && GenericAssignmentRule.keyAccepted(lowerKey)) {
                return CredentialChecks.passwordValue(decoded) && GenericAssignmentRule.passwordLooksReal(decoded)
                        || GenericAssignmentRule.valueLooksSecret(decoded);
            }
            return GenericAssignmentRule.valueLooksSecret(decoded) && decoded.length() >= 16;
        }

        private static boolean isText(byte[] bytes) {
            if (bytes.length == 0) {
                return true;
            }
            int printable = 0;
            for (byte b : bytes) {
                if (b >= 0x20 && b < 0x7f || b == '\n' || b == '\r' || b == '\t') {
                    printable++;
                }
            }
            return printable == bytes.length;
        }

        private static boolean isBase64(CharSequence text, int start, int end) {
            int padding = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c == '=') {
                    padding++;
                } else if (padding > 0 || !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                        || c == '+' || c == '/')) {
                    return false;
                }
            }
            return padding <= 2 && (end - start) % 4 != 1;
        }

        private static String stripQuotes(String key) {
            if (key.length() >= 2 && (key.charAt(0) == '"' || key.charAt(0) == '\'')
                    && key.charAt(key.length() - 1) == key.charAt(0)) {
                return key.substring(1, key.length() - 1);
            }
            return key;
        }

        /** The start of a top-level {@code kind: Secret} line (nothing else on it) within the region, or -1. */
        private static int kindLine(CharSequence text, int from, int to) {
            for (int i = from; i + 5 <= to; i++) {
                if ((i == 0 || text.charAt(i - 1) == '\n') && AssignmentPattern.startsWith(text, i, "kind:")) {
                    int v = i + 5;
                    while (v < text.length() && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
                        v++;
                    }
                    int end = lineEnd(text, v);
                    String value = stripQuotes(text.subSequence(v, end).toString().strip());
                    return value.equals("Secret") ? i : -1;
                }
            }
            return -1;
        }

        /** The start of the document holding {@code at}: after the {@code ---} line before it, or the text start. */
        private static int documentStart(CharSequence text, int at) {
            int limit = Math.max(0, at - DOCUMENT_REACH);
            int line = at;
            while (line > limit) {
                int previous = line - 1;
                while (previous > limit && text.charAt(previous - 1) != '\n') {
                    previous--;
                }
                if (AssignmentPattern.startsWith(text, previous, "---")) {
                    return line;
                }
                line = previous;
            }
            return limit;
        }

        /** The end of the document: the start of the next {@code ---} line, or the text's end. */
        private static int documentEnd(CharSequence text, int from) {
            int limit = Math.min(text.length(), from + DOCUMENT_REACH);
            int line = from + 1;
            while (line < limit) {
                if (AssignmentPattern.startsWith(text, line, "---")) {
                    return line;
                }
                line = lineEnd(text, line) + 1;
            }
            return limit;
        }

        /** The start of a line of the range that begins with {@code word} in column 0, or -1. */
        private static int findTopLevel(CharSequence text, int from, int to, String word) {
            int line = from;
            while (line < to) {
                if (AssignmentPattern.startsWith(text, line, word)) {
                    int after = line + word.length();
                    while (after < to && (text.charAt(after) == ' ' || text.charAt(after) == '\t'
                            || text.charAt(after) == '\r')) {
                        after++;
                    }
                    if (after >= text.length() || text.charAt(after) == '\n') {
                        return line;
                    }
                }
                line = lineEnd(text, line) + 1;
            }
            return -1;
        }

        private static int lineEnd(CharSequence text, int from) {
            for (int i = from; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    return i;
                }
            }
            return text.length();
        }
    }
}
