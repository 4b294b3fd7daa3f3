package com.github.javaparser;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.comments.CommentsCollection;
import io.jenkins.plugins.devsecops.sast.java.JavaLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * JavaParser's parse of a compilation unit with {@link JavaLexer}'s tokens in place of its generated lexer's. The same
 * steps as {@link JavaParser#parse(ParseStart, Provider)}, with one difference: the generated parser reads its tokens
 * from a {@link TokenSource}, which hands out the tokens {@code JavaLexer} read and links them as the generated
 * lexer's token action does.
 *
 * <p>Why in this package: {@code JavaParser} builds its generated parser privately, that parser's class is
 * package-private, and so are the token manager's methods the parser calls besides {@code getNextToken}. This class is
 * ours (it is not in the javaparser-core jar, which is not sealed); the CLI's jar and the plugin's {@code WEB-INF/lib}
 * load both with one class loader, so the package-private access holds at run time. Should it not (another loader),
 * the first call fails with an {@link IllegalAccessError} and the caller parses with JavaParser's own lexer from then
 * on.
 */
public final class OwnLexerParse {

    private OwnLexerParse() {
    }

    /**
     * Parses the text as a compilation unit, with {@code JavaLexer}; {@code null} if that lexer leaves the text to the
     * generated one or a processor of the configuration reads the text through another provider.
     */
    public static ParseResult<CompilationUnit> parse(ParserConfiguration configuration, String text) {
        return parse(configuration, text, true);
    }

    /**
     * As {@link #parse(ParserConfiguration, String)}, but without the blanks and line terminators the parser never
     * reads: the generated lexer hands them out as special tokens, each with a {@link JavaToken} (and its range) in
     * the token list, and the generated parser reads neither special tokens nor that list. The tree is the same, node
     * for node, with the same ranges and problems (each node's range is that of its first and last real token); what
     * differs is only the unit's token list and the links between {@code JavaToken}s, which skip the blanks (the
     * first token of the text is kept even if it is a blank: the unit's range starts there). Half of the tokens of a
     * compact text are blanks.
     */
    public static ParseResult<CompilationUnit> parseWithoutBlanks(ParserConfiguration configuration, String text) {
        return parse(configuration, text, false);
    }

    private static ParseResult<CompilationUnit> parse(ParserConfiguration configuration, String text,
            boolean blanks) {
        ParserConfiguration.LanguageLevel level = configuration.getLanguageLevel();
        boolean yieldSupported = level != null && level.isYieldSupported();
        JavaLexer.Tokens tokens = JavaLexer.lex(text, yieldSupported, configuration.getTabSize());
        if (tokens == null) {
            return null;
        }
        List<Processor> processors = new ArrayList<>();
        for (Supplier<Processor> supplier : configuration.getProcessors()) {
            processors.add(supplier.get());
        }
        Provider provider = new StringProvider(text);
        for (Processor processor : processors) {
            if (processor.preProcess(provider) != provider) {
                return null;
            }
        }
        GeneratedJavaParser parser = new GeneratedJavaParser(new TokenSource(tokens, blanks));
        parser.setStoreTokens(configuration.isStoreTokens());
        if (yieldSupported) {
            parser.setYieldSupported();
        }
        try {
            CompilationUnit unit = ParseStart.COMPILATION_UNIT.parse(parser);
            ParseResult<CompilationUnit> result = new ParseResult<>(unit, parser.problems,
                    parser.getCommentsCollection());
            for (Processor processor : processors) {
                processor.postProcess(result, configuration);
            }
            result.getProblems().sort(Problem.PROBLEM_BY_BEGIN_POSITION);
            return result;
        } catch (Exception e) {
            String message = e.getMessage() == null ? "Unknown error" : e.getMessage();
            parser.problems.add(new Problem(message, null, e));
            return new ParseResult<>(null, parser.problems, parser.getCommentsCollection());
        }
    }

    /**
     * Hands the generated parser {@code JavaLexer}'s tokens one by one, as the generated lexer would: blanks and line
     * terminators as special tokens chained to the next token, every token wrapped in a {@link JavaToken} linked to
     * the previous one, when the parser asks for it; after the end, a new EOF token at each call. The texts
     * {@code JavaLexer} reads have no comments, so the token action's comment and markdown-comment bookkeeping has
     * nothing to do and the comments collection stays empty.
     */
    static final class TokenSource extends GeneratedJavaParserTokenManager {
        private final JavaLexer.Tokens lexed;
        private final boolean blanks;
        private int next;
        private List<JavaToken> tokens;
        private CommentsCollection comments = new CommentsCollection();
        private JavaToken homeToken;
        private boolean storeTokens;

        TokenSource(JavaLexer.Tokens lexed) {
            this(lexed, true);
        }

        /**
         * With {@code blanks} false, the special tokens (blanks and line terminators) are passed over: no
         * {@code Token} or {@code JavaToken} is made for them, except for the first token of the text, which is the
         * home token.
         */
        TokenSource(JavaLexer.Tokens lexed, boolean blanks) {
            super(null); // no character stream: the characters were read by JavaLexer
            this.lexed = lexed;
            this.blanks = blanks;
            this.tokens = new ArrayList<>(lexed.count());
        }

        @Override
        public Token getNextToken() {
            int last = lexed.count() - 1;
            Token special = null;
            if (!blanks) {
                if (next == 0 && next < last && lexed.isSpecial(next)) {
                    wrap(token(next++)); // the home token
                }
                while (next < last && lexed.isSpecial(next)) {
                    next++;
                }
            }
            while (next < last && lexed.isSpecial(next)) {
                Token token = token(next++);
                if (special != null) {
                    token.specialToken = special;
                    special.next = token;
                }
                special = token;
                wrap(token);
            }
            Token token = token(Math.min(next, last));
            next = Math.min(next + 1, last + 1);
            token.specialToken = special;
            wrap(token);
            return token;
        }

        private Token token(int index) {
            Token token = new Token(lexed.kind(index), lexed.image(index));
            token.realKind = lexed.realKind(index);
            token.beginLine = lexed.beginLine(index);
            token.beginColumn = lexed.beginColumn(index);
            token.endLine = lexed.endLine(index);
            token.endColumn = lexed.endColumn(index);
            return token;
        }

        private void wrap(Token token) {
            token.javaToken = new JavaToken(token, tokens);
            if (storeTokens) {
                tokens.add(token.javaToken);
            }
            if (homeToken == null) {
                homeToken = token.javaToken;
            }
        }

        @Override
        void reset() {
            tokens = new ArrayList<>();
            comments = new CommentsCollection();
            homeToken = null;
        }

        @Override
        List<JavaToken> getTokens() {
            return storeTokens ? tokens : null;
        }

        @Override
        CommentsCollection getCommentsCollection() {
            return comments;
        }

        @Override
        JavaToken getHomeToken() {
            return homeToken;
        }

        @Override
        public void setStoreTokens(boolean storeTokens) {
            this.storeTokens = storeTokens;
        }

        @Override
        public void setYieldSupported() {
            // JavaLexer was told before it read the text
        }
    }
}
