package io.jenkins.plugins.devsecops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.report.HtmlReportWriter;
import io.jenkins.plugins.devsecops.report.InlineScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardSectionsTest {

    private static final Pattern CSP = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"");
    private static final Pattern EXECUTABLE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path history;

    private String indexPage(DashboardData data, String link) {
        return new HtmlReportWriter(DashboardSections.of(data, link)).render(data.report());
    }

    @Test
    void shouldShowVerdictGateTableWithWhatTrippedItKpisAndFixedFindings() throws Exception {
        // Given three recorded builds; the last adds a CRITICAL that trips fail-on-critical and fixes a MEDIUM
        DashboardData data = DashboardFixtures.threeBuilds(history);

        // When index.html is rendered with the dashboard sections
        String html = indexPage(data, DashboardPage.FILE_NAME);

        // Then the policy section follows the summary and precedes the findings, with the FAILED verdict
        int policy = html.indexOf("id=\"section-policy\"");
        assertThat(policy).isGreaterThan(html.indexOf("id=\"summary\""))
                .isLessThan(html.indexOf("id=\"findings-card\""));
        assertThat(data.evaluation().verdict()).isEqualTo(PolicyVerdict.FAILED);
        assertThat(html).contains("<span class=\"verdict v-failed\">FAILED</span>");
        // And the gate row shows scope, actual 1 against threshold 0... and the escaped finding that tripped it
        String gateRow = html.substring(html.indexOf("<tr class=\"r-failed\"><td>fail-on-critical</td>"));
        gateRow = gateRow.substring(0, gateRow.indexOf("</tr>"));
        assertThat(gateRow).contains("<td>1</td>").contains("<td>FAILED</td>")
                .contains("<div class=\"tripped\">CRITICAL xss&lt;img src=x onerror=alert(1)&gt; at "
                        + "web/&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;.html");
        // And the KPIs count one new, one outstanding, one fixed
        assertThat(html).contains("<div class=\"value\">1</div><div class=\"label\">New</div>",
                "<div class=\"value\">1</div><div class=\"label\">Outstanding</div>",
                "<div class=\"value\">1</div><div class=\"label\">Fixed</div>",
                "<div class=\"label\">Security score</div>", "<div class=\"label\">MTTR</div>",
                "<div class=\"label\">Overdue (SLA)</div>");
        // And the fixed list names the fixed finding, the trend section holds the four charts, the link is there
        String fixed = html.substring(html.indexOf("id=\"section-fixed\""), html.indexOf("id=\"findings-card\""));
        assertThat(fixed).contains("Fixed in this build (1)").contains("<td>public-bucket</td>")
                .contains("Bucket is &lt;b&gt;public&lt;/b&gt;").contains("<td>4 d</td>");
        assertThat(html).contains("id=\"trend-chart-0\"", "id=\"trend-chart-3\"")
                .contains("<a href=\"dashboard.html\">Open the dashboard</a>");
        // And the findings table has the state column (the script sorts new first by it)
        assertThat(html).contains("<th class=\"sortable\" data-sort=\"state\">State</th>");
    }

    @Test
    void shouldEscapeHostileTextInEverySection() throws Exception {
        // Given builds whose rule, title, path, stage and root are markup
        DashboardData data = DashboardFixtures.threeBuilds(history);

        // When rendered
        String page = indexPage(data, "dash\"><script>alert(9)</script>.html");
        String html = EXECUTABLE_SCRIPT.matcher(page).replaceAll("<script></script>");

        // Then no report text became an element (outside the page's own scripts): its only scripts are its five
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("<b>public")
                .contains("xss&lt;img src=x onerror=alert(1)&gt;", "Bucket is &lt;b&gt;public&lt;/b&gt;")
                .contains("href=\"dash&quot;&gt;&lt;script&gt;alert(9)&lt;/script&gt;.html\"");
        assertThat(html.split("<script", -1).length - 1)
                .as("findings island, report script, chart options island, ECharts, chart init").isEqualTo(5);
    }

    @Test
    void shouldEmbedTheChartOptionsAsJsonThatCannotCloseItsScriptElement() throws Exception {
        // Given builds with a stage named like a script breakout, which the per-stage chart shows
        DashboardData data = DashboardFixtures.threeBuilds(history);

        // When rendered
        String html = indexPage(data, null);

        // Then the options island holds no "<" at all, yet parses to the same stage name
        Matcher island = Pattern.compile("<script type=\"application/json\" id=\"trend-chart-options\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(island.find()).isTrue();
        assertThat(island.group(1)).doesNotContain("<").doesNotContain(">");
        JsonNode options = new ObjectMapper().readTree(island.group(1));
        assertThat(options).hasSize(4);
        assertThat(options.toString()).contains(DashboardFixtures.HOSTILE_STAGE.replace("'", "'"));
        assertThat(options.get(0).toString()).contains("\"1\",\"2\",\"3\"");
        // And without a dashboard file, no link to one
        assertThat(html).doesNotContain("Open the dashboard");
    }

    @Test
    void shouldAllowExactlyTheInlinedScriptsByHash() throws Exception {
        // Given the page with charts
        DashboardData data = DashboardFixtures.threeBuilds(history);
        String html = indexPage(data, null);

        // When the CSP's script hashes and the executable scripts of the page are collected
        Set<String> allowed = scriptHashes(html);
        Set<String> inlined = new LinkedHashSet<>();
        Matcher scripts = EXECUTABLE_SCRIPT.matcher(html);
        while (scripts.find()) {
            inlined.add(sha256(scripts.group(1)));
        }

        // Then they are the same three (report script, ECharts, chart init), with no 'unsafe-inline' and no network
        assertThat(inlined).hasSize(3).containsExactlyInAnyOrderElementsOf(allowed);
        assertThat(html).contains(EChartsLibrary.script().substring(0, 200))
                .doesNotContain("unsafe-inline'; img").doesNotContain("<script src").doesNotContain("src=\"http");
        assertThat(cspOf(html)).startsWith("default-src &#39;none&#39;; script-src &#39;sha256-")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void shouldShowNoChartsAndNoLibraryWithoutHistory() {
        // Given a report without summaries, evaluation or history
        Report report = Report.builder(new ToolInfo("devsecops", "0.1.0"), Instant.parse("2026-04-01T10:00:00Z"))
                .findings(List.of(Finding.builder().ruleId("r").stage("s").severity(Severity.LOW).title("t")
                        .location(new Location("a.txt", 1, 1, 1, 1, null)).build()))
                .build();
        DashboardData data = new DashboardData(report, null, null, null, null);

        // When rendered
        String html = indexPage(data, null);

        // Then the sections explain what is missing, and only the report's own script runs
        assertThat(html).contains("No policy evaluation was recorded.", "No build history yet",
                "No finding of the reference build is gone.").doesNotContain("data-sort=\"state\"");
        assertThat(scriptHashes(html)).hasSize(1);
    }

    @Test
    void shouldLinkTheDashboardPageToTheReportAndAllowItsScriptsByHashOnly() throws Exception {
        // Given the recorded builds
        DashboardData data = DashboardFixtures.threeBuilds(history);

        // When dashboard.html is rendered next to an index.html
        String html = new DashboardPage().render(data, "index.html");

        // Then it links back, shows the same gate table markup, and runs only its two hashed scripts
        assertThat(html).contains("<a class=\"page-link\" href=\"index.html\">Full report</a>")
                .contains("<div class=\"tripped\">CRITICAL xss&lt;img").doesNotContain("'unsafe-inline'; style-src")
                .doesNotContain("script-src &#39;unsafe-inline");
        Set<String> inlined = new LinkedHashSet<>();
        Matcher scripts = EXECUTABLE_SCRIPT.matcher(html);
        while (scripts.find()) {
            inlined.add(sha256(scripts.group(1)));
        }
        assertThat(inlined).hasSize(2).containsExactlyInAnyOrderElementsOf(scriptHashes(html));
    }

    private static String cspOf(String html) {
        Matcher m = CSP.matcher(html);
        assertThat(m.find()).as("a CSP meta element").isTrue();
        return m.group(1);
    }

    private static Set<String> scriptHashes(String html) {
        String csp = cspOf(html).replace("&#39;", "'");
        String scriptSrc = csp.substring(csp.indexOf("script-src") + "script-src".length(), csp.indexOf(';',
                csp.indexOf("script-src")));
        List<String> hashes = new ArrayList<>();
        for (String token : scriptSrc.trim().split(" ")) {
            assertThat(token).as("only hashes in script-src").matches("'sha256-[A-Za-z0-9+/=]{44}'");
            hashes.add(token.substring(1, token.length() - 1));
        }
        return new LinkedHashSet<>(hashes);
    }

    private static String sha256(String script) throws Exception {
        String independent = "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        assertThat(InlineScripts.hash(script)).isEqualTo(independent);
        return independent;
    }
}
