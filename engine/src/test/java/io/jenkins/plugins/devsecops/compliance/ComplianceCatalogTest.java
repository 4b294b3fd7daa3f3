package io.jenkins.plugins.devsecops.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.iac.IacRuleCatalog;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.secrets.BuiltInSecretRules;
import io.jenkins.plugins.devsecops.secrets.SecretRule;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ComplianceCatalogTest {

    private final ComplianceCatalog catalog = ComplianceCatalog.builtIn();

    @Test
    void shouldShipTheFourFrameworksWithASourcePerRequirement() {
        assertThat(catalog.frameworks()).extracting(ComplianceFramework::id)
                .containsExactly("OWASP-TOP10-2021", "CWE-TOP25-2024", "PCI-DSS-4.0", "HIPAA-164.312");
        for (ComplianceFramework framework : catalog.frameworks()) {
            assertThat(framework.source()).startsWith("https://");
            assertThat(framework.items()).allSatisfy(item -> assertThat(item.source()).startsWith("https://"));
        }
        assertThat(catalog.framework("pci-dss-4.0").orElseThrow().itemIds()).contains("1.4.2", "2.2.6", "3.5.1",
                "4.2.1", "6.2.4", "6.3.1", "6.3.3", "8.3.2", "8.6.2", "10.2.1");
        assertThat(catalog.framework("HIPAA-164.312").orElseThrow().itemIds()).containsExactly("164.312(a)",
                "164.312(b)", "164.312(c)", "164.312(d)", "164.312(e)");
    }

    @Test
    void shouldCarryTheOfficialOwaspCweListsAndTheTop25() {
        // The sizes of the "List of Mapped CWEs" of each OWASP Top 10 2021 category
        ComplianceFramework owasp = catalog.framework("OWASP-TOP10-2021").orElseThrow();
        assertThat(owasp.items()).extracting(i -> i.cwes().size())
                .containsExactly(34, 29, 33, 40, 20, 3, 22, 10, 4, 1);
        assertThat(owasp.item("A07").orElseThrow().cwes()).contains("CWE-798", "CWE-259", "CWE-287");
        assertThat(owasp.item("A02").orElseThrow().cwes()).contains("CWE-319", "CWE-327").doesNotContain("CWE-311");
        ComplianceFramework top25 = catalog.framework("CWE-TOP25-2024").orElseThrow();
        assertThat(top25.items()).hasSize(25);
        assertThat(top25.itemIds()).startsWith("CWE-79", "CWE-787", "CWE-89").endsWith("CWE-400", "CWE-306");
        // A CWE sits in exactly one OWASP category
        List<String> all = owasp.items().stream().flatMap(i -> i.cwes().stream()).toList();
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void shouldGiveEveryBuiltInIacAndSecretRuleACweThatMapsSomewhere() {
        List<IacRule> iac = IacRuleCatalog.builtIn();
        assertThat(iac).allSatisfy(rule -> assertThat(ComplianceCatalog.normalCwe(rule.cwe()))
                .as(rule.id()).isNotNull());
        assertThat(BuiltInSecretRules.rules()).isNotEmpty();
        assertThat(SecretRule.CWE).isEqualTo("CWE-798");
        // Every IaC rule bears on PCI DSS 2.2.6 at least, through its stage
        Finding iacFinding = finding("iac", "aws-s3-no-versioning", "CWE-693");
        assertThat(catalog.matches(iacFinding)).extracting(ComplianceMatch::reference).containsExactly(
                "PCI-DSS-4.0:2.2.6");
    }

    @Test
    void shouldMapIacNetworkExposureRulesByCategory() {
        List<String> exposed = IacRuleCatalog.builtIn().stream().map(IacRule::id)
                .filter(id -> catalog.selects(finding("iac", id, "CWE-284"), "PCI-DSS-4.0:1.4.2"))
                .collect(Collectors.toList());
        assertThat(exposed).contains("aws-sg-open-ssh", "aws-sg-open-rdp", "aws-rds-publicly-accessible",
                "azure-nsg-open-ssh", "aws-eks-public-endpoint", "oci-security-list-open-admin",
                "cloudstack-open-admin-ports", "aws-instance-public-ip")
                .doesNotContain("aws-sg-open-egress", "aws-s3-public-acl", "github-repo-public",
                        "aws-rds-snapshot-public");
        List<String> egress = IacRuleCatalog.builtIn().stream().map(IacRule::id)
                .filter(id -> catalog.selects(finding("iac", id, "CWE-284"), "PCI-DSS-4.0:1.3.2")).toList();
        assertThat(egress).isNotEmpty().allMatch(id -> id.endsWith("-open-egress"));
    }

    @Test
    void shouldExplainEachMatchAndKeepThirdPartyCodeOutOfOwnCodeRequirements() {
        Finding secret = finding("secrets", "aws-access-key-id", "CWE-798");
        assertThat(catalog.matches(secret)).extracting(m -> m.reference() + " <- " + m.basis()).containsExactly(
                "OWASP-TOP10-2021:A07 <- CWE-798",
                "CWE-TOP25-2024:CWE-798 <- CWE-798",
                "PCI-DSS-4.0:8.3.2 <- CWE-798, stage secrets",
                "PCI-DSS-4.0:8.6.2 <- CWE-798, stage secrets",
                "HIPAA-164.312:164.312(d) <- CWE-798, stage secrets");
        Finding ownSqlInjection = finding("imports", "python.sql-injection", "CWE-89");
        Finding packageSqlInjection = finding("dependencies", "CVE-2020-9402", "CWE-89");
        assertThat(catalog.selects(ownSqlInjection, "PCI-DSS-4.0:6.2.4")).isTrue();
        assertThat(catalog.selects(packageSqlInjection, "PCI-DSS-4.0:6.2.4")).isFalse();
        assertThat(catalog.selects(packageSqlInjection, "PCI-DSS-4.0:6.3.3")).isTrue();
        assertThat(catalog.selects(packageSqlInjection, "OWASP-TOP10-2021:A03")).isTrue();
        Finding importedSecret = Finding.builder().ruleId("generic-api-key").stage("imports")
                .severity(Severity.HIGH).title("Secret").property("kind", "secret").build();
        assertThat(catalog.selects(importedSecret, "PCI-DSS-4.0:8.6.2")).isTrue();
    }

    @Test
    void shouldCanonicaliseReferencesAndNameWhatIsUnknown() {
        assertThat(catalog.canonicalReference(" pci-dss-4.0:6.2.4 ")).isEqualTo("PCI-DSS-4.0:6.2.4");
        assertThat(catalog.canonicalReference("owasp-top10-2021:a03")).isEqualTo("OWASP-TOP10-2021:A03");
        assertThat(catalog.canonicalReference("PCI-DSS-4.0")).isEqualTo("PCI-DSS-4.0");
        assertThat(catalog.canonicalReference("PCI-DSS-4.0:8.3")).isEqualTo("PCI-DSS-4.0:8.3");
        assertThat(catalog.canonicalReference("hipaa-164.312:164.312(D)")).isEqualTo("HIPAA-164.312:164.312(d)");
        assertThatThrownBy(() -> catalog.canonicalReference("PCI-DSS-4.0:6.2.9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown requirement '6.2.9' of PCI-DSS-4.0").hasMessageContaining("6.2.4");
        assertThatThrownBy(() -> catalog.canonicalReference("PCI-DSS-3.2.1:6.5.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown compliance framework 'PCI-DSS-3.2.1'")
                .hasMessageContaining("PCI-DSS-4.0");
        assertThatThrownBy(() -> catalog.canonicalReference("PCI-DSS-4.0:8.3.")).hasMessageContaining("8.3.");
        // A prefix selects every requirement under it
        Finding weakPassword = finding("iac", "aws-iam-password-policy-short", "CWE-521");
        assertThat(catalog.selects(weakPassword, "PCI-DSS-4.0:8.3")).isTrue();
        assertThat(catalog.selects(weakPassword, "PCI-DSS-4.0:8.6")).isFalse();
        assertThat(catalog.selects(weakPassword, "PCI-DSS-4.0")).isTrue();
    }

    private static Finding finding(String stage, String rule, String cwe) {
        return Finding.builder().ruleId(rule).stage(stage).severity(Severity.HIGH).title("t").cwe(cwe).build();
    }
}
