package com.github.javaparser;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import io.jenkins.plugins.devsecops.sast.java.JavaLexer;
import java.util.ArrayList;
import java.util.List;

/**
 * For the tests: the token stream a token source hands the parser, written out line by line with everything the
 * parser and the tree can see (kind, real kind, image, begin and end, the special tokens before each token and their
 * links, three EOF tokens at the end, then the {@link JavaToken}s with their ranges, categories and links); and a
 * parse result written out the same way. In JavaParser's package, since the token manager's token list and a token's
 * real kind are package-private.
 */
public final class TokenStreams {

    private TokenStreams() {
    }

    /** The tokens of JavaParser's generated lexer, or the lexical error it stops at. */
    public static List<String> generated(String text, boolean yieldSupported) {
        GeneratedJavaParserTokenManager source =
                new GeneratedJavaParserTokenManager(new SimpleCharStream(new StringProvider(text)));
        if (yieldSupported) {
            source.setYieldSupported();
        }
        try {
            return written(source);
        } catch (RuntimeException | Error e) {
            return List.of("lexical error: " + e);
        }
    }

    /** The tokens of {@link JavaLexer} as {@link OwnLexerParse} hands them out; {@code null} if it declines. */
    public static List<String> own(String text, boolean yieldSupported) {
        JavaLexer.Tokens tokens = JavaLexer.lex(text, yieldSupported, 1);
        return tokens == null ? null : written(new OwnLexerParse.TokenSource(tokens));
    }

    private static List<String> written(GeneratedJavaParserTokenManager source) {
        source.setStoreTokens(true);
        List<String> lines = new ArrayList<>();
        for (int ends = 0; ends < 3; ) {
            Token token = source.getNextToken();
            List<Token> specials = new ArrayList<>();
            for (Token special = token.specialToken; special != null; special = special.specialToken) {
                specials.add(0, special);
            }
            for (Token special : specials) {
                lines.add("  special " + written(special) + " next " + (special.next == null ? "-" : written(special.next)));
            }
            lines.add(written(token));
            if (token.kind == GeneratedJavaParserConstants.EOF) {
                ends++;
            }
        }
        for (JavaToken token : source.getTokens()) {
            lines.add("java token " + written(token) + " previous "
                    + token.getPreviousToken().map(TokenStreams::written).orElse("-"));
        }
        lines.add("home " + written(source.getHomeToken()));
        return lines;
    }

    private static String written(Token token) {
        return token.kind + "/" + token.realKind + " [" + token.image + "] " + token.beginLine + ":"
                + token.beginColumn + "-" + token.endLine + ":" + token.endColumn;
    }

    private static String written(JavaToken token) {
        return token.getKind() + " [" + token.getText() + "] " + token.getRange().map(Object::toString).orElse("-")
                + " " + token.getCategory();
    }

    /** A parse result: success, problems with their places, every node's class and range, and the unit's tokens. */
    public static List<String> written(ParseResult<CompilationUnit> result) {
        List<String> lines = new ArrayList<>();
        lines.add("successful " + result.isSuccessful());
        for (Problem problem : result.getProblems()) {
            lines.add("problem " + problem.getVerboseMessage());
        }
        result.getCommentsCollection().ifPresent(comments -> lines.add("comments " + comments.size()));
        result.getResult().ifPresent(unit -> {
            for (Node node : unit.findAll(Node.class)) {
                lines.add(node.getClass().getSimpleName() + " " + node.getRange().map(Object::toString).orElse("-"));
            }
            unit.getTokenRange().ifPresent(range -> range.forEach(token -> lines.add("token " + written(token))));
        });
        return lines;
    }
}
