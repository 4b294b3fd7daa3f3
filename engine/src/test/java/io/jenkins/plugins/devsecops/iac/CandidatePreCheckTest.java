package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The stage's pre-check on raw bytes ({@link IacScanner#holdsNoCandidateMarker}) leaves out YAML and JSON files
 * without decoding them; these tests show that what it leaves out really holds nothing the stage would check.
 */
class CandidatePreCheckTest {

    private static SourceFile fileOf(String path, String content) {
        return SourceFile.ofContent(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Scans every file, with the pre-check or (as before it) from the decoded text of every file. */
    private static CollectingSink scanAll(List<SourceFile> files, boolean preCheck) {
        IacScanner scanner = new IacScanner(IacRuleCatalog.builtIn());
        CollectingSink sink = new CollectingSink();
        for (SourceFile file : files) {
            if (scanner.accepts(file)) {
                if (preCheck) {
                    scanner.scan(file, sink);
                } else {
                    scanner.scanText(file, sink);
                }
            }
        }
        scanner.finish(sink);
        return sink;
    }

    private static List<String> fingerprints(CollectingSink sink) {
        return sink.findings.stream().map(f -> f.fingerprint() + " " + (f.isSuppressed() ? "suppressed" : "active"))
                .sorted().toList();
    }

    @Test
    void shouldGiveTheSameFindingsErrorsAndSkipsWithAndWithoutThePreCheckOverEveryRealYamlAndJsonFile()
            throws Exception {
        Path repository = Path.of("").toAbsolutePath().getParent();
        List<SourceFile> files = new ArrayList<>();
        int leftOut = 0;
        for (Path path : AsciiMarkersTest.realFiles()) {
            SourceFile file = SourceFile.ofContent(repository.relativize(path).toString().replace('\\', '/'),
                    Files.readAllBytes(path));
            files.add(file);
            leftOut += IacScanner.holdsNoCandidateMarker(file) ? 1 : 0;
        }

        CollectingSink withPreCheck = scanAll(files, true);
        CollectingSink fromText = scanAll(files, false);

        assertThat(leftOut).as("files the pre-check leaves out").isGreaterThan(50);
        assertThat(files.size() - leftOut).as("files it lets through").isGreaterThan(100);
        assertThat(fromText.findings).as("findings in the repository's IaC fixtures").hasSizeGreaterThan(100);
        assertThat(fingerprints(withPreCheck)).isEqualTo(fingerprints(fromText));
        assertThat(new TreeMap<>(withPreCheck.errors)).isEqualTo(new TreeMap<>(fromText.errors));
        assertThat(withPreCheck.skipped.stream().sorted().toList())
                .isEqualTo(fromText.skipped.stream().sorted().toList());
        assertThat(withPreCheck.warnings.stream().sorted().toList())
                .isEqualTo(fromText.warnings.stream().sorted().toList());
    }

    @Test
    void shouldLeaveOutOnlyYamlThatIsNeitherKubernetesNorCloudFormationNorAPatch() throws Exception {
        SourceFile workflow = fileOf(".github/workflows/build.yml", """
                name: build
                on: [push]
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: ./mvnw -B verify # the kind of build that runs everywhere
                """);
        SourceFile compose = fileOf("docker-compose.yml", """
                services:
                  db:
                    image: postgres:16
                    environment:
                      POSTGRES_PASSWORD: example
                """);
        SourceFile pod = fileOf("k8s/pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: debug
                spec:
                  containers:
                    - name: shell
                      image: busybox:1.36
                      securityContext:
                        privileged: true
                """);
        SourceFile patch = fileOf("overlays/prod/patch.yaml", """
                - op: replace
                  path: /spec/replicas
                  value: 3
                """);
        assertThat(IacScanner.holdsNoCandidateMarker(workflow)).isTrue();
        assertThat(IacScanner.holdsNoCandidateMarker(compose)).isTrue();
        assertThat(IacScanner.holdsNoCandidateMarker(pod)).isFalse();
        assertThat(IacScanner.holdsNoCandidateMarker(patch)).isFalse();
        // Helm templates, charts and values are always read: their text decides, or is kept.
        assertThat(IacScanner.holdsNoCandidateMarker(fileOf("chart/templates/cm.yaml", "data: {{ .Values.x }}")))
                .isFalse();
        assertThat(IacScanner.holdsNoCandidateMarker(fileOf("chart/values.yaml", "replicas: 1"))).isFalse();
        assertThat(IacScanner.holdsNoCandidateMarker(fileOf("kustomization.yaml", "resources: [a.yaml]")))
                .isFalse();

        CollectingSink sink = scanAll(List.of(workflow, compose, pod, patch), true);
        assertThat(sink.findings).extracting(f -> f.location().path()).containsOnly("k8s/pod.yaml");
        assertThat(sink.findings).extracting(Finding::ruleId).contains("k8s-privileged-container");
        assertThat(sink.errors).isEmpty();
    }

    @Test
    void shouldStillHonourSuppressionCommentsInTheFilesItLetsThrough() throws Exception {
        SourceFile template = fileOf("cfn/bucket.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  # devsecops:ignore cfn-s3-no-versioning scratch bucket, emptied nightly
                  Scratch:
                    Type: AWS::S3::Bucket
                  Logs:
                    Type: AWS::S3::Bucket
                """);
        SourceFile json = fileOf("cfn/bucket.json", """
                {"Resources": {"Data": {"Type": "AWS::S3::Bucket"}}}
                """);
        assertThat(IacScanner.holdsNoCandidateMarker(template)).isFalse();
        assertThat(IacScanner.holdsNoCandidateMarker(json)).isFalse();

        CollectingSink sink = scanAll(List.of(template, json), true);

        List<Finding> versioning = sink.of("cfn-s3-no-versioning");
        assertThat(versioning).extracting(f -> f.properties().get("resource"))
                .containsExactlyInAnyOrder("AWS::S3::Bucket/Scratch", "AWS::S3::Bucket/Logs",
                        "AWS::S3::Bucket/Data");
        assertThat(versioning).filteredOn(Finding::isSuppressed).singleElement().satisfies(f -> {
            assertThat(f.properties().get("resource")).isEqualTo("AWS::S3::Bucket/Scratch");
            assertThat(f.suppression().reason()).isEqualTo("scratch bucket, emptied nightly");
            assertThat(f.suppression().source()).isEqualTo("cfn/bucket.yaml:3");
        });
    }
}
