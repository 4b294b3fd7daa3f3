package io.jenkins.plugins.devsecops.dast.checks;

import io.jenkins.plugins.devsecops.model.Severity;

/** The DAST stage's rules: id, title, weakness, default severity and what to do. */
public enum DastRule {
    CSP_MISSING("dast-csp-missing", "Content-Security-Policy header missing", "CWE-693", Severity.LOW,
            "Send a Content-Security-Policy that restricts script sources (no 'unsafe-inline', no wildcards)."),
    CSP_UNSAFE("dast-csp-unsafe", "Content-Security-Policy allows unsafe script sources", "CWE-693", Severity.MEDIUM,
            "Remove 'unsafe-inline', 'unsafe-eval' and wildcard sources from script-src/default-src; use nonces or hashes."),
    HSTS_MISSING("dast-hsts-missing", "Strict-Transport-Security header missing or weak", "CWE-319", Severity.LOW,
            "Send Strict-Transport-Security with max-age of at least 15552000 (180 days) on every HTTPS response."),
    XCTO_MISSING("dast-xcto-missing", "X-Content-Type-Options header missing", "CWE-693", Severity.LOW,
            "Send X-Content-Type-Options: nosniff."),
    CLICKJACKING("dast-clickjacking", "No anti-clickjacking header (frame-ancestors or X-Frame-Options)", "CWE-1021",
            Severity.MEDIUM, "Send Content-Security-Policy: frame-ancestors 'self' (or X-Frame-Options: DENY/SAMEORIGIN)."),
    REFERRER_POLICY_MISSING("dast-referrer-policy-missing", "Referrer-Policy header missing or unsafe", "CWE-200",
            Severity.INFO, "Send Referrer-Policy: strict-origin-when-cross-origin (or stricter)."),
    PERMISSIONS_POLICY_MISSING("dast-permissions-policy-missing", "Permissions-Policy header missing", "CWE-693",
            Severity.INFO, "Send a Permissions-Policy that disables the browser features the site does not use."),
    COOKIE_NO_SECURE("dast-cookie-no-secure", "Cookie without Secure flag over HTTPS", "CWE-614", Severity.LOW,
            "Set the Secure attribute on every cookie sent over HTTPS."),
    COOKIE_NO_HTTPONLY("dast-cookie-no-httponly", "Cookie without HttpOnly flag", "CWE-1004", Severity.LOW,
            "Set HttpOnly on cookies scripts do not need to read, session cookies first."),
    COOKIE_NO_SAMESITE("dast-cookie-no-samesite", "Cookie without SameSite attribute", "CWE-1275", Severity.LOW,
            "Set SameSite=Lax or Strict (SameSite=None only with Secure, for cookies needed cross-site)."),
    CORS_REFLECTED_ORIGIN("dast-cors-reflected-origin", "CORS allows any origin with credentials", "CWE-942",
            Severity.HIGH, "Allow only a fixed list of trusted origins; never echo the request's Origin with credentials."),
    CORS_WILDCARD("dast-cors-wildcard", "CORS allows any origin", "CWE-942", Severity.LOW,
            "Allow only the origins that need the resource instead of '*'."),
    STACK_TRACE("dast-stack-trace", "Error message or stack trace disclosed", "CWE-209", Severity.MEDIUM,
            "Show a generic error page; log the details on the server only."),
    VERSION_DISCLOSURE("dast-version-disclosure", "Server or framework version disclosed in headers", "CWE-497",
            Severity.LOW, "Remove versions from Server, X-Powered-By, X-AspNet-Version and similar headers."),
    DEBUG_PAGE("dast-debug-page", "Debug or diagnostic page exposed", "CWE-215", Severity.MEDIUM,
            "Remove diagnostic pages (phpinfo, debug consoles, actuator endpoints) from production or protect them."),
    PRIVATE_IP("dast-private-ip", "Private IP address disclosed", "CWE-497", Severity.LOW,
            "Do not include internal addresses in responses."),
    DIRECTORY_LISTING("dast-directory-listing", "Directory listing enabled", "CWE-548", Severity.MEDIUM,
            "Turn off automatic directory indexes in the web server."),
    SOURCE_MAP("dast-source-map", "JavaScript source map exposed", "CWE-540", Severity.LOW,
            "Do not deploy source maps to production, or restrict them to authorised users."),
    GIT_EXPOSED("dast-git-exposed", "Git repository exposed (.git/)", "CWE-527", Severity.HIGH,
            "Never deploy the .git directory; block /.git/ in the web server."),
    MIXED_CONTENT("dast-mixed-content", "HTTPS page loads content over HTTP", "CWE-311", Severity.MEDIUM,
            "Load every script, style and frame of an HTTPS page over HTTPS."),
    CACHEABLE_AUTHENTICATED("dast-cacheable-authenticated", "Authenticated page may be cached", "CWE-525",
            Severity.LOW, "Send Cache-Control: no-store on pages that show a user's data."),
    INSECURE_FORM_ACTION("dast-insecure-form-action", "Form on an HTTPS page submits over HTTP", "CWE-319",
            Severity.MEDIUM, "Submit forms to HTTPS URLs only."),
    PASSWORD_AUTOCOMPLETE("dast-password-autocomplete", "Password field allows autocomplete", "CWE-522",
            Severity.INFO, "Declare autocomplete on password fields: \"current-password\" for logins, \"new-password\" or \"off\" where the browser must not store it."),
    VULNERABLE_JS_LIBRARY("dast-vulnerable-js-library", "Vulnerable JavaScript library served", "CWE-1395",
            Severity.MEDIUM, "Upgrade the library to a version without known vulnerabilities."),
    XSS_REFLECTED("dast-xss-reflected", "Reflected cross-site scripting", "CWE-79", Severity.HIGH,
            "Encode output for its context (HTML text, attribute, script, URL) and validate input."),
    SQLI_ERROR("dast-sqli-error", "SQL injection (database error)", "CWE-89", Severity.HIGH,
            "Use parameterised queries (prepared statements); never build SQL from input."),
    SQLI_BOOLEAN("dast-sqli-boolean", "SQL injection (boolean-based)", "CWE-89", Severity.HIGH,
            "Use parameterised queries (prepared statements); never build SQL from input."),
    COMMAND_INJECTION("dast-command-injection", "OS command injection", "CWE-78", Severity.CRITICAL,
            "Do not pass input to a shell; call programs with argument arrays and validate input against an allow list."),
    PATH_TRAVERSAL("dast-path-traversal", "Path traversal / file inclusion", "CWE-22", Severity.HIGH,
            "Map input to an allow list of files; never build file paths from input."),
    OPEN_REDIRECT("dast-open-redirect", "Open redirect", "CWE-601", Severity.MEDIUM,
            "Redirect only to relative paths or an allow list of hosts."),
    SSRF("dast-ssrf", "Server-side request forgery", "CWE-918", Severity.HIGH,
            "Fetch only URLs from an allow list; block internal and loopback addresses."),
    LDAP_INJECTION("dast-ldap-injection", "LDAP injection", "CWE-90", Severity.HIGH,
            "Escape input for LDAP filters (RFC 4515) or use a safe filter builder."),
    XPATH_INJECTION("dast-xpath-injection", "XPath injection", "CWE-643", Severity.HIGH,
            "Use parameterised XPath (variables) instead of building expressions from input."),
    CRLF_INJECTION("dast-crlf-injection", "CRLF injection in response headers", "CWE-113", Severity.MEDIUM,
            "Reject CR and LF in values written to response headers.");

    private final String id;
    private final String title;
    private final String cwe;
    private final Severity severity;
    private final String remediation;

    DastRule(String id, String title, String cwe, Severity severity, String remediation) {
        this.id = id;
        this.title = title;
        this.cwe = cwe;
        this.severity = severity;
        this.remediation = remediation;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String cwe() {
        return cwe;
    }

    public Severity severity() {
        return severity;
    }

    public String remediation() {
        return remediation;
    }
}
