package io.jenkins.plugins.devsecops.report;

import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of one SARIF run: one reporting descriptor per rule id, in order of first use, so that a result's
 * {@code ruleIndex} points into {@code tool.driver.rules}. A rule's severity and score are the highest among its
 * findings; its texts come from the first finding that has them.
 */
final class SarifRules {

    private final Map<String, RuleFacts> rules = new LinkedHashMap<>();

    /** Records {@code finding}'s rule and returns its index. */
    int add(Finding finding) {
        RuleFacts facts = rules.computeIfAbsent(finding.ruleId(), id -> new RuleFacts(rules.size(), finding));
        facts.merge(finding);
        return facts.index;
    }

    /** The index of a rule already recorded by {@link #add}. */
    int indexOf(String ruleId) {
        return rules.get(ruleId).index;
    }

    /** The descriptors, in index order. */
    Set<ReportingDescriptor> descriptors() {
        Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
        rules.forEach((id, facts) -> descriptors.add(facts.descriptor(id)));
        return descriptors;
    }

    private static final class RuleFacts {
        private final int index;
        private final String title;
        private final String stage;
        private String description;
        private String remediation;
        private Severity severity;
        private double score;
        private Confidence confidence;
        private final Set<String> cwes = new TreeSet<>();
        private final List<String> identifiers = new ArrayList<>();
        private String checkov;

        RuleFacts(int index, Finding first) {
            this.index = index;
            this.title = first.title();
            this.stage = first.stage();
            this.severity = first.severity();
            this.score = SarifSeverity.scoreOf(first);
            this.confidence = first.confidence();
        }

        void merge(Finding finding) {
            if (description == null && finding.message() != null && !finding.message().isBlank()) {
                description = finding.message();
            }
            if (remediation == null && finding.remediation() != null && !finding.remediation().isBlank()) {
                remediation = finding.remediation();
            }
            if (finding.severity().isAtLeast(severity)) {
                severity = finding.severity();
            }
            score = Math.max(score, SarifSeverity.scoreOf(finding));
            if (finding.confidence().ordinal() < confidence.ordinal()) {
                confidence = finding.confidence();
            }
            for (String cwe : finding.cwes()) {
                AdvisoryLinks.cweNumber(cwe).ifPresent(cwes::add);
            }
            if (checkov == null) {
                checkov = finding.properties().get("checkov");
            }
            for (String id : finding.identifiers()) {
                if (!identifiers.contains(id) && identifiers.size() < 20) {
                    identifiers.add(id);
                }
            }
        }

        ReportingDescriptor descriptor(String id) {
            String full = description == null ? title : description;
            ReportingDescriptor descriptor = new ReportingDescriptor()
                    .withId(id)
                    .withShortDescription(new MultiformatMessageString()
                            .withText(SarifReportWriter.cap(title, 1_000)))
                    .withFullDescription(new MultiformatMessageString()
                            .withText(SarifReportWriter.cap(full, SarifReportWriter.MAX_MESSAGE_CHARS)))
                    .withHelp(help(full))
                    .withDefaultConfiguration(new ReportingConfiguration()
                            .withLevel(ReportingConfiguration.Level.fromValue(
                                    SarifSeverity.level(severity).value())));
            AdvisoryLinks.pageOf(id).or(() -> identifiers.stream().map(AdvisoryLinks::pageOf)
                    .flatMap(java.util.Optional::stream).findFirst())
                    .ifPresent(page -> descriptor.setHelpUri(URI.create(page)));
            Set<String> tags = new LinkedHashSet<>();
            tags.add("security");
            tags.add(stage);
            cwes.stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .forEach(n -> tags.add("external/cwe/cwe-" + n));
            PropertyBag properties = new PropertyBag().withTags(tags);
            properties.setAdditionalProperty("security-severity", SarifSeverity.format(score));
            properties.setAdditionalProperty("precision", confidence.name().toLowerCase(Locale.ROOT));
            properties.setAdditionalProperty("problem.severity", severity == Severity.CRITICAL
                    || severity == Severity.HIGH ? "error" : severity == Severity.MEDIUM ? "warning" : "recommendation");
            if (checkov != null) {
                properties.setAdditionalProperty("checkov", List.of(checkov.split(",")));
            }
            descriptor.setProperties(properties);
            return descriptor;
        }

        private MultiformatMessageString help(String full) {
            StringBuilder text = new StringBuilder(full);
            StringBuilder markdown = new StringBuilder("**").append(MarkdownText.escape(title)).append("**\n\n");
            if (!full.equals(title)) {
                markdown.append(MarkdownText.escape(full)).append("\n\n");
            }
            if (remediation != null) {
                text.append("\n\nRemediation: ").append(remediation);
                markdown.append("**Remediation:** ").append(MarkdownText.escape(remediation)).append("\n\n");
            }
            if (!identifiers.isEmpty()) {
                text.append("\n\nIdentifiers: ").append(String.join(", ", identifiers));
                markdown.append("**Identifiers:** ");
                markdown.append(String.join(", ", identifiers.stream().map(SarifRules::linked).toList()));
                markdown.append("\n\n");
            }
            if (!cwes.isEmpty()) {
                List<String> names = cwes.stream().map(n -> "CWE-" + n).toList();
                text.append("\n\nWeaknesses: ").append(String.join(", ", names));
                markdown.append("**Weaknesses:** ")
                        .append(String.join(", ", names.stream().map(SarifRules::linked).toList())).append("\n\n");
            }
            return new MultiformatMessageString()
                    .withText(SarifReportWriter.cap(text.toString(), SarifReportWriter.MAX_MESSAGE_CHARS))
                    .withMarkdown(SarifReportWriter.cap(markdown.toString().strip(), SarifReportWriter.MAX_MESSAGE_CHARS));
        }
    }

    /** A Markdown link for ids of a known, strictly validated form; escaped text otherwise. */
    private static String linked(String id) {
        return AdvisoryLinks.pageOf(id).map(page -> "[" + MarkdownText.escape(id) + "](" + page + ")")
                .orElseGet(() -> MarkdownText.escape(id));
    }
}
