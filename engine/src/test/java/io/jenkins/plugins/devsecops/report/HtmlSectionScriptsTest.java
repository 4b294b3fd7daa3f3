package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlSectionScriptsTest {

    /** A section with the given scripts, or one whose scripts() throws when {@code scripts} is null. */
    private record ScriptedSection(String id, List<String> scripts) implements HtmlSection {

        @Override
        public String title() {
            return "Section " + id;
        }

        @Override
        public String renderHtml(Report report) {
            return "<p id=\"body-" + id + "\">body</p>";
        }

        @Override
        public List<String> scripts() {
            if (scripts == null) {
                throw new IllegalStateException("broken");
            }
            return scripts;
        }
    }

    @Test
    void shouldInlineSectionScriptsAfterThePageScriptAndAllowEachByHash() {
        // Given two sections with one script each
        String first = "document.body.dataset.a='1';";
        String second = "document.body.dataset.b='2';";
        HtmlReportWriter writer = new HtmlReportWriter(List.of(new ScriptedSection("one", List.of(first)),
                new ScriptedSection("two", List.of(second))));

        // When a page is rendered
        String html = writer.render(ReportFixtures.complete());

        // Then both follow the page's own script, in order, and the policy lists exactly the three hashes
        int own = html.indexOf("<script>" + HtmlPageAssets.SCRIPT + "</script>");
        assertThat(own).isPositive();
        assertThat(html.indexOf("<script>" + first + "</script>")).isGreaterThan(own)
                .isLessThan(html.indexOf("<script>" + second + "</script>"));
        assertThat(html).contains("script-src &#39;" + HtmlPageAssets.SCRIPT_HASH + "&#39; &#39;"
                + InlineScripts.hash(first) + "&#39; &#39;" + InlineScripts.hash(second) + "&#39;;");
    }

    @Test
    void shouldRefuseAScriptThatCouldCloseItsElementAndSurviveASectionThatThrows() {
        // Given a section whose script contains a closing tag in any case, and one whose scripts() throws
        String hostile = "var s = '</SCRIPT><img src=x onerror=alert(1)>';";
        HtmlReportWriter writer = new HtmlReportWriter(List.of(new ScriptedSection("hostile", List.of(hostile)),
                new ScriptedSection("broken", null)));

        // When a page is rendered
        String html = writer.render(ReportFixtures.complete());

        // Then the hostile script is neither inlined nor allowed, both sections' markup is kept, and only the
        // page's own script is allowed
        assertThat(html).doesNotContain("onerror=alert(1)").doesNotContain(InlineScripts.hash(hostile))
                .contains("<p id=\"body-hostile\">body</p>", "<p id=\"body-broken\">body</p>")
                .contains("script-src &#39;" + HtmlPageAssets.SCRIPT_HASH + "&#39;; style-src");
    }

    @Test
    void shouldComputeTheStandardSha256SourceExpression() {
        // Given the script of the CSP specification's example / When hashed / Then the published value
        assertThat(InlineScripts.hash("alert('Hello, world.');"))
                .isEqualTo("sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=");
        assertThat(InlineScripts.contentSecurityPolicy(List.of())).startsWith("default-src 'none'; script-src 'none';");
    }
}
