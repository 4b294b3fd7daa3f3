package io.jenkins.plugins.devsecops.dast.checks;

import io.jenkins.plugins.devsecops.dast.crawl.HtmlPage;
import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The passive checks, at the depth of ZAP's baseline scan: they read the responses of the crawl and send nothing.
 * Site-wide header problems are one finding each at the site's root (the instances counted, the first page named);
 * cookies one per cookie; content leaks one per page.
 */
public final class PassiveChecks {

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern HSTS_MAX_AGE = Pattern.compile("max-age\\s*=\\s*\"?(\\d+)");
    private static final List<Pattern> STACK_TRACES = List.of(
            Pattern.compile("(?m)^\\s*at [\\w$.]+\\.[\\w$<>]+\\([\\w$]+\\.(?:java|kt|scala|groovy):\\d+\\)"),
            Pattern.compile("Traceback \\(most recent call last\\):"),
            Pattern.compile("<b>(?:Fatal error|Warning|Parse error|Notice|Deprecated)</b>:\\s.{0,300}? in <b>[^<]{1,300}</b> on line <b>\\d+</b>"),
            Pattern.compile("(?:Fatal error|Parse error|Uncaught \\w+): .{0,300}? in (?:/|[A-Z]:\\\\)[^\\s<]{1,300}(?: on line |:)\\d+"),
            Pattern.compile("Server Error in '[^']{0,100}' Application"),
            Pattern.compile("(?m)^\\s+at [\\w.]+\\.\\w+\\([^)]{0,200}\\) in [^\\n]{1,200}:line \\d+"),
            Pattern.compile("(?:java\\.lang|javax\\.servlet|org\\.springframework|org\\.hibernate)\\.[\\w.]*(?:Exception|Error)\\b"),
            Pattern.compile("(?m)^\\s*from [^\\n]{1,200}\\.rb:\\d+:in `"),
            Pattern.compile("(?m)^\\s*File \"[^\"]{1,300}\", line \\d+, in \\w+"));
    private static final List<Pattern> DEBUG_PAGES = List.of(
            Pattern.compile("<title>phpinfo\\(\\)</title>|<h1 class=\"p\">PHP Version [\\d.]+</h1>"),
            Pattern.compile("You're seeing this error because you have <code>DEBUG = True</code>"),
            Pattern.compile("Werkzeug Debugger|The debugger caught an exception in your WSGI application"),
            Pattern.compile("\"activeProfiles\"\\s*:\\s*\\[.{0,2000}\"propertySources\"", Pattern.DOTALL),
            Pattern.compile("<title>Apache Status</title>|Apache Server Status for"),
            Pattern.compile("Whoops! There was an error\\.|<title>Laravel</title>.{0,2000}Stack trace", Pattern.DOTALL));
    private static final Pattern PRIVATE_IP = Pattern.compile(
            "(?<![\\d.])(?:10\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)"
                    + "|172\\.(?:1[6-9]|2\\d|3[01])\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)"
                    + "|192\\.168\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d))(?![\\d.]*\\d)");
    private static final Pattern DIRECTORY_LISTING = Pattern.compile(
            "<title>Index of /[^<]{0,300}</title>|<h1>Index of /[^<]{0,300}</h1>|<title>Directory listing for /|"
                    + "\\[To Parent Directory\\]</A>");
    private static final Pattern SOURCE_MAP_COMMENT = Pattern.compile("//[#@] sourceMappingURL=([^\\s'\"]{1,500})\\s*$");

    private final FindingCollector findings;
    private final boolean authenticated;

    /**
     * Checks.
     *
     * @param findings where findings go
     * @param authenticated whether the scan is logged in (cache-control checks apply then)
     */
    public PassiveChecks(FindingCollector findings, boolean authenticated) {
        this.findings = findings;
        this.authenticated = authenticated;
    }

    /** Checks a response and, for an HTML page, its parsed document. */
    public void check(DastResponse response, Optional<HtmlPage> page) {
        URI uri = response.uri();
        URI root = uri.resolve("/");
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean ok = response.status() >= 200 && response.status() < 300;
        if (page.isPresent() && ok) {
            headers(response, root, https);
        }
        if (ok && !response.header("x-content-type-options").map(v -> v.trim().equalsIgnoreCase("nosniff")).orElse(false)) {
            findings.report(DastRule.XCTO_MISSING, root).evidence("X-Content-Type-Options absent on " + uri)
                    .property("example", uri.toString()).add();
        }
        if (https && ok) {
            String hsts = response.header("strict-transport-security").orElse("");
            Matcher age = HSTS_MAX_AGE.matcher(hsts);
            if (!age.find() || Long.parseLong(age.group(1).length() > 12 ? "999999999999" : age.group(1)) < 15_552_000L) {
                findings.report(DastRule.HSTS_MISSING, root).evidence(hsts.isEmpty() ? "Strict-Transport-Security absent"
                        : "Strict-Transport-Security: " + hsts).property("example", uri.toString()).add();
            }
        }
        cookies(response, root, https);
        versions(response, root);
        content(response, uri);
        if (page.isPresent()) {
            forms(response, page.get(), https);
            if (https) {
                mixedContent(page.get(), uri);
            }
            if (authenticated && ok) {
                String cache = response.header("cache-control").orElse("").toLowerCase(Locale.ROOT);
                if (!cache.contains("no-store") && !cache.contains("private")) {
                    findings.report(DastRule.CACHEABLE_AUTHENTICATED, root).property("example", uri.toString())
                            .evidence((cache.isEmpty() ? "Cache-Control absent" : "Cache-Control: " + cache) + " on " + uri)
                            .add();
                }
            }
        }
        sourceMap(response, uri);
    }

