package io.jenkins.plugins.devsecops.sast.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.OwnLexerParse;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.TokenStreams;
import com.github.javaparser.ast.CompilationUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link JavaLexer} against JavaParser's generated lexer, token by token (kinds, real kinds, images, begin and end,
 * special tokens and their links, the {@code JavaToken}s), and the parse through {@link OwnLexerParse} against
 * JavaParser's own parse (the tree, every node's range, the problems and their places): on hostile texts, random
 * token soups and this project's own sources. A text the lexer declines must be one it cannot read as the generated
 * lexer does, and is then parsed as before.
 */
class JavaLexerTest {

    private static final List<String> HOSTILE = List.of(
            // every form of number, and what the longest match makes of near misses
            "0 00 07 08 09 0_7 0x0 0xFF_FFL 0X1.8p3 0x.8P-2f 0x1p+1d 0x1.p1 0xA.Bp0D 0b1010 0B1_0L 1_000_000 1__2 1_",
            "1e10 1E+10 1e-1_0f 1.5 1. .5 1.e3 1.5e 1ef 1e 07L 0xl 0x 0b 0b2 1f 1D 1L 1l 2.d 0x1G .5.5 1..2 3.f",
            "1_.5 0x_1 0x1_ 99999999999999999999 0x1p 0x1pf 0x.p1 0x1.8 1e+ 1e+x 017777777777L 0_L .e1 1.__2 5d.",
            // operators, and generics closed by >> and >>>
            ">>>= >>= >>> >> > >= >>>>= a>>b a>>>b c>>=d >>>>> < <= << <<= -> :: ... .. ++ -- += -= *= /= &= |= ^=",
            "%= && || != == ! ~ ? : @ ; , . ( ) [ ] { } = + - * / & | ^ % ->> -->",
            "class A { List<List<Set<String>>>> a; Map<String, List<Integer>> b; int c = d >> 2 >>> e; f >>>= 3; }",
            // character and string literals with every escape, unicode escapes inside them
            "'a' '\\n' '\\'' '\\\\' '\\0' '\\12' '\\123' '\\u0041' '\\u005c\\u005c' '\\u005cn' '\\u005c'' '\"'",
            "'\\s' '\\u005C\\u005C' 'é' '中' '\\t' '\\u005c\"' '\\u005C\\'",
            "\"\" \"a\\tb\" \"\\u0022\" \"\\\"\" \"\\\\\" \"\\s\" \"\\0\\12\\123\\400\\777\" \"é ü 中文 \uD83D\uDE00\" \"\\u00e9\"",
            "\"tab\there\" \"'\" \"/* not a comment */\" \"// nor this\" \"\\u002a/\"",
            // text blocks, with escapes, quotes and line terminators inside
            "class A { String s = \"\"\"\n  a\n  \\\"\"\" b \"\" \"\n  \\\\\n  \\\n  \"\"\"; }",
            "String t = \"\"\"x\"\"\" + \"\"\"\r\n\tline\r\n\"\"\"; String u = \"\"\"\n\\\"\"\"\"\"\";",
            // identifiers, contextual keywords, non-sealed
            "$a _a a_ __ _ $ a1 $1 a$b non-sealed non-sealedX nonsealed non - sealed non-sealed-x",
            "record yield permits sealed when module open opens requires transitive exports to uses provides with var",
            "sealed interface S permits A, B {} non-sealed class A implements S {} record R(int x) {}",
            "class Y { int m(int k) { return switch (k) { case 1 -> 1; default -> { yield k; } }; } int yield = 1; }",
            "@interface A { int x() default 1; String[] y() default {}; } @A(x = 2) class B {}",
            "class L { void m() { Runnable r = () -> {}; java.util.function.Function<String, Integer> f = s -> 1;"
                    + " java.util.function.IntFunction<int[]> g = int[]::new; Object h = String::valueOf;"
                    + " outer: for (;;) { inner: while (true) { break outer; } } } }",
            "class G<T extends Comparable<? super T>> { <U> G<U> m(G<? extends U>[] a) { return this.<U>m(a); } }",
            // line terminators and blanks
            "class A {\r\n int x;\r\n\r\n int y;\r}\r",
            "class A {\n\tint\tx;\f\n}\n",
            "\r\n\r\n", "\n", "\r", " ", "\t", "", "a", "a ", "a\n", "a\r\n", "a\r", ">", ">>", ">>>",
            // broken code the lexer reads: the parse fails in the same place
            "class A { void m( { int x = ; } }",
            "class A { int x = 1 >>> ; List<String>> y; }",
            "package a.b; import c.*; public class X extends { }");

