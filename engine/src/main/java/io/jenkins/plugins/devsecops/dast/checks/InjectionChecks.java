package io.jenkins.plugins.devsecops.dast.checks;

import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The active checks that need one proof each: OS command injection (the output of an arithmetic expression the
 * payload only names), path traversal (a known file's content), open redirect (a redirect to the scanner's host),
 * SSRF (a request to the scanner's loopback listener) and CRLF injection (a header the payload adds).
 */
final class InjectionChecks {

    private static final Pattern PASSWD = Pattern.compile("root:[^:\\n]{0,40}:0:0:");
    private static final Pattern WIN_INI = Pattern.compile("\\[(?:fonts|extensions)\\]\\s*[\\r\\n]", Pattern.CASE_INSENSITIVE);
    private static final Pattern REDIRECT_NAME = Pattern.compile(
            "(?i)(redirect|redir|url|uri|next|return|goto|dest|destination|target|continue|forward|location|link|r|u|to)");
    private static final Pattern FETCH_NAME = Pattern.compile(
            "(?i)(url|uri|link|src|source|dest|feed|host|site|callback|webhook|image|img|load|fetch|proxy|endpoint|remote|path|file|page)");

    private final FindingCollector findings;
    private final CallbackListener callbacks;

    InjectionChecks(FindingCollector findings, CallbackListener callbacks) {
        this.findings = findings;
        this.callbacks = callbacks;
    }

    void command(Probe probe, String canary) throws InterruptedException {
        int a = 1000 + Math.floorMod(canary.hashCode(), 8000);
        String expected = canary + (a + 337);
        String expression = "echo " + canary + "$((" + a + "+337))";
        String value = probe.param().value();
        List<String> payloads = List.of(value + ";" + expression, value + "|" + expression, value + "&&" + expression,
                value + "\n" + expression, value + "$(" + expression + ")", value + "`" + expression + "`",
                value + "||" + expression);
        if (probe.baseline().body().contains(expected)) {
            return;
        }
        for (String payload : payloads) {
            Optional<DastResponse> response = probe.send(payload);
            if (response.isPresent()) {
                int at = response.get().body().indexOf(expected);
                if (at >= 0) {
                    findings.report(DastRule.COMMAND_INJECTION, probe.uri()).request(probe.lastRequest())
                            .parameter(probe.param().name())
                            .evidence(Evidence.around(response.get().body(), at, at + expected.length(), findings.redactor()))
                            .message("Parameter " + probe.param().name() + " reaches a shell: the payload asked it to "
                                    + "compute " + a + "+337 and the response shows " + expected)
                            .property("payload", payload).add();
                    return;
                }
            }
        }
    }

    void traversal(Probe probe) throws InterruptedException {
        String base = probe.baseline().body();
        if (PASSWD.matcher(base).find() || WIN_INI.matcher(base).find()) {
            return;
        }
        List<String> payloads = List.of("../../../../../../../../../../etc/passwd", "/etc/passwd",
                "....//....//....//....//....//....//....//etc/passwd", "file:///etc/passwd",
                "..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd", "../../../../../../../../etc/passwd%00",
                "..\\..\\..\\..\\..\\..\\..\\windows\\win.ini", "C:\\Windows\\win.ini");
        for (String payload : payloads) {
            Optional<DastResponse> response = probe.send(payload);
            if (response.isEmpty()) {
                continue;
            }
            String body = response.get().body();
            Matcher matcher = PASSWD.matcher(body);
            Matcher windows = WIN_INI.matcher(body);
            Matcher hit = matcher.find() ? matcher : windows.find() ? windows : null;
            if (hit != null) {
                findings.report(DastRule.PATH_TRAVERSAL, probe.uri()).request(probe.lastRequest())
                        .parameter(probe.param().name())
                        .evidence(Evidence.around(body, hit.start(), hit.end(), findings.redactor()))
                        .message("Parameter " + probe.param().name() + " reads files outside the application: "
                                + payload + " returned the content of a system file")
                        .property("payload", payload).add();
                return;
            }
        }
    }

    void redirect(Probe probe, String canary) throws InterruptedException {
        String value = probe.param().value();
        boolean likely = REDIRECT_NAME.matcher(probe.param().name()).matches() || value.startsWith("http")
                || value.startsWith("/") || probe.baseline().isRedirect();
        if (!likely) {
            return;
        }
        String host = canary.toLowerCase(Locale.ROOT) + ".example.com";
        for (String payload : List.of("https://" + host + "/", "//" + host + "/", "https:" + host + "/")) {
            Optional<DastResponse> response = probe.send(payload);
            if (response.isEmpty()) {
                continue;
            }
            Optional<String> target = redirectTarget(response.get());
            if (target.isPresent() && redirectsTo(probe.uri(), target.get(), host)) {
                findings.report(DastRule.OPEN_REDIRECT, probe.uri()).request(probe.lastRequest())
                        .parameter(probe.param().name()).evidence("redirect to " + target.get())
                        .message("Parameter " + probe.param().name() + " sends the browser to any site: " + payload
                                + " redirected to " + target.get() + " (not followed)")
                        .property("payload", payload).add();
                return;
            }
        }
    }

    private static Optional<String> redirectTarget(DastResponse response) {
        if (response.isRedirect()) {
            return response.header("location");
        }
        Optional<String> refresh = response.header("refresh");
        if (refresh.isPresent()) {
            int url = refresh.get().toLowerCase(Locale.ROOT).indexOf("url=");
            return url < 0 ? Optional.empty() : Optional.of(refresh.get().substring(url + 4).trim());
        }
        Matcher meta = Pattern.compile("(?i)<meta[^>]{0,200}http-equiv=[\"']?refresh[^>]{0,200}url=([^\"'>\\s]{1,300})")
                .matcher(response.body());
        return meta.find() ? Optional.of(meta.group(1)) : Optional.empty();
    }

    private static boolean redirectsTo(URI base, String location, String host) {
        try {
            URI resolved = base.resolve(location.trim().replace('\\', '/'));
            return host.equalsIgnoreCase(resolved.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void ssrf(Probe probe, String canary) throws InterruptedException {
        if (callbacks == null) {
            return;
        }
        String value = probe.param().value();
        if (!FETCH_NAME.matcher(probe.param().name()).find() && !value.startsWith("http") && !value.startsWith("/")) {
            return;
        }
        String url = callbacks.url(canary);
        if (probe.send(url).isPresent() && callbacks.received(canary, 1500)) {
            findings.report(DastRule.SSRF, probe.uri()).request(probe.lastRequest()).parameter(probe.param().name())
                    .evidence("the scanner's loopback listener received GET /" + canary)
                    .message("Parameter " + probe.param().name() + " makes the server fetch a URL it names: the "
                            + "scanner's listener received the request")
                    .property("payload", url).add();
        }
    }

    void crlf(Probe probe, String canary) throws InterruptedException {
        String header = "x-" + canary.toLowerCase(Locale.ROOT);
        for (String payload : List.of(probe.param().value() + "\r\n" + header + ": 1",
                probe.param().value() + "%0d%0a" + header + ":%201")) {
            Optional<DastResponse> response = probe.send(payload);
            if (response.isPresent() && response.get().header(header).isPresent()) {
                findings.report(DastRule.CRLF_INJECTION, probe.uri()).request(probe.lastRequest())
                        .parameter(probe.param().name()).evidence(header + ": " + response.get().header(header).get())
                        .message("Parameter " + probe.param().name() + " writes line breaks into response headers: "
                                + "the payload added the header " + header)
                        .property("payload", payload).add();
                return;
            }
        }
    }
}
