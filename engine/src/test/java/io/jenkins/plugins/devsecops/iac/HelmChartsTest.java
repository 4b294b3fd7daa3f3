package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import org.junit.jupiter.api.Test;

/** Helm charts are rendered with their default values and the output is checked at the template's lines. */
class HelmChartsTest {

    private static final String HELPERS = """
            {{/* Expand the name of the chart. */}}
            {{- define "shop.name" -}}
            {{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
            {{- end -}}

            {{- define "shop.fullname" -}}
            {{- if .Values.fullnameOverride -}}
            {{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
            {{- else -}}
            {{- $name := default .Chart.Name .Values.nameOverride -}}
            {{- if contains $name .Release.Name -}}
            {{- .Release.Name | trunc 63 | trimSuffix "-" -}}
            {{- else -}}
            {{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
            {{- end -}}
            {{- end -}}
            {{- end -}}

            {{- define "shop.labels" -}}
            app.kubernetes.io/name: {{ include "shop.name" . }}
            app.kubernetes.io/instance: {{ .Release.Name }}
            {{- end }}
            """;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "shop.fullname" . }}
              labels:
                {{- include "shop.labels" . | nindent 4 }}
            spec:
              replicas: {{ .Values.replicaCount }}
              template:
                spec:
                  {{- if .Values.hostNetwork }}
                  hostNetwork: true
                  {{- end }}
                  containers:
                    - name: {{ .Chart.Name }}
                      image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                      securityContext:
                        {{- toYaml .Values.securityContext | nindent 12 }}
                      env:
                        {{- range $key, $value := .Values.env }}
                        - name: {{ $key }}
                          value: {{ $value | quote }}
                        {{- end }}
                      resources:
                        {{- toYaml .Values.resources | nindent 12 }}
                  {{- with .Values.nodeSelector }}
                  nodeSelector:
                    {{- toYaml . | nindent 8 }}
                  {{- end }}
            """;

    private static final String VALUES = """
            replicaCount: 2
            hostNetwork: true
            image:
              repository: registry.example.com/shop
              tag: ""
            securityContext:
              privileged: true
              runAsUser: 0
            env:
              LOG_LEVEL: info
              DB_PASSWORD: s3cr3t-Passw0rd-2024
            resources:
              limits:
                cpu: 500m
                memory: 256Mi
            nodeSelector: {}
            """;

    private static CollectingSink scan() throws Exception {
        return CollectingSink.scan(
                "charts/shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.2.0\nappVersion: \"3.4.5\"\n",
                "charts/shop/values.yaml", VALUES,
                "charts/shop/templates/_helpers.tpl", HELPERS,
                "charts/shop/templates/deployment.yaml", DEPLOYMENT,
                "charts/shop/templates/NOTES.txt", "Visit {{ .Release.Name }}\n",
                "charts/odd/Chart.yaml", "apiVersion: v2\nname: odd\nversion: 0.1.0\n",
                "charts/odd/templates/pod.yaml", """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: {{ .Values.name | regexReplaceAll "x" "y" }}
                        spec:
                          containers:
                            - name: app
                              image: busybox
                              securityContext:
                                privileged: true
                        """);
    }

    @Test
    void shouldRenderAPlainChartAndReportAtTheTemplateLines() throws Exception {
        CollectingSink sink = scan();

        assertThat(sink.errors).isEmpty();
        Finding hostNetwork = sink.of("k8s-host-network").stream()
                .filter(f -> f.location().path().equals("charts/shop/templates/deployment.yaml")).findFirst()
                .orElseThrow();
        assertThat(hostNetwork.location().startLine()).isEqualTo(12);
        assertThat(hostNetwork.properties().get("resource"))
                .isEqualTo("Deployment/release-name-shop (helm charts/shop)");
        assertThat(sink.of("k8s-privileged-container"))
                .filteredOn(f -> f.location().path().equals("charts/shop/templates/deployment.yaml"))
                .singleElement().satisfies(f -> {
                    assertThat(f.location().startLine()).as("the toYaml action's line").isEqualTo(18);
                    assertThat(f.properties().get("resource"))
                            .isEqualTo("Deployment/release-name-shop (helm charts/shop) container shop");
                });
        assertThat(sink.of("k8s-run-as-root-user")).extracting(f -> f.location().path())
                .contains("charts/shop/templates/deployment.yaml");
        assertThat(sink.of("k8s-secret-in-env")).singleElement()
                .satisfies(f -> assertThat(f.location().startLine()).isEqualTo(22));
        assertThat(sink.of("k8s-image-latest-tag")).as("tag defaults to appVersion 3.4.5")
                .noneMatch(f -> f.location().path().startsWith("charts/shop"));
        assertThat(sink.of("k8s-no-memory-limit")).noneMatch(f -> f.location().path().startsWith("charts/shop"));
    }

    @Test
    void shouldSayWhichTemplatesItCouldNotRenderAndCheckThemAsWritten() throws Exception {
        CollectingSink sink = scan();

        assertThat(sink.warnings).anySatisfy(w -> assertThat(w).contains("charts/odd", "templates/pod.yaml",
                "function 'regexReplaceAll' is not supported"));
        assertThat(sink.of("k8s-privileged-container")).anySatisfy(f -> {
            assertThat(f.location().path()).isEqualTo("charts/odd/templates/pod.yaml");
            assertThat(f.location().startLine()).isEqualTo(10);
        });
    }

    @Test
    void shouldRefuseHostileTemplatesWithAReasonInsteadOfFailing() throws Exception {
        String deep = "{{ if .Values.a }}".repeat(5_000) + "x" + "{{ end }}".repeat(5_000);
        CollectingSink sink = CollectingSink.scan(
                "c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n",
                "c/values.yaml", "a: true\nn: 100000000\n",
                "c/templates/_loop.tpl", "{{- define \"loop\" -}}{{ include \"loop\" . }}{{- end -}}",
                "c/templates/deep.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  x: " + deep + "\n",
                "c/templates/self.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  x: {{ include \"loop\" . }}\n",
                "c/templates/many.yaml", "{{ range .Values.n }}{{ . }}{{ end }}\n",
                "c/templates/open.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  x: {{ .Values.a \n");

        assertThat(sink.errors).isEmpty();
        assertThat(sink.warnings).anySatisfy(w -> assertThat(w).contains("templates/deep.yaml", "nested more than"))
                .anySatisfy(w -> assertThat(w).contains("templates/self.yaml", "too deep"))
                .anySatisfy(w -> assertThat(w).contains("templates/many.yaml", "range iterations"))
                .anySatisfy(w -> assertThat(w).contains("templates/open.yaml", "unclosed"));
    }

    @Test
    void shouldRenderASubchartWithTheParentsValuesForIt() throws Exception {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: {{ .Chart.Name }}
                  namespace: {{ .Values.global.namespace }}
                spec:
                  hostPID: {{ .Values.hostPID }}
                  containers:
                    - name: app
                      image: busybox:1.36
                """;
        CollectingSink sink = CollectingSink.scan(
                "app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n",
                "app/values.yaml", "global:\n  namespace: shop\ndb:\n  hostPID: true\n",
                "app/charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\n",
                "app/charts/db/values.yaml", "hostPID: false\nglobal:\n  namespace: default\n",
                "app/charts/db/templates/pod.yaml", pod);

        assertThat(sink.of("k8s-host-pid")).singleElement().satisfies(f -> {
            assertThat(f.properties().get("resource")).isEqualTo("Pod/db (helm app/charts/db)");
            assertThat(f.location().startLine()).isEqualTo(7);
        });
        assertThat(sink.of("k8s-default-namespace")).isEmpty();
    }
}
