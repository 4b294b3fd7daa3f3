package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRulesPageTest {

    /** The committed page, relative to the engine module (the tests' working directory). */
    private static final Path PAGE = Path.of("..", "docs", "rules", "secrets.md");

    @Test
    void shouldMatchTheCommittedPage() throws Exception {
        // Given the page generated from the built-in rules
        String generated = SecretRulesPage.render(BuiltInSecretRules.rules());
        if (Boolean.getBoolean("devsecops.updateDocs")) {
            Files.createDirectories(PAGE.getParent());
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }

        // When compared with the committed one
        String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";

        // Then they are the same, or the failure says how to refresh it
        assertThat(committed)
                .as("docs/rules/secrets.md is stale; refresh it with: %s", SecretRulesPage.REFRESH_COMMAND)
                .isEqualTo(generated);
    }

    @Test
    void shouldListEveryRuleUnderItsProvider() {
        // Given two providers' rules, one with awkward characters
        SecretRule first = SecretRule.builder("zeta-key").title("Zeta key").provider("Zeta").severity(Severity.HIGH)
                .keywords(List.of("zk_")).pattern(new JdkSecretPattern("(zk_[a-z]{8}|`x`)")).remediation("Rotate it.")
                .references(List.of("https://zeta.example/keys")).build();
        SecretRule second = SecretRule.builder("alpha-token").title("Alpha token").provider("Alpha | Beta")
                .severity(Severity.LOW).keywords(List.of("at-")).pattern(new JdkSecretPattern("(at-[0-9]{4})"))
                .files(List.of("*.npmrc")).multiline(true).minEntropy(3).remediation("Revoke.").build();

        // When rendered
        String page = SecretRulesPage.render(List.of(first, second));

        // Then both appear, providers sorted, with fields a user needs
        assertThat(page).contains("ships 2 rules from 2 providers")
                .contains("| [Alpha \\| Beta](#alpha--beta) | `alpha-token` |")
                .contains("### zeta-key\n\nZeta key.\n")
                .contains("- Pattern: ``(zk_[a-z]{8}|`x`)``")
                .contains("- Files: `*.npmrc`")
                .contains("(multi-line)")
                .contains("- Minimum entropy: 3.0 bits per character")
                .contains("- References: <https://zeta.example/keys>");
        assertThat(page.indexOf("## Alpha")).isLessThan(page.indexOf("## Zeta"));
    }
}
