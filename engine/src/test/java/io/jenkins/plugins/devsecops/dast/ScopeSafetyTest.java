package io.jenkins.plugins.devsecops.dast;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No request leaves the scope: links, scripts, frames, meta refreshes, forms, redirects, sitemap entries and API
 * servers that name another origin (another port, another host name for the same address, another scheme), logout
 * links, robots-disallowed and excluded paths are never requested — in passive and in active mode. An "outside"
 * loopback server counts what would have reached it: nothing may.
 */
class ScopeSafetyTest {

    @TempDir
    Path temp;

    private LoopbackServer target(LoopbackServer outside) throws Exception {
        LoopbackServer target = new LoopbackServer();
        String other = "http://127.0.0.1:" + outside.port();
        String otherHost = "http://localhost:" + target.port();
        target.page("/", "<html><head><script src=\"" + other + "/lib.js\"></script>"
                + "<meta http-equiv=\"refresh\" content=\"30; url=" + other + "/refresh\"></head><body>"
                + "<a href=\"" + other + "/other-port\">x</a> <a href=\"" + otherHost + "/other-host\">x</a>"
                + " <a href=\"https://127.0.0.1:" + target.port() + "/other-scheme\">x</a>"
                + " <a href=\"//127.0.0.1:" + outside.port() + "/protocol-relative\">x</a>"
                + " <a href=\"http://user@127.0.0.1:" + target.port() + "/userinfo\">x</a>"
                + " <a href=\"javascript:alert(1)\">x</a> <a href=\"mailto:a@example.com\">x</a>"
                + " <a href=\"/logout\">Log out</a> <a href=\"/account/sign-out?x=1\">x</a>"
                + " <a href=\"/admin/secret\">x</a> <a href=\"/private/data\">x</a>"
                + " <a href=\"/redirect-out?next=/home\">x</a> <a href=\"/in-scope?q=1\">x</a>"
                + "<iframe src=\"" + other + "/frame\"></iframe>"
                + "<form action=\"" + other + "/get-form\"><input name=q value=1></form>"
                + "<form method=post action=\"" + other + "/post-form\"><input name=q value=1></form>"
                + "<form method=post action=\"/local-form\"><input name=q value=1></form>"
                + "</body></html>");
        target.route("/robots.txt", exchange -> FixtureWebApp.send(exchange, 200, "text/plain",
                "User-agent: *\nDisallow: /admin/\n"));
        target.route("/sitemap.xml", exchange -> FixtureWebApp.send(exchange, 200, "application/xml",
                "<?xml version=\"1.0\"?><urlset><url><loc>" + other + "/from-sitemap</loc></url>"
                        + "<url><loc>" + target.uri("/from-sitemap") + "</loc></url></urlset>"));
        target.route("/redirect-out", exchange -> {
            exchange.getResponseHeaders().add("Location", other + "/landing");
            FixtureWebApp.send(exchange, 302, "text/html", "");
        });
        target.page("/in-scope", "<p>in scope</p><a href=\"/redirect-out?next=/x\">again</a>");
        target.page("/from-sitemap", "<p>ok</p>");
        target.page("/local-form", "<p>posted</p>");
        return target;
    }

    private Report scan(LoopbackServer target, String mode) throws Exception {
        Path api = temp.resolve("api.json");
        Files.writeString(api, "{\"openapi\":\"3.0.0\",\"servers\":[{\"url\":\"http://127.0.0.1:1/v1\"}],"
                + "\"paths\":{\"/items\":{\"get\":{\"parameters\":[{\"name\":\"q\",\"in\":\"query\","
                + "\"schema\":{\"type\":\"string\"}}]}}}}");
        return DastStageTest.scan(temp, Map.of("dast.url", target.uri("/").toString(), "dast.mode", mode,
                "dast.exclude", "^/private/", "dast.openapi", api.toString(), "dast.requestsPerSecond", "1000",
                "dast.requestsLog", temp.resolve("requests.log").toString()));
    }

    @Test
    void shouldNeverSendARequestOutOfScopeInPassiveMode() throws Exception {
        try (LoopbackServer outside = new LoopbackServer(); LoopbackServer target = target(outside)) {
            Report report = scan(target, "passive");

            assertThat(outside.received).isEmpty();
            assertInScope(target);
            StageResult stage = report.stage(DastStage.ID).orElseThrow();
            assertThat(stage.properties()).containsKey("linksNotFollowed.other origin")
                    .containsKey("linksNotFollowed.logout-like").containsKey("linksNotFollowed.disallowed by robots.txt")
                    .containsKey("linksNotFollowed.excluded");
            assertThat(target.paths()).contains("GET /from-sitemap", "GET /v1/items?q=test");
            assertThat(Files.readString(temp.resolve("requests.log"))).contains("REFUSED GET http://127.0.0.1:"
                    + outside.port() + "/landing (other origin");
        }
    }

    @Test
    void shouldNeverSendARequestOutOfScopeInActiveMode() throws Exception {
        try (LoopbackServer outside = new LoopbackServer(); LoopbackServer target = target(outside)) {
            Report report = scan(target, "active");

            assertThat(outside.received).isEmpty();
            assertInScope(target);
            assertThat(target.paths()).anyMatch(p -> p.startsWith("POST /local-form"));
            assertThat(report.stage(DastStage.ID).orElseThrow().properties().get("parametersTested")).isNotEqualTo("0");
        }
    }

    private static void assertInScope(LoopbackServer target) {
        assertThat(target.received).allMatch(r -> r.host().equals("127.0.0.1:" + target.port()));
        assertThat(target.paths()).noneMatch(p -> p.contains("logout") || p.contains("sign-out")
                || p.contains("/admin/") || p.contains("/private/") || p.contains("userinfo"));
    }

    @Test
    void shouldRefuseOtherVerbsThanTheModeAllows() throws Exception {
        try (LoopbackServer target = new LoopbackServer()) {
            target.page("/", "<form method=post action=/submit><input name=q value=1></form>");
            Path api = temp.resolve("api.yaml");
            Files.writeString(api, """
                    swagger: "2.0"
                    basePath: /api
                    paths:
                      /items/{id}:
                        delete:
                          parameters:
                            - {name: id, in: path, type: integer, required: true}
                        put:
                          parameters:
                            - {name: id, in: path, type: integer, required: true}
                    """);
            Report report = DastStageTest.scan(temp, Map.of("dast.url", target.uri("/").toString(), "dast.mode",
                    "active", "dast.openapi", api.toString(), "dast.requestsPerSecond", "1000"));

            assertThat(target.paths()).noneMatch(p -> p.startsWith("DELETE") || p.startsWith("PUT"));
            assertThat(report.stage(DastStage.ID).orElseThrow().warnings())
                    .as(report.stage(DastStage.ID).orElseThrow().toString())
                    .anyMatch(w -> w.contains("2 operations with verbs") && w.contains("DELETE") && w.contains("PUT")
                            && w.contains("were not sent"));
        }
    }
}
