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
    void shouldGiveBackEveryRealFixtureAndEveryKindOfStringExactly() throws Exception {
        // Every Terraform and YAML fixture of the repository, kept with its text as the UTF-8 bytes it was read from
        java.nio.file.Path fixtures = java.nio.file.Path.of("src", "test", "resources", "iac");
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(fixtures)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
        }
        int kept = 0;
        try (IacSpool spool = new IacSpool()) {
            for (java.nio.file.Path file : files) {
                byte[] bytes = java.nio.file.Files.readAllBytes(file);
                String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                String name = file.toString();
                try {
                    if (name.endsWith(".tf")) {
                        List<HclBlock> blocks = HclParser.parse(text);
                        spool.putBlocksWithUtf8Text(name, bytes, blocks);
                        assertThat(spool.get(name).blocks()).as(name).isEqualTo(blocks);
                        assertThat(spool.parsed(name).blocks()).as(name).isEqualTo(blocks);
                    } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                        List<IacNode> documents = YamlDocuments.parse(text);
                        spool.putDocumentsWithUtf8Text(name, bytes, documents);
                        assertThat(spool.get(name).documents()).as(name).isEqualTo(documents);
                    } else {
                        continue;
                    }
                } catch (io.jenkins.plugins.devsecops.iac.yaml.IacParseException e) {
                    continue; // deliberately broken fixtures
                }
                assertThat(spool.get(name).text()).as(name).isEqualTo(text);
                assertThat(spool.text(name)).as(name).isEqualTo(text);
                assertThat(spool.parsed(name).text()).isNull();
                kept++;
            }
        }
        assertThat(kept).isGreaterThan(1_000);

        // Strings of every shape, as keys, scalars and texts: ASCII, NUL, Latin-1, CJK, pairs, lone surrogates, long
        List<String> shapes = List.of("", "a", "\u0000", "nul\u0000inside", "caf\u00e9", "\u4e2d\u6587", "\ud83d\ude00",
                "lone \ud800", "\udc00 lone", "\u007f\u0080\u07ff\u0800\uffff", "x".repeat(70_000),
                "\u00e9".repeat(40_000), "\u4e2d".repeat(30_000) + "\ud800");
        // and a text given as bytes that are not valid UTF-8: read back as the decoder gives it
        byte[] malformed = {'a', (byte) 0xC3, 'b', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, '\n', (byte) 0xFF};
        try (IacSpool spool = new IacSpool()) {
            for (int i = 0; i < shapes.size(); i++) {
                String shape = shapes.get(i);
                java.util.Map<String, IacNode> entries = new java.util.LinkedHashMap<>();
                entries.put(shape, new IacNode.Scalar(shape, IacNode.ScalarKind.values()[i % 5], i));
                entries.put("list" + shape, new IacNode.Sequence(List.of(IacNode.Scalar.string(shape, 1_000_000)), 3));
                List<IacNode> documents = List.of(new IacNode.Mapping(entries, 2));
                spool.putDocuments("s" + i, shape, documents);
                assertThat(spool.get("s" + i).text()).isEqualTo(shape);
                assertThat(spool.text("s" + i)).isEqualTo(shape);
                assertThat(spool.get("s" + i).documents()).isEqualTo(documents);
                assertThat(spool.parsed("s" + i).documents()).isEqualTo(documents);
            }
            spool.putBlocksWithUtf8Text("bad.tf", malformed, List.of());
            assertThat(spool.text("bad.tf")).isEqualTo(new String(malformed, java.nio.charset.StandardCharsets.UTF_8));
            spool.putDocumentsWithUtf8Text("none.yaml", null, List.of());
            assertThat(spool.get("none.yaml").text()).isNull();
            assertThat(spool.get("none.yaml").documents()).isEmpty();
        }
    }

    @Test
    void shouldRefuseADamagedRecordWithAnIoErrorAtEveryCut() throws Exception {
        List<HclBlock> blocks = HclParser.parse("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"caf\u00e9\"\n  tags = { a = 1 }\n}\n");
        IacNodeCodec.Output out = new IacNodeCodec.Output(16);
        IacNodeCodec.writeString(out, "text \ud800");
        IacNodeCodec.writeBlocks(out, blocks);
        byte[] record = out.toByteArray();
        IacNodeCodec.Input whole = new IacNodeCodec.Input(record);
        assertThat(IacNodeCodec.readString(whole)).isEqualTo("text \ud800");
        assertThat(IacNodeCodec.readBlocks(whole)).isEqualTo(blocks);
        for (int cut = 0; cut < record.length; cut++) {
            IacNodeCodec.Input in = new IacNodeCodec.Input(java.util.Arrays.copyOf(record, cut));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                IacNodeCodec.readString(in);
                IacNodeCodec.readBlocks(in);
            }).as("cut at %d", cut).isInstanceOf(java.io.IOException.class);
        }
        byte[] wrongKind = record.clone();
        wrongKind[1] = 9; // the string kind
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IacNodeCodec.readString(
                new IacNodeCodec.Input(wrongKind))).isInstanceOf(java.io.IOException.class).hasMessageContaining("kind");
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
