package io.jenkins.plugins.devsecops.packages.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.dependencies.OsvFixtures;
import io.jenkins.plugins.devsecops.packages.PackageKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the OSV API client against a loopback server that answers like api.osv.dev. */
class OsvApiSourceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    /** Which advisory ids the fake API lists per ecosystem/name (version-independent for the test). */
    final Map<String, List<String>> index = Map.of(
            "npm/lodash", List.of("GHSA-35jh-r3h4-6jhm"),
            "PyPI/django", List.of("PYSEC-2020-35", "GHSA-3gh2-xw74-jmcw"),
            "npm/ghost", List.of("GHSA-35jh-r3h4-6jhm", "GHSA-gone-gone-gone"));

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/querybatch", this::querybatch);
        server.createContext("/v1/vulns/", this::vuln);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void querybatch(HttpExchange exchange) throws IOException {
        record(exchange);
        if (failuresLeft.getAndDecrement() > 0) {
            respond(exchange, 503, "{\"code\": 14, \"message\": \"unavailable\"}");
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        StringBuilder results = new StringBuilder("{\"results\": [");
        for (int i = 0; i < body.path("queries").size(); i++) {
            JsonNode pkg = body.path("queries").get(i).path("package");
            List<String> ids = index.getOrDefault(pkg.path("ecosystem").asText() + "/" + pkg.path("name").asText(),
                    List.of());
            results.append(i == 0 ? "" : ",").append("{");
            if (!ids.isEmpty()) {
                results.append("\"vulns\": [");
                for (int j = 0; j < ids.size(); j++) {
                    String json = OsvFixtures.all().get(ids.get(j));
                    String modified = json == null ? "2026-01-01T00:00:00Z"
                            : OsvFixtures.record(json).modified().toString();
                    results.append(j == 0 ? "" : ",").append("{\"id\": \"").append(ids.get(j))
                            .append("\", \"modified\": \"").append(modified).append("\"}");
                }
                results.append("]");
            }
            results.append("}");
        }
        respond(exchange, 200, results.append("]}").toString());
    }

    private void vuln(HttpExchange exchange) throws IOException {
        record(exchange);
        String id = exchange.getRequestURI().getPath().substring("/v1/vulns/".length());
        String json = OsvFixtures.all().get(id);
        respond(exchange, json == null ? 404 : 200, json == null ? "{\"code\": 5, \"message\": \"Bug not found.\"}" : json);
    }

    private void record(HttpExchange exchange) {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static OsvApiSource.Settings settings(String token, int budget, Path cache) {
        return new OsvApiSource.Settings(token, null, budget, 3, Duration.ofMillis(10), Duration.ofSeconds(5), cache);
    }

    static final PackageQuery LODASH = new PackageQuery(PackageKey.of(Ecosystem.NPM, "lodash"), "4.17.20");
    static final PackageQuery DJANGO = new PackageQuery(PackageKey.of(Ecosystem.PYPI, "Django"), "2.2.10");
    static final PackageQuery CLEAN = new PackageQuery(PackageKey.of(Ecosystem.NPM, "left-pad"), "1.3.0");

    @Test
    void shouldQueryThenFetchEachAdvisoryOnceWithTheBearerToken() throws Exception {
        // Given
        OsvApiSource source = new OsvApiSource(base(), settings("s3cr3t-token", 100, null));

        // When
        LookupResult result = source.lookup(List.of(LODASH, DJANGO, CLEAN));

        // Then
        assertThat(result.advisories().get(LODASH)).extracting(OsvRecord::id).containsExactly("GHSA-35jh-r3h4-6jhm");
        assertThat(result.advisories().get(DJANGO)).extracting(OsvRecord::id)
                .containsExactly("PYSEC-2020-35", "GHSA-3gh2-xw74-jmcw");
        assertThat(result.advisories().get(CLEAN)).isEmpty();
        assertThat(result.unchecked()).isEmpty();
        assertThat(requests).containsExactly("POST /v1/querybatch", "GET /v1/vulns/GHSA-35jh-r3h4-6jhm",
                "GET /v1/vulns/PYSEC-2020-35", "GET /v1/vulns/GHSA-3gh2-xw74-jmcw");
        assertThat(authorizations).allMatch(header -> header.equals("Bearer s3cr3t-token"));
        assertThat(source.info().detail()).contains("4 requests", "3 advisories fetched");
        assertThat(source.info().newestModified()).hasToString("2026-11-01T12:00:00Z");
        assertThat(settings("s3cr3t-token", 1, null).toString()).doesNotContain("s3cr3t");
    }

    @Test
    void shouldRetryServerErrorsWithBackoff() throws Exception {
        failuresLeft.set(2);
        OsvApiSource source = new OsvApiSource(base(), settings(null, 100, null));

        LookupResult result = source.lookup(List.of(LODASH));

        assertThat(result.advisories().get(LODASH)).hasSize(1);
        assertThat(requests).startsWith("POST /v1/querybatch", "POST /v1/querybatch", "POST /v1/querybatch");
        assertThat(authorizations).allMatch(header -> header.equals("null"));
    }

    @Test
    void shouldNotRetryClientErrorsAndReportThePackageUnchecked() throws Exception {
        PackageQuery ghost = new PackageQuery(PackageKey.of(Ecosystem.NPM, "ghost"), "1.0.0");
        OsvApiSource source = new OsvApiSource(base(), settings(null, 100, null));

        LookupResult result = source.lookup(List.of(ghost));

        assertThat(requests).containsExactly("POST /v1/querybatch", "GET /v1/vulns/GHSA-35jh-r3h4-6jhm",
                "GET /v1/vulns/GHSA-gone-gone-gone");
        assertThat(result.unchecked()).containsExactly(ghost);
        assertThat(result.warnings()).anyMatch(w -> w.contains("HTTP 404"));
    }

    @Test
    void shouldReuseTheDiskCacheAcrossScans() throws Exception {
        Path cache = temp.resolve("cache");
        new OsvApiSource(base(), settings(null, 100, cache)).lookup(List.of(LODASH));
        requests.clear();

        OsvApiSource second = new OsvApiSource(base(), settings(null, 100, cache));
        LookupResult result = second.lookup(List.of(LODASH));

        assertThat(result.advisories().get(LODASH)).extracting(OsvRecord::id).containsExactly("GHSA-35jh-r3h4-6jhm");
        assertThat(requests).containsExactly("POST /v1/querybatch");
        assertThat(Files.list(cache)).hasSize(1);
        assertThat(second.info().detail()).contains("1 from cache");
    }

    @Test
    void shouldReportPackagesAsUncheckedWhenTheBudgetRunsOut() throws Exception {
        // Given a budget that allows the query but only one advisory fetch
        OsvApiSource source = new OsvApiSource(base(), settings(null, 2, null));

        LookupResult result = source.lookup(List.of(LODASH, DJANGO));

        assertThat(result.unchecked()).containsExactly(DJANGO);
        assertThat(result.advisories().get(LODASH)).hasSize(1);
        assertThat(result.warnings()).anyMatch(w -> w.contains("could not be fetched"));
    }

    @Test
    void shouldFailClearlyWhenTheApiIsUnreachable() throws Exception {
        server.stop(0);
        OsvApiSource source = new OsvApiSource(base(), new OsvApiSource.Settings("tok-abc", null, 10, 1,
                Duration.ofMillis(1), Duration.ofSeconds(2), null));

        assertThatThrownBy(() -> source.lookup(List.of(LODASH))).isInstanceOf(IOException.class)
                .hasMessageContaining("failed after 2 attempts").hasMessageNotContaining("tok-abc");
    }

    @Test
    void shouldSendRequestsThroughTheConfiguredProxy() throws Exception {
        // Given the loopback server acting as the proxy for a host that does not resolve
        OsvApiSource source = new OsvApiSource(URI.create("http://osv.invalid"), new OsvApiSource.Settings(null,
                "127.0.0.1:" + server.getAddress().getPort(), 10, 0, Duration.ofMillis(1), Duration.ofSeconds(5), null));

        LookupResult result = source.lookup(List.of(LODASH));

        assertThat(result.advisories().get(LODASH)).hasSize(1);
        assertThat(requests).first().isEqualTo("POST /v1/querybatch");
    }
}
