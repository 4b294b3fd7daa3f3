package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders the IaC rule catalogue ({@code docs/rules/iac.md}) from the rules themselves, so that it never drifts. */
public final class IacRuleCatalogMarkdown {

    private IacRuleCatalogMarkdown() {
    }

    /** The catalogue page of {@code rules}. */
    public static String render(List<IacRule> rules) {
        StringBuilder out = new StringBuilder();
        out.append("# IaC rule catalogue\n\n")
                .append("<!-- Generated from the rule definitions by IacRuleCatalogMarkdownTest: do not edit by hand. -->\n\n")
                .append("The `iac` stage ships ").append(rules.size())
                .append(" built-in rules. Suppress one finding with a comment `# devsecops:ignore <rule-id> <reason>` ")
                .append("or Checkov's `#checkov:skip=<CKV id>:<reason>` ")
                .append("(see [the stage documentation](../stages/iac.md)).\n\n")
                .append("| Platform | Rules |\n|---|---:|\n");
        Map<IacPlatform, List<IacRule>> byPlatform = rules.stream()
                .collect(Collectors.groupingBy(IacRule::platform, TreeMap::new, Collectors.toList()));
        Map<String, Long> byProvider = new TreeMap<>();
        byPlatform.forEach((platform, list) -> out.append("| ").append(platform.displayName()).append(" | ")
                .append(list.size()).append(" |\n"));
        out.append("| **Total** | **").append(rules.size()).append("** |\n\n");
        byPlatform.getOrDefault(IacPlatform.TERRAFORM, List.of()).forEach(rule -> byProvider.merge(
                provider(rule.id()), 1L, Long::sum));
        out.append("Terraform rules by provider: ").append(byProvider.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(".\n");
        byPlatform.forEach((platform, list) -> {
            out.append("\n## ").append(platform.displayName()).append("\n\n")
                    .append("| Rule | Severity | CWE | Title |\n|---|---|---|---|\n");
            for (IacRule rule : list) {
                out.append("| [`").append(rule.id()).append("`](#").append(rule.id()).append(") | ")
                        .append(rule.severity()).append(" | ").append(cweLink(rule.cwe())).append(" | ")
                        .append(escape(rule.title())).append(" |\n");
            }
            for (IacRule rule : list) {
                out.append("\n### ").append(rule.id()).append("\n\n")
                        .append(escape(rule.title())).append(".\n\n")
                        .append("- Severity: ").append(rule.severity()).append('\n')
                        .append("- Weakness: ").append(cweLink(rule.cwe())).append('\n')
                        .append("- Checks: ").append(escape(rule.appliesTo())).append('\n')
                        .append(checkov(rule))
                        .append("- Remediation: ").append(escape(rule.remediation())).append('\n');
            }
        });
        return out.toString();
    }

    private static String checkov(IacRule rule) {
        List<String> ids = CheckovIds.builtIn().of(rule.id());
        return ids.isEmpty() ? "" : "- Checkov: " + ids.stream().map(id -> "`" + id + "`")
                .collect(Collectors.joining(", ")) + '\n';
    }

    private static String provider(String id) {
        int dash = id.indexOf('-');
        String prefix = dash < 0 ? id : id.substring(0, dash);
        return switch (prefix) {
            case "aws" -> "AWS";
            case "azure" -> "Azure";
            case "gcp" -> "Google Cloud";
            case "kubernetes" -> "Kubernetes provider";
            case "github" -> "GitHub";
            case "do" -> "DigitalOcean";
            case "openstack" -> "OpenStack";
            case "oci" -> "Oracle Cloud";
            case "alicloud" -> "Alibaba Cloud";
            case "nifcloud" -> "NIFCLOUD";
            case "cloudstack" -> "CloudStack";
            default -> "any provider";
        };
    }

    private static String cweLink(String cwe) {
        if (!cwe.startsWith("CWE-")) {
            return cwe;
        }
        return "[" + cwe + "](https://cwe.mitre.org/data/definitions/" + cwe.substring(4) + ".html)";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
