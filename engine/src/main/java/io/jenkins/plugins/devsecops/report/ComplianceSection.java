package io.jenkins.plugins.devsecops.report;

import io.jenkins.plugins.devsecops.compliance.ComplianceFindingRow;
import io.jenkins.plugins.devsecops.compliance.ComplianceView;
import io.jenkins.plugins.devsecops.compliance.FrameworkView;
import io.jenkins.plugins.devsecops.compliance.RequirementView;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import java.util.List;

/**
 * The compliance section of {@code index.html}: for OWASP Top 10 2021, CWE Top 25 2024, PCI DSS v4.0 and HIPAA
 * 164.312, each requirement with the open findings bearing on it (pass/attention), and the findings bearing on
 * none. Static markup (details elements, no script, no link: the frameworks' sources are shown as text); every
 * text escaped.
 */
public final class ComplianceSection implements HtmlSection {

    static final String CSS = """
            #section-compliance .statement { margin: 0 0 10px; color: var(--muted); }
            #section-compliance details { margin: 6px 0; }
            #section-compliance summary { cursor: pointer; font-weight: 600; }
            #section-compliance .status { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; }
            #section-compliance .status.attention { background: #fde2c7; }
            #section-compliance .status.pass { background: #d8f0dc; }
            #section-compliance td.basis, #section-compliance td.loc { word-break: break-all; }
            """;

    @Override
    public String id() {
        return "compliance";
    }

    @Override
    public String title() {
        return "Compliance";
    }

    @Override
    public String css() {
        return CSS;
    }

    @Override
    public String renderHtml(Report report) {
        return render(ComplianceView.of(report));
    }

    /** The view is built in {@code pass}, once for this page and the compliance CSV. */
    @Override
    public HtmlSection readingIn(Report report, FindingPass pass) {
        if (pass.findings() != report.findings()) {
            return this;
        }
        ComplianceView.Reader view = ComplianceView.readerIn(pass, report);
        ComplianceSection section = this;
        return new HtmlSection() {
            @Override
            public String id() {
                return section.id();
            }

            @Override
            public String title() {
                return section.title();
            }

            @Override
            public String css() {
                return section.css();
            }

            @Override
            public String renderHtml(Report ignored) {
                pass.check(view);
                return render(view.view());
            }
        };
    }

    /** The section's inner HTML for {@code view}. */
    static String render(ComplianceView view) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<p class=\"statement\">").append(HtmlText.escape(ComplianceView.STATEMENT)).append("</p>\n");
        html.append("<p>").append(view.openFindings()).append(" open findings, ").append(view.withoutCwe())
                .append(" of them without a CWE (they bear on a requirement only by stage or rule, else they are "
                        + "listed as unmapped).</p>\n");
        html.append("<table class=\"compliance-summary\">\n<thead><tr><th>Framework</th><th class=\"num\">Attention")
                .append("</th><th class=\"num\">Pass</th><th class=\"num\">Unmapped findings</th><th>Mapping</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (FrameworkView framework : view.frameworks()) {
            html.append("<tr><td>").append(HtmlText.escape(framework.name())).append("</td><td class=\"num\">")
                    .append(framework.attentionCount()).append("</td><td class=\"num\">")
                    .append(framework.passCount()).append("</td><td class=\"num\">")
                    .append(framework.unmapped().size()).append("</td><td>")
                    .append(HtmlText.escape(framework.mapping())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        for (FrameworkView framework : view.frameworks()) {
            framework(html, framework);
        }
        return html.toString();
    }

    private static void framework(StringBuilder html, FrameworkView framework) {
        html.append("<details id=\"").append(HtmlText.escape(framework.anchor())).append("\">\n<summary>")
                .append(HtmlText.escape(framework.name())).append(" \u2014 ").append(framework.attentionCount())
                .append(" need attention</summary>\n<p>Source: ");
        link(html, framework.source());
        html.append("</p>\n<table>\n<thead><tr><th>Requirement</th><th>Status</th><th class=\"num\">Findings</th>")
                .append("<th>Open findings bearing on it</th></tr></thead>\n<tbody>\n");
        for (RequirementView requirement : framework.requirements()) {
            html.append("<tr><td><b>").append(HtmlText.escape(requirement.id())).append("</b> ")
                    .append(HtmlText.escape(requirement.title()));
            if (!requirement.basis().isEmpty()) {
                html.append("<br><span class=\"muted\">").append(HtmlText.escape(requirement.basis()))
                        .append("</span>");
            }
            html.append("</td><td><span class=\"status ").append(requirement.statusClass()).append("\">")
                    .append(requirement.statusClass()).append("</span></td><td class=\"num\">")
                    .append(requirement.count()).append("</td><td>");
            if (requirement.count() > 0) {
                html.append("<details><summary>").append(HtmlText.escape(requirement.severities()))
                        .append("</summary>\n");
                rows(html, requirement.shown(), requirement.hidden());
                html.append("</details>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (!framework.unmapped().isEmpty()) {
            html.append("<details><summary>").append(framework.unmapped().size())
                    .append(" open findings bear on no requirement of this framework</summary>\n");
            rows(html, framework.unmappedShown(), framework.unmapped().size() - framework.unmappedShown().size());
            html.append("</details>\n");
        }
        html.append("</details>\n");
    }

    private static void rows(StringBuilder html, List<ComplianceFindingRow> rows, int hidden) {
        html.append("<table><thead><tr><th>Severity</th><th>Rule</th><th>Title</th><th>Location</th><th>Basis</th>")
                .append("</tr></thead><tbody>\n");
        for (ComplianceFindingRow row : rows) {
            html.append("<tr><td><span class=\"sev ").append(row.severity().name()).append("\">")
                    .append(row.severity().name()).append("</span></td><td>").append(HtmlText.escape(row.ruleId()))
                    .append("</td><td>").append(HtmlText.escape(row.title())).append("</td><td class=\"loc\">")
                    .append(HtmlText.escape(row.location())).append("</td><td class=\"basis\">")
                    .append(HtmlText.escape(row.basis())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        if (hidden > 0) {
            html.append("<p class=\"muted\">").append(hidden)
                    .append(" more are in the compliance CSV and in report.json.</p>\n");
        }
    }

    /** A source address as text: the page links nowhere (its tests forbid any URL in an attribute). */
    private static void link(StringBuilder html, String url) {
        html.append("<code>").append(HtmlText.escape(url)).append("</code>");
    }
}
