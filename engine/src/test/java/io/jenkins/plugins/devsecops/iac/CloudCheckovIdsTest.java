package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped Checkov id table is well formed and names only built-in rules, each once. */
class CloudCheckovIdsTest {

    private static List<String[]> rows() throws Exception {
        try (InputStream in = IacRuleCatalog.class.getResourceAsStream("checkov-ids.tsv")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t", -1))
                    .toList();
        }
    }

    @Test
    void shouldMapOnlyBuiltInRulesOnceToWellFormedCheckovIds() throws Exception {
        Set<String> ids = IacRuleCatalog.builtIn().stream().map(IacRule::id).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();

        assertThat(rows()).allSatisfy(row -> {
            assertThat(row).hasSize(2);
            assertThat(ids).contains(row[0]);
            assertThat(seen.add(row[0])).as("%s listed once", row[0]).isTrue();
            assertThat(row[1].split(",")).allSatisfy(id -> assertThat(id).matches("CKV2?_[A-Z0-9]+_\\d+"));
        });
    }

    @Test
    void shouldNameCheckovIdsOfTheSameProviderFamilyAsTheRule() throws Exception {
        Map<String, String> families = Map.of("aws-", "_AWS_", "cfn-", "_AWS_", "sam-", "_AWS_", "gcp-", "_GCP_",
                "azure-", "_AZURE_", "github-", "_GIT_", "do-", "_DIO_", "openstack-", "_OPENSTACK_", "oci-", "_OCI_",
                "alicloud-", "_ALI_");
        Map<String, IacPlatform> platforms = IacRuleCatalog.builtIn().stream()
                .collect(Collectors.toMap(IacRule::id, IacRule::platform));

        assertThat(rows()).allSatisfy(row -> families.forEach((prefix, family) -> {
            if (row[0].startsWith(prefix)) {
                assertThat(row[1].split(",")).allSatisfy(id -> assertThat(id).contains(family));
                assertThat(platforms.get(row[0])).isIn(IacPlatform.TERRAFORM, IacPlatform.CLOUDFORMATION);
            }
        }));
    }
}
