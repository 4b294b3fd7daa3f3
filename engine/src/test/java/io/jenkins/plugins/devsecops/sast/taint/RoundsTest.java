package io.jenkins.plugins.devsecops.sast.taint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.TraceStep;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import io.jenkins.plugins.devsecops.sast.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The rounds of the whole-program analysis on the fixtures in {@code taint/rounds}: a summary that changed only in its
 * traces does not make its callers analysed again, and each flow is still found.
 */
class RoundsTest {

    private static final JavaFrontEnd FRONT_END = new JavaFrontEnd();

    private static UnitIr fixture(String name) throws Exception {
        Path file = Path.of(RoundsTest.class.getResource("rounds/" + name).toURI());
        return FRONT_END.parse("rounds/" + name, Files.readString(file, StandardCharsets.UTF_8)).unit();
    }

    private static TaintEngine engine(UnitIr unit, int threads) {
        return new TaintEngine(List.of(unit), TaintModels.load(List.of()), Map.of(), UnaryOperator.identity(), threads);
    }

    private static List<String> flows(TaintEngine.Result result) {
        return result.findings().stream().map(f -> f.rule() + " " + f.path() + ":" + f.line() + " from "
                + f.trace().get(0).location().startLine() + " (" + f.trace().get(0).message() + ")").sorted().toList();
    }

    /**
     * A recursion finds a longer path from a parameter to the sink in each round: the summaries' sinks keep one path
     * per sink and parameter, but which path is kept changed, and every change of traces made the callers analysed
     * again: 13 analyses of the 4 methods. Only what callers can tell apart by the taints' keys counts now: 7, the
     * same three rounds and both flows.
     */
    @Test
    void shouldNotAnalyseCallersAgainWhenOnlyTracesChanged() throws Exception {
        UnitIr unit = fixture("Walker.java");
        TaintEngine engine = engine(unit, 1);

        TaintEngine.Result result = engine.run(Long.MAX_VALUE);

        assertThat(flows(result)).containsExactly(
                "command-injection rounds/Walker.java:13 from 23 (source: HttpServletRequest.getParameter(...))",
                "command-injection rounds/Walker.java:13 from 27 (source: HttpServletRequest.getHeader(...))");
        assertThat(result.rounds()).isEqualTo(3);
        assertThat(result.methods()).isEqualTo(4);
        assertThat(engine.analyses()).isEqualTo(7);
    }

    /** Versions are a function of what is committed: two threads find what one finds, with as many analyses. */
    @Test
    void shouldFindTheSameOnTwoThreads() throws Exception {
        UnitIr unit = fixture("Walker.java");
        TaintEngine one = engine(unit, 1);
        TaintEngine two = engine(unit, 2);
        TaintEngine.Result expected = one.run(Long.MAX_VALUE);
        TaintEngine.Result actual = two.run(Long.MAX_VALUE);

        assertThat(actual.findings()).isEqualTo(expected.findings());
        assertThat(actual.rounds()).isEqualTo(expected.rounds());
        assertThat(two.analyses()).isEqualTo(one.analyses());
    }

    /** Summaries differing in the steps after a taint's first are the same to callers; any other part is not. */
    @Test
    void shouldTellSummariesApartByWhatCallersSee() {
        TraceStep source = step(3, "source: request");
        Taint shortPath = Taint.of("servlet-request", true, source).step(step(5, "passed to a(s)"));
        Taint longPath = Taint.of("servlet-request", true, source).step(step(5, "passed to a(s)"))
                .step(step(9, "passed to b(s)"));
        Taint otherSource = Taint.of("servlet-request", true, step(4, "source: request"));
        Summary.Sink sink = new Summary.Sink("command", "A.java", 12, "A.run", "Runtime.exec(...)");
        Taint placeholder = Taint.parameter(0).step(step(1, "parameter s of A.run"));

        Summary before = summary(Value.tainted(shortPath), placeholder, sink);
        Summary longer = summary(Value.tainted(longPath), placeholder.step(step(2, "passed to b(s)")), sink);

        assertThat(Identical.summaries(before, longer)).isFalse();
        assertThat(Identical.summariesButTraces(before, longer)).isTrue();
        assertThat(before.signature()).isEqualTo(longer.signature());
        assertThat(Identical.summariesButTraces(before, summary(Value.tainted(otherSource), placeholder, sink)))
                .as("another first step").isFalse();
        assertThat(Identical.summariesButTraces(before,
                summary(Value.tainted(shortPath.cleanse(List.of("sql"))), placeholder, sink)))
                .as("another sanitisation").isFalse();
        assertThat(Identical.summariesButTraces(before, summary(Value.tainted(shortPath).withType("java.io.File"),
                placeholder, sink))).as("another type").isFalse();
        assertThat(Identical.summariesButTraces(before, summary(Value.tainted(shortPath), Taint.parameter(1)
                .step(step(1, "parameter t of A.run")), sink))).as("another parameter").isFalse();
    }

    private static Summary summary(Value returned, Taint placeholder, Summary.Sink sink) {
        return new Summary(returned, List.of(new Summary.ParamSink(sink, placeholder)),
                List.of(new Summary.FieldWrite("A.f", returned)), List.of());
    }

    private static TraceStep step(int line, String message) {
        return new TraceStep(new Location("A.java", line, 0, line, 0, null), message);
    }
}