    private void headers(DastResponse response, URI root, boolean https) {
        String csp = String.join(", ", response.headerValues("content-security-policy"));
        String example = response.uri().toString();
        if (csp.isBlank()) {
            findings.report(DastRule.CSP_MISSING, root).evidence("Content-Security-Policy absent on " + example)
                    .property("example", example).add();
        } else {
            unsafeCsp(csp).ifPresent(problem -> findings.report(DastRule.CSP_UNSAFE, root)
                    .evidence("Content-Security-Policy: " + csp).message("The Content-Security-Policy " + problem)
                    .property("example", example).add());
        }
        boolean frameAncestors = csp.toLowerCase(Locale.ROOT).contains("frame-ancestors");
        String xfo = response.header("x-frame-options").orElse("").trim().toUpperCase(Locale.ROOT);
        if (!frameAncestors && !xfo.equals("DENY") && !xfo.equals("SAMEORIGIN")) {
            findings.report(DastRule.CLICKJACKING, root).evidence(xfo.isEmpty() ? "neither frame-ancestors nor "
                    + "X-Frame-Options on " + example : "X-Frame-Options: " + xfo).property("example", example).add();
        }
        String referrer = response.header("referrer-policy").orElse("").toLowerCase(Locale.ROOT);
        if (referrer.isBlank() || referrer.contains("unsafe-url") || referrer.contains("no-referrer-when-downgrade")) {
            findings.report(DastRule.REFERRER_POLICY_MISSING, root).evidence(referrer.isBlank() ? "Referrer-Policy absent"
                    : "Referrer-Policy: " + referrer).property("example", example).add();
        }
        if (response.header("permissions-policy").isEmpty() && response.header("feature-policy").isEmpty()) {
            findings.report(DastRule.PERMISSIONS_POLICY_MISSING, root).evidence("Permissions-Policy absent on " + example)
                    .property("example", example).add();
        }
    }

    /** What makes a CSP unsafe for scripts, or empty. */
    static Optional<String> unsafeCsp(String csp) {
        String scriptSources = null;
        String defaultSources = null;
        for (String directive : csp.toLowerCase(Locale.ROOT).split("[;,]")) {
            String trimmed = directive.trim();
            if (trimmed.startsWith("script-src ") || trimmed.equals("script-src")) {
                scriptSources = scriptSources == null ? trimmed.substring(10) : scriptSources;
            } else if (trimmed.startsWith("default-src")) {
                defaultSources = defaultSources == null ? trimmed.substring(11) : defaultSources;
            }
        }
        String sources = scriptSources != null ? scriptSources : defaultSources;
        if (sources == null) {
            return Optional.of("has neither script-src nor default-src, so scripts from anywhere run");
        }
        List<String> tokens = List.of(sources.trim().split("\\s+"));
        boolean nonceOrHash = tokens.stream().anyMatch(t -> t.startsWith("'nonce-") || t.startsWith("'sha")
                || t.equals("'strict-dynamic'"));
        if (tokens.contains("'unsafe-inline'") && !nonceOrHash) {
            return Optional.of("allows 'unsafe-inline' scripts");
        }
        if (tokens.contains("'unsafe-eval'")) {
            return Optional.of("allows 'unsafe-eval'");
        }
        if (tokens.contains("*") || tokens.contains("http:") || tokens.contains("https:") || tokens.contains("data:")) {
            return Optional.of("allows scripts from any host (" + tokens.stream().filter(t -> t.equals("*")
                    || t.endsWith(":")).findFirst().orElse("*") + ")");
        }
        return Optional.empty();
    }

    private void cookies(DastResponse response, URI root, boolean https) {
        for (String header : response.headerValues("set-cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.substring(equals + 1).isBlank()
                    || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                continue;
            }
            String name = pair.substring(0, equals).trim();
            String attributes = header.toLowerCase(Locale.ROOT);
            String shown = name + "=" + io.jenkins.plugins.devsecops.dast.http.Redactor.MASK
                    + (header.indexOf(';') > 0 ? header.substring(header.indexOf(';')) : "");
            if (https && !hasAttribute(attributes, "secure")) {
                findings.report(DastRule.COOKIE_NO_SECURE, root).parameter(name).evidence("Set-Cookie: " + shown).add();
            }
            if (!hasAttribute(attributes, "httponly")) {
                findings.report(DastRule.COOKIE_NO_HTTPONLY, root).parameter(name).evidence("Set-Cookie: " + shown).add();
            }
            if (!hasAttribute(attributes, "samesite")) {
                findings.report(DastRule.COOKIE_NO_SAMESITE, root).parameter(name).evidence("Set-Cookie: " + shown).add();
            }
        }
    }

