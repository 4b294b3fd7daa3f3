package io.jenkins.plugins.devsecops.sast.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The front end replaces the {@code var} types its walk found instead of walking the tree for them in the parse's
 * post-processing: the same tree (and the same "could not parse" note where the post-processing fails) as the parse of
 * the file with the post-processing, for bare {@code var} types and for the shapes it hands back to the parse.
 */
class VarTypesTest {

    private static final List<String> TEXTS = List.of(
            "class A { void m() { var x = 1; for (var i : l) { } try (var r = o()) { } var.class.getName(); } }",
            "class A { void m() { java.util.function.Function<String, Integer> f = (var s) -> 1; var[] a; } }",
            "class var { var m(var v) { return v; } }",
            "class A { void m() { Object o = var.class; var.X y; java.util.List<var> l; } }",
            "class A { void m() { var x = new Object() { var y = 2; }; } }",
            "class A { void m() { var x = new var(); } }",
            "class A extends var { }",
            "class A { void m() { var.Inner x = null; var<String> y = null; var z = 1; } }",
            "class A { void m() { java.util.List<@Deprecated var> l; var x = 1; } }",
            "class A { void m() { if (o instanceof var v) { } var x = (var) o; } }",
            "class A { void m() { var x = 1; } }\n// var in a comment\n");

    @Test
    void shouldGiveTheTreeOfTheParseWithThePostProcessing() {
        JavaFrontEnd frontEnd = new JavaFrontEnd();
        int parsed = 0;
        for (String text : TEXTS) {
            ParseResult<CompilationUnit> expected = new JavaParser(JavaFrontEnd.configurationFor(text)).parse(text);
            JavaFrontEnd.Parsed actual = frontEnd.parse("A.java", text);
            if (expected.isSuccessful()) {
                parsed++;
                assertThat(actual.tree()).as(text).isPresent();
                assertThat(actual.tree().get()).as(text).isEqualTo(expected.getResult().orElseThrow());
                assertThat(shape(actual.tree().get())).as(text).isEqualTo(shape(expected.getResult().get()));
                assertThat(actual.nodes().varTypes().stream().filter(t -> t.getParentNode().isPresent()
                        && !(t.getParentNode().get() instanceof com.github.javaparser.ast.expr.ClassExpr)
                        && t.findCompilationUnit().isPresent()).count()).as(text).isZero();
            } else {
                String problem = expected.getProblems().get(0).getVerboseMessage();
                int newline = problem.indexOf('\n');
                assertThat(actual.tree()).as(text).isEmpty();
                assertThat(actual.unit().notes()).as(text).containsExactly("could not parse: "
                        + (newline < 0 ? problem : problem.substring(0, newline)));
            }
        }
        assertThat(parsed).isGreaterThan(5);
    }

    /** Each node in pre-order: its class, its text and its lines. */
    private static List<String> shape(CompilationUnit unit) {
        List<String> nodes = new ArrayList<>();
        unit.walk(Node.TreeTraversal.PREORDER, n -> nodes.add(n.getClass().getSimpleName() + " " + n + " "
                + n.getBegin().map(p -> p.line).orElse(-1) + "-" + n.getEnd().map(p -> p.line).orElse(-1)));
        return nodes;
    }
}
