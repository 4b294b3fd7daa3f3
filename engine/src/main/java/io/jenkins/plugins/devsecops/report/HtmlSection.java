package io.jenkins.plugins.devsecops.report;

import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import java.util.List;

/**
 * An extra section of the HTML report, rendered after the summary: the extension point for the dashboard (trend
 * charts, quality gate table) and any other view. Pass sections to {@link HtmlReportWriter#HtmlReportWriter(java.util.List)}.
 *
 * <p>Rules a section must follow, as the page is one self-contained file under a strict Content-Security-Policy:
 * escape every text with {@link HtmlText#escape}; load nothing from anywhere (no {@code src}/{@code href} to a URL;
 * draw charts as inline SVG or with a script from {@link #scripts()}); put no {@code <script>} in the markup (the
 * policy only runs scripts allowed by hash) and no inline event handlers; data for a script goes in a
 * {@code <script type="application/json">} island escaped with {@link JsonIsland}. Inline {@code style} attributes
 * and {@link #css()} are allowed. A section that throws is replaced by a short error note; the rest of the page is
 * kept.
 */
public interface HtmlSection {

    /** A stable id of lower-case letters, digits and dashes, used as the HTML id {@code section-<id>}. */
    String id();

    /** The section heading, plain text (the writer escapes it). */
    String title();

    /** The inner HTML of the section for {@code report}. */
    String renderHtml(Report report);

    /** Extra CSS rules for this section, added to the page's style sheet; none by default. */
    default String css() {
        return "";
    }

    /**
     * Scripts this section needs, in order (e.g. a chart library, then the code that draws the charts): the writer
     * inlines each at the end of the page, after its own script, and allows exactly these texts in the
     * Content-Security-Policy by their SHA-256 hashes. A script containing {@code </script} is refused. None by
     * default.
     */
    default List<String> scripts() {
        return List.of();
    }

    /**
     * This section for {@code report} when the page is written with other reports of it: a section that reads the
     * findings adds its readers to {@code pass} (over {@code report}'s findings, run before the page is rendered)
     * and gives a section rendering from what they read, with the same id, title, CSS and scripts. By default the
     * section itself, which reads what it needs when rendered.
     */
    default HtmlSection readingIn(Report report, FindingPass pass) {
        return this;
    }
}
