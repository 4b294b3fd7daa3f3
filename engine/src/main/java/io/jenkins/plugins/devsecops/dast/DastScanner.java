package io.jenkins.plugins.devsecops.dast;

import io.jenkins.plugins.devsecops.advisory.AdvisoryAnswer;
import io.jenkins.plugins.devsecops.advisory.AdvisoryService;
import io.jenkins.plugins.devsecops.advisory.KnownVulnerability;
import io.jenkins.plugins.devsecops.advisory.PackageVersion;
import io.jenkins.plugins.devsecops.dast.checks.ActiveScanner;
import io.jenkins.plugins.devsecops.dast.checks.CallbackListener;
import io.jenkins.plugins.devsecops.dast.checks.DastRule;
import io.jenkins.plugins.devsecops.dast.checks.FindingCollector;
import io.jenkins.plugins.devsecops.dast.checks.JsLibraries;
import io.jenkins.plugins.devsecops.dast.checks.PassiveChecks;
import io.jenkins.plugins.devsecops.dast.crawl.OpenApiOperations;
import io.jenkins.plugins.devsecops.dast.crawl.Target;
import io.jenkins.plugins.devsecops.dast.http.CookieJar;
import io.jenkins.plugins.devsecops.dast.http.DastRequest;
import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import io.jenkins.plugins.devsecops.dast.http.GateStats;
import io.jenkins.plugins.devsecops.dast.http.HttpGate;
import io.jenkins.plugins.devsecops.dast.http.LimitReachedException;
import io.jenkins.plugins.devsecops.dast.http.Redactor;
import io.jenkins.plugins.devsecops.dast.http.RobotsRules;
import io.jenkins.plugins.devsecops.dast.http.Scope;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One DAST scan, run in {@link #finish}: robots.txt, login, crawl (start URL, sitemap.xml, OpenAPI operations),
 * passive checks on every response, a few well-known-file probes, CORS probes, JavaScript libraries against OSV
 * advisories and, in active mode, the active checks on every target. Every request passes the one {@link HttpGate}.
 * A limit that stops the scan is a warning naming it; the limits, counts and out-of-scope refusals are stage
 * properties.
 */
final class DastScanner implements StageScanner {

    private static final Pattern GIT_HEAD = Pattern.compile("^ref: refs/|^[0-9a-f]{40}\\s*$");
    private static final int MAX_CORS_PROBES = 10;

    private final StageContext context;
    private final DastSettings settings;

    DastScanner(StageContext context, DastSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    @Override
    public boolean accepts(SourceFile file) {
        return false;
    }

    @Override
    public void finish(FindingSink sink) throws IOException, InterruptedException {
        Redactor redactor = new Redactor();
        CookieJar cookies = new CookieJar(redactor);
        Scope scope = new Scope(settings.url(), settings.includes(), settings.excludes(), settings.avoidLogout());
        FindingCollector findings = new FindingCollector(redactor);
        properties(sink);
        BufferedWriter log = openLog();
        long started = System.nanoTime();
        Crawler crawler = null;
        ActiveScanner active = null;
        int targetsTested = 0;
        int targetsFound = 0;
        try (HttpGate gate = new HttpGate(scope, settings.limits(), settings.methods(), cookies, redactor,
                log == null ? null : line -> writeLine(log, line), settings.proxy())) {
            Session session = new Session(gate, settings.auth(), cookies, redactor, sink::warning);
            PassiveChecks passive = new PassiveChecks(findings, settings.authenticated());
            try {
                if (settings.robots()) {
                    robots(gate, scope, sink);
                }
                if (!session.start()) {
                    sink.error(null, "DAST login failed at " + settings.auth().loginUrl() + ": the logged-in indicator "
                            + "was not found after submitting the form; the scan goes on without a session");
                }
                crawler = new Crawler(session, gate, settings.limits().maxDepth(), passive::check);
                crawler.seed(settings.url(), 0);
                sitemap(gate, crawler, sink);
                List<Target> apiTargets = openApi(sink);
                for (Target target : apiTargets) {
                    crawler.target(target);
                    if (target.method().equals("GET")) {
                        try {
                            crawler.seed(target.request().uri(), 1);
                        } catch (IllegalArgumentException e) {
                            sink.warning("OpenAPI operation " + target.page() + " has no usable URL: " + e.getMessage());
                        }
                    }
                }
                crawler.run();
                if (settings.probes()) {
                    probes(session, gate, findings);
                }
                cors(session, gate, findings, crawler);
                targetsFound = crawler.targets().size();
                if (settings.mode() == DastSettings.Mode.ACTIVE) {
                    try (CallbackListener callbacks = CallbackListener.start()) {
                        active = new ActiveScanner(session::send, findings, callbacks);
                        for (Target target : crawler.targets()) {
                            if (isLogin(target) || !gate.allows(target.method(), target.request().uri())) {
                                continue;
                            }
                            active.scan(target);
                            targetsTested++;
                        }
                    }
                }
            } catch (LimitReachedException e) {
                sink.warning("DAST scan stopped early: " + e.getMessage() + " ("
                        + (crawler == null ? 0 : crawler.pages()) + " pages crawled, " + targetsTested + " of "
                        + Math.max(targetsFound, crawler == null ? 0 : crawler.targets().size())
                        + " targets tested); raise the limit to scan everything");
                sink.property("stoppedOnLimit", e.getMessage());
            }
            if (crawler != null) {
                jsLibraries(crawler, findings, sink);
            }
            GateStats stats = gate.stats();
            sink.property("requestsSent", String.valueOf(stats.sent()));
            sink.property("requestsRefused", String.valueOf(stats.refusedTotal()));
            stats.refused().forEach((reason, count) -> sink.property("refused." + reason, String.valueOf(count)));
            sink.property("requestsFailed", String.valueOf(stats.failed()));
            sink.property("responsesTruncated", String.valueOf(stats.truncated()));
            sink.property("bytesRead", String.valueOf(stats.bytesRead()));
            sink.property("relogins", String.valueOf(session.relogins()));
        } finally {
            if (log != null) {
                log.close();
            }
        }
        if (crawler != null) {
            sink.property("pagesCrawled", String.valueOf(crawler.pages()));
            sink.property("targets", String.valueOf(crawler.targets().size()));
            crawler.linksOutOfScope().forEach((reason, count) -> sink.property("linksNotFollowed." + reason,
                    String.valueOf(count)));
            sink.property("javascriptExecuted", "false");
            sink.property("pagesWithScripts", String.valueOf(crawler.pagesWithScripts().size()));
            if (!crawler.pagesWithScripts().isEmpty()) {
                sink.warning("JavaScript was not executed: " + crawler.pagesWithScripts().size() + " crawled pages have "
                        + "scripts whose links and requests were not seen, e.g. "
                        + String.join(", ", crawler.pagesWithScripts().subList(0, Math.min(5, crawler.pagesWithScripts().size()))));
            }
        }
        if (active != null) {
            sink.property("parametersTested", String.valueOf(active.tested()));
            sink.property("targetsTested", String.valueOf(targetsTested));
        }
        sink.property("durationMillis", String.valueOf((System.nanoTime() - started) / 1_000_000));
        redactor.secrets().forEach(sink::secretValue);
        findings.findings().forEach(sink::report);
    }

    private void properties(FindingSink sink) {
        sink.property("url", settings.url().toString());
        sink.property("mode", settings.mode().name().toLowerCase(java.util.Locale.ROOT));
        sink.property("scope", new Scope(settings.url(), List.of(), List.of(), false).origin().toString()
                + (settings.includes().isEmpty() ? "" : " include " + settings.includes())
                + (settings.excludes().isEmpty() ? "" : " exclude " + settings.excludes()));
        sink.property("limit.maxRequests", String.valueOf(settings.limits().maxRequests()));
        sink.property("limit.maxDuration", settings.limits().maxDuration().toSeconds() + "s");
        sink.property("limit.requestsPerSecond", String.valueOf(settings.limits().requestsPerSecond()));
        sink.property("limit.maxDepth", String.valueOf(settings.limits().maxDepth()));
        sink.property("limit.maxResponseSize", String.valueOf(settings.limits().maxResponseSize()));
        sink.property("methods", String.join(",", settings.methods()));
        sink.property("robots", String.valueOf(settings.robots()));
        sink.property("auth", settings.auth().type().name().toLowerCase(java.util.Locale.ROOT));
    }

    private BufferedWriter openLog() throws IOException {
        if (settings.requestsLog() == null) {
            return null;
        }
        Path path = Path.of(settings.requestsLog());
        Path file = path.isAbsolute() ? path : context.root().resolve(path).normalize();
        if (Files.isSymbolicLink(file) || Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file,
                LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("dast.requestsLog must name a regular file, not a link or device: " + file);
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private static void writeLine(BufferedWriter log, String line) {
        try {
            log.write(line);
            log.newLine();
        } catch (IOException e) {
            // the requests log is best effort; the scan goes on
        }
    }

    private void robots(HttpGate gate, Scope scope, FindingSink sink) throws InterruptedException {
        Optional<DastResponse> robots = gate.send(DastRequest.get(settings.url().resolve("/robots.txt")));
        if (robots.isPresent() && robots.get().status() == 200 && !robots.get().isHtml()) {
            RobotsRules rules = RobotsRules.parse(robots.get().body());
            scope.robots(rules);
            sink.property("robotsRules", String.valueOf(rules.size()));
        }
    }

    private void sitemap(HttpGate gate, Crawler crawler, FindingSink sink) throws InterruptedException {
        Optional<DastResponse> sitemap = gate.send(DastRequest.get(settings.url().resolve("/sitemap.xml")));
        if (sitemap.isEmpty() || sitemap.get().status() != 200 || !sitemap.get().body().contains("<urlset")) {
            return;
        }
        int count = 0;
        java.util.regex.Matcher loc = Pattern.compile("<loc>\\s*([^<\\s]{1,2000})\\s*</loc>").matcher(sitemap.get().body());
        while (loc.find() && count < 1000) {
            String text = loc.group(1).replace("&amp;", "&");
            Optional<URI> uri = io.jenkins.plugins.devsecops.dast.crawl.Urls.resolve(settings.url(), text);
            if (uri.isPresent()) {
                crawler.seed(uri.get(), 1);
                count++;
            }
        }
        sink.property("sitemapUrls", String.valueOf(count));
    }

    private List<Target> openApi(FindingSink sink) {
        if (settings.openApi() == null) {
            return List.of();
        }
        Path path = Path.of(settings.openApi());
        Path file = path.isAbsolute() ? path : context.root().resolve(path).normalize();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > OpenApiOperations.MAX_CHARS) {
                sink.error(settings.openApi(), "OpenAPI document not read: not a regular file, or larger than "
                        + OpenApiOperations.MAX_CHARS + " bytes");
                return List.of();
            }
            OpenApiOperations operations = OpenApiOperations.parse(Files.readString(file, StandardCharsets.UTF_8));
            List<Target> all = operations.targets(settings.url());
            operations.warnings().forEach(w -> sink.warning("OpenAPI " + settings.openApi() + ": " + w));
            List<Target> allowed = new ArrayList<>();
            Set<String> skipped = new LinkedHashSet<>();
            for (Target target : all) {
                if (settings.methods().contains(target.method())) {
                    allowed.add(target);
                } else {
                    skipped.add(target.method());
                }
            }
            sink.property("openapiOperations", String.valueOf(all.size()));
            if (!skipped.isEmpty()) {
                sink.warning("OpenAPI: " + (all.size() - allowed.size()) + " operations with verbs " + skipped
                        + " were not sent" + (settings.mode() == DastSettings.Mode.PASSIVE
                                ? " (passive mode sends GET only)" : " (list them in dast.methods to test them)"));
            }
            return allowed;
        } catch (IOException | RuntimeException e) {
            sink.error(settings.openApi(), "OpenAPI document unusable: " + e.getMessage());
            return List.of();
        }
    }

    private void probes(Session session, HttpGate gate, FindingCollector findings) throws InterruptedException {
        URI head = settings.url().resolve("/.git/HEAD");
        Optional<DastResponse> git = session.send(DastRequest.get(head));
        if (git.isPresent() && git.get().status() == 200 && GIT_HEAD.matcher(git.get().body().strip()).find()) {
            Optional<DastResponse> config = session.send(DastRequest.get(settings.url().resolve("/.git/config")));
            findings.report(DastRule.GIT_EXPOSED, head).evidence(git.get().body().strip()
                    + (config.isPresent() && config.get().body().contains("[core]") ? " (and /.git/config)" : "")).add();
        }
    }

    private void cors(Session session, HttpGate gate, FindingCollector findings, Crawler crawler)
            throws InterruptedException {
        List<URI> candidates = new ArrayList<>();
        candidates.add(settings.url());
        for (Target target : crawler.targets()) {
            if (target.source().equals("openapi") && target.method().equals("GET") && candidates.size() < MAX_CORS_PROBES) {
                try {
                    candidates.add(target.request().uri());
                } catch (IllegalArgumentException e) {
                    // not a usable URL; skipped
                }
            }
        }
        String origin = "https://devsecops-cors-probe.example.com";
        for (URI uri : candidates) {
            Optional<DastResponse> response = session.send(DastRequest.get(uri).withHeader("Origin", origin));
            if (response.isEmpty()) {
                continue;
            }
            String allowed = response.get().header("access-control-allow-origin").orElse("").trim();
            boolean credentials = response.get().header("access-control-allow-credentials").orElse("").trim()
                    .equalsIgnoreCase("true");
            if (allowed.equals(origin) || allowed.equals("null")) {
                findings.report(DastRule.CORS_REFLECTED_ORIGIN, uri).request(response.get().request())
                        .severity(credentials ? Severity.HIGH : Severity.MEDIUM)
                        .evidence("Access-Control-Allow-Origin: " + allowed + (credentials
                                ? ", Access-Control-Allow-Credentials: true" : ""))
                        .message("The response allows the origin the request named (" + allowed + ")"
                                + (credentials ? " with credentials: any site can read it as the logged-in user" : ""))
                        .add();
            } else if (allowed.equals("*")) {
                findings.report(DastRule.CORS_WILDCARD, uri).evidence("Access-Control-Allow-Origin: *").add();
            }
        }
    }

    private void jsLibraries(Crawler crawler, FindingCollector findings, FindingSink sink) throws InterruptedException {
        Map<PackageVersion, URI> libraries = new LinkedHashMap<>();
        for (DastResponse script : crawler.scripts()) {
            JsLibraries.detect(script).ifPresent(pkg -> libraries.putIfAbsent(pkg, script.uri()));
        }
        sink.property("javascriptLibraries", String.valueOf(libraries.size()));
        if (libraries.isEmpty()) {
            return;
        }
        Optional<AdvisoryService> service = AdvisoryService.find();
        if (service.isEmpty()) {
            sink.warning("No advisory service: JavaScript libraries were not checked for vulnerabilities");
            return;
        }
        AdvisoryAnswer answer;
        try {
            answer = service.get().lookup(context.request(), new ArrayList<>(libraries.keySet()));
        } catch (IOException | RuntimeException e) {
            sink.error(null, "Advisory source failed: " + e.getMessage() + "; " + libraries.size()
                    + " JavaScript libraries were NOT checked for vulnerabilities");
            return;
        }
        answer.warnings().forEach(sink::warning);
        sink.property("javascriptAdvisorySource", answer.source());
        Map<PackageVersion, List<KnownVulnerability>> byLibrary = new LinkedHashMap<>();
        for (KnownVulnerability vulnerability : answer.vulnerabilities()) {
            byLibrary.computeIfAbsent(vulnerability.pkg(), k -> new ArrayList<>()).add(vulnerability);
        }
        byLibrary.forEach((pkg, vulnerabilities) -> {
            Severity worst = vulnerabilities.stream().map(KnownVulnerability::severity).min(Enum::compareTo)
                    .orElse(Severity.MEDIUM);
            List<String> ids = vulnerabilities.stream().map(KnownVulnerability::id).toList();
            String fixed = vulnerabilities.stream().map(KnownVulnerability::fixedVersion)
                    .filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null);
            FindingCollector.Report report = findings.report(DastRule.VULNERABLE_JS_LIBRARY, libraries.get(pkg))
                    .parameter(pkg.name()).severity(worst)
                    .evidence(pkg.name() + " " + pkg.version() + " served at " + libraries.get(pkg))
                    .message(pkg.name() + " " + pkg.version() + " has " + vulnerabilities.size() + " known "
                            + (vulnerabilities.size() == 1 ? "vulnerability" : "vulnerabilities") + ": "
                            + String.join(", ", ids) + (fixed == null ? "" : "; fixed in " + fixed))
                    .property("library", pkg.name()).property("version", pkg.version())
                    .property("advisories", String.join(",", ids));
            if (fixed != null) {
                report.property("fixedVersion", fixed);
            }
            report.add();
        });
    }

    private boolean isLogin(Target target) {
        URI login = settings.auth().loginUrl();
        return login != null && target.method().equals("POST") && target.page() != null
                && (target.page().equals(login.toString()) || target.base().startsWith(
                        io.jenkins.plugins.devsecops.dast.crawl.Urls.withoutQuery(login)));
    }
}
