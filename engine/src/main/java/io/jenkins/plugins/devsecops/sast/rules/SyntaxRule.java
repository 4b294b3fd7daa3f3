package io.jenkins.plugins.devsecops.sast.rules;

import io.jenkins.plugins.devsecops.model.Severity;

/** The rules checked on the syntax tree alone, without data flow. */
public enum SyntaxRule {
    HARD_CODED_KEY("hard-coded-crypto-key", "CWE-321", Severity.HIGH, "Hard-coded cryptographic key or IV",
            "Load keys from a key store or secret manager; generate IVs with SecureRandom for every message."),
    TRUST_ALL_CERTIFICATES("trust-all-certificates", "CWE-295", Severity.HIGH,
            "TrustManager that accepts every certificate",
            "Use the default TrustManager, or one that checks certificates against a pinned trust store."),
    HOSTNAME_VERIFIER_TRUE("hostname-verifier-accepts-all", "CWE-297", Severity.HIGH,
            "HostnameVerifier that accepts every host",
            "Keep the default hostname verification; never return true unconditionally."),
    XXE("xml-external-entities", "CWE-611", Severity.HIGH, "XML parser open to external entities (XXE)",
            "Set the feature http://apache.org/xml/features/disallow-doctype-decl to true (or disable external "
                    + "entities and DTDs) on the factory before parsing."),
    OBJECT_DESERIALIZATION("insecure-deserialization", "CWE-502", Severity.MEDIUM,
            "Java deserialisation (ObjectInputStream.readObject)",
            "Avoid Java serialisation for data that crosses a trust boundary; if needed, set an ObjectInputFilter "
                    + "with an allow-list of classes."),
    JACKSON_DEFAULT_TYPING("jackson-default-typing", "CWE-502", Severity.HIGH,
            "Jackson polymorphic default typing enabled",
            "Do not enable default typing; use @JsonTypeInfo with an allow-list (PolymorphicTypeValidator)."),
    XSTREAM_UNRESTRICTED("xstream-without-allow-list", "CWE-502", Severity.HIGH,
            "XStream used without a type allow-list",
            "Call xstream.addPermission(NoTypePermission.NONE) and allow only your own types."),
    SNAKEYAML_UNSAFE("snakeyaml-unsafe-load", "CWE-502", Severity.HIGH,
            "SnakeYAML constructs arbitrary types",
            "Construct Yaml with new SafeConstructor(new LoaderOptions()) or load into a known type."),
    CSRF_DISABLED("spring-csrf-disabled", "CWE-352", Severity.MEDIUM, "Spring Security CSRF protection disabled",
            "Keep CSRF protection on for browser-facing endpoints; disable it only for stateless token APIs."),
    WEAK_TLS("weak-tls", "CWE-326", Severity.MEDIUM, "Weak TLS protocol version enabled",
            "Enable only TLSv1.2 and TLSv1.3.");

    private final String id;
    private final String cwe;
    private final Severity severity;
    private final String title;
    private final String remediation;

    SyntaxRule(String id, String cwe, Severity severity, String title, String remediation) {
        this.id = id;
        this.cwe = cwe;
        this.severity = severity;
        this.title = title;
        this.remediation = remediation;
    }

    public String id() {
        return id;
    }

    public String cwe() {
        return cwe;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String remediation() {
        return remediation;
    }
}
