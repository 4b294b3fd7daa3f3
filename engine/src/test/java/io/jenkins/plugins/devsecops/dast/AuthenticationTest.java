package io.jenkins.plugins.devsecops.dast;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.StageResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Form login with an anti-CSRF token and re-login when the site ends the session; basic, bearer and session cookie
 * authentication. The password, token and session cookies never appear in the report or the requests log.
 */
class AuthenticationTest {

    private static final String PASSWORD = "Tr0ub4dor&3-horse";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.c2lnbmF0dXJl";

    @TempDir
    Path temp;

    /** A site that needs a session: sessions end after 6 requests, so the scanner must log in again. */
    private static final class LoginSite {
        final LoopbackServer server;
        final Map<String, AtomicInteger> sessions = new ConcurrentHashMap<>();
        final Set<String> tokens = ConcurrentHashMap.newKeySet();
        final AtomicInteger logins = new AtomicInteger();

        LoginSite() throws IOException {
            server = new LoopbackServer();
            server.route("/login", this::login);
            server.route("/", exchange -> protectedPage(exchange, "<p>Welcome alice</p><a href=\"/account?tab=profile\">Account</a>"
                    + " <a href=\"/orders\">Orders</a> <a href=\"/logout\">Logout</a>"));
            server.route("/account", exchange -> protectedPage(exchange, "<p>Account of alice</p><a href=\"/logout\">Logout</a>"
                    + "<a href=\"/orders?page=2\">more</a>"));
            server.route("/orders", exchange -> protectedPage(exchange, "<p>Orders of alice</p><a href=\"/logout\">Logout</a>"
                    + "<a href=\"/orders?page=3\">more</a>"));
        }

        void login(HttpExchange exchange) throws IOException {
            if (exchange.getRequestMethod().equals("GET")) {
                String token = UUID.randomUUID().toString();
                tokens.add(token);
                FixtureWebApp.html(exchange, 200, "<form method=post action=/login><input type=hidden name=csrf value=\""
                        + token + "\"><input name=user><input type=password name=pass autocomplete=current-password>"
                        + "<input type=submit name=go value=Login></form>");
                return;
            }
            Map<String, String> form = new HashMap<>();
            String body = server.received.get(server.received.size() - 1).body();
            for (String pair : body.split("&")) {
                String[] parts = pair.split("=", 2);
                form.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
            if ("alice".equals(form.get("user")) && PASSWORD.equals(form.get("pass")) && tokens.remove(form.get("csrf"))
                    && "Login".equals(form.get("go"))) {
                String session = "S" + UUID.randomUUID().toString().replace("-", "");
                sessions.put(session, new AtomicInteger());
                logins.incrementAndGet();
                exchange.getResponseHeaders().add("Set-Cookie", "SID=" + session + "; Path=/; HttpOnly; SameSite=Lax");
                exchange.getResponseHeaders().add("Location", "/");
                FixtureWebApp.send(exchange, 302, "text/html", "");
            } else {
                FixtureWebApp.html(exchange, 200, "<p>Login failed</p>");
            }
        }

        void protectedPage(HttpExchange exchange, String html) throws IOException {
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            String session = cookie == null ? null : cookie.replaceAll(".*SID=([^;]+).*", "$1");
            AtomicInteger uses = session == null ? null : sessions.get(session);
            if (uses == null || uses.incrementAndGet() > 6) {
                exchange.getResponseHeaders().add("Location", "/login");
                FixtureWebApp.send(exchange, 302, "text/html", "");
                return;
            }
            FixtureWebApp.html(exchange, 200, html);
        }
    }

