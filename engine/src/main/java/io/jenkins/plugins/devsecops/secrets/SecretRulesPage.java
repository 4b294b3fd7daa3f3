package io.jenkins.plugins.devsecops.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates {@code docs/rules/secrets.md} from the rule definitions, so the page can never drift from the rules: a
 * test regenerates it and fails when the committed page differs. Works for any {@code rules.yaml}.
 *
 * <p>Run {@code main} with the output path (and optionally another {@code rules.yaml}) to refresh it.
 */
public final class SecretRulesPage {

    /** The command that refreshes the committed page, quoted in the page and in the test's failure message. */
    public static final String REFRESH_COMMAND =
            "./mvnw -B -q -Dstandalone -pl engine test -Dtest=SecretRulesPageTest -Ddevsecops.updateDocs=true";

    private SecretRulesPage() {
    }

    /** The Markdown page of {@code rules}. */
    public static String render(List<SecretRule> rules) {
        Map<String, List<SecretRule>> byProvider = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (SecretRule rule : rules) {
            byProvider.computeIfAbsent(rule.provider(), p -> new ArrayList<>()).add(rule);
        }
        StringBuilder page = new StringBuilder();
        page.append("# Secret rules\n\n");
        page.append("<!-- Generated from the rule definitions by SecretRulesPage: do not edit by hand.\n");
        page.append("     Refresh with: ").append(REFRESH_COMMAND).append(" -->\n\n");
        page.append("The `secrets` stage ships ").append(rules.size()).append(" rules from ").append(byProvider.size())
                .append(" providers. Every rule reports [CWE-798](https://cwe.mitre.org/data/definitions/798.html)")
                .append(" (use of hard-coded credentials). How the stage applies them, and how to add your own rules,")
                .append(" is described in [the stage documentation](../stages/secrets.md).\n\n");
        page.append("| Provider | Rules |\n|---|---|\n");
        byProvider.forEach((provider, list) -> {
            page.append("| [").append(escapeTable(provider)).append("](#").append(anchor(provider)).append(") | ");
            List<String> ids = list.stream().sorted(Comparator.comparing(SecretRule::id)).map(r -> "`" + r.id() + "`").toList();
            page.append(String.join(", ", ids)).append(" |\n");
        });
        byProvider.forEach((provider, list) -> {
            page.append("\n## ").append(provider).append("\n");
            list.stream().sorted(Comparator.comparing(SecretRule::id)).forEach(rule -> rule(page, rule));
        });
        return page.toString();
    }

    private static void rule(StringBuilder page, SecretRule rule) {
        page.append("\n### ").append(rule.id()).append("\n\n");
        page.append(rule.title()).append(".\n\n");
        page.append("- Severity: ").append(rule.severity()).append(", confidence: ").append(rule.confidence())
                .append(" (one step lower in test code)\n");
        page.append("- Keywords: ").append(rule.keywords().stream().map(SecretRulesPage::code).toList().isEmpty()
                ? "none" : String.join(", ", rule.keywords().stream().map(SecretRulesPage::code).toList())).append('\n');
        page.append("- Pattern: ").append(code(rule.pattern().source())).append(rule.multiline() ? " (multi-line)" : "")
                .append('\n');
        if (rule.minEntropy() > 0) {
            page.append("- Minimum entropy: ").append(String.format(Locale.ROOT, "%.1f", rule.minEntropy()))
                    .append(" bits per character\n");
        }
        page.append("- Files: ").append(rule.files().isEmpty() ? "all text files"
                : String.join(", ", rule.files().stream().map(SecretRulesPage::code).toList())).append('\n');
        page.append("- Remediation: ").append(rule.remediation().replace('\n', ' ')).append('\n');
        if (!rule.references().isEmpty()) {
            page.append("- References: ").append(String.join(", ", rule.references().stream()
                    .map(r -> "<" + r + ">").toList())).append('\n');
        }
    }

    /** An inline code span that survives backticks in the text. */
    static String code(String text) {
        String fence = "`";
        while (text.contains(fence)) {
            fence += "`";
        }
        String padded = text.startsWith("`") || text.endsWith("`") ? " " + text + " " : text;
        return fence + padded.replace('\n', ' ') + fence;
    }

    private static String escapeTable(String text) {
        return text.replace("|", "\\|");
    }

    /** The GitHub-style anchor of a heading. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /**
     * Writes the page.
     *
     * @param args the output file (default {@code docs/rules/secrets.md}), then optionally a {@code rules.yaml} to
     *     document instead of the built-in one
     */
    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/rules/secrets.md");
        List<SecretRule> rules;
        if (args.length > 1) {
            try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
                rules = BuiltInSecretRules.fromYaml(in);
            }
        } else {
            rules = BuiltInSecretRules.rules();
        }
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, render(rules), StandardCharsets.UTF_8);
    }
}