    private static boolean hasAttribute(String setCookie, String attribute) {
        for (String part : setCookie.split(";")) {
            String name = part.trim().split("=", 2)[0].trim();
            if (name.equals(attribute)) {
                return true;
            }
        }
        return false;
    }

    private void versions(DastResponse response, URI root) {
        for (String header : List.of("server", "x-powered-by", "x-aspnet-version", "x-aspnetmvc-version", "x-generator")) {
            response.header(header).filter(value -> VERSION.matcher(value).find()).ifPresent(value ->
                    findings.report(DastRule.VERSION_DISCLOSURE, root).parameter(header).evidence(header + ": " + value)
                            .property("example", response.uri().toString()).add());
        }
    }

    private void content(DastResponse response, URI uri) {
        String body = response.body();
        if (body.isEmpty()) {
            return;
        }
        String type = response.mediaType();
        boolean script = type.contains("javascript") || uri.getPath() != null && uri.getPath().endsWith(".js");
        boolean readable = type.isEmpty() || type.startsWith("text/html") || type.equals("text/plain")
                || type.contains("json") || type.contains("xml") || type.equals("application/xhtml+xml");
        if (!script && readable) {
            for (Pattern pattern : STACK_TRACES) {
                Matcher matcher = pattern.matcher(body);
                if (matcher.find()) {
                    findings.report(DastRule.STACK_TRACE, uri).evidence(Evidence.around(body, matcher.start(),
                            matcher.end(), findings.redactor())).add();
                    break;
                }
            }
            for (Pattern pattern : DEBUG_PAGES) {
                Matcher matcher = pattern.matcher(body);
                if (matcher.find()) {
                    findings.report(DastRule.DEBUG_PAGE, uri).evidence(Evidence.around(body, matcher.start(),
                            matcher.end(), findings.redactor())).add();
                    break;
                }
            }
            Matcher listing = DIRECTORY_LISTING.matcher(body);
            if (listing.find()) {
                findings.report(DastRule.DIRECTORY_LISTING, uri).evidence(listing.group()).add();
            }
        }
        Matcher ip = PRIVATE_IP.matcher(body);
        if (ip.find()) {
            findings.report(DastRule.PRIVATE_IP, uri).evidence(Evidence.around(body, ip.start(), ip.end(),
                    findings.redactor())).add();
        }
    }

    private void forms(DastResponse response, HtmlPage page, boolean https) {
        for (Element form : page.formElements()) {
            String action = form.absUrl("action");
            if (https && action.toLowerCase(Locale.ROOT).startsWith("http:")) {
                findings.report(DastRule.INSECURE_FORM_ACTION, response.uri()).evidence("<form action=\"" + action + "\">")
                        .add();
            }
            for (Element password : form.select("input[type=password]")) {
                String autocomplete = password.attr("autocomplete").trim().toLowerCase(Locale.ROOT);
                String formAutocomplete = form.attr("autocomplete").trim().toLowerCase(Locale.ROOT);
                if ((autocomplete.isEmpty() || autocomplete.equals("on"))
                        && !(autocomplete.isEmpty() && formAutocomplete.equals("off"))) {
                    findings.report(DastRule.PASSWORD_AUTOCOMPLETE, response.uri()).parameter(password.attr("name"))
                            .evidence(password.outerHtml()).add();
                }
            }
        }
    }

    private void mixedContent(HtmlPage page, URI uri) {
        for (Element element : page.document().select("script[src], link[href][rel~=(?i)stylesheet], iframe[src], img[src]")) {
            String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
            if (url.trim().toLowerCase(Locale.ROOT).startsWith("http://")) {
                findings.report(DastRule.MIXED_CONTENT, uri).evidence(element.outerHtml()).add();
                return;
            }
        }
    }

    private void sourceMap(DastResponse response, URI uri) {
        if (!response.mediaType().equals("application/json") && !uri.getPath().endsWith(".map")) {
            return;
        }
        String body = response.body().stripLeading();
        if (response.status() == 200 && body.startsWith("{") && body.contains("\"mappings\"") && body.contains("\"sources\"")) {
            findings.report(DastRule.SOURCE_MAP, uri).evidence(Evidence.clip(body, findings.redactor())).add();
        }
    }

    /** The source map a script names ({@code //# sourceMappingURL=} or the {@code SourceMap} header), if any. */
    public static Optional<String> sourceMapReference(DastResponse script) {
        Optional<String> header = script.header("sourcemap").or(() -> script.header("x-sourcemap"));
        if (header.isPresent()) {
            return header;
        }
        String body = script.body();
        String tail = body.substring(Math.max(0, body.length() - 600));
        Matcher matcher = SOURCE_MAP_COMMENT.matcher(tail.stripTrailing());
        return matcher.find() && !matcher.group(1).startsWith("data:") ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
