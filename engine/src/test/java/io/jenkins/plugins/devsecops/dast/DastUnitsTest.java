package io.jenkins.plugins.devsecops.dast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.dast.checks.FindingCollector;
import io.jenkins.plugins.devsecops.dast.checks.PassiveChecks;
import io.jenkins.plugins.devsecops.dast.crawl.HtmlPage;
import io.jenkins.plugins.devsecops.dast.http.DastRequest;
import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import io.jenkins.plugins.devsecops.dast.http.Redactor;
import io.jenkins.plugins.devsecops.dast.http.RobotsRules;
import io.jenkins.plugins.devsecops.dast.http.Scope;
import io.jenkins.plugins.devsecops.model.Finding;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the DAST stage that need no server: robots rules, scope, HTTPS-only passive checks, fingerprints, options. */
class DastUnitsTest {

    @TempDir
    Path temp;

    @Test
    void shouldApplyTheRobotsGroupOfTheScannerOrOfEveryAgent() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: Googlebot
                Disallow: /
                User-agent: *
                Disallow: /admin/
                Disallow: /*.pdf$
                Allow: /admin/public
                """);
        assertThat(rules.allows("/index.html")).isTrue();
        assertThat(rules.allows("/admin/users")).isFalse();
        assertThat(rules.allows("/admin/public/x")).isTrue();
        assertThat(rules.allows("/docs/a.pdf")).isFalse();
        assertThat(rules.allows("/docs/a.pdf?x")).isTrue();
        assertThat(RobotsRules.parse("User-agent: devsecops-dast\nDisallow: /own\nUser-agent: *\nDisallow: /\n")
                .allows("/other")).isTrue();
    }

    @Test
    void shouldKeepOnlyTheStartOriginInScope() {
        Scope scope = new Scope(URI.create("http://app.test:8080/shop/"), List.of("^/shop/"), List.of("\\.pdf$"), true);
        assertThat(scope.refusal(URI.create("http://app.test:8080/shop/cart?id=1"))).isEmpty();
        assertThat(scope.refusal(URI.create("http://APP.test:8080/shop/cart"))).isEmpty();
        assertThat(scope.refusal(URI.create("https://app.test:8080/shop/cart"))).get().asString().startsWith("other origin");
        assertThat(scope.refusal(URI.create("http://app.test/shop/cart"))).get().asString().startsWith("other origin");
        assertThat(scope.refusal(URI.create("http://app.test.evil.com:8080/shop/"))).get().asString().startsWith("other origin");
        assertThat(scope.refusal(URI.create("http://app.test:8080/blog/"))).contains("not included");
        assertThat(scope.refusal(URI.create("http://app.test:8080/shop/a.pdf"))).get().asString().startsWith("excluded");
        assertThat(scope.refusal(URI.create("http://app.test:8080/shop/logout"))).contains("logout-like");
        assertThat(scope.refusal(URI.create("ftp://app.test:8080/shop/"))).contains("not an http(s) URL");
        assertThatThrownBy(() -> new Scope(URI.create("http://a/"), List.of("(unclosed"), List.of(), true))
                .hasMessageContaining("Invalid DAST scope pattern '(unclosed'");
    }

    private static DastResponse https(String path, Map<String, List<String>> headers, String body) {
        return new DastResponse(DastRequest.get(URI.create("https://shop.test" + path)), 200, headers, body, false, 1);
    }

    @Test
    void shouldFindTheHttpsOnlyProblemsAndStayQuietWhenFixed() {
        String page = "<html><script src=\"http://cdn.test/a.js\"></script><form action=\"http://shop.test/login\">"
                + "<input type=password name=p autocomplete=off></form></html>";
        FindingCollector vulnerable = new FindingCollector(new Redactor());
        DastResponse response = https("/", Map.of("Content-Type", List.of("text/html"),
                "Set-Cookie", List.of("sid=s3cr3tvalue; HttpOnly; SameSite=Lax"),
                "Content-Security-Policy", List.of("script-src 'self' 'unsafe-inline'; frame-ancestors 'self'")), page);
        new PassiveChecks(vulnerable, false).check(response, Optional.of(HtmlPage.parse(response.uri(), page)));

        assertThat(vulnerable.findings()).extracting(Finding::ruleId).contains("dast-hsts-missing", "dast-cookie-no-secure",
                "dast-mixed-content", "dast-insecure-form-action", "dast-csp-unsafe").doesNotContain("dast-clickjacking",
                "dast-password-autocomplete");
        assertThat(vulnerable.findings().toString()).doesNotContain("s3cr3tvalue");

        String fixedPage = "<html><script src=\"/a.js\"></script><form action=\"/login\"></form></html>";
        FindingCollector fixed = new FindingCollector(new Redactor());
        DastResponse good = https("/", Map.of("Content-Type", List.of("text/html"),
                "Set-Cookie", List.of("sid=s3cr3tvalue; Secure; HttpOnly; SameSite=Lax"),
                "Strict-Transport-Security", List.of("max-age=31536000; includeSubDomains"),
                "Content-Security-Policy", List.of("default-src 'self'; script-src 'self' 'nonce-abc' 'unsafe-inline'; frame-ancestors 'none'"),
                "X-Content-Type-Options", List.of("nosniff"), "Referrer-Policy", List.of("no-referrer"),
                "Permissions-Policy", List.of("camera=()")), fixedPage);
        new PassiveChecks(fixed, false).check(good, Optional.of(HtmlPage.parse(good.uri(), fixedPage)));
        assertThat(fixed.findings()).isEmpty();
    }

    @Test
    void shouldFingerprintByRuleNormalisedPathAndParameterAcrossHostsAndIds() {
        String first = FindingCollector.fingerprint("dast-xss-reflected", URI.create("http://10.0.0.1:8080/users/42/edit?x=1"), "name");
        String second = FindingCollector.fingerprint("dast-xss-reflected", URI.create("https://staging.test/users/7/edit"), "name");
        String other = FindingCollector.fingerprint("dast-xss-reflected", URI.create("https://staging.test/users/7/edit"), "email");
        assertThat(first).isEqualTo(second).isNotEqualTo(other);
        assertThat(FindingCollector.normalisedPath(URI.create("http://h/a/0f8fad5b-d9cb-469f-a165-70867728950e/b/")))
                .isEqualTo("/a/{id}/b");
    }

    @Test
    void shouldRefuseBadOptionsNamingThem() {
        assertThat(DastStageTestSupport.error(temp, Map.of("dast.url", "ftp://x/"))).contains("dast.url must be an absolute http");
        assertThat(DastStageTestSupport.error(temp, Map.of("dast.url", "http://x/", "dast.mode", "aggressive")))
                .contains("dast.mode must be passive or active");
        assertThat(DastStageTestSupport.error(temp, Map.of("dast.url", "http://x/", "dast.maxDuration", "soon")))
                .contains("dast.maxDuration must be a duration");
        assertThat(DastStageTestSupport.error(temp, Map.of("dast.url", "http://user:pw@x/")))
                .contains("must not contain credentials");
        assertThat(DastStageTestSupport.error(temp, Map.of("dast.url", "http://x/", "dast.auth.type", "form")))
                .contains("form login needs dast.auth.loginUrl");
        assertThat(DastStageTestSupport.error(temp, Map.of())).contains("needs a start URL");
    }
}
