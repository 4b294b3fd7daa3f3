package io.jenkins.plugins.devsecops.dast.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The one way out of the scanner: every request (crawl, login, payloads, redirects followed) passes
 * {@link #send}, which refuses what is out of {@link Scope scope} or uses a verb not allowed, and stops the scan at
 * the {@link Limits}, before anything leaves the machine. Redirects are never followed by the HTTP client: each hop
 * is a new request through this gate. Adds the user agent, the cookies of the {@link CookieJar} and a static
 * {@code Authorization} header; logs each exchange, redacted, to an optional requests log.
 */
public final class HttpGate implements AutoCloseable {

    /** The user agent the scanner sends. */
    public static final String USER_AGENT = "Mozilla/5.0 (compatible; " + RobotsRules.AGENT + ")";

    private static final int MAX_REDIRECTS = 5;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Scope scope;
    private final Limits limits;
    private final Set<String> methods;
    private final CookieJar cookies;
    private final Redactor redactor;
    private final Consumer<String> log;
    private final HttpClient client;
    private final long startNanos = System.nanoTime();
    private final Map<String, Integer> refused = new TreeMap<>();
    private final Set<String> permitted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile String authorization;
    private long nextSlotNanos;
    private int sent;
    private int failed;
    private long bytesRead;
    private int truncated;

    /**
     * A gate.
     *
     * @param scope what may be requested
     * @param limits when to stop
     * @param methods the verbs that may be sent; any other request is refused
     * @param cookies the session's cookies
     * @param redactor masks secrets in the log
     * @param log receives one redacted line per exchange or refusal, or {@code null}
     * @param proxy {@code host:port} of an HTTP proxy, or {@code null}
     */
    public HttpGate(Scope scope, Limits limits, Set<String> methods, CookieJar cookies, Redactor redactor,
            Consumer<String> log, String proxy) {
        this.scope = scope;
        this.limits = limits;
        this.methods = Set.copyOf(methods);
        this.cookies = cookies;
        this.redactor = redactor;
        this.log = log == null ? line -> { } : log;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
        if (proxy != null && !proxy.isBlank()) {
            int colon = proxy.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("The DAST proxy must be host:port: " + proxy);
            }
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.substring(0, colon),
                    Integer.parseInt(proxy.substring(colon + 1)))));
        }
        this.client = builder.build();
    }

    /** The scope this gate enforces. */
    public Scope scope() {
        return scope;
    }

    /** Sets the {@code Authorization} header sent with every request (basic or bearer), or {@code null}. */
    public void authorization(String value) {
        authorization = value;
        if (value != null) {
            int space = value.indexOf(' ');
            redactor.secret(space > 0 ? value.substring(space + 1) : value);
        }
    }

    /**
     * Allows one more verb for one URL, e.g. the POST of the login form in passive mode. The scope still applies.
     */
    public void permit(String method, URI uri) {
        permitted.add(method.toUpperCase(Locale.ROOT) + " " + uri);
    }

    private boolean verbAllowed(String method, URI uri) {
        return methods.contains(method) || permitted.contains(method + " " + uri);
    }

    /** Whether the gate would send a request for this URI with this verb (nothing is counted). */
    public boolean allows(String method, URI uri) {
        return verbAllowed(method.toUpperCase(Locale.ROOT), uri) && scope.refusal(uri).isEmpty();
    }

    /**
     * Sends one request, or refuses it.
     *
     * @return the response, or empty when the request was refused or got no response
     * @throws LimitReachedException when a limit stops the scan
     * @throws InterruptedException when the scan is stopped
     */
    public synchronized Optional<DastResponse> send(DastRequest request) throws InterruptedException {
        Optional<String> refusal = scope.refusal(request.uri());
        if (refusal.isEmpty() && !verbAllowed(request.method(), request.uri())) {
            refusal = Optional.of("verb " + request.method() + " not allowed"
                    + (SAFE_METHODS.contains(request.method()) ? "" : " (list it to allow it)"));
        }
        if (refusal.isPresent()) {
            String reason = refusal.get().startsWith("other origin") ? "other origin"
                    : refusal.get().startsWith("excluded") ? "excluded" : refusal.get();
            refused.merge(reason, 1, Integer::sum);
            log.accept("REFUSED " + request.method() + " " + redactor.redact(request.uri().toString()) + " ("
                    + refusal.get() + ")");
            return Optional.empty();
        }
        checkLimits();
        pace();
        sent++;
        DastRequest actual = decorate(request);
        long started = System.nanoTime();
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(actual.uri()).timeout(Duration.ofSeconds(30))
                    .method(actual.method(), actual.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(actual.body()));
            actual.headers().forEach(builder::header);
            if (actual.contentType() != null) {
                builder.header("Content-Type", actual.contentType());
            }
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            boolean cut;
            try (InputStream in = response.body()) {
                body = in.readNBytes(limits.maxResponseSize());
                cut = in.read() >= 0;
            }
            bytesRead += body.length;
            if (cut) {
                truncated++;
            }
            cookies.update(response.headers().allValues("set-cookie"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            DastResponse result = new DastResponse(actual, response.statusCode(), response.headers().map(),
                    new String(body, charset(response.headers().firstValue("content-type").orElse(""))), cut, millis);
            log.accept(actual.method() + " " + redactor.redact(actual.uri().toString()) + " " + result.status() + " "
                    + body.length + (cut ? "+" : "") + " " + millis + "ms");
            return Optional.of(result);
        } catch (IOException | IllegalArgumentException e) {
            failed++;
            log.accept("FAILED " + actual.method() + " " + redactor.redact(actual.uri().toString()) + " ("
                    + redactor.redact(String.valueOf(e.getMessage())) + ")");
            return Optional.empty();
        }
    }

    /**
     * Sends a request and follows its redirects while they stay in scope, each hop through {@link #send}. A redirect
     * out of scope is not followed: the redirect itself is returned.
     */
    public Optional<DastResponse> sendFollowing(DastRequest request) throws InterruptedException {
        DastRequest current = request;
        Optional<DastResponse> response = send(current);
        for (int hop = 0; hop < MAX_REDIRECTS && response.isPresent() && response.get().isRedirect(); hop++) {
            URI target;
            try {
                target = current.uri().resolve(response.get().header("location").orElseThrow().trim());
            } catch (IllegalArgumentException e) {
                return response;
            }
            if (!allows("GET", target)) {
                send(DastRequest.get(target)); // counted and logged as refused, never sent
                return response;
            }
            int status = response.get().status();
            current = status == 307 || status == 308 ? new DastRequest(current.method(), target, current.headers(),
                    current.body(), current.contentType()) : DastRequest.get(target);
            response = send(current);
        }
        return response;
    }

    private DastRequest decorate(DastRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        headers.put("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        String cookie = cookies.header();
        if (!cookie.isEmpty()) {
            headers.put("Cookie", cookie);
        }
        headers.putAll(request.headers());
        return new DastRequest(request.method(), request.uri(), headers, request.body(), request.contentType());
    }

    private void checkLimits() {
        if (sent >= limits.maxRequests()) {
            throw new LimitReachedException("the request limit of " + limits.maxRequests() + " was reached");
        }
        if (System.nanoTime() - startNanos > limits.maxDuration().toNanos()) {
            throw new LimitReachedException("the time limit of " + limits.maxDuration().toSeconds() + " s was reached");
        }
    }

    private void pace() throws InterruptedException {
        long interval = (long) (1_000_000_000L / limits.requestsPerSecond());
        long now = System.nanoTime();
        if (nextSlotNanos > now) {
            long wait = nextSlotNanos - now;
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            now = nextSlotNanos;
        }
        nextSlotNanos = now + interval;
    }

    private static Charset charset(String contentType) {
        int index = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (index >= 0) {
            String name = contentType.substring(index + 8).split("[;, ]")[0].replace("\"", "").trim();
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** What passed so far. */
    public synchronized GateStats stats() {
        return new GateStats(sent, refused, failed, bytesRead, truncated);
    }

    /** How long the gate has been open, in milliseconds. */
    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