    /** Texts the lexer must decline: it cannot read them as the generated lexer does, or that lexer stops. */
    private static final List<String> DECLINED = List.of(
            "int a; // comment", "int a; /* comment */", "/** doc */ class A {}",
            "int a = 1 \\u002a/ 2;", "class \\u0041 {}", "int a\\u0041;",
            "int é = 1;", "class Ä {}", "int a\u0001b;", "int a\u0085;", "int\u00a0a;", "int a;\u001a",
            "String s = \"abc", "String s = \"abc\n\";", "String s = \"a\\qb\";", "char c = 'a", "char c = '';",
            "char c = '\\u004';", "char c = '\\477';", "char c = '\\u005cu';", "char c = '\\uu0041';", "String s = \"\"\"\nabc", "String s = \"\\u00\";", "int #a;", "int `a`;");

    @Test
    void shouldGiveTheGeneratedLexersTokensForHostileTexts() {
        for (String text : HOSTILE) {
            for (boolean yield : new boolean[] {false, true}) {
                List<String> own = TokenStreams.own(text, yield);

                assertThat(own).as("lexed: %s", text).isNotNull();
                assertThat(own).as("tokens of: %s", text).isEqualTo(TokenStreams.generated(text, yield));
            }
        }
    }

    @Test
    void shouldParseHostileTextsAsJavaParserDoes() {
        for (String text : HOSTILE) {
            for (ParserConfiguration configuration : configurations()) {
                assertSameParse(configuration, text);
            }
        }
    }

    /**
     * Huge inputs: a 1 MB string literal, a text block of 20,000 lines, a 100,000-character identifier, 200,000
     * tokens on one line, 5,000 nested parentheses and an unterminated 1 MB literal; the same tokens as the generated
     * lexer (or declined where it stops), in bounded time.
     */
    @Test
    @Timeout(60)
    void shouldLexHugeTextsAsTheGeneratedLexerDoes() {
        List<String> huge = List.of(
                "class A { String s = \"" + "x\\t".repeat(250_000) + "\"; }",
                "class A { String s = \"\"\"\n" + "  line \\\" \"\n".repeat(20_000) + "\"\"\"; }",
                "class A { int " + "a".repeat(100_000) + " = 1; }",
                "class A { int x = " + "1 + ".repeat(100_000) + "1; }",
                "class A { int x = " + "(".repeat(5_000) + "1" + ")".repeat(5_000) + "; }",
                "class A {" + "\n".repeat(200_000) + "}");
        for (String text : huge) {
            List<String> own = TokenStreams.own(text, true);

            assertThat(own).as("lexed a huge text of %d characters", text.length()).isNotNull();
            assertThat(own).as("tokens of a huge text").isEqualTo(TokenStreams.generated(text, true));
        }
        assertThat(TokenStreams.own("class A { String s = \"" + "x".repeat(1_000_000) + " }", true)).isNull();
    }

    @Test
    void shouldDeclineTextsItCannotReadAsTheGeneratedLexerDoes() {
        for (String text : DECLINED) {
            assertThat(TokenStreams.own(text, false)).as("declined: %s", text).isNull();
            assertThat(OwnLexerParse.parse(new ParserConfiguration(), text)).as("declined: %s", text).isNull();
        }
    }

    @Test
    void shouldLeaveATextToJavaParserWhenAProcessorReadsItThroughAnotherProvider() {
        // detecting the line separator wraps the text's provider in one that watches every character
        ParserConfiguration detecting = new ParserConfiguration().setDetectOriginalLineSeparator(true);

        assertThat(OwnLexerParse.parse(detecting, "class A {}")).isNull();
    }

    @Test
    void shouldGiveTheGeneratedLexersTokensForRandomTokenSoups() {
        String[] pieces = {" ", "  ", "\t", "\n", "\r\n", "\r", "\f", "a", "_", "$", "x1", "non-sealed", "non", "-",
            "yield", "record", "0", "7", "9", "_", "x", "X", "b", "B", "l", "L", "e", "E", "p", "P", "f", "d", ".", "..",
            "...", "+", "-", "=", ">", ">>", ">>>", "<", "<<", "!", "&", "|", "^", "%", "*", "/", ":", "::", "?", "~",
            "@", ";", ",", "(", ")", "[", "]", "{", "}", "'", "\"", "\"\"\"", "\\", "\\u0041", "\\u005c", "\\n", "\\'",
            "\\\"", "\\0", "\\12", "\\377", "é", "\u001a", "0x", "0b", "1e", "1.5", "0x1.p", "1_0"};
        Random random = new Random(16);
        int lexed = 0;
        for (int round = 0; round < 4000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            boolean yield = random.nextBoolean();
            List<String> own = TokenStreams.own(text.toString(), yield);
            List<String> generated = TokenStreams.generated(text.toString(), yield);
            if (own != null) {
                lexed++;
                assertThat(own).as("tokens of: %s", text).isEqualTo(generated);
            } else if (!generated.get(0).startsWith("lexical error")) {
                // declined without a lexical error: only for what this lexer leaves to the generated one by design
                assertThat(text.toString()).as("declined: %s", text).containsAnyOf("\\", "é", "\u001a", "/*", "//");
            }
        }
        assertThat(lexed).isGreaterThan(1000);
    }

