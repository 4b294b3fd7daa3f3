package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.terraform.HclBlock;
import io.jenkins.plugins.devsecops.iac.terraform.HclParser;
import io.jenkins.plugins.devsecops.iac.yaml.YamlDocuments;
import io.jenkins.plugins.devsecops.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IaC stage keeps parsed documents in a temporary spool until its end: what comes back must be what was parsed,
 * and the checks that look across files must see every file although they are read back one at a time.
 */
class IacSpoolTest {

    @Test
    void shouldGiveBackTextBlocksAndDocumentsExactly() throws Exception {
        String longValue = "x".repeat(40_000) + "\u00e9\u4e2d\ud83d\ude00";
        String terraform = """
                # devsecops:ignore aws-s3-public-acl reviewed
                resource "aws_s3_bucket" "b\u00e9" {
                  bucket = "%s"
                  acl    = "public-read"
                  tags   = { owner = "", team = "caf\u00e9" }
                  count  = 2
                }
                """.formatted(longValue);
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: "p\u00e9"
                  labels: {}
                spec:
                  containers:
                    - name: c
                      image: nginx
                      args: []
                ---
                apiVersion: v1
                kind: ConfigMap
                data:
                  empty: ""
                """;
        List<HclBlock> blocks = HclParser.parse(terraform);
        List<IacNode> documents = new java.util.ArrayList<>(YamlDocuments.parse(yaml));
        documents.add(new IacNode.Mapping(java.util.Map.of("lone\ud800", IacNode.Scalar.expression("\udc00x", 7)), 7));
        try (IacSpool spool = new IacSpool()) {
            spool.putBlocks("infra/main.tf", terraform, blocks);
            spool.putBlocks("infra/other.tf.json", null, List.of());
            spool.putDocuments("k8s/pod.yaml", yaml, documents);

            IacSpool.Entry tf = spool.get("infra/main.tf");
            assertThat(tf.text()).isEqualTo(terraform);
            assertThat(tf.blocks()).isEqualTo(blocks);
            assertThat(tf.blocks().get(0).body().text("bucket")).contains(longValue);
            assertThat(spool.get("infra/other.tf.json").text()).isNull();
            IacSpool.Entry k8s = spool.get("k8s/pod.yaml");
            assertThat(k8s.text()).isEqualTo(yaml);
            assertThat(k8s.documents()).isEqualTo(documents);
            assertThat(spool.contains("k8s/pod.yaml")).isTrue();
            assertThat(spool.get("nowhere.yaml")).isNull();
        }
    }

    @Test
    void shouldJudgeNamespacesAcrossFilesReadBackOneAtATime() throws Exception {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: registry.example.com/app:1.0
                """;
        CollectingSink sink = CollectingSink.scan(
                "b/shop-web.yaml", deployment.formatted("web", "shop"),
                "a/shop-api.yaml", deployment.formatted("api", "shop"),
                "c/shop-policy.yaml", """
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata:
                          name: deny
                          namespace: shop
                        spec:
                          podSelector: {}
                        """,
                "z/billing-late.yaml", deployment.formatted("late", "billing"),
                "y/billing-early.yaml", deployment.formatted("early", "billing"));

        List<Finding> missing = sink.of("k8s-missing-network-policy");
        assertThat(missing).extracting(f -> f.location().path()).containsExactly("y/billing-early.yaml");
        assertThat(missing.get(0).message()).contains("namespace billing has no NetworkPolicy");
    }

    @Test
    void shouldKeepInlineSuppressionsOfSpooledTerraformFiles() throws Exception {
        CollectingSink sink = CollectingSink.scan(
                "infra/main.tf", """
                        resource "aws_s3_bucket" "open" {
                          bucket = "open"
                          # devsecops:ignore all reviewed
                          acl    = "public-read"
                        }
                        """);
        assertThat(sink.findings).isNotEmpty();
        assertThat(sink.findings).filteredOn(f -> f.location().startLine() == 4)
                .allSatisfy(f -> assertThat(f.isSuppressed()).isTrue());
        assertThat(sink.findings).filteredOn(f -> f.location().startLine() == 4).isNotEmpty()
                .allSatisfy(f -> assertThat(f.location().snippet()).contains("public-read"));
    }
}
