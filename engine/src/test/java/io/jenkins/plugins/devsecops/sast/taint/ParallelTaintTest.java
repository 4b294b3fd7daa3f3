package io.jenkins.plugins.devsecops.sast.taint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import io.jenkins.plugins.devsecops.sast.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The taint analysis on several threads finds exactly what it finds on one, in the same order, with the same notes,
 * rounds and number of analyses, also when analyses made ahead are overtaken by the commits before them.
 */
class ParallelTaintTest {

    private static final JavaFrontEnd FRONT_END = new JavaFrontEnd();

    /** Every SAST fixture, in path order. */
    private static List<UnitIr> fixtures() throws Exception {
        Path root = Path.of(ParallelTaintTest.class.getResource("/io/jenkins/plugins/devsecops/sast/fixtures")
                .toURI());
        List<UnitIr> units = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                units.add(FRONT_END.parse(root.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8)).unit());
            }
        }
        return units;
    }

    /**
     * A chain of classes each reading the static field and calling the methods of the one before it: the taint from
     * the request in the first class reaches the sinks of the later ones only over several rounds, and an analysis
     * made ahead of its turn reads a field or summary the commits before it then change.
     */
    private static List<UnitIr> chain(int length) {
        List<UnitIr> units = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            String before = "C" + Math.max(0, i - 1);
            String source = """
                    package chain;
                    public class C%1$d {
                        static String value;
                        static String held;
                        static String pass(String s) {
                            return %2$s.pass(s) + held;
                        }
                        void store(javax.servlet.http.HttpServletRequest request) {
                            value = %3$s + %2$s.value;
                        }
                        void relay() {
                            held = %2$s.held + %2$s.value;
                        }
                        void sink() throws Exception {
                            Runtime.getRuntime().exec(pass(%2$s.held));
                            Runtime.getRuntime().exec(value + "-" + %1$d);
                        }
                    }
                    """.formatted(i, before, i == 0 ? "request.getParameter(\"p\")" : "\"v\"");
            units.add(FRONT_END.parse("chain/C" + i + ".java", source).unit());
        }
        return units;
    }

    private static void assertSameOnEveryThreadCount(List<UnitIr> units) {
        TaintModels models = TaintModels.load(List.of());
        TaintEngine single = new TaintEngine(units, models, Map.of(), UnaryOperator.identity(), 1);
        TaintEngine.Result expected = single.run(Long.MAX_VALUE);
        for (int threads : new int[] {2, 3, 4}) {
            TaintEngine parallel = new TaintEngine(units, models, Map.of(), UnaryOperator.identity(), threads);
            TaintEngine.Result actual = parallel.run(Long.MAX_VALUE);

            assertThat(actual.findings()).as("findings on %d threads", threads).isEqualTo(expected.findings());
            assertThat(actual.notes()).isEqualTo(expected.notes());
            assertThat(actual.rounds()).isEqualTo(expected.rounds());
            assertThat(parallel.analyses()).as("analyses on %d threads", threads).isEqualTo(single.analyses());
        }
    }

    @Test
    void shouldFindTheSameInTheFixturesOnAnyNumberOfThreads() throws Exception {
        List<UnitIr> units = fixtures();

        assertThat(new TaintEngine(units, TaintModels.load(List.of()), Map.of()).run(Long.MAX_VALUE).findings())
                .hasSizeGreaterThan(20);
        assertSameOnEveryThreadCount(units);
    }

    @Test
    void shouldAnalyseAgainInOrderWhatACommitBeforeItChanged() {
        List<UnitIr> units = chain(150);
        TaintModels models = TaintModels.load(List.of());
        TaintEngine parallel = new TaintEngine(units, models, Map.of(), UnaryOperator.identity(), 2);
        TaintEngine.Result result = parallel.run(Long.MAX_VALUE);

        assertThat(result.findings()).extracting(FlowFinding::path).contains("chain/C0.java", "chain/C149.java");
        assertThat(result.rounds()).isGreaterThan(1);
        assertSameOnEveryThreadCount(units);
        // the check is not idle: with WINDOW methods analysed ahead, some read what a later commit changed
        int overtaken = 0;
        for (int run = 0; run < 20 && overtaken == 0; run++) {
            TaintEngine again = new TaintEngine(units, models, Map.of(), UnaryOperator.identity(), 2);
            again.run(Long.MAX_VALUE);
            overtaken = again.attemptsOvertaken();
        }
        assertThat(overtaken).as("analyses made ahead, overtaken and made again in order").isPositive();
    }

    @Test
    void shouldRefuseNoThreads() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TaintEngine(List.of(),
                TaintModels.load(List.of()), Map.of(), UnaryOperator.identity(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
