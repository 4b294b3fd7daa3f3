package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.devsecops.dashboard.DashboardData;
import io.jenkins.plugins.devsecops.dashboard.DashboardFixtures;
import io.jenkins.plugins.devsecops.dashboard.DashboardSections;
import io.jenkins.plugins.devsecops.model.Report;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the page's script in a real headless Chromium: sorting, filtering, expanding, the CSP, and that hostile data
 * never becomes markup. Runs where a Chromium binary is on the PATH (e.g. Debian's {@code chromium}); skipped
 * elsewhere.
 */
class HtmlReportInBrowserTest {

    private static final Pattern PROBE = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL);
    private static String chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void findChromium() {
        chromium = findOnPath("chromium", "chromium-browser", "google-chrome").orElse(null);
    }

    private static Optional<String> findOnPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String entry : path.split(File.pathSeparator)) {
                Path candidate = Path.of(entry, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }

    /** The page with {@code probe} added as a second script allowed by hash, plus an injected script that is not. */
    private static String withProbe(String page, String probe) throws Exception {
        String hash = "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(probe.getBytes(StandardCharsets.UTF_8)));
        String allowed = "script-src &#39;" + HtmlPageAssets.SCRIPT_HASH + "&#39;";
        assertThat(page).contains(allowed);
        String withHash = page.replace(allowed, allowed + " &#39;" + hash + "&#39;");
        // The last </body>: an inlined library may hold the text "</body>" in a string.
        int end = withHash.lastIndexOf("</body>");
        return withHash.substring(0, end) + "<script>document.title = 'INJECTED';</script>\n<script>" + probe
                + "</script>\n" + withHash.substring(end);
    }

    /**
     * The page with a listener for CSP violations as the first script of the head (allowed by its hash), so that
     * the probe can report every violation, including those of the scripts that run before it.
     */
    private static String withViolationRecorder(String page) throws Exception {
        String recorder = "window.__violations=[];document.addEventListener('securitypolicyviolation',"
                + "function(e){window.__violations.push(e.violatedDirective+' '+e.blockedURI);});";
        String hash = "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(recorder.getBytes(StandardCharsets.UTF_8)));
        String allowed = "script-src &#39;" + HtmlPageAssets.SCRIPT_HASH + "&#39;";
        String withHash = page.replace(allowed, allowed + " &#39;" + hash + "&#39;");
        int style = withHash.indexOf("<style>");
        return withHash.substring(0, style) + "<script>" + recorder + "</script>\n" + withHash.substring(style);
    }

    private String run(String page) throws Exception {
        Path file = dir.resolve("index.html");
        Files.writeString(file, page, StandardCharsets.UTF_8);
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path output = dir.resolve("dom.html");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--virtual-time-budget=5000",
                "--user-data-dir=" + profile, "--dump-dom", file.toUri().toString()));
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Chromium did not finish within 90 s");
        }
        String dom = Files.readString(output, StandardCharsets.UTF_8);
        // A browser that cannot start on this machine (no display libraries, no shared memory) is not a page bug.
        assumeTrue(dom.contains("</html>"), "Chromium could not render pages on this machine");
        return dom;
    }

    private static String probeOutput(String dom) {
        Matcher m = PROBE.matcher(dom);
        assertThat(m.find()).as("probe output in the DOM").isTrue();
        return m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    @Test
    void shouldSortFilterAndExpandFindings() throws Exception {
        assumeTrue(chromium != null, "no Chromium on the PATH");
        // Given the fixed report's page and a probe that clicks through it like a person
        String probe = """
                (function () {
                  var out = [];
                  function rules() { return Array.prototype.map.call(document.querySelectorAll('tr.finding td:nth-child(2)'),
                      function (td) { return td.textContent; }).join(','); }
                  function snap(label) { out.push(label + ': ' + document.getElementById('findings-count').textContent + ' | ' + rules()); }
                  function fire(el, type) { el.dispatchEvent(new Event(type)); }
                  snap('initial');
                  document.getElementById('filter-suppressed').click(); snap('suppressed');
                  var search = document.getElementById('filter-text');
                  search.value = 'LODASH'; fire(search, 'input'); snap('search');
                  search.value = ''; fire(search, 'input');
                  var stage = document.getElementById('filter-stage');
                  stage.value = 'secrets'; fire(stage, 'change'); snap('stage');
                  stage.value = ''; fire(stage, 'change');
                  document.querySelector('input[data-severity=CRITICAL]').click(); snap('no-critical');
                  document.querySelector('th[data-sort=location]').click(); snap('by-location');
                  document.querySelector('th[data-sort=location]').click(); snap('by-location-desc');
                  document.querySelector('tr.finding').click();
                  out.push('details: ' + document.querySelector('tr.details').textContent);
                  out.push('title: ' + document.title);
                  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = out.join('\\n');
                  document.body.appendChild(pre);
                }());
                """;
        String page = withProbe(new HtmlReportWriter().render(ReportFixtures.complete()), probe);

        // When Chromium loads it and the probe runs
        String result = probeOutput(run(page));

        // Then each interaction shows the expected rows, in the expected order
        assertThat(result).contains(
                "initial: 5 of 7 findings | aws-access-key-id,GHSA-jfh8-c2jp-5v3q,github-classic-pat,DS002,"
                        + "dockerfile-latest-tag",
                "suppressed: 7 of 7 findings | aws-access-key-id,GHSA-jfh8-c2jp-5v3q,github-classic-pat,"
                        + "GHSA-35jh-r3h4-6jhm,generic-password,DS002,dockerfile-latest-tag",
                "search: 1 of 7 findings | GHSA-35jh-r3h4-6jhm",
                "stage: 3 of 7 findings | aws-access-key-id,github-classic-pat,generic-password",
                "no-critical: 5 of 7 findings | github-classic-pat,GHSA-35jh-r3h4-6jhm,generic-password,DS002,"
                        + "dockerfile-latest-tag",
                "by-location: 5 of 7 findings | DS002,github-classic-pat,dockerfile-latest-tag,GHSA-35jh-r3h4-6jhm,"
                        + "generic-password",
                "by-location-desc: 5 of 7 findings | generic-password,GHSA-35jh-r3h4-6jhm,dockerfile-latest-tag,"
                        + "github-classic-pat,DS002");
        // and the expanded row shows the details, and the injected script without hash did not run
        assertThat(result).contains("password=********", "test credentials for the in-memory database")
                .contains("title: DevSecOps Scan report").doesNotContain("INJECTED");
    }

    @Test
    void shouldNeverTurnHostileDataIntoMarkup() throws Exception {
        assumeTrue(chromium != null, "no Chromium on the PATH");
        // Given the hostile report's page, with every row shown and expanded
        Report report = ReportFixtures.hostile();
        String probe = """
                (function () {
                  document.getElementById('filter-suppressed').click();
                  Array.prototype.forEach.call(document.querySelectorAll('tr.finding'), function (tr) { tr.click(); });
                  var out = [];
                  out.push('rows: ' + document.querySelectorAll('tr.finding').length);
                  out.push('details: ' + document.querySelectorAll('tr.details').length);
                  out.push('img: ' + document.querySelectorAll('img').length);
                  out.push('a: ' + document.querySelectorAll('a').length);
                  out.push('scripts: ' + document.querySelectorAll('script').length);
                  out.push('handlers: ' + document.querySelectorAll('[onmouseover],[onerror]').length);
                  out.push('text: ' + document.querySelector('tr.details').textContent);
                  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = out.join('\\n');
                  document.body.appendChild(pre);
                }());
                """;
        String page = withProbe(new HtmlReportWriter().render(report), probe);

        // When Chromium loads it
        String result = probeOutput(run(page));

        // Then the data is shown as text only: no element came out of it
        assertThat(result).contains("rows: 1", "details: 1", "img: 0", "a: 0", "scripts: 4", "handlers: 0")
                .contains("Message </textarea><img src=x onerror=alert(3)>", "Mallory <script>alert(1)</script>");
    }

    @Test
    void shouldDrawTheTrendChartsAndListNewFindingsFirstWithoutCspViolations() throws Exception {
        assumeTrue(chromium != null, "no Chromium on the PATH");
        // Given three recorded builds rendered as index.html with the dashboard sections, and a probe
        DashboardData data = DashboardFixtures.threeBuilds(Files.createDirectories(dir.resolve("history")));
        String probe = """
                (function () {
                  var out = [];
                  try {
                  out.push('echarts: ' + (typeof echarts));
                  [0, 1, 2, 3].forEach(function (i) {
                    var chart = document.getElementById('trend-chart-' + i);
                    out.push('chart ' + i + ': ' + chart.querySelectorAll('canvas, svg').length
                      + ' ' + (echarts.getInstanceByDom(chart) ? 'drawn' : 'empty'));
                  });
                  out.push('states: ' + Array.prototype.map.call(document.querySelectorAll('tr.finding td.state'),
                    function (td) { return td.textContent; }).join(','));
                  out.push('first: ' + document.querySelector('tr.finding td:nth-child(2)').textContent);
                  out.push('verdict: ' + document.querySelector('#section-policy .verdict').textContent);
                  out.push('title: ' + document.title);
                  } catch (e) { out.push('error: ' + e); }
                  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = out.join('\\n');
                  document.body.appendChild(pre);
                  // Violation events are dispatched as tasks: report them once the parser is done.
                  setTimeout(function () {
                    pre.textContent += '\\nviolations: ' + window.__violations.join(' | ') + '.';
                  }, 100);
                }());
                """;
        String page = new HtmlReportWriter(DashboardSections.of(data, "dashboard.html")).render(data.report());
        page = withProbe(withViolationRecorder(page), probe);

        // When Chromium loads it
        String result = probeOutput(run(page));
        assertThat(result).doesNotContain("error: ");

        // Then ECharts ran and drew every chart, new findings come first, and the only CSP violation is the
        // injected script without a hash
        assertThat(result).contains("echarts: object", "verdict: FAILED", "states: NEW,OUTSTANDING",
                "first: xss<img src=x onerror=alert(1)>");
        for (int i = 0; i < 4; i++) {
            assertThat(result).containsPattern("chart " + i + ": [1-9]\\d* drawn");
        }
        assertThat(result).containsPattern("violations: (script-src-elem|script-src) inline\\.$")
                .doesNotContain("INJECTED");
    }

    @Test
    void shouldKeepLongFactsInsideTheFilesPanel() throws Exception {
        assumeTrue(chromium != null, "no Chromium on the PATH");
        // Given a report whose stage facts hold long unbroken values (paths of an offline advisory source)
        Report complete = ReportFixtures.complete();
        String longPath = "/var/lib/jenkins/osv-data/" + "a-very-long-directory-name-without-spaces-".repeat(4)
                + "all.zip";
        Report report = complete.toBuilder().stage(io.jenkins.plugins.devsecops.model.StageResult
                .builder("dependencies-extra").property("advisorySource", longPath)
                .property("an.unusually.long.property.name.that.has.no.spaces.either", "1").build()).build();
        String probe = """
                (function () {
                  var walk = document.getElementById('walk');
                  var out = 'walk ' + (walk.scrollWidth <= walk.clientWidth ? 'fits' : 'overflows '
                      + walk.scrollWidth + '>' + walk.clientWidth);
                  var body = document.documentElement;
                  out += '; page ' + (body.scrollWidth <= body.clientWidth ? 'fits' : 'overflows');
                  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = out;
                  document.body.appendChild(pre);
                }());
                """;

        // When Chromium lays the page out
        String result = probeOutput(run(withProbe(new HtmlReportWriter().render(report), probe)));

        // Then the Files panel and the page are no wider than their boxes
        assertThat(result).isEqualTo("walk fits; page fits");
    }
}
