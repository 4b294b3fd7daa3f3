package io.jenkins.plugins.devsecops.report;

import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes {@code index.html}: one self-contained page (inline CSS and script, no request of any kind, locked down by
 * a Content-Security-Policy) with the scan metadata, counts by severity, a stage × severity summary with each
 * stage's status, errors and warnings, the walk summary, any extra {@link HtmlSection}s (the dashboard extension
 * point) and a findings table with sorting, filters and expandable details.
 *
 * <p>Every text of a report may be attacker-controlled. Markup the writer produces escapes it with
 * {@link HtmlText}; the findings reach the script as a JSON island escaped with {@link JsonIsland}, and the script
 * renders them with {@code textContent} only.
 */
public final class HtmlReportWriter implements ReportWriter {

    /** The marker after which extra sections are rendered; kept in the page for tools that post-process it. */
    public static final String SECTIONS_MARKER = "<!-- devsecops:sections -->";

    private static final Pattern SCRIPT_END = Pattern.compile("</script", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION_ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The most findings one page carries; the others stay in report.json and report.sarif. */
    static final int MAX_FINDINGS = 20_000;
    static final int MAX_TEXT_CHARS = 10_000;
    static final int MAX_SNIPPET_CHARS = 2_000;

    private final List<HtmlSection> sections;

    /** A writer of the standard page, as {@code --format html} uses. */
    public HtmlReportWriter() {
        this(List.of());
    }

    /** A writer that adds {@code sections} after the summary, in order, then the compliance section. */
    public HtmlReportWriter(List<HtmlSection> sections) {
        List<HtmlSection> all = new ArrayList<>(sections);
        all.add(new ComplianceSection());
        this.sections = List.copyOf(all);
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public String fileName() {
        return "index.html";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ReportWriter.writeAlone(this, report, out);
    }

    /**
     * What the summary parts show of the findings (and what the sections read of them, see
     * {@link HtmlSection#readingIn}) is gathered in {@code pass}; the findings' JSON is streamed by a pass of its own.
     */
    @Override
    public Prepared prepare(Report report, FindingPass pass) {
        PageFacts.Reader facts = pass.add(new PageFacts.Reader(report));
        List<HtmlSection> prepared = new ArrayList<>();
        for (HtmlSection section : sections) {
            HtmlSection reading;
            try {
                reading = section.readingIn(report, pass);
            } catch (RuntimeException e) {
                reading = section; // it reads the findings itself when rendered, and fails there as it would have
            }
            prepared.add(reading == null ? section : reading);
        }
        return out -> {
            pass.check(facts);
            Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            page(report, writer, out, facts.facts(), prepared);
            writer.flush();
        };
    }

    /** The page for {@code report}. */
    public String render(Report report) {
        java.io.StringWriter page = new java.io.StringWriter();
        try {
            page(report, page, null, PageFacts.of(report), sections);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return page.toString();
    }

    /**
     * Writes the page: the summary parts are built as text, the findings' JSON is streamed to {@code out} one
     * finding at a time, so that the page is never held whole. With {@code bytes}, the stream {@code out} writes to, a
     * shipped script ({@link InlineScripts#shippedUtf8}) is copied to it as its UTF-8 bytes.
     */
    private static void page(Report report, Writer out, OutputStream bytes, PageFacts facts,
            List<HtmlSection> sections) throws IOException {
        List<String> sectionScripts = sectionScripts(sections);
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(HtmlText.escape(HtmlPageAssets.contentSecurityPolicy(sectionScripts))).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"").append(HtmlText.escape(toolLabel(report)))
                .append("\">\n")
                .append("<title>DevSecOps Scan report").append(report.root() == null ? "" : " \u2014 "
                        + HtmlText.escape(report.root())).append("</title>\n<style>\n")
                .append(HtmlPageAssets.CSS);
        for (HtmlSection section : sections) {
            html.append(safeCss(section));
        }
        html.append("</style>\n</head>\n<body>\n");
        header(html, report);
        html.append("<main>\n");
        tiles(html, facts);
        html.append("<div class=\"grid\">\n");
        stageSummary(html, report, facts);
        walkSummary(html, report);
        html.append("</div>\n");
        problems(html, report);
        html.append(SECTIONS_MARKER).append('\n');
        for (HtmlSection section : sections) {
            section(html, section, report);
        }
        findings(html, report, facts);
        html.append("</main>\n<footer>Generated by ").append(HtmlText.escape(toolLabel(report))).append(" \u00b7 ")
                .append(HtmlText.escape(TIME.format(report.startedAt()))).append("</footer>\n");
        html.append("<script type=\"application/json\" id=\"findings\">");
        out.append(html);
        html.setLength(0);
        writeFindingsJson(report, out);
        html.append("</script>\n");
        html.append("<script>").append(HtmlPageAssets.SCRIPT).append("</script>\n");
        for (String script : sectionScripts) {
            InlineScripts.appendElement(html, script, out, bytes);
        }
        html.append("</body>\n</html>\n");
        out.append(html);
    }

    private static String toolLabel(Report report) {
        return report.tool().name() + (report.tool().version() == null ? "" : " " + report.tool().version());
    }

    private static void header(StringBuilder html, Report report) {
        html.append("<header class=\"page\">\n<h1>DevSecOps Scan report</h1>\n<div class=\"meta\">");
        meta(html, "Root", report.root());
        meta(html, "Started", TIME.format(report.startedAt()));
        meta(html, "Duration", duration(report.durationMillis()));
        meta(html, "Engine", toolLabel(report));
        report.properties().forEach((key, value) -> meta(html, key, value));
        html.append("</div>\n</header>\n");
    }

    private static void meta(StringBuilder html, String label, String value) {
        if (value != null && !value.isBlank()) {
            html.append("<span>").append(HtmlText.escape(label)).append(" <b>").append(HtmlText.escape(value))
                    .append("</b></span>");
        }
    }

    /**
     * What the page's summary parts show of the findings, gathered in one pass over them (a large list is read back
     * from disk at every pass).
     *
     * @param byStage per stage (stages of the report first, in order, then those only findings name): active findings
     *     by severity
     * @param suppressedByStage per stage: suppressed findings
     * @param carriedStages stages with a finding carried over from an earlier build
     * @param findingStages the stages findings name, in the order they first appear
     * @param historyKnown whether a finding carries a history status
     */
    private record PageFacts(Map<String, Map<Severity, Integer>> byStage, Map<String, Integer> suppressedByStage,
            Set<String> carriedStages, Set<String> findingStages, boolean historyKnown) {

        static PageFacts of(Report report) {
            Reader reader = new Reader(report);
            int index = 0;
            for (Finding finding : report.findings()) {
                reader.read(index++, finding);
            }
            return reader.facts();
        }

        /** Gathers the facts from the findings, in report order. */
        static final class Reader implements FindingPass.Reader {
            private final Map<String, Map<Severity, Integer>> byStage = new LinkedHashMap<>();
            private final Map<String, Integer> suppressedByStage = new LinkedHashMap<>();
            private final Set<String> carried = new HashSet<>();
            private final Set<String> findingStages = new LinkedHashSet<>();
            private boolean historyKnown;

            Reader(Report report) {
                for (StageResult stage : report.stages()) {
                    byStage.computeIfAbsent(stage.stage(), s -> zeroCounts());
                }
            }

            @Override
            public void read(int index, Finding finding) {
                findingStages.add(finding.stage());
                byStage.computeIfAbsent(finding.stage(), s -> zeroCounts());
                if (finding.isSuppressed()) {
                    suppressedByStage.merge(finding.stage(), 1, Integer::sum);
                } else {
                    byStage.get(finding.stage()).merge(finding.severity(), 1, Integer::sum);
                }
                if (FindingHistory.isCarried(finding)) {
                    carried.add(finding.stage());
                }
                historyKnown = historyKnown || finding.properties().containsKey(FindingHistory.STATUS);
            }

            PageFacts facts() {
                return new PageFacts(byStage, suppressedByStage, carried, findingStages, historyKnown);
            }
        }

        /** Active findings by severity, every severity present. */
        Map<Severity, Integer> countBySeverity() {
            Map<Severity, Integer> counts = zeroCounts();
            byStage.values().forEach(stage -> stage.forEach((severity, n) -> counts.merge(severity, n, Integer::sum)));
            return counts;
        }

        int suppressed() {
            return suppressedByStage.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static void tiles(StringBuilder html, PageFacts facts) {
        Map<Severity, Integer> counts = facts.countBySeverity();
        long suppressed = facts.suppressed();
        html.append("<section class=\"tiles\" aria-label=\"Active findings by severity\">\n");
        for (Severity severity : Severity.values()) {
            html.append("<div class=\"tile ").append(severity.name()).append("\"><div class=\"n\">")
                    .append(counts.get(severity)).append("</div><div class=\"l\">").append(label(severity))
                    .append("</div></div>\n");
        }
        html.append("<div class=\"tile suppressed\"><div class=\"n\">").append(suppressed)
                .append("</div><div class=\"l\">Suppressed</div></div>\n</section>\n");
    }

    private static void stageSummary(StringBuilder html, Report report, PageFacts facts) {
        Map<String, Map<Severity, Integer>> byStage = facts.byStage();
        Map<String, Integer> suppressedByStage = facts.suppressedByStage();
        Map<String, StageResult> results = new LinkedHashMap<>();
        for (StageResult stage : report.stages()) {
            results.putIfAbsent(stage.stage(), stage);
        }
        html.append("<section class=\"card\" id=\"summary\">\n<h2>Summary by stage</h2>\n<table>\n<thead><tr>")
                .append("<th>Stage</th><th>Status</th>");
        for (Severity severity : Severity.values()) {
            html.append("<th class=\"num\">").append(label(severity)).append("</th>");
        }
        html.append("<th class=\"num\">Total</th><th class=\"num\">Suppressed</th><th class=\"num\">Files</th>")
                .append("<th class=\"num\">Duration</th><th class=\"num\">Errors</th><th class=\"num\">Warnings</th>")
                .append("</tr></thead>\n<tbody>\n");
        Map<Severity, Integer> totals = zeroCounts();
        int totalSuppressed = 0;
        for (Map.Entry<String, Map<Severity, Integer>> entry : byStage.entrySet()) {
            StageResult result = results.get(entry.getKey());
            html.append("<tr><td>").append(HtmlText.escape(entry.getKey())).append("</td><td>");
            if (result != null) {
                html.append("<span class=\"status ").append(result.status().name()).append("\">")
                        .append(result.status().name().replace('_', ' ').toLowerCase(Locale.ROOT)).append("</span>");
            } else if (facts.carriedStages().contains(entry.getKey())) {
                // A stage this scan did not run: its findings come unchanged from the last scan that ran it.
                html.append("<span class=\"muted\" title=\"not run in this scan: findings carried over from the ")
                        .append("last scan that ran it\">carried over</span>");
            } else {
                html.append("<span class=\"muted\">imported</span>");
            }
            html.append("</td>");
            int total = 0;
            for (Severity severity : Severity.values()) {
                int n = entry.getValue().get(severity);
                total += n;
                totals.merge(severity, n, Integer::sum);
                number(html, n);
            }
            number(html, total);
            int suppressed = suppressedByStage.getOrDefault(entry.getKey(), 0);
            totalSuppressed += suppressed;
            number(html, suppressed);
            if (result != null) {
                html.append("<td class=\"num\">").append(result.filesScanned()).append("</td><td class=\"num\">")
                        .append(duration(result.durationMillis())).append("</td>");
                number(html, result.errors().size());
                number(html, result.warnings().size());
            } else {
                html.append("<td></td><td></td><td></td><td></td>");
            }
            html.append("</tr>\n");
        }
        html.append("<tr class=\"total\"><td>All stages</td><td></td>");
        int grand = 0;
        for (Severity severity : Severity.values()) {
            grand += totals.get(severity);
            number(html, totals.get(severity));
        }
        number(html, grand);
        number(html, totalSuppressed);
        html.append("<td class=\"num\">").append(report.walk().filesScanned()).append("</td><td class=\"num\">")
                .append(duration(report.durationMillis())).append("</td>");
        number(html, report.stages().stream().mapToInt(s -> s.errors().size()).sum());
        number(html, report.stages().stream().mapToInt(s -> s.warnings().size()).sum());
        html.append("</tr>\n</tbody>\n</table>\n</section>\n");
    }

    private static void walkSummary(StringBuilder html, Report report) {
        html.append("<section class=\"card\" id=\"walk\">\n<h2>Files</h2>\n<dl class=\"facts\">");
        fact(html, "Files seen", String.valueOf(report.walk().filesSeen()));
        fact(html, "Files scanned", String.valueOf(report.walk().filesScanned()));
        fact(html, "Bytes scanned", bytes(report.walk().bytesScanned()));
        long skipped = report.walk().skipped().values().stream().mapToLong(Long::longValue).sum();
        fact(html, "Files skipped", String.valueOf(skipped));
        report.walk().skipped().forEach((reason, count) -> fact(html, "\u2003" + reason, String.valueOf(count)));
        html.append("</dl>\n");
        if (!report.walk().unreadable().isEmpty()) {
            html.append("<h3>Unreadable files</h3>\n<ul class=\"unreadable\">");
            report.walk().unreadable().forEach(name -> html.append("<li><code>").append(HtmlText.escape(name))
                    .append("</code></li>"));
            html.append("</ul>\n");
        }
        for (StageResult stage : report.stages()) {
            if (!stage.skipped().isEmpty() || !stage.properties().isEmpty()) {
                html.append("<h3>").append(HtmlText.escape(stage.stage())).append("</h3>\n<dl class=\"facts\">");
                stage.skipped().forEach((reason, count) -> fact(html, "skipped: " + reason, String.valueOf(count)));
                stage.properties().forEach((key, value) -> fact(html, key, value));
                html.append("</dl>\n");
            }
        }
        html.append("</section>\n");
    }

    private static void problems(StringBuilder html, Report report) {
        boolean any = report.stages().stream().anyMatch(s -> !s.errors().isEmpty() || !s.warnings().isEmpty());
        if (!any) {
            return;
        }
        html.append("<section class=\"card\" id=\"problems\">\n<h2>Stage errors and warnings</h2>\n");
        for (StageResult stage : report.stages()) {
            if (stage.errors().isEmpty() && stage.warnings().isEmpty()) {
                continue;
            }
            html.append("<h3>").append(HtmlText.escape(stage.stage())).append("</h3>\n<ul class=\"problems\">\n");
            for (StageError error : stage.errors()) {
                html.append("<li class=\"error\">");
                if (error.path() != null && !error.path().isBlank()) {
                    html.append("<code>").append(HtmlText.escape(error.path())).append("</code>: ");
                }
                html.append(HtmlText.escape(error.message())).append("</li>\n");
            }
            for (String warning : stage.warnings()) {
                html.append("<li class=\"warning\">").append(HtmlText.escape(warning)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private static void section(StringBuilder html, HtmlSection section, Report report) {
        String id = section.id() != null && SECTION_ID.matcher(section.id()).matches() ? section.id() : "extra";
        html.append("<section class=\"card\" id=\"section-").append(id).append("\">\n<h2>")
                .append(HtmlText.escape(section.title())).append("</h2>\n");
        try {
            html.append(section.renderHtml(report));
        } catch (RuntimeException e) {
            html.append("<p class=\"muted\">This section could not be rendered: ")
                    .append(HtmlText.escape(e.getClass().getSimpleName())).append("</p>");
        }
        html.append("\n</section>\n");
    }

    /** The sections' scripts, in order; one that could close its element, or a section that throws, adds none. */
    private static List<String> sectionScripts(List<HtmlSection> sections) {
        List<String> scripts = new ArrayList<>();
        for (HtmlSection section : sections) {
            try {
                for (String script : section.scripts()) {
                    // a shipped script was checked once, on its bytes, when it was read
                    if (script != null && !script.isBlank()
                            && (InlineScripts.shippedUtf8(script) != null || !SCRIPT_END.matcher(script).find())) {
                        scripts.add(script);
                    }
                }
            } catch (RuntimeException e) {
                // The section's markup still renders; without its scripts it stays static.
            }
        }
        return scripts;
    }

    private static String safeCss(HtmlSection section) {
        try {
            String css = section.css();
            // A style element ends at the first "</": refuse CSS that would close it.
            return css == null || css.contains("</") ? "" : "\n" + css + "\n";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static void findings(StringBuilder html, Report report, PageFacts facts) {
        Set<String> stages = facts.findingStages();
        boolean anySuppressed = facts.suppressed() > 0;
        html.append("<section class=\"card\" id=\"findings-card\">\n<h2>Findings</h2>\n")
                .append("<div class=\"controls\" role=\"search\">\n");
        for (Severity severity : Severity.values()) {
            html.append("<label><input type=\"checkbox\" checked data-severity=\"").append(severity.name())
                    .append("\"> <span class=\"sev ").append(severity.name()).append("\">").append(label(severity))
                    .append("</span></label>\n");
        }
        html.append("<label>Stage <select id=\"filter-stage\"><option value=\"\">All stages</option>");
        for (String stage : stages) {
            html.append("<option value=\"").append(HtmlText.escape(stage)).append("\">")
                    .append(HtmlText.escape(stage)).append("</option>");
        }
        html.append("</select></label>\n")
                .append("<label><input type=\"checkbox\" id=\"filter-suppressed\"")
                .append(anySuppressed ? "" : " disabled").append("> Show suppressed</label>\n")
                .append("<input type=\"search\" id=\"filter-text\" placeholder=\"Search rule, title, path, CVE, package\u2026\"")
                .append(" aria-label=\"Search findings\">\n")
                .append("<span class=\"count\" id=\"findings-count\" aria-live=\"polite\"></span>\n</div>\n");
        if (report.findings().size() > MAX_FINDINGS) {
            html.append("<p class=\"muted\" id=\"findings-truncated\">This page lists the ").append(MAX_FINDINGS)
                    .append(" most severe of ").append(report.findings().size())
                    .append(" findings; every finding is in report.json and report.sarif.</p>\n");
        }
        boolean historyKnown = facts.historyKnown();
        html
                .append("<table id=\"findings-table\">\n<thead><tr>")
                .append("<th class=\"sortable\" data-sort=\"severity\">Severity</th>")
                .append("<th class=\"sortable\" data-sort=\"rule\">Rule</th>")
                .append("<th class=\"sortable\" data-sort=\"title\">Title</th>")
                .append("<th class=\"sortable\" data-sort=\"location\">Location</th>")
                .append("<th class=\"sortable\" data-sort=\"stage\">Stage</th>")
                .append("<th class=\"sortable\" data-sort=\"confidence\">Confidence</th>")
                .append(historyKnown ? "<th class=\"sortable\" data-sort=\"state\">State</th>" : "")
                .append("</tr></thead>\n<tbody id=\"findings-body\"></tbody>\n</table>\n")
                .append("<noscript><p class=\"empty\">The findings table needs JavaScript. ")
                .append(report.findings().size())
                .append(" findings are listed in report.json and report.sarif next to this page.</p></noscript>\n")
                .append("</section>\n");
    }

    /**
     * The findings the page carries: all of them, or the {@link #MAX_FINDINGS} most severe ones, with
     * messages and snippets capped, so that a huge report still gives a page a browser can open.
     */
    static List<Finding> pageFindings(Report report) {
        List<Finding> page = new ArrayList<>();
        forEachPageFinding(report, page::add);
        return page;
    }

    /**
     * Gives the page's findings in page order without holding them: all of them, or (one pass per severity, most
     * severe first, report order within one) the {@link #MAX_FINDINGS} most severe.
     */
    private static void forEachPageFinding(Report report, java.util.function.Consumer<Finding> action) {
        if (report.findings().size() <= MAX_FINDINGS) {
            report.findings().forEach(finding -> action.accept(capped(finding)));
            return;
        }
        int left = MAX_FINDINGS;
        for (Severity severity : Severity.values()) {
            for (Finding finding : report.findings()) {
                if (left == 0) {
                    return;
                }
                if (finding.severity() == severity) {
                    action.accept(capped(finding));
                    left--;
                }
            }
        }
    }

    private static Finding capped(Finding finding) {
        boolean longMessage = finding.message() != null && finding.message().length() > MAX_TEXT_CHARS;
        boolean longSnippet = finding.location() != null && finding.location().snippet() != null
                && finding.location().snippet().length() > MAX_SNIPPET_CHARS;
        if (!longMessage && !longSnippet) {
            return finding;
        }
        Finding.Builder builder = finding.toBuilder();
        if (longMessage) {
            builder.message(SarifReportWriter.cap(finding.message(), MAX_TEXT_CHARS));
        }
        if (longSnippet) {
            builder.location(finding.location().withSnippet(
                    SarifReportWriter.cap(finding.location().snippet(), MAX_SNIPPET_CHARS)));
        }
        return builder.build();
    }

    private static void writeFindingsJson(Report report, Writer out) throws IOException {
        // escaped for the script element by the generator itself: the bytes of JsonIsland.escaping(out)
        try (com.fasterxml.jackson.core.JsonGenerator generator = JsonGenerators.compact(out)
                .setCharacterEscapes(JsonIsland.ESCAPES)) {
            generator.writeStartArray();
            IOException[] failure = new IOException[1];
            forEachPageFinding(report, finding -> {
                if (failure[0] == null) {
                    try {
                        FindingJson.write(generator, finding);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            generator.writeEndArray();
        }
    }

    private static void fact(StringBuilder html, String label, String value) {
        html.append("<dt>").append(HtmlText.escape(label)).append("</dt><dd>").append(HtmlText.escape(value))
                .append("</dd>");
    }

    private static void number(StringBuilder html, long n) {
        html.append("<td class=\"num").append(n == 0 ? " zero" : "").append("\">").append(n).append("</td>");
    }

    private static Map<Severity, Integer> zeroCounts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        return counts;
    }

    private static String label(Severity severity) {
        String name = severity.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
