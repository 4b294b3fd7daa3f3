package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/rules/iac.md} in sync with the rules. Run with {@code -Ddevsecops.updateDocs=true} to rewrite
 * the page after changing a rule.
 */
class IacRuleCatalogMarkdownTest {

    private static final Path PAGE = Path.of("..", "docs", "rules", "iac.md");

    @Test
    void shouldMatchTheCommittedRuleCatalogue() throws Exception {
        String expected = IacRuleCatalogMarkdown.render(IacRuleCatalog.builtIn());
        if (Boolean.getBoolean("devsecops.updateDocs")) {
            Files.createDirectories(PAGE.getParent());
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }

        assertThat(PAGE).as("docs/rules/iac.md exists; generate it with -Ddevsecops.updateDocs=true").exists();
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/rules/iac.md is stale: rerun this test with -Ddevsecops.updateDocs=true and commit it")
                .isEqualTo(expected);
    }

    @Test
    void shouldDocumentEveryRuleWithItsIdSeverityCweAndRemediation() {
        String page = IacRuleCatalogMarkdown.render(IacRuleCatalog.builtIn());

        assertThat(IacRuleCatalog.builtIn()).allSatisfy(rule -> {
            assertThat(page).contains("\n### " + rule.id() + "\n");
            assertThat(page).contains("- Remediation: ");
        });
        assertThat(page).contains("| **Total** | **" + IacRuleCatalog.builtIn().size() + "** |");
    }
}
