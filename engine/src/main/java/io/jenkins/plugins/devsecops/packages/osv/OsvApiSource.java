package io.jenkins.plugins.devsecops.packages.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OSV API (https://google.github.io/osv.dev/api/): {@code POST /v1/querybatch} names the advisories of each
 * package version, {@code GET /v1/vulns/{id}} fetches each advisory once. Records are cached (in memory, and on disk
 * when a cache directory is given) and reused while their {@code modified} time is unchanged. Failed requests are
 * retried with exponential backoff (honouring {@code Retry-After}); a request budget bounds the traffic; a proxy
 * and a bearer token are optional. The token is sent only as an {@code Authorization} header and never appears in
 * messages. Queries left unanswered are returned as unchecked, never as clean.
 */
public final class OsvApiSource implements AdvisorySource {

    static final int BATCH_SIZE = 1000;
    static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

    private final URI baseUrl;
    private final Settings settings;
    private final HttpClient client;
    private final Map<String, OsvRecord> memoryCache = new ConcurrentHashMap<>();
    private int requests;
    private long fetched;
    private Instant newestModified;
    private int cacheHits;

    /**
     * How to talk to the API.
     *
     * @param token a bearer token, or {@code null}
     * @param proxy {@code host:port} of an HTTP proxy, or {@code null} for the JVM's default proxy selection
     * @param maxRequests the request budget of one scan, retries included
     * @param maxRetries how often a failed request is retried
     * @param backoff the first retry delay, doubled on each further retry
     * @param timeout the time limit of one request
     * @param cacheDir where fetched records are kept between scans, or {@code null}
     */
    public record Settings(String token, String proxy, int maxRequests, int maxRetries, Duration backoff,
            Duration timeout, Path cacheDir) {

        public Settings {
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String toString() {
            return "Settings[token=" + (token == null ? "none" : "****") + ", proxy=" + proxy + ", maxRequests="
                    + maxRequests + ", maxRetries=" + maxRetries + "]";
        }

        /** Defaults: no token, default proxy, 2,000 requests, 3 retries from 500 ms, 30 s per request. */
        public static Settings defaults() {
            return new Settings(null, null, 2000, 3, Duration.ofMillis(500), Duration.ofSeconds(30), null);
        }
    }

    public OsvApiSource(URI baseUrl, Settings settings) {
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (settings.proxy() != null && !settings.proxy().isBlank()) {
            String proxy = settings.proxy().replaceFirst("^https?://", "").replaceFirst("/$", "");
            int colon = proxy.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Proxy must be host:port, was " + settings.proxy());
            }
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.substring(0, colon),
                    Integer.parseInt(proxy.substring(colon + 1)))));
        } else {
            builder.proxy(ProxySelector.getDefault() == null ? HttpClient.Builder.NO_PROXY : ProxySelector.getDefault());
        }
        this.client = builder.build();
    }

    /** A request the budget did not allow. */
    private static final class BudgetExhausted extends Exception {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public LookupResult lookup(Collection<PackageQuery> queries) throws IOException, InterruptedException {
        List<PackageQuery> pending = new ArrayList<>(new LinkedHashSet<>(queries));
        Map<PackageQuery, Map<String, Instant>> idsByQuery = new LinkedHashMap<>();
        Set<PackageQuery> unchecked = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        try {
            for (int start = 0; start < pending.size(); start += BATCH_SIZE) {
                List<PackageQuery> batch = pending.subList(start, Math.min(pending.size(), start + BATCH_SIZE));
                queryBatch(batch, idsByQuery);
            }
        } catch (BudgetExhausted e) {
            pending.stream().filter(q -> !idsByQuery.containsKey(q)).forEach(unchecked::add);
            warnings.add("OSV API request budget of " + settings.maxRequests() + " exhausted: " + unchecked.size()
                    + " packages were not checked");
        }
        Map<String, OsvRecord> records = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (Map<String, Instant> ids : idsByQuery.values()) {
            ids.forEach((id, modified) -> {
                if (!records.containsKey(id)) {
                    OsvRecord cached = cached(id, modified);
                    if (cached != null) {
                        records.put(id, cached);
                    } else {
                        missing.add(id);
                    }
                }
            });
        }
        Set<String> failed = new LinkedHashSet<>();
        for (String id : missing) {
            try {
                OsvRecord record = fetch(id);
                records.put(id, record);
            } catch (BudgetExhausted e) {
                failed.add(id);
            } catch (IOException e) {
                failed.add(id);
                if (failed.size() <= 3) {
                    warnings.add("OSV advisory " + id + " could not be fetched: " + e.getMessage());
                }
            }
        }
        Map<PackageQuery, List<OsvRecord>> result = new HashMap<>();
        idsByQuery.forEach((query, ids) -> {
            List<OsvRecord> list = new ArrayList<>();
            for (String id : ids.keySet()) {
                if (failed.contains(id)) {
                    unchecked.add(query);
                } else if (records.get(id) != null) {
                    list.add(records.get(id));
                }
            }
            result.put(query, list);
        });
        if (!failed.isEmpty()) {
            warnings.add(failed.size() + " OSV advisories could not be fetched; the packages they concern are "
                    + "reported as not checked");
        }
        return new LookupResult(result, unchecked, warnings);
    }

    private void queryBatch(List<PackageQuery> batch, Map<PackageQuery, Map<String, Instant>> idsByQuery)
            throws IOException, InterruptedException, BudgetExhausted {
        Map<PackageQuery, String> pageTokens = new LinkedHashMap<>();
        for (PackageQuery query : batch) {
            pageTokens.put(query, null);
        }
        for (int page = 0; !pageTokens.isEmpty() && page < 20; page++) {
            List<PackageQuery> asked = new ArrayList<>(pageTokens.keySet());
            ObjectNode body = OsvRecordReader.mapper().createObjectNode();
            ArrayNode array = body.putArray("queries");
            for (PackageQuery query : asked) {
                ObjectNode q = array.addObject();
                q.put("version", query.version());
                q.putObject("package").put("name", query.queryName()).put("ecosystem", query.queryEcosystem());
                if (pageTokens.get(query) != null) {
                    q.put("page_token", pageTokens.get(query));
                }
            }
            JsonNode response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/querybatch"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(OsvRecordReader.mapper().writeValueAsBytes(body))));
            JsonNode results = response.path("results");
            if (!results.isArray() || results.size() != asked.size()) {
                throw new IOException("OSV API answered " + results.size() + " results to " + asked.size() + " queries");
            }
            Map<PackageQuery, String> next = new LinkedHashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                PackageQuery query = asked.get(i);
                Map<String, Instant> ids = idsByQuery.computeIfAbsent(query, q -> new LinkedHashMap<>());
                for (JsonNode vuln : results.get(i).path("vulns")) {
                    String id = OsvRecordReader.text(vuln, "id");
                    if (id != null) {
                        ids.put(id, OsvRecordReader.instant(OsvRecordReader.text(vuln, "modified")));
                    }
                }
                String token = OsvRecordReader.text(results.get(i), "next_page_token");
                if (token != null && !token.isBlank()) {
                    next.put(query, token);
                }
            }
            pageTokens = next;
        }
    }

    private OsvRecord fetch(String id) throws IOException, InterruptedException, BudgetExhausted {
        JsonNode node = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/vulns/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"))).GET());
        OsvRecord record = OsvRecordReader.read(node);
        fetched++;
        if (record.modified() != null && (newestModified == null || record.modified().isAfter(newestModified))) {
            newestModified = record.modified();
        }
        memoryCache.put(id, record);
        if (settings.cacheDir() != null) {
            Files.createDirectories(settings.cacheDir());
            Path temp = Files.createTempFile(settings.cacheDir(), "osv", ".tmp");
            Files.write(temp, OsvRecordReader.mapper().writeValueAsBytes(node));
            Files.move(temp, cacheFile(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return record;
    }

    private OsvRecord cached(String id, Instant modified) {
        OsvRecord record = memoryCache.get(id);
        if (record == null && settings.cacheDir() != null) {
            Path file = cacheFile(id);
            if (Files.isRegularFile(file)) {
                try {
                    record = OsvRecordReader.read(Files.readAllBytes(file));
                } catch (IOException e) {
                    record = null;
                }
            }
        }
        if (record != null && modified != null && !modified.equals(record.modified())) {
            return null;
        }
        if (record != null) {
            cacheHits++;
            memoryCache.put(id, record);
            if (record.modified() != null && (newestModified == null || record.modified().isAfter(newestModified))) {
                newestModified = record.modified();
            }
        }
        return record;
    }

    private Path cacheFile(String id) {
        return settings.cacheDir().resolve(id.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException, BudgetExhausted {
        request.timeout(settings.timeout()).header("Accept", "application/json")
                .header("User-Agent", "devsecops-scan");
        if (settings.token() != null && !settings.token().isBlank()) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        HttpRequest built = request.build();
        String failure = null;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            if (requests >= settings.maxRequests()) {
                throw new BudgetExhausted();
            }
            requests++;
            long delay = settings.backoff().toMillis() << Math.min(attempt, 16);
            HttpResponse<byte[]> response = null;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.net.http.HttpTimeoutException e) {
                failure = "timed out after " + settings.timeout().toSeconds() + " s";
            } catch (java.net.ConnectException e) {
                failure = "cannot connect to " + baseUrl.getHost() + (baseUrl.getPort() > 0 ? ":" + baseUrl.getPort() : "");
            } catch (IOException e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (response != null) {
                int status = response.statusCode();
                if (status == 200) {
                    if (response.body().length > MAX_RESPONSE_BYTES) {
                        throw new IOException("OSV API response larger than " + MAX_RESPONSE_BYTES + " bytes");
                    }
                    return OsvRecordReader.mapper().readTree(response.body());
                }
                failure = "HTTP " + status + " from " + built.uri().getPath();
                if (status != 429 && status < 500) {
                    throw new IOException(failure); // a client error: retrying would not help
                }
                delay = Math.max(delay, retryAfterMillis(response));
            }
            if (attempt < settings.maxRetries()) {
                Thread.sleep(Math.min(delay, 30_000));
            }
        }
        throw new IOException("OSV API at " + baseUrl + " failed after " + (settings.maxRetries() + 1)
                + " attempts: " + failure);
    }

    private static long retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Math.min(30_000L, Long.parseLong(value.strip()) * 1000);
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    /** Requests sent so far, retries included. */
    public int requestCount() {
        return requests;
    }

    @Override
    public SourceInfo info() {
        return new SourceInfo("osv-api", baseUrl.toString(), fetched + cacheHits, newestModified,
                requests + " requests, " + fetched + " advisories fetched, " + cacheHits + " from cache");
    }
}
