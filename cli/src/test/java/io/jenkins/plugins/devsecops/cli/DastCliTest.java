package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dast-url} from the command line: a logged-in active scan of a loopback app, secrets from the environment. */
class DastCliTest {

    private static final String PASSWORD = "cli-Secret-Passw0rd";

    @TempDir
    Path temp;

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void shouldScanARunningAppWithTheDastOptionsAndEnvironmentCredentials() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
            String path = exchange.getRequestURI().getPath();
            String cookie = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
            if (path.equals("/login") && exchange.getRequestMethod().equals("POST")) {
                boolean ok = body.contains("password=" + PASSWORD.replace("-", "-")) && body.contains("username=bob");
                if (ok) {
                    exchange.getResponseHeaders().add("Set-Cookie", "sid=session-value-123; HttpOnly; SameSite=Strict");
                }
                exchange.getResponseHeaders().add("Location", ok ? "/" : "/login");
                send(exchange, 302, "");
            } else if (path.equals("/login")) {
                send(exchange, 200, "<form method=post><input name=username><input type=password name=password></form>");
            } else if (!cookie.contains("sid=session-value-123")) {
                exchange.getResponseHeaders().add("Location", "/login");
                send(exchange, 302, "");
            } else if (path.equals("/hello")) {
                String query = exchange.getRequestURI().getRawQuery();
                String name = query == null ? "" : URLDecoder.decode(query.replace("name=", ""), StandardCharsets.UTF_8);
                send(exchange, 200, "<p>Hello " + name + "</p><a href=/logout>Logout</a>");
            } else {
                send(exchange, 200, "<a href=\"/hello?name=you\">hello</a> <a href=/logout>Logout</a>");
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Files.createDirectories(temp.resolve("src"));
            CliRun run = CliRun.withEnvironment(temp.resolve("cache"), Map.of("DEVSECOPS_DAST_USERNAME", "bob",
                    "DEVSECOPS_DAST_PASSWORD", PASSWORD), "scan", temp.resolve("src").toString(), "--stages", "dast",
                    "--dast-url", base + "/", "--dast-mode", "active", "--dast-login-url", base + "/login",
                    "--dast-logged-in", "Logout", "--option", "dast.requestsPerSecond=1000", "-o",
                    temp.resolve("out").toString(), "--no-history", "--no-default-policy");

            assertThat(run.exit()).as(run.stderr()).isZero();
            assertThat(run.stdout()).contains("dast");
            String json = Files.readString(temp.resolve("out/report.json"));
            assertThat(json).contains("dast-xss-reflected").doesNotContain(PASSWORD).doesNotContain("session-value-123");
            assertThat(run.stdout() + run.stderr()).doesNotContain(PASSWORD);
            assertThat(seen).anyMatch(r -> r.startsWith("GET /hello?name="));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldRefuseSecretsOnTheCommandLineAndDastOptionsWithoutUrl() {
        CliRun secret = CliRun.of(temp.resolve("cache"), "scan", temp.toString(), "--dast-url", "http://127.0.0.1:9/",
                "--option", "dast.auth.password=hunter2");
        assertThat(secret.exit()).isEqualTo(2);
        assertThat(secret.stderr()).contains("set DEVSECOPS_DAST_PASSWORD in the environment").doesNotContain("hunter2");

        CliRun noUrl = CliRun.of(temp.resolve("cache"), "scan", temp.toString(), "--dast-mode", "active");
        assertThat(noUrl.exit()).isEqualTo(2);
        assertThat(noUrl.stderr()).contains("The --dast-* options need --dast-url");
    }
}
