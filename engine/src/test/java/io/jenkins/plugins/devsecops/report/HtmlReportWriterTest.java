package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.ReportJson;
import io.jenkins.plugins.devsecops.model.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {

    private static final Pattern ISLAND =
            Pattern.compile("<script type=\"application/json\" id=\"findings\">(.*?)</script>", Pattern.DOTALL);

    static String html(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter().write(report, out);
        String page = out.toString(StandardCharsets.UTF_8);
        preview(report == null ? "x" : report.root(), page);
        return page;
    }

    /** Keeps the last pages under target/ to look at them in a browser. */
    private static void preview(String name, String page) throws IOException {
        Path dir = Paths.get("target", "html-preview");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(Integer.toHexString(String.valueOf(name).hashCode()) + ".html"), page,
                StandardCharsets.UTF_8);
    }

    private static String island(String page) {
        Matcher m = ISLAND.matcher(page);
        assertThat(m.find()).as("JSON island").isTrue();
        return m.group(1);
    }

    private static String withoutIslandAndScript(String page) {
        String rest = ISLAND.matcher(page).replaceAll("");
        return rest.replace("<script>" + HtmlPageAssets.SCRIPT + "</script>", "");
    }

    @Test
    void shouldMakeNoExternalRequestOfAnyKind() throws IOException {
        // Given the fixed report, whose texts hold URLs (remediation links)
        String page = html(ReportFixtures.complete());

        // Then no element loads or links anything: no src/href/action to a URL, no link element, no CSS import or url()
        assertThat(page).doesNotContainPattern("(?i)\\b(src|href|action|srcset|poster|data)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .doesNotContainPattern("(?i)<link\\b").doesNotContainPattern("(?i)@import")
                .doesNotContainPattern("(?i)url\\(").doesNotContainPattern("(?i)<(iframe|object|embed|img|base)\\b");
        // and the page forbids any request through its Content-Security-Policy
        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;");
        // and the URLs in texts are only text, inside the escaped JSON data
        assertThat(island(page)).contains("https://console.aws.amazon.com/iam/");
    }

    @Test
    void shouldAllowOnlyItsOwnScriptByHash() throws Exception {
        // Given a page
        String page = html(ReportFixtures.complete());

        // When hashing the one executable script
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(HtmlPageAssets.SCRIPT.getBytes(StandardCharsets.UTF_8));
        String hash = "sha256-" + Base64.getEncoder().encodeToString(digest);

        // Then the policy names exactly that hash, and the page has two script elements: the data and the code
        assertThat(page).contains("script-src &#39;" + hash + "&#39;").contains("<script>" + HtmlPageAssets.SCRIPT);
        assertThat(Pattern.compile("<script").matcher(page).results().count()).isEqualTo(2);
    }

    @Test
    void shouldEscapeEveryAttackerControlledText() throws IOException {
        // Given a report whose every text field holds markup
        Report report = ReportFixtures.hostile();

        // When rendered
        String page = html(report);
        String markup = withoutIslandAndScript(page);

        // Then the markup carries none of it unescaped
        assertThat(markup).doesNotContain("<script", "<img", "<a ", "</textarea>", "\" onmouseover=\"");
        assertThat(markup).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot; onmouseover=&quot;alert(2)",
                "&lt;/textarea&gt;&lt;img src=x onerror=alert(3)&gt;");
        // and only the two expected script elements exist
        assertThat(Pattern.compile("(?i)<script").matcher(page).results().count()).isEqualTo(2);
        // and the JSON island cannot be left: no '<', '>', '&' or line separators inside it
        String data = island(page);
        assertThat(data).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        // and it still holds exactly the report's findings
        List<Finding> read = new ReportJson().mapper().readValue(data, new TypeReference<List<Finding>>() { });
        assertThat(read).isEqualTo(report.findings());
    }

    @Test
    void shouldSummariseByStageAndSeverity() throws IOException {
        // Given the fixed report: secrets has 1 critical, 1 high and 1 suppressed medium; iac timed out
        String page = html(ReportFixtures.complete());

        // Then each stage row has its status and counts; suppressed findings are counted apart
        assertThat(page).contains("<tr><td>secrets</td><td><span class=\"status COMPLETED\">completed</span></td>"
                + "<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num zero\">0</td>"
                + "<td class=\"num zero\">0</td><td class=\"num zero\">0</td><td class=\"num\">2</td>"
                + "<td class=\"num\">1</td><td class=\"num\">1190</td><td class=\"num\">812 ms</td>"
                + "<td class=\"num\">1</td><td class=\"num zero\">0</td></tr>");
        assertThat(page).contains("<tr><td>iac</td><td><span class=\"status TIMED_OUT\">timed out</span></td>");
        assertThat(page).contains("<tr><td>dependencies</td><td><span class=\"status COMPLETED\">completed</span></td>"
                + "<td class=\"num\">1</td><td class=\"num zero\">0</td>");
        // and the tiles count active findings by severity
        assertThat(page).contains("<div class=\"tile CRITICAL\"><div class=\"n\">2</div>",
                "<div class=\"tile HIGH\"><div class=\"n\">1</div>", "<div class=\"tile suppressed\"><div class=\"n\">2</div>");
    }

    @Test
    void shouldShowWalkSummaryStageErrorsAndWarnings() throws IOException {
        String page = html(ReportFixtures.complete());

        assertThat(page).contains("<dt>Files seen</dt><dd>1280</dd>", "<dt>Files scanned</dt><dd>1190</dd>",
                "<dt>Bytes scanned</dt><dd>18.0 MiB</dd>", "<dt>Files skipped</dt><dd>90</dd>",
                "<dt>\u2003binary</dt><dd>61</dd>", "<dt>skipped: minified</dt><dd>4</dd>",
                "<dt>advisorySource</dt><dd>OSV (offline mirror)</dd>");
        assertThat(page).contains("<li class=\"error\"><code>vendor/broken.json</code>: malformed JSON at line 7</li>",
                "<li class=\"warning\">advisory database is 3 days old</li>",
                "<li class=\"error\">timed out after 30 s</li>");
        assertThat(page).contains("Root <b>/home/ci/workspace/shop</b>", "commit <b>9fceb02d0ae598e95dc970b74767f19372d61af8</b>");
    }

    @Test
    void shouldOfferFilterControlsForEverySeverityAndStage() throws IOException {
        String page = html(ReportFixtures.complete());

        for (Severity severity : Severity.values()) {
            assertThat(page).contains("data-severity=\"" + severity.name() + "\"");
        }
        assertThat(page).contains("<option value=\"secrets\">secrets</option>",
                "<option value=\"dependencies\">dependencies</option>", "<option value=\"import\">import</option>",
                "id=\"filter-text\"", "id=\"filter-suppressed\"", "data-sort=\"severity\"", "data-sort=\"location\"");
    }

    @Test
    void shouldRenderExtraSectionsAfterTheSummaryAndSurviveABrokenOne() throws IOException {
        // Given a dashboard-like section, one that throws, and one with a bad id and CSS that would close the style
        HtmlSection trends = new HtmlSection() {
            @Override
            public String id() {
                return "trends";
            }

            @Override
            public String title() {
                return "Trends <over time>";
            }

            @Override
            public String renderHtml(Report report) {
                return "<svg width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>";
            }

            @Override
            public String css() {
                return "#section-trends svg { fill: #d1242f; }";
            }
        };
        HtmlSection broken = new HtmlSection() {
            @Override
            public String id() {
                return "gate";
            }

            @Override
            public String title() {
                return "Quality gate";
            }

            @Override
            public String renderHtml(Report report) {
                throw new IllegalStateException("boom");
            }

            @Override
            public String css() {
                return "</style><script>alert(1)</script>";
            }
        };
        HtmlSection badId = new HtmlSection() {
            @Override
            public String id() {
                return "\"><script>";
            }

            @Override
            public String title() {
                return "Odd";
            }

            @Override
            public String renderHtml(Report report) {
                return "<p>ok</p>";
            }
        };

        // When rendered
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HtmlReportWriter(List.of(trends, broken, badId)).write(ReportFixtures.complete(), out);
        String page = out.toString(StandardCharsets.UTF_8);

        // Then sections follow the summary and precede the findings, escaped, and the broken one is a note
        int summary = page.indexOf("id=\"summary\"");
        int section = page.indexOf("<section class=\"card\" id=\"section-trends\">\n<h2>Trends &lt;over time&gt;</h2>");
        int findings = page.indexOf("id=\"findings-card\"");
        assertThat(summary).isPositive().isLessThan(section);
        assertThat(section).isLessThan(findings);
        assertThat(page).contains("#section-trends svg { fill: #d1242f; }", "<rect width=\"10\" height=\"10\"/>",
                "<section class=\"card\" id=\"section-gate\">", "This section could not be rendered: IllegalStateException",
                "<section class=\"card\" id=\"section-extra\">");
        assertThat(page).doesNotContain("</style><script>alert(1)</script>", "id=\"section-\"><script>");
    }

    @Test
    void shouldRenderARealScanWithoutLeakingSecrets(@TempDir Path dir) throws Exception {
        // Given the report of a real scan
        Report report = ReportFixtures.realScan(dir);

        // When rendered
        String page = html(report);

        // Then its findings are in the data, masked, and its walk figures in the summary
        assertThat(island(page)).contains("src/main/resources/application.yml", "password: ********");
        assertThat(page).doesNotContain("s3cr3t-Pa55word", "hunter2-but-longer");
        assertThat(page).contains("<dt>Files seen</dt><dd>" + report.walk().filesSeen() + "</dd>");
    }

    @Test
    void shouldCarryThousandsOfFindings() throws IOException {
        // Given 5000 findings
        Report.Builder builder = Report.builder(ReportFixtures.ENGINE, Instant.parse("2026-11-23T10:00:00Z"));
        for (int i = 0; i < 5000; i++) {
            builder.finding(Finding.builder().ruleId("r" + (i % 40)).stage(i % 2 == 0 ? "secrets" : "iac")
                    .severity(Severity.values()[i % 5]).title("Finding " + i)
                    .location(io.jenkins.plugins.devsecops.model.Location.ofLine("src/f" + i + ".txt", i + 1)).build());
        }

        // When rendered
        String page = html(builder.build());

        // Then every finding is in the data and the summary counts them all
        assertThat(new ReportJson().mapper().readTree(island(page))).hasSize(5000);
        assertThat(page).contains("<tr class=\"total\"><td>All stages</td><td></td><td class=\"num\">1000</td>");
    }

    @Test
    void shouldCarryBrokenUnicodeAndControlCharactersSafely() throws IOException {
        // Given texts with lone surrogates, NUL and escape characters, as a hostile import may hold
        String broken = "a\uD800b\uDC00c\u0000d\u001be";
        Report report = Report.builder(ReportFixtures.ENGINE, Instant.parse("2026-11-23T10:00:00Z"))
                .finding(Finding.builder().ruleId("r").stage("s" + broken).severity(Severity.LOW).title(broken)
                        .build())
                .stage(io.jenkins.plugins.devsecops.model.StageResult.builder("s" + broken).warning(broken).build())
                .build();

        // When rendered
        String page = html(report);

        // Then the markup has replacement characters instead, and the data is still parseable JSON
        assertThat(withoutIslandAndScript(page)).doesNotContain("\u0000", "\u001b", "\uD800", "\uDC00")
                .contains("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
        assertThat(new ReportJson().mapper().readTree(island(page))).hasSize(1);
    }

    @Test
    void shouldKeepTheMostSevereFindingsAndCapTextsWhenTheReportIsHuge() throws IOException {
        // Given more findings than a page carries, the critical ones last, and one with a 1 MB message and snippet
        Report.Builder builder = Report.builder(ReportFixtures.ENGINE, Instant.parse("2026-11-23T10:00:00Z"));
        String huge = "x".repeat(1_000_000);
        builder.finding(Finding.builder().ruleId("big").stage("s").severity(Severity.HIGH).title("Big").message(huge)
                .location(new io.jenkins.plugins.devsecops.model.Location("big.txt", 1, 1, 1, 2, huge)).build());
        for (int i = 0; i < HtmlReportWriter.MAX_FINDINGS; i++) {
            builder.finding(Finding.builder().ruleId("low").stage("s").severity(Severity.LOW).title("Low " + i)
                    .build());
        }
        for (int i = 0; i < 5; i++) {
            builder.finding(Finding.builder().ruleId("critical").stage("s").severity(Severity.CRITICAL)
                    .title("Critical " + i).build());
        }

        // When rendered
        String page = html(builder.build());

        // Then the page carries the cap, critical ones first, texts capped, and says where the rest is
        var data = new ReportJson().mapper().readTree(island(page));
        assertThat(data).hasSize(HtmlReportWriter.MAX_FINDINGS);
        assertThat(data.get(0).path("ruleId").asText()).isEqualTo("critical");
        assertThat(data.get(5).path("ruleId").asText()).isEqualTo("big");
        assertThat(data.get(5).path("message").asText()).hasSizeLessThan(10_100);
        assertThat(data.get(5).path("location").path("snippet").asText()).hasSizeLessThan(2_100);
        assertThat(page).contains("This page lists the 20000 most severe of 20006 findings")
                .hasSizeLessThan(10_000_000);
    }

    @Test
    void shouldRenderAnEmptyReport() throws IOException {
        String page = html(Report.builder(ReportFixtures.ENGINE, Instant.parse("2026-11-23T10:00:00Z")).build());

        assertThat(island(page)).isEqualTo("[]");
        assertThat(page).contains("<h2>Findings</h2>").endsWith("</html>\n");
    }

    @Test
    void shouldBeFoundByItsFormatName() {
        assertThat(ReportWriters.builtIn().find("html")).get().isInstanceOf(HtmlReportWriter.class);
        assertThat(new HtmlReportWriter().fileName()).isEqualTo("index.html");
    }
}
