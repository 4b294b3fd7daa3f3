package io.jenkins.plugins.devsecops.sast.taint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** User model files are checked beyond their YAML shape; every built-in file passes the same checks. */
class ModelValidationTest {

    @Test
    void shouldAcceptEveryBuiltInModelFile() throws Exception {
        for (String name : TaintModels.BUILT_IN) {
            String resource = "/io/jenkins/plugins/devsecops/sast/models/" + name + ".yaml";
            try (InputStream in = TaintModels.class.getResourceAsStream(resource)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(TaintModels.read(text, resource)).as(resource).isNotNull();
            }
        }
    }

    @Test
    void shouldAcceptASoundUserFile() throws Exception {
        ModelFile file = TaintModels.read("""
                kinds:
                  - {id: audit, rule: audit-log-injection, cwe: CWE-117, severity: LOW, title: "Log forging"}
                sinks:
                  - kind: sql
                    calls:
                      - {type: com.example.db.Raw, methods: [run, "<init>"], args: [0]}
                  - kind: audit
                    calls:
                      - {type: com.example.Audit, methods: [log]}
                sanitizers:
                  - kinds: [sql, audit]
                    calls:
                      - {type: com.example.db.Quote, methods: [literal]}
                """, "good.yaml");

        assertThat(file.sinks()).hasSize(2);
    }

    @Test
    void shouldRejectAMethodWrittenAsASignature() {
        assertThatThrownBy(() -> TaintModels.read("""
                sinks:
                  - kind: sql
                    calls:
                      - {type: com.example.db.Raw, methods: ["run(java.lang.String)"]}
                """, ".devsecops/sast/db.yaml"))
                .isInstanceOf(YamlInputException.class)
                .hasMessageContaining(".devsecops/sast/db.yaml")
                .hasMessageContaining("sinks[0].calls[0].methods[0]")
                .hasMessageContaining("'run(java.lang.String)' is not a method name");
    }

    @Test
    void shouldRejectATypeWithGenericsOrAMethod() {
        assertThatThrownBy(() -> TaintModels.read("""
                sources:
                  - id: gateway
                    calls:
                      - {type: "com.example.Gateway#header", methods: [header]}
                """, "src.yaml"))
                .hasMessageContaining("sources[0].calls[0]")
                .hasMessageContaining("is not a type name");
    }

    @Test
    void shouldRejectAnUnknownSinkOrSanitizerKind() {
        assertThatThrownBy(() -> TaintModels.read("""
                sinks:
                  - kind: sqli
                    calls:
                      - {type: com.example.db.Raw, methods: [run]}
                """, "k.yaml"))
                .hasMessageContaining("sinks[0]: unknown kind 'sqli'")
                .hasMessageContaining("sql");
        assertThatThrownBy(() -> TaintModels.read("""
                sanitizers:
                  - kinds: [html]
                    calls:
                      - {type: com.example.Enc, methods: [html]}
                """, "k.yaml"))
                .hasMessageContaining("sanitizers[0]: unknown kind 'html'");
    }

    @Test
    void shouldRejectNegativeArgumentsUnknownChecksAndEmptyItems() {
        assertThatThrownBy(() -> TaintModels.read("""
                sinks:
                  - kind: command
                    calls:
                      - {type: com.example.Shell, methods: [run], args: [-1]}
                """, "a.yaml")).hasMessageContaining("argument positions start at 0, got -1");
        assertThatThrownBy(() -> TaintModels.read("""
                checks:
                  - {rule: my-rule, check: weak-key, calls: [{type: com.example.K, methods: [make]}]}
                """, "b.yaml")).hasMessageContaining("checks[0] (my-rule): unknown check 'weak-key'");
        assertThatThrownBy(() -> TaintModels.read("""
                sources:
                  - id: nothing
                """, "c.yaml")).hasMessageContaining("sources[0] (nothing): no calls and no parameterAnnotations");
        assertThatThrownBy(() -> TaintModels.read("""
                sinks:
                  - kind: sql
                    calls:
                      - {type: com.example.db.Raw}
                """, "d.yaml")).hasMessageContaining("sinks[0].calls[0] (com.example.db.Raw): no methods");
    }

    @Test
    void shouldRejectUnknownKeys() {
        assertThatThrownBy(() -> TaintModels.read("""
                sinks:
                  - kind: sql
                    call:
                      - {type: com.example.db.Raw, methods: [run]}
                """, "e.yaml")).isInstanceOf(YamlInputException.class).hasMessageContaining("e.yaml:4:").hasMessageContaining("unknown field 'call'");
    }
}