    @Test
    void shouldGiveTheGeneratedLexersTokensAndTreesForThisProjectsSources() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        int compared = 0;
        for (Path file : files) {
            String text = ParserText.of(Files.readString(file, StandardCharsets.UTF_8));
            List<String> own = TokenStreams.own(text, true);
            if (own == null) {
                continue; // a devsecops:ignore file or one kept as it is: parsed with the generated lexer
            }
            assertThat(own).as("tokens of %s", file).isEqualTo(TokenStreams.generated(text, true));
            assertSameParse(JavaFrontEnd.configurationFor(text), text);
            compared++;
        }
        assertThat(compared).isGreaterThan(files.size() * 9 / 10);
    }

    @Test
    void shouldParseWithoutBlankTokensToTheSameTreeForHostileTexts() {
        for (String text : HOSTILE) {
            for (ParserConfiguration configuration : configurations()) {
                assertSameParseWithoutBlanks(configuration, text);
                assertSameParseWithoutBlanks(configuration, "\n \n" + text);
                assertSameParseWithoutBlanks(configuration, " " + text + " \n ");
            }
        }
    }

    @Test
    void shouldDeclineTheParseWithoutBlankTokensWhereTheLexerDeclines() {
        for (String text : DECLINED) {
            assertThat(OwnLexerParse.parseWithoutBlanks(new ParserConfiguration(), text)).as("declined: %s", text)
                    .isNull();
        }
    }

    private static void assertSameParse(ParserConfiguration configuration, String text) {
        ParseResult<CompilationUnit> expected = new JavaParser(configuration).parse(text);
        ParseResult<CompilationUnit> actual = OwnLexerParse.parse(configuration, text);

        assertThat(actual).as("parsed: %s", text).isNotNull();
        assertThat(TokenStreams.written(actual)).as("parse of: %s", text).isEqualTo(TokenStreams.written(expected));
        assertThat(actual.getResult()).as("tree of: %s", text).isEqualTo(expected.getResult());
        assertSameParseWithoutBlanks(configuration, text);
    }

    /**
     * The parse without blank tokens: the same success, problems, nodes with their ranges and tree as JavaParser's
     * own parse; the unit's tokens are JavaParser's without the blanks and line terminators after the first token.
     */
    private static void assertSameParseWithoutBlanks(ParserConfiguration configuration, String text) {
        ParseResult<CompilationUnit> expected = new JavaParser(configuration).parse(text);
        ParseResult<CompilationUnit> actual = OwnLexerParse.parseWithoutBlanks(configuration, text);

        assertThat(actual).as("parsed: %s", text).isNotNull();
        List<String> written = TokenStreams.written(expected);
        List<String> withoutBlanks = new ArrayList<>();
        boolean first = true;
        for (String line : written) {
            boolean token = line.startsWith("token ");
            boolean blank = !line.startsWith("token 0 ") // EOF, whose category is a blank's
                    && (line.endsWith(" WHITESPACE_NO_EOL") || line.endsWith(" EOL"));
            if (!token || first || !blank) {
                withoutBlanks.add(line);
            }
            first &= !token;
        }
        assertThat(TokenStreams.written(actual)).as("parse of: %s", text).isEqualTo(withoutBlanks);
        assertThat(actual.getResult()).as("tree of: %s", text).isEqualTo(expected.getResult());
    }

    private static List<ParserConfiguration> configurations() {
        return List.of(new ParserConfiguration().setDetectOriginalLineSeparator(false),
                new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                        .setDetectOriginalLineSeparator(false),
                new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                        .setDetectOriginalLineSeparator(false).setTabSize(4),
                JavaFrontEnd.configurationFor("yield"), JavaFrontEnd.configurationFor("var x"),
                JavaFrontEnd.configurationFor("x"));
    }
}
