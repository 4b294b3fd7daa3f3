package io.jenkins.plugins.devsecops.sast.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one walk over a parsed file: the same nodes in the same order as JavaParser's {@code findAll}, and each anonymous
 * class creation under the nearest type declaration enclosing it, whether walked recursively or with a work list.
 */
class TreeNodesTest {

    private static final String NESTED = """
            package a;
            class Outer {
                Runnable r = new Runnable() {
                    public void run() {
                        new Thread(new Runnable() { public void run() { call(); } }).start();
                    }
                };
                @Deprecated(since = "1") static int x = 1;
                void m() {
                    class Local { Object o = new Object() { public String toString() { return "l"; } }; }
                    record R(int i) { R { new Object() { }; } }
                    Object p = new Object() { };
                }
                static class Nested { Object q = new Object() { int f = 1 + 2; }; }
                enum E { A { void g() { new Object() { }; } }; void g() { } }
                interface I { Object Z = new Object() { }; }
                @interface Ann { }
            }
            class Second { Object s = new Object() { }; void n() { new Second(); Math.max(1, 2); } }
            """;

    @Test
    void shouldFindWhatFindAllFindsAndGroupAnonymousClassesByTheirNearestType() {
        CompilationUnit unit = new JavaParser(JavaFrontEnd.configurationFor(NESTED)).parse(NESTED).getResult()
                .orElseThrow();

        assertSameAsFindAll(unit, TreeNodes.walk(unit));
        assertSameAsFindAll(unit, TreeNodes.of(unit));
        TypeDeclaration<?> outer = unit.getType(0);
        assertThat(TreeNodes.walk(unit).anonymousIn(outer)).hasSize(3); // r, the one inside it, and p
        assertThat(TreeNodes.walk(unit).anonymousIn(unit.getType(1))).hasSize(1);
    }

    @Test
    void shouldFindWhatFindAllFindsInThisProjectsSources() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java", "src/test/resources")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        int anonymous = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            var result = new JavaParser(JavaFrontEnd.configurationFor(text)).parse(text);
            if (result.getResult().isEmpty()) {
                continue;
            }
            CompilationUnit unit = result.getResult().get();
            assertSameAsFindAll(unit, TreeNodes.walk(unit));
            assertSameAsFindAll(unit, TreeNodes.of(unit));
            anonymous += TreeNodes.walk(unit).anonymous().values().stream().mapToInt(List::size).sum();
        }
        assertThat(anonymous).isGreaterThan(20);
    }

    @Test
    void shouldWalkADeeplyNestedTreeWithTheWorkList() {
        StringBuilder text = new StringBuilder("class A { int x = ");
        text.append("(".repeat(2_000)).append("new Object() { }.hashCode()").append(")".repeat(2_000)).append("; }");
        CompilationUnit unit = parseOnADeepStack(text.toString());

        TreeNodes nodes = TreeNodes.of(unit);

        assertThat(nodes.calls()).hasSize(1);
        assertThat(nodes.anonymousIn(unit.getType(0))).hasSize(1);
    }

    private static CompilationUnit parseOnADeepStack(String text) {
        CompilationUnit[] unit = new CompilationUnit[1];
        Thread thread = new Thread(null, () -> unit[0] = new JavaParser(new ParserConfiguration()).parse(text)
                .getResult().orElseThrow(), "deep", 256L * 1024 * 1024);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return unit[0];
    }

    private static void assertSameAsFindAll(CompilationUnit unit, TreeNodes nodes) {
        assertIdentical(nodes.calls(), unit.findAll(MethodCallExpr.class));
        assertIdentical(nodes.creations(), unit.findAll(ObjectCreationExpr.class));
        assertIdentical(nodes.classes(), unit.findAll(ClassOrInterfaceDeclaration.class));
        int grouped = 0;
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            List<ObjectCreationExpr> expected = new ArrayList<>();
            for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
                if (creation.getAnonymousClassBody().isPresent()
                        && creation.findAncestor(TypeDeclaration.class).orElse(null) == type) {
                    expected.add(creation);
                }
            }
            assertIdentical(nodes.anonymousIn(type), expected);
            grouped += expected.size();
        }
        assertThat(nodes.anonymous().values().stream().mapToInt(List::size).sum()).isEqualTo(grouped);
    }

    /** The same nodes (by identity, not JavaParser's structural equality) in the same order. */
    private static void assertIdentical(List<?> actual, List<?> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).isSameAs(expected.get(i));
        }
    }
}
