package io.jenkins.plugins.devsecops.sast;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.nio.file.Path;
import io.jenkins.plugins.devsecops.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile Java sources end in a note naming the file; the rest of the project is still analysed. */
class HostileSastInputTest {

    @TempDir
    Path root;

    private void write(String path, String content) throws Exception {
        ProjectFiles.write(root, path, content);
    }

    private void writeTruePositive() throws Exception {
        write("app/Ok.java", """
                package app;
                public class Ok {
                    void run(javax.servlet.http.HttpServletRequest request) throws Exception {
                        Runtime.getRuntime().exec(request.getParameter("c"));
                    }
                }
                """);
    }

    @Test
    void shouldNoteAFileThatDoesNotParseAndAnalyseTheOthers() throws Exception {
        writeTruePositive();
        write("app/Broken.java", "package app; public class Broken { void x( { }");
        write("app/Binary.java", "\u0000\u0001garbage");

        Report report = SastFixturesTest.scan(root);

        assertThat(report.stages().get(0).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(report.stages().get(0).errors()).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("app/Broken.java");
            assertThat(e.message()).startsWith("could not parse");
        });
        assertThat(report.findings()).extracting(f -> f.ruleId()).containsExactly("command-injection");
    }

    @Test
    void shouldBoundDeeplyNestedExpressionsAndHugeMethods() throws Exception {
        writeTruePositive();
        String nested = "(".repeat(3000) + "1" + ")".repeat(3000);
        write("app/Nested.java", "package app; class Nested { int x() { return " + nested + "; } }");
        String concat = "a" + " + a".repeat(5000);
        write("app/Chain.java", "package app; class Chain { String x(String a) { return " + concat + "; } }");
        StringBuilder huge = new StringBuilder("package app; class Huge { void x(javax.servlet.http.HttpServletRequest r)"
                + " throws Exception { String s = r.getParameter(\"p\");\n");
        for (int i = 0; i < 6_000; i++) {
            huge.append("if (s.length() > ").append(i).append(") { s = s + \"").append(i).append("\"; }\n");
        }
        huge.append("} }");
        write("app/Huge.java", huge.toString());

        Report report = SastFixturesTest.scan(root);

        assertThat(report.stages().get(0).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(report.findings()).extracting(f -> f.location().path()).contains("app/Ok.java");
        assertThat(report.stages().get(0).errors()).extracting(e -> e.path())
                .contains("app/Nested.java", "app/Chain.java", "app/Huge.java");
    }

    @Test
    void shouldAnalyseMapsWithNullKeys() throws Exception {
        writeTruePositive();
        write("app/NullKeys.java", """
                package app;
                import java.util.HashMap;
                import java.util.Map;
                public class NullKeys {
                    void run(javax.servlet.http.HttpServletRequest request) throws Exception {
                        Map<String, String> m = new HashMap<>();
                        for (int i = 0; i < 3; i++) {
                            m.put(null, request.getParameter("c"));
                            m.remove(null);
                            m.put(null, request.getParameter("c"));
                        }
                        Runtime.getRuntime().exec(m.get(null));
                    }
                }
                """);

        Report report = SastFixturesTest.scan(root);

        assertThat(report.stages().get(0).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(report.findings()).extracting(f -> f.location().path())
                .containsExactlyInAnyOrder("app/Ok.java", "app/NullKeys.java");
    }

    @Test
    void shouldKeepSummariesSmallWhenChainsOfCallersWriteTheSameFieldsInLoops() throws Exception {
        // each level calls the one below in a loop, and every level writes the same fields from its parameter:
        // the summaries record one joined write per field, however many callers and iterations carry it
        writeTruePositive();
        StringBuilder chain = new StringBuilder("package app; public class Chain {\n"
                + "    static String a; static String b; static String c;\n"
                + "    static void level0(String p) { a = p; b = p; c = p; }\n");
        for (int i = 1; i < 40; i++) {
            chain.append("    static void level").append(i).append("(String p) {\n")
                    .append("        for (int i = 0; i < 3; i++) { level").append(i - 1).append("(p); level")
                    .append(i - 1).append("(p + i); }\n")
                    .append("        a = p; b = p;\n    }\n");
        }
        chain.append("""
                    void run(javax.servlet.http.HttpServletRequest request) throws Exception {
                        level39(request.getParameter("c"));
                        Runtime.getRuntime().exec(c);
                    }
                }
                """);
        write("app/Chain.java", chain.toString());

        Report report = SastFixturesTest.scan(root);

        assertThat(report.stages().get(0).status()).isEqualTo(StageStatus.COMPLETED);
        assertThat(report.stages().get(0).errors()).isEmpty();
        assertThat(report.findings()).extracting(f -> f.location().path()).contains("app/Ok.java", "app/Chain.java");
    }
}
