package io.jenkins.plugins.devsecops.dast;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DAST stage against the fixture application: each check finds its vulnerable route and stays quiet on the fixed one. */
class DastStageTest {

    static final String JQUERY_ADVISORY = """
            {
              "id": "GHSA-gxr4-xjj5-5px2",
              "modified": "2026-11-01T12:00:00Z",
              "aliases": ["CVE-2020-11022"],
              "summary": "Potential XSS vulnerability in jQuery",
              "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N"}],
              "affected": [{
                "package": {"ecosystem": "npm", "name": "jquery"},
                "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.2.0"}, {"fixed": "3.5.0"}]}]
              }],
              "database_specific": {"severity": "MODERATE"}
            }
            """;

    @TempDir
    Path temp;

    static Report scan(Path root, Map<String, String> options) throws Exception {
        ScanRequest.Builder request = ScanRequest.builder(root).stage(DastStage.ID);
        options.forEach(request::option);
        return ScanEngine.withBuiltInStages().scan(request.build(), ProgressListener.NONE);
    }

    private Report scanFixture(FixtureWebApp app, String mode) throws Exception {
        Path osv = Files.createDirectories(temp.resolve("osv"));
        Files.writeString(osv.resolve("GHSA-gxr4-xjj5-5px2.json"), JQUERY_ADVISORY);
        return scan(temp, Map.of("dast.url", app.uri("/").toString(), "dast.mode", mode,
                "dependencies.osvDir", osv.toString(), "dependencies.indexDir", temp.resolve("index").toString(),
                "dast.requestsPerSecond", "1000"));
    }

    static Set<String> rules(Report report) {
        return report.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }

    static List<String> located(Report report, String rule) {
        return report.findings().stream().filter(f -> f.ruleId().equals(rule))
                .map(f -> f.properties().get("method") + " " + java.net.URI.create(f.properties().get("url")).getPath()
                        + " " + f.properties().getOrDefault("parameter", ""))
                .sorted().toList();
    }

    @Test
    void shouldFindEveryActiveCheckOnTheVulnerableRoutes() throws Exception {
        try (FixtureWebApp app = new FixtureWebApp(true)) {
            Report report = scanFixture(app, "active");

            StageResult stage = report.stage(DastStage.ID).orElseThrow();
            assertThat(stage.status()).isEqualTo(StageStatus.COMPLETED);
            assertThat(located(report, "dast-xss-reflected")).containsExactly("GET /greet who", "GET /profile name",
                    "GET /search q");
            assertThat(located(report, "dast-sqli-error")).containsExactly("GET /item id");
            assertThat(located(report, "dast-sqli-boolean")).containsExactly("GET /owner name");
            assertThat(located(report, "dast-command-injection")).containsExactly("POST /ping host");
            assertThat(located(report, "dast-path-traversal")).containsExactly("GET /file name");
            assertThat(located(report, "dast-open-redirect")).containsExactly("GET /go url");
            assertThat(located(report, "dast-ssrf")).containsExactly("GET /preview url");
            assertThat(located(report, "dast-ldap-injection")).containsExactly("GET /lookup uid");
            assertThat(located(report, "dast-xpath-injection")).containsExactly("GET /member user");
            assertThat(app.requests).noneMatch(r -> r.startsWith("GET /logout"));
            Finding injection = report.findings().stream().filter(f -> f.ruleId().equals("dast-command-injection"))
                    .findFirst().orElseThrow();
            assertThat(injection.cwes()).containsExactly("CWE-78");
            assertThat(injection.properties().get("request")).startsWith("POST http://127.0.0.1:").contains("host=");
            assertThat(injection.properties().get("evidence")).matches(".*dsc[a-z]{7}\\d{4}.*");
            assertThat(injection.fingerprint()).hasSize(64);
        }
    }

    @Test
    void shouldFindThePassiveProblemsOfTheVulnerableApp() throws Exception {
        try (FixtureWebApp app = new FixtureWebApp(true)) {
            Report report = scanFixture(app, "passive");

            assertThat(rules(report)).containsExactlyInAnyOrder("dast-csp-missing", "dast-xcto-missing",
                    "dast-clickjacking", "dast-referrer-policy-missing", "dast-permissions-policy-missing",
                    "dast-cookie-no-httponly", "dast-cookie-no-samesite", "dast-version-disclosure",
                    "dast-stack-trace", "dast-debug-page", "dast-private-ip", "dast-directory-listing",
                    "dast-source-map", "dast-git-exposed", "dast-password-autocomplete", "dast-vulnerable-js-library");
            assertThat(located(report, "dast-version-disclosure")).containsExactly("GET / server", "GET / x-powered-by");
            Finding jquery = report.findings().stream().filter(f -> f.ruleId().equals("dast-vulnerable-js-library"))
                    .findFirst().orElseThrow();
            assertThat(jquery.message()).contains("jquery 1.8.3", "GHSA-gxr4-xjj5-5px2", "fixed in 3.5.0");
            assertThat(app.requests).noneMatch(r -> r.startsWith("POST")).noneMatch(r -> r.contains("dsx"));
            StageResult stage = report.stage(DastStage.ID).orElseThrow();
            assertThat(stage.properties()).containsEntry("mode", "passive").containsEntry("javascriptExecuted", "false")
                    .containsEntry("limit.maxRequests", "5000").containsKey("requestsSent");
        }
    }

    @Test
    void shouldReportNothingButTheCorsProbeTargetOnTheFixedApp() throws Exception {
        try (FixtureWebApp app = new FixtureWebApp(false)) {
            Report report = scanFixture(app, "active");

            assertThat(rules(report)).isEmpty();
            assertThat(report.stage(DastStage.ID).orElseThrow().properties().get("parametersTested")).isNotEqualTo("0");
        }
    }

    @Test
    void shouldReportReflectedCorsWithCredentials() throws Exception {
        try (FixtureWebApp app = new FixtureWebApp(true)) {
            Report report = scan(temp, Map.of("dast.url", app.uri("/api/data").toString(), "dast.probes", "false",
                    "dast.requestsPerSecond", "1000"));

            Finding cors = report.findings().stream().filter(f -> f.ruleId().equals("dast-cors-reflected-origin"))
                    .findFirst().orElseThrow();
            assertThat(cors.severity()).isEqualTo(io.jenkins.plugins.devsecops.model.Severity.HIGH);
            assertThat(cors.cwes()).containsExactly("CWE-942");
        }
    }
}
