package io.jenkins.plugins.devsecops.dast;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRLF injection (vulnerable and fixed), the limits and hostile responses. */
class HeaderInjectionAndLimitsTest {

    @TempDir
    Path temp;

    private static byte[] language(String target, boolean vulnerable) {
        if (target.startsWith("/set?")) {
            String value = target.substring(target.indexOf("lang=") + 5);
            if (!vulnerable) {
                value = value.replace("\r", "").replace("\n", "");
            }
            return RawHttpServer.response("200 OK", "Content-Language: " + value + "\r\n", "<p>language set</p>");
        }
        return RawHttpServer.response("200 OK", "", "<a href=\"/set?lang=en\">English</a>");
    }

    @Test
    void shouldFindCrlfInjectionOnlyWhereLineBreaksReachTheHeaders() throws Exception {
        for (boolean vulnerable : new boolean[] {true, false}) {
            try (RawHttpServer server = new RawHttpServer(target -> language(target, vulnerable))) {
                Report report = DastStageTest.scan(temp, Map.of("dast.url", server.uri("/").toString(), "dast.mode",
                        "active", "dast.requestsPerSecond", "1000"));

                if (vulnerable) {
                    assertThat(DastStageTest.located(report, "dast-crlf-injection")).containsExactly("GET /set lang");
                } else {
                    assertThat(DastStageTest.rules(report)).doesNotContain("dast-crlf-injection");
                }
            }
        }
    }

    @Test
    void shouldStopAtTheRequestLimitWithAWarning() throws Exception {
        try (FixtureWebApp app = new FixtureWebApp(true)) {
            Report report = DastStageTest.scan(temp, Map.of("dast.url", app.uri("/").toString(), "dast.mode", "active",
                    "dast.maxRequests", "12", "dast.requestsPerSecond", "1000"));

            StageResult stage = report.stage(DastStage.ID).orElseThrow();
            assertThat(app.count.get()).isEqualTo(12);
            assertThat(stage.warnings()).anyMatch(w -> w.startsWith("DAST scan stopped early: the request limit of 12 was reached"));
            assertThat(stage.properties()).containsEntry("stoppedOnLimit", "the request limit of 12 was reached")
                    .containsEntry("requestsSent", "12").containsEntry("limit.maxRequests", "12");
        }
    }

    @Test
    void shouldKeepTheRateAndDepthLimits() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            for (int i = 0; i < 10; i++) {
                server.page("/p" + i, "<a href=\"/p" + (i + 1) + "\">next</a>");
            }
            server.page("/", "<a href=\"/p0\">start</a>");
            long started = System.nanoTime();
            Report report = DastStageTest.scan(temp, Map.of("dast.url", server.uri("/").toString(), "dast.maxDepth", "3",
                    "dast.requestsPerSecond", "10", "dast.probes", "false"));
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(server.paths()).contains("GET /p2").doesNotContain("GET /p3");
            int sent = Integer.parseInt(report.stage(DastStage.ID).orElseThrow().properties().get("requestsSent"));
            assertThat(seconds).isGreaterThanOrEqualTo((sent - 1) / 10.0);
        }
    }

    @Test
    void shouldCutLargeResponsesAndSurviveHostileOnes() throws Exception {
        String huge = "<p>" + "A".repeat(3_000_000) + "</p>";
        try (RawHttpServer server = new RawHttpServer(target -> switch (target) {
            case "/" -> RawHttpServer.response("200 OK", "", "<a href=\"/big\">big</a><a href=\"/lying\">x</a>"
                    + "<a href=\"/bad\">x</a><a href=\"/%zz\">x</a><a href=\"http://[::1\">x</a>");
            case "/big" -> RawHttpServer.response("200 OK", "", huge);
            case "/lying" -> "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n<p>short</p>".getBytes(StandardCharsets.UTF_8);
            case "/bad" -> "NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.UTF_8);
            default -> RawHttpServer.response("404 Not Found", "", "");
        })) {
            Report report = DastStageTest.scan(temp, Map.of("dast.url", server.uri("/").toString(),
                    "dast.maxResponseSize", "100000", "dast.requestsPerSecond", "1000"));

            StageResult stage = report.stage(DastStage.ID).orElseThrow();
            assertThat(stage.status()).isEqualTo(io.jenkins.plugins.devsecops.model.StageStatus.COMPLETED);
            assertThat(stage.properties()).containsEntry("responsesTruncated", "1");
            assertThat(Integer.parseInt(stage.properties().get("requestsFailed"))).isPositive();
        }
    }
}
