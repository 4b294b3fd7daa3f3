package io.jenkins.plugins.devsecops.sast.taint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import io.jenkins.plugins.devsecops.sast.java.JavaFrontEnd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rounds reach a fixpoint before {@link TaintEngine#MAX_ROUNDS} on the shapes that kept them going on Jenkins
 * core (each settled nowhere before: every round changed a field or a summary), and the flow through each shape is
 * still found.
 */
class ConvergenceTest {

    private static final JavaFrontEnd FRONT_END = new JavaFrontEnd();

    private static TaintEngine.Result analyse(String path, String source) {
        List<UnitIr> units = List.of(FRONT_END.parse(path, source).unit());
        return new TaintEngine(units, TaintModels.load(List.of()), Map.of()).run(Long.MAX_VALUE);
    }

    private static void assertSettledWithTheFlow(TaintEngine.Result result, String path, int line) {
        assertThat(result.rounds()).as("rounds").isLessThan(TaintEngine.MAX_ROUNDS);
        assertThat(result.findings()).extracting(FlowFinding::path, FlowFinding::line)
                .contains(org.assertj.core.groups.Tuple.tuple(path, line));
    }

    /**
     * A field written with values of two types: their join has no type. That null used to read as "no type known",
     * so the next round's write of either type set it again, and the next one cleared it: a change in every round.
     */
    @Test
    void shouldSettleAFieldWrittenWithTwoTypes() {
        TaintEngine.Result result = analyse("mixed/Holder.java", """
                package mixed;
                public class Holder {
                    Object value;
                    void fromRequest(javax.servlet.http.HttpServletRequest request) {
                        value = new StringBuilder(request.getParameter("p"));
                    }
                    void fromFile(java.io.File file) {
                        value = file;
                    }
                    void run() throws Exception {
                        Runtime.getRuntime().exec(value.toString());
                    }
                }
                """);

        assertSettledWithTheFlow(result, "mixed/Holder.java", 11);
    }

    /**
     * Two overloads of one arity, each with its own sink: they shared one id, so one summary, which either could
     * hold when the caller read it (on Jenkins core the two overwrote each other in every round). Each now has its
     * own, and a call (told apart by name and arity only) reaches both and joins them.
     */
    @Test
    void shouldKeepOneSummaryPerOverload() {
        TaintEngine.Result result = analyse("overloads/Runner.java", """
                package overloads;
                public class Runner {
                    static void run(String command, int times) throws Exception {
                        Runtime.getRuntime().exec(command);
                    }
                    static void run(String command, String label) throws Exception {
                        System.out.println(new java.io.File(command).delete());
                    }
                    void handle(javax.servlet.http.HttpServletRequest request) throws Exception {
                        run(request.getParameter("c"), 1);
                    }
                }
                """);

        assertSettledWithTheFlow(result, "overloads/Runner.java", 4);
        assertSettledWithTheFlow(result, "overloads/Runner.java", 7);
    }

    /**
     * Mutually recursive methods reaching one sink from one parameter: each round found one more (longer) path to
     * it, and every path was kept in the summary, so the summaries grew round after round.
     */
    @Test
    void shouldKeepOnePathPerSinkAndParameterThroughARecursion() {
        TaintEngine.Result result = analyse("recursion/Walker.java", """
                package recursion;
                public class Walker {
                    static void down(String command, int depth) throws Exception {
                        if (depth > 0) {
                            up(command + "/" + depth, depth - 1);
                        }
                        Runtime.getRuntime().exec(command);
                    }
                    static void up(String command, int depth) throws Exception {
                        if (depth > 0) {
                            down(command + "." + depth, depth - 1);
                        }
                    }
                    void handle(javax.servlet.http.HttpServletRequest request) throws Exception {
                        up(request.getParameter("c"), 3);
                    }
                }
                """);

        assertSettledWithTheFlow(result, "recursion/Walker.java", 7);
    }
}
