package io.jenkins.plugins.devsecops.sast;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.nio.file.Path;
import io.jenkins.plugins.devsecops.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's own models in {@code .devsecops/sast/*.yaml}: sound files extend the analysis, bad ones are named. */
class UserModelsTest {

    @TempDir
    Path root;

    private void write(String path, String content) throws Exception {
        ProjectFiles.write(root, path, content);
    }

    @Test
    void shouldUseASoundModelFileAndNameTheBadOnesWithTheirProblem() throws Exception {
        write("app/Query.java", """
                package app;
                import com.example.db.Raw;
                public class Query {
                    void run(javax.servlet.http.HttpServletRequest request, Raw raw) {
                        raw.run("select * from t where id = " + request.getParameter("id"));
                        raw.run(com.example.db.Quote.literal(request.getParameter("id")));
                    }
                }
                """);
        write(".devsecops/sast/db.yaml", """
                sinks:
                  - kind: sql
                    calls:
                      - {type: com.example.db.Raw, methods: [run], args: [0]}
                sanitizers:
                  - kinds: [sql]
                    calls:
                      - {type: com.example.db.Quote, methods: [literal]}
                """);
        write(".devsecops/sast/typo.yaml", """
                sinks:
                  - kind: sql
                    calls:
                      - {type: com.example.db.Raw, method: [run]}
                """);
        write(".devsecops/sast/signature.yaml", """
                sinks:
                  - kind: command
                    calls:
                      - {type: com.example.Shell, methods: ["exec(String[])"]}
                """);

        Report report = SastFixturesTest.scan(root);

        assertThat(report.stages().get(0).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(report.findings()).extracting(f -> f.location().path() + ":" + f.location().startLine() + " "
                + f.ruleId()).containsExactly("app/Query.java:5 sql-injection");
        assertThat(report.stages().get(0).errors()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo(".devsecops/sast/typo.yaml");
            assertThat(e.message()).contains("model file not loaded").contains("method");
        }).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo(".devsecops/sast/signature.yaml");
            assertThat(e.message()).contains("sinks[0].calls[0].methods[0]").contains("is not a method name");
        });
    }
}
