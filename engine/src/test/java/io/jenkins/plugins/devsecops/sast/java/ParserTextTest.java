package io.jenkins.plugins.devsecops.sast.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.TokenStreams;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compact text the parser reads: comments and runs of blanks out, every token on its line with its text, and the
 * same tree as the file itself gives (checked on this project's own sources and on hostile files).
 */
class ParserTextTest {

    @Test
    void shouldDropCommentsAndBlanksButKeepLineTerminators() {
        String text = "/* licence\n * text\n */\npackage a;\n\n/** Doc. */\npublic   class\tA {   // trailing\n"
                + "    int x =  1 ; /* inline */ int y;\n}\n";

        assertThat(ParserText.of(text)).isEqualTo("\n\n\npackage a;\n\n\npublic class A {\nint x = 1 ; int y;\n}\n");
    }

    @Test
    void shouldKeepTokensApartWhereACommentSeparatedThem() {
        assertThat(ParserText.of("int/**/x=a/*\n*/+b;")).isEqualTo("int x=a\n+b;");
        assertThat(ParserText.of("a - -b; c/***/d; e/**//f")).isEqualTo("a - -b; c d; e /f");
    }

    @Test
    void shouldLeaveCommentMarkersInsideStringAndCharacterLiteralsAlone() {
        String text = "class A { String s = \"/* not */ // nor \\\" this\"; char c = '\"'; char d = '\\''; "
                + "char e = '/'; String f = \"*/\"; }";

        assertThat(ParserText.of(text)).isEqualTo(text);
    }

    @Test
    void shouldEndACommentAtTheFirstCloseEvenInsideQuotes() {
        assertThat(ParserText.of("int a; /* \"*/ int b; // \" int c;\nint d;")).isEqualTo("int a; int b;\nint d;");
    }

    @Test
    void shouldCopyTextBlocksCharacterForCharacter() {
        String block = "\"\"\"\n    /* kept */ // kept\n      \\\"\"\" still inside \"\" \"\n    \"\"\"";
        String text = "class A {\n  String s =   " + block + ";   // gone\n}\n";

        assertThat(ParserText.of(text)).isEqualTo("class A {\nString s = " + block + ";\n}\n");
    }

    @Test
    void shouldNotReadUnicodeEscapesAsTheParserDoesNot() {
        // a backslash-u002a-slash inside a comment is six characters for the lexer, not the end of the comment
        String text = "int a; /* \\u002a/ int hidden; */ int b; // \\u000a int c;\nint d;";

        assertThat(ParserText.of(text)).isEqualTo("int a; int b;\nint d;");
    }

    @Test
    void shouldKeepCrLfAndLoneCrLineTerminators() {
        String text = "class A {\r\n  /* a\r\n b\r c */ int x;\r\n\r\n  int y; // z\r\n}\r\n";

        assertThat(ParserText.of(text)).isEqualTo("class A {\r\n\r\n\rint x;\r\n\r\nint y;\r\n}\r\n");
    }

    @Test
    void shouldLeaveTextItCannotReadSafelyUnchanged() {
        List<String> hostile = List.of(
                "class A { /* never closed\n int x; }",
                "class A { String s = \"never closed\n; }",
                "class A { char c = 'x\n; }",
                "class A { String s = \"\"\"\n never closed; }",
                "class A { String s = \"\"\"on the opening line\"\"\"; }",
                "class A { String s = \"ends with a backslash\\");
        for (String text : hostile) {
            assertThat(ParserText.of(text)).as(text).isSameAs(text);
        }
    }

    @Test
    void shouldReportAFileThatDoesNotParseWhereItIsInTheFile() {
        String text = "/*\n * licence\n */\npackage a;\n\nclass A {\n        void x( { }\n}\n";
        String expected = new JavaParser(JavaFrontEnd.configurationFor(text)).parse(text).getProblems().get(0)
                .getVerboseMessage().lines().findFirst().orElseThrow();

        UnitIr unit = new JavaFrontEnd().parse("a/A.java", text).unit();

        assertThat(unit.notes()).containsExactly("could not parse: " + expected);
        String compact = ParserText.of(text);
        assertThat(new JavaParser(JavaFrontEnd.configurationFor(text)).parse(compact).getProblems().get(0)
                .getVerboseMessage()).as("the compact text has the problem elsewhere on the line")
                .doesNotStartWith(expected.substring(0, expected.indexOf(')') + 1));
    }

    @Test
    void shouldStillReadIgnoreCommentsFromTheFile() {
        String text = "package a;\nclass A {\n  void x() {\n    // devsecops:ignore weak-hash\n    int y = 1;\n  }\n}\n";

        assertThat(new JavaFrontEnd().parse("a/A.java", text).unit().ignoredLines())
                .containsOnlyKeys(4, 5).containsEntry(5, List.of("weak-hash"));
    }

    /** Every file of this project's sources and the hostile test files: the same tree, lines and text either way. */
    @Test
    void shouldGiveTheSameTreeAsTheFileOnRealCode() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/resources")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(200);
        int compacted = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String compact = ParserText.of(text);
            if (compact == text) {
                continue;
            }
            compacted++;
            assertThat(compact.lines().count()).as(file.toString()).isEqualTo(text.lines().count());
            ParseResult<CompilationUnit> original = new JavaParser(JavaFrontEnd.configurationFor(text)).parse(text);
            ParseResult<CompilationUnit> fromCompact = new JavaParser(JavaFrontEnd.configurationFor(text))
                    .parse(compact);
            assertThat(fromCompact.isSuccessful()).as(file.toString()).isEqualTo(original.isSuccessful());
            if (original.isSuccessful()) {
                assertSameTree(file, original.getResult().orElseThrow(), fromCompact.getResult().orElseThrow());
            }
        }
        assertThat(compacted).isGreaterThan(200);
    }

    @Test
    void shouldLeaveOutTheVarPostProcessingOnlyWhereTheCompactTextHasNoWordVar() {
        ParserConfiguration noVar = JavaFrontEnd.configurationFor("x");
        ParserConfiguration withVar = JavaFrontEnd.configurationFor("var x");
        ParserConfiguration withYield = JavaFrontEnd.configurationFor("yield");
        String commentOnly = "/** The var of it. */\nclass A { int variable; // var\n String v = \"x\"; }\n";
        String inString = "class A { String v = \"var\"; }\n";
        String inCode = "class A { void m() { var x = 1; } }\n";
        String escaped = "class A { void m() { \\u0076ar x = 1; } }\n";

        assertThat(JavaFrontEnd.configurationFor(commentOnly)).isSameAs(withVar);
        assertThat(JavaFrontEnd.compactConfigurationFor(commentOnly, ParserText.of(commentOnly))).isSameAs(noVar);
        assertThat(JavaFrontEnd.compactConfigurationFor(inString, ParserText.of(inString))).isSameAs(withVar);
        assertThat(JavaFrontEnd.compactConfigurationFor(inCode, ParserText.of(inCode))).isSameAs(withVar);
        assertThat(JavaFrontEnd.compactConfigurationFor(escaped, escaped)).isSameAs(withVar);
        String yield = "// var\nclass A { int m(int k) { return switch (k) { default -> { yield 1; } }; } }\n";
        assertThat(JavaFrontEnd.compactConfigurationFor(yield, ParserText.of(yield))).isSameAs(withYield);
    }

    /**
     * On this project's sources, every file whose compact text is parsed without the {@code var} post-processing
     * while the file's own configuration has it gives the same tree, node for node with the same ranges, either way.
     */
    @Test
    void shouldGiveTheSameTreeWithoutTheVarPostProcessingWhereItIsLeftOut() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java", "src/test/resources")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        int leftOut = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String compact = ParserText.of(text);
            ParserConfiguration configuration = JavaFrontEnd.configurationFor(text);
            ParserConfiguration compactConfiguration = JavaFrontEnd.compactConfigurationFor(text, compact);
            if (configuration == compactConfiguration) {
                continue;
            }
            leftOut++;
            ParseResult<CompilationUnit> with = new JavaParser(configuration).parse(compact);
            ParseResult<CompilationUnit> without = new JavaParser(compactConfiguration).parse(compact);
            assertThat(TokenStreams.written(without)).as(file.toString()).isEqualTo(TokenStreams.written(with));
            assertThat(without.getResult()).as(file.toString()).isEqualTo(with.getResult());
        }
        assertThat(leftOut).isPositive();
    }

    /**
     * The {@code var} post-processing of the front end's configuration replaces the same types as JavaParser's Java 21
     * post-processing: on hostile texts and on every file of this project's sources that writes the word.
     */
    @Test
    void shouldReplaceVarTypesAsJavaParsersPostProcessingDoes() throws Exception {
        ParserConfiguration ours = JavaFrontEnd.configurationFor("var x");
        ParserConfiguration javaParsers = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false)
                .setDetectOriginalLineSeparator(false);
        javaParsers.getProcessors().add(() -> new Processor() {
            @Override
            public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
                new Java21PostProcessor().postProcess(result, configuration);
            }
        });
        List<String> texts = new ArrayList<>(List.of(
                "class A { void m() { var x = 1; for (var i : l) { } try (var r = o()) { } var.class.getName(); } }",
                "class A { void m() { java.util.function.Function<String, Integer> f = (var s) -> 1; var[] a; } }",
                "class var { var m(var v) { return new var(); } }",
                "class A { void m() { Object o = var.class; var.X y; List<var> l; } }",
                "class A { void m() { var x = new Object() { var y = 2; }; } }"));
        try (Stream<Path> walk = Files.walk(Path.of("src"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (JavaFrontEnd.mayUseVar(ParserText.of(text))) {
                    texts.add(text);
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(10);
        for (String text : texts) {
            ParseResult<CompilationUnit> expected = new JavaParser(javaParsers).parse(text);
            ParseResult<CompilationUnit> actual = new JavaParser(ours).parse(text);
            assertThat(TokenStreams.written(actual)).as(text).isEqualTo(TokenStreams.written(expected));
            assertThat(actual.getResult()).as(text).isEqualTo(expected.getResult());
            assertThat(shapeWithTypes(actual)).as(text).isEqualTo(shapeWithTypes(expected));
        }
    }

    private static List<String> shapeWithTypes(ParseResult<CompilationUnit> result) {
        List<String> nodes = new ArrayList<>();
        result.getResult().ifPresent(unit -> unit.walk(Node.TreeTraversal.PREORDER, n -> nodes.add(
                n.getClass().getSimpleName() + " " + n + " " + n.getRange().map(Object::toString).orElse("-"))));
        return nodes;
    }

    private static void assertSameTree(Path file, CompilationUnit expected, CompilationUnit actual) {
        assertThat(shape(actual)).as(file.toString()).isEqualTo(shape(expected));
        assertThat(actual).as(file.toString()).isEqualTo(expected);
        assertThat(actual.toString()).as(file.toString()).isEqualTo(expected.toString());
    }

    /** Each node in pre-order: its class and its first and last line. */
    private static List<String> shape(CompilationUnit unit) {
        List<String> nodes = new ArrayList<>();
        unit.walk(Node.TreeTraversal.PREORDER, n -> nodes.add(n.getClass().getSimpleName() + " "
                + n.getBegin().map(p -> p.line).orElse(-1) + "-" + n.getEnd().map(p -> p.line).orElse(-1)));
        return nodes;
    }

    /**
     * The shortcuts for integer literals and qualified names give what {@code asNumber()} and {@code asString()} give:
     * on every form of integer literal and on this project's sources.
     */
    @Test
    void shouldReadIntegersAndJoinNamesAsTheParserDoes() throws Exception {
        String forms = "class A { int[] a = { 0, 1, 7, 10, 00, 07, 010, 0x1F, 0X1f, 0b101, 0B1, 1_000, 0_7, 123456789,"
                + " 999999999, 1234567890, 2147483647, -2147483648, 2147483648, 08, 09 }; }";
        List<String> texts = new ArrayList<>(List.of(forms));
        try (Stream<Path> walk = Files.walk(Path.of("src"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        int integers = 0;
        int names = 0;
        for (String text : texts) {
            var unit = new JavaParser(JavaFrontEnd.configurationFor(text)).parse(text).getResult();
            if (unit.isEmpty()) {
                continue;
            }
            for (IntegerLiteralExpr literal : unit.get().findAll(IntegerLiteralExpr.class)) {
                integers++;
                Object expected;
                try {
                    expected = literal.asNumber().longValue();
                } catch (NumberFormatException e) {
                    expected = null;
                }
                assertThat(MethodLowering.literal(literal)).as(literal.getValue()).isEqualTo(expected);
            }
            for (Name name : unit.get().findAll(Name.class)) {
                names++;
                assertThat(TypeScope.dotted(name)).isEqualTo(name.asString());
            }
        }
        assertThat(integers).isGreaterThan(1_000);
        assertThat(names).isGreaterThan(5_000);
        assertThat(MethodLowering.smallDecimal("")).isEqualTo(-1);
        assertThat(MethodLowering.smallDecimal("0")).isZero();
        assertThat(MethodLowering.smallDecimal("1_0")).isEqualTo(-1);
        assertThat(MethodLowering.smallDecimal("1234567890")).isEqualTo(-1);
    }

    /** The lowering's shortcuts give what the printer and the unescaper give, on this project's sources. */
    @Test
    void shouldNameAndUnescapeAsTheParserDoesOnRealCode() throws Exception {
        int names = 0;
        int strings = 0;
        List<String> differing = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                CompilationUnit unit = new JavaParser(JavaFrontEnd.configurationFor(text)).parse(text).getResult()
                        .orElseThrow();
                for (Expression e : unit.findAll(Expression.class)) {
                    if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
                        names++;
                        if (!MethodLowering.source(e).equals(e.toString())) {
                            differing.add(file + ": " + e);
                        }
                    } else if (e instanceof StringLiteralExpr s) {
                        strings++;
                        if (!MethodLowering.literal(s).equals(s.asString())) {
                            differing.add(file + ": " + s);
                        }
                    }
                }
            }
        }
        assertThat(differing).isEmpty();
        assertThat(names).isGreaterThan(10_000);
        assertThat(strings).isGreaterThan(1_000);
    }
}
