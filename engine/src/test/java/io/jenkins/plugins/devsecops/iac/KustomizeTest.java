package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kustomize overlays are built and their output checked instead of the files they consume. */
class KustomizeTest {

    private static final String BASE_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels:
                app: web
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: registry.example.com/web:1.0
                      securityContext:
                        privileged: true
            """;

    private static CollectingSink scan() throws Exception {
        return CollectingSink.scan(
                "k/base/kustomization.yaml", """
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        resources:
                          - deployment.yaml
                          - https://github.com/example/remote//base
                        """,
                "k/base/deployment.yaml", BASE_DEPLOYMENT,
                "k/overlays/prod/kustomization.yaml", """
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        namespace: shop-prod
                        namePrefix: prod-
                        resources:
                          - ../../base
                        patchesStrategicMerge:
                          - harden.yaml
                        images:
                          - name: registry.example.com/web
                            newTag: latest
                        """,
                "k/overlays/prod/harden.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: web
                        spec:
                          template:
                            spec:
                              containers:
                                - name: app
                                  securityContext:
                                    privileged: false
                        """,
                "k/overlays/edge/kustomization.yaml", """
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        namespace: edge
                        bases:
                          - ../../base
                        patches:
                          - target:
                              kind: Deployment
                              name: web
                            patch: |-
                              - op: add
                                path: /spec/template/spec/hostNetwork
                                value: true
                          - path: ops.yaml
                            target:
                              kind: Deployment
                        """,
                "k/overlays/edge/ops.yaml", """
                        - op: replace
                          path: /spec/template/spec/containers/0/image
                          value: registry.example.com/web
                        """);
    }

    @Test
    void shouldCheckEveryOverlaysOutputInsteadOfItsInputs() throws Exception {
        CollectingSink sink = scan();

        assertThat(sink.errors).isEmpty();
        List<Finding> privileged = sink.of("k8s-privileged-container");
        assertThat(privileged).singleElement().satisfies(f -> {
            assertThat(f.properties().get("resource")).isEqualTo("Deployment/web (kustomize k/overlays/edge) container app");
            assertThat(f.location().path()).isEqualTo("k/base/deployment.yaml");
            assertThat(f.location().startLine()).isEqualTo(14);
        });
        assertThat(sink.of("k8s-host-network")).singleElement().satisfies(f -> {
            assertThat(f.properties().get("resource")).isEqualTo("Deployment/web (kustomize k/overlays/edge)");
            assertThat(f.location().startLine()).as("a value written by a patch points at its object").isEqualTo(1);
        });
        assertThat(sink.of("k8s-image-latest-tag")).extracting(Finding::message).containsExactlyInAnyOrder(
                "Container image uses the latest tag or no tag in Deployment/prod-web (kustomize k/overlays/prod) "
                        + "container app: registry.example.com/web:latest is mutable",
                "Container image uses the latest tag or no tag in Deployment/web (kustomize k/overlays/edge) "
                        + "container app: registry.example.com/web is mutable");
        assertThat(sink.of("k8s-default-namespace")).isEmpty();
        assertThat(sink.findings).noneSatisfy(f -> assertThat(f.location().path()).endsWith("harden.yaml"));
        assertThat(sink.warnings).anySatisfy(w -> assertThat(w).contains("https://github.com/example/remote//base"));
    }

    @Test
    void shouldNeitherLoopNorLoseObjectsOnCyclicOrBrokenKustomizations() throws Exception {
        CollectingSink sink = CollectingSink.scan(
                "a/kustomization.yaml", "resources:\n  - ../b\n  - ../../outside\n",
                "b/kustomization.yaml", "resources:\n  - ../a\n  - deployment.yaml\n",
                "b/deployment.yaml", BASE_DEPLOYMENT,
                "c/kustomization.yaml", """
                        resources:
                          - deployment.yaml
                          - missing.yaml
                        patches:
                          - target: {kind: Deployment}
                            patch: |-
                              - op: replace
                                path: /spec/nothing/here/0
                                value: 1
                              - op: remove
                                path: /spec/template/spec/containers/7
                          - path: gone.yaml
                        """,
                "c/deployment.yaml", BASE_DEPLOYMENT);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.of("k8s-privileged-container")).extracting(f -> f.location().path())
                .containsExactlyInAnyOrder("b/deployment.yaml", "c/deployment.yaml");
        assertThat(sink.warnings).anySatisfy(w -> assertThat(w).contains("missing.yaml"))
                .anySatisfy(w -> assertThat(w).contains("gone.yaml"));
    }
}