    @Test
    void shouldLogInThroughTheFormAndAgainWhenTheSessionEnds() throws Exception {
        LoginSite site = new LoginSite();
        try (LoopbackServer server = site.server) {
            Path log = temp.resolve("requests.log");
            Report report = DastStageTest.scan(temp, Map.of("dast.url", server.uri("/").toString(),
                    "dast.auth.loginUrl", server.uri("/login").toString(), "dast.auth.usernameField", "user",
                    "dast.auth.passwordField", "pass", "dast.auth.username", "alice", "dast.auth.password", PASSWORD,
                    "dast.auth.loggedInRegex", "Logout", "dast.requestsLog", log.toString(),
                    "dast.requestsPerSecond", "1000"));

            StageResult stage = report.stage(DastStage.ID).orElseThrow();
            assertThat(stage.errors()).isEmpty();
            assertThat(server.paths()).contains("GET /account?tab=profile", "GET /orders?page=2", "GET /orders?page=3")
                    .noneMatch(p -> p.contains("logout"));
            assertThat(site.logins.get()).isGreaterThan(1);
            assertThat(Integer.parseInt(stage.properties().get("relogins"))).isPositive();
            assertThat(DastStageTest.rules(report)).contains("dast-cacheable-authenticated");
            String json = new ReportJson().toJson(report);
            String requests = Files.readString(log);
            for (String secret : site.sessions.keySet()) {
                assertThat(json).doesNotContain(secret);
                assertThat(requests).doesNotContain(secret);
            }
            assertThat(json).doesNotContain(PASSWORD).doesNotContain("Tr0ub4dor");
            assertThat(requests).doesNotContain(PASSWORD).doesNotContain("Tr0ub4dor").contains("POST ");
        }
    }

    @Test
    void shouldReportAFailedLoginAsAnError() throws Exception {
        LoginSite site = new LoginSite();
        try (LoopbackServer server = site.server) {
            Report report = DastStageTest.scan(temp, Map.of("dast.url", server.uri("/").toString(),
                    "dast.auth.loginUrl", server.uri("/login").toString(), "dast.auth.usernameField", "user",
                    "dast.auth.passwordField", "pass", "dast.auth.username", "alice", "dast.auth.password", "wrong",
                    "dast.auth.loggedInRegex", "Logout", "dast.requestsPerSecond", "1000"));

            assertThat(report.stage(DastStage.ID).orElseThrow().errors())
                    .anyMatch(e -> e.message().contains("DAST login failed"));
        }
    }

    private static LoopbackServer guarded(String expectedHeader, String expectedValue) throws IOException {
        LoopbackServer server = new LoopbackServer();
        server.route("/", exchange -> {
            String value = "Cookie".equals(expectedHeader)
                    ? exchange.getRequestHeaders().getFirst("Cookie") : exchange.getRequestHeaders().getFirst(expectedHeader);
            if (value != null && value.contains(expectedValue)) {
                FixtureWebApp.html(exchange, 200, "<a href=\"/inside?x=1\">inside</a>");
            } else {
                FixtureWebApp.html(exchange, 401, "<p>who are you?</p>");
            }
        });
        server.page("/inside", "<p>secret area</p>");
        return server;
    }

    @Test
    void shouldSendBasicBearerAndCookieAuthenticationWithoutWritingThem() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Map<String, Map<String, String>> cases = Map.of(
                "basic", Map.of("dast.auth.type", "basic", "dast.auth.username", "alice", "dast.auth.password", PASSWORD),
                "bearer", Map.of("dast.auth.token", TOKEN),
                "cookie", Map.of("dast.auth.cookie", "JSESSIONID=" + TOKEN));
        Map<String, String[]> expected = Map.of("basic", new String[] {"Authorization", "Basic " + basic},
                "bearer", new String[] {"Authorization", "Bearer " + TOKEN}, "cookie", new String[] {"Cookie", "JSESSIONID=" + TOKEN});
        for (var entry : cases.entrySet()) {
            String[] header = expected.get(entry.getKey());
            try (LoopbackServer server = guarded(header[0], header[1])) {
                Path log = temp.resolve(entry.getKey() + ".log");
                Map<String, String> options = new HashMap<>(entry.getValue());
                options.put("dast.url", server.uri("/").toString());
                options.put("dast.requestsLog", log.toString());
                options.put("dast.requestsPerSecond", "1000");
                Report report = DastStageTest.scan(temp, options);

                assertThat(server.paths()).as(entry.getKey()).contains("GET /inside?x=1");
                String json = new ReportJson().toJson(report);
                for (String secret : new String[] {PASSWORD, TOKEN, basic}) {
                    assertThat(json).as(entry.getKey()).doesNotContain(secret);
                    assertThat(Files.readString(log)).as(entry.getKey()).doesNotContain(secret);
                }
            }
        }
    }
}
