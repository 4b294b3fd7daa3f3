package io.jenkins.plugins.devsecops.sast.java;

import static com.github.javaparser.GeneratedJavaParserConstants.*;

import com.github.javaparser.GeneratedJavaParserTokenManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A hand-written lexer for Java that gives, for the texts it accepts, exactly the tokens JavaParser's generated lexer
 * ({@code GeneratedJavaParserTokenManager}, javaparser-core 3.28.2) gives: the same kinds, images, begin and end lines
 * and columns, blanks and line terminators as special tokens, and {@code >>} and {@code >>>} as the generated lexer
 * leaves them for generics (a {@code GT} token with the real kind, the characters after the first put back).
 *
 * <p>Why: the generated lexer's main method is over HotSpot's huge-method limit, so it is never compiled and runs in
 * the interpreter; it was about 40 % of the parse of the compact texts (docs/performance.md). This lexer is small
 * methods over a {@code String}, compiled like the rest.
 *
 * <p>It accepts the texts {@link ParserText} makes: no comments; ASCII outside string and character literals and
 * text blocks; no unicode escape outside them. For anything else (a comment, a non-ASCII or control character, a
 * backslash outside a literal, a literal or text block left open, a character the generated lexer would stop at) it
 * returns {@code null}, and the caller parses with JavaParser's own lexer, so a text either gets exactly the generated
 * lexer's tokens or is not lexed here at all. {@code JavaLexerTest} compares both lexers token by token.
 */
public final class JavaLexer {

    /** The generated lexer's images of the tokens that have one fixed text, by kind. */
    private static final String[] IMAGES = GeneratedJavaParserTokenManager.jjstrLiteralImages;

    /** The keywords and contextual keywords by their text, taken from the generated lexer's own table. */
    private static final Map<String, Integer> KEYWORDS = keywords();

    /** The tokens of one text: kind, real kind, offsets and positions of each, special tokens included, EOF last. */
    public static final class Tokens {
        static final int KIND = 0;
        static final int REAL_KIND = 1;
        static final int START = 2;
        static final int END = 3;
        static final int BEGIN_LINE = 4;
        static final int BEGIN_COLUMN = 5;
        static final int END_LINE = 6;
        static final int END_COLUMN = 7;
        static final int STRIDE = 8;

        private final String text;
        private final int[] data;
        private final int count;

        Tokens(String text, int[] data, int count) {
            this.text = text;
            this.data = data;
            this.count = count;
        }

        /** The number of tokens, special tokens and the final EOF included. */
        public int count() {
            return count;
        }

        public int kind(int token) {
            return data[token * STRIDE + KIND];
        }

        /** For a {@code GT} token read from {@code >>} or {@code >>>}: that token's kind; else {@code GT}. */
        public int realKind(int token) {
            return data[token * STRIDE + REAL_KIND];
        }

        /** The token's text, as the generated lexer gives it. */
        public String image(int token) {
            int at = token * STRIDE;
            int kind = data[at + REAL_KIND] == GT ? data[at + KIND] : data[at + REAL_KIND];
            String literal = kind < IMAGES.length ? IMAGES[kind] : null;
            if (literal != null) {
                return literal;
            }
            return text.substring(data[at + START], data[at + END]);
        }

        public int beginLine(int token) {
            return data[token * STRIDE + BEGIN_LINE];
        }

        public int beginColumn(int token) {
            return data[token * STRIDE + BEGIN_COLUMN];
        }

        public int endLine(int token) {
            return data[token * STRIDE + END_LINE];
        }

        public int endColumn(int token) {
            return data[token * STRIDE + END_COLUMN];
        }

        /** Whether the token is a blank or a line terminator, which the generated lexer makes a special token. */
        public boolean isSpecial(int token) {
            int kind = kind(token);
            return kind == SPACE || kind == WINDOWS_EOL || kind == UNIX_EOL || kind == OLD_MAC_EOL;
        }
    }

    private final String text;
    private final int length;
    private final boolean yieldIsKeyword;
    private final int tabSize;
    private int[] data;
    private int count;
    /** The position of the last character read, kept as the generated lexer's character stream keeps it. */
    private int line = 1;
    private int column;
    private boolean afterCarriageReturn;
    private boolean afterLineFeed;

    private JavaLexer(String text, boolean yieldIsKeyword, int tabSize) {
        this.text = text;
        this.length = text.length();
        this.yieldIsKeyword = yieldIsKeyword;
        this.tabSize = tabSize;
        // real code has about one token (special tokens included) in three or four characters
        this.data = new int[(length / 3 + 16) * Tokens.STRIDE];
    }

    /**
     * The tokens of the text, or {@code null} if it has something this lexer leaves to the generated one.
     *
     * @param yieldIsKeyword whether {@code yield} is a keyword (the parser's language level supports it)
     * @param tabSize the columns a tab advances to a multiple of, as the parser is configured
     */
    public static Tokens lex(String text, boolean yieldIsKeyword, int tabSize) {
        JavaLexer lexer = new JavaLexer(text, yieldIsKeyword, tabSize);
        if (!lexer.lexAll()) {
            return null;
        }
        return new Tokens(text, lexer.data, lexer.count);
    }

    private boolean lexAll() {
        int at = 0;
        while (at < length) {
            int next = token(at);
            if (next < 0) {
                return false;
            }
            at = next;
        }
        if (length == 0) {
            line = 0;
        }
        add(EOF, GT, length, length, line, column, line, column);
        return true;
    }

    /** Reads the token at {@code at}; gives where the next one starts, or -1 if this lexer does not read it. */
    private int token(int at) {
        char c = text.charAt(at);
        switch (c) {
            case ' ', '\t', '\f':
                return single(SPACE, at);
            case '\n':
                return single(UNIX_EOL, at);
            case '\r':
                return at + 1 < length && text.charAt(at + 1) == '\n' ? plain(WINDOWS_EOL, at, at + 2)
                        : single(OLD_MAC_EOL, at);
            case '(':
                return single(LPAREN, at);
            case ')':
                return single(RPAREN, at);
            case '{':
                return single(LBRACE, at);
            case '}':
                return single(RBRACE, at);
            case '[':
                return single(LBRACKET, at);
            case ']':
                return single(RBRACKET, at);
            case ';':
                return single(SEMICOLON, at);
            case ',':
                return single(COMMA, at);
            case '@':
                return single(AT, at);
            case '~':
                return single(TILDE, at);
            case '?':
                return single(HOOK, at);
            case ':':
                return is(at + 1, ':') ? plain(DOUBLECOLON, at, at + 2) : single(COLON, at);
            case '=':
                return is(at + 1, '=') ? plain(EQ, at, at + 2) : single(ASSIGN, at);
            case '!':
                return is(at + 1, '=') ? plain(NE, at, at + 2) : single(BANG, at);
            case '*':
                return is(at + 1, '=') ? plain(STARASSIGN, at, at + 2) : single(STAR, at);
            case '^':
                return is(at + 1, '=') ? plain(XORASSIGN, at, at + 2) : single(XOR, at);
            case '%':
                return is(at + 1, '=') ? plain(REMASSIGN, at, at + 2) : single(REM, at);
            case '/':
                if (is(at + 1, '/') || is(at + 1, '*')) {
                    return -1; // a comment: left to the generated lexer
                }
                return is(at + 1, '=') ? plain(SLASHASSIGN, at, at + 2) : single(SLASH, at);
            case '+':
                return is(at + 1, '+') ? plain(INCR, at, at + 2)
                        : is(at + 1, '=') ? plain(PLUSASSIGN, at, at + 2) : single(PLUS, at);
            case '-':
                return is(at + 1, '-') ? plain(DECR, at, at + 2)
                        : is(at + 1, '=') ? plain(MINUSASSIGN, at, at + 2)
                        : is(at + 1, '>') ? plain(ARROW, at, at + 2) : single(MINUS, at);
            case '&':
                return is(at + 1, '&') ? plain(SC_AND, at, at + 2)
                        : is(at + 1, '=') ? plain(ANDASSIGN, at, at + 2) : single(BIT_AND, at);
            case '|':
                return is(at + 1, '|') ? plain(SC_OR, at, at + 2)
                        : is(at + 1, '=') ? plain(ORASSIGN, at, at + 2) : single(BIT_OR, at);
            case '<':
                if (is(at + 1, '<')) {
                    return is(at + 2, '=') ? plain(LSHIFTASSIGN, at, at + 3) : plain(LSHIFT, at, at + 2);
                }
                return is(at + 1, '=') ? plain(LE, at, at + 2) : single(LT, at);
            case '>':
                return greater(at);
            case '.':
                if (digit(at + 1)) {
                    return number(at);
                }
                return is(at + 1, '.') && is(at + 2, '.') ? plain(ELLIPSIS, at, at + 3) : single(DOT, at);
            case '"':
                return is(at + 1, '"') && is(at + 2, '"') ? textBlock(at) : string(at);
            case '\'':
                return character(at);
            case '_':
                return identifierPart(at + 1) ? identifier(at) : unsupportedAfterWord(at + 1)
                        ? -1 : single(UNNAMED_PLACEHOLDER, at);
            default:
                if (c >= '0' && c <= '9') {
                    return number(at);
                }
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '$') {
                    return c == 'n' && text.startsWith("non-sealed", at) ? plain(NON_SEALED, at, at + 10)
                            : identifier(at);
                }
                return -1; // a non-ASCII or control character, a backslash or a character no token starts with
        }
    }

    /**
     * {@code >}, {@code >=}, {@code >>=}, {@code >>>=}; and {@code >>} and {@code >>>} as the generated lexer reads
     * them: a {@code GT} token whose image and end are those of the whole operator, its real kind the operator's,
     * and the next token starting at the second {@code >}, so that the parser can close type arguments one by one.
     */
    private int greater(int at) {
        if (is(at + 1, '>')) {
            if (is(at + 2, '>')) {
                if (is(at + 3, '=')) {
                    return plain(RUNSIGNEDSHIFTASSIGN, at, at + 4);
                }
                plainWithRealKind(GT, RUNSIGNEDSHIFT, at, at + 3);
                column -= 2;
                return at + 1;
            }
            if (is(at + 2, '=')) {
                return plain(RSIGNEDSHIFTASSIGN, at, at + 3);
            }
            plainWithRealKind(GT, RSIGNEDSHIFT, at, at + 2);
            column -= 1;
            return at + 1;
        }
        return is(at + 1, '=') ? plain(GE, at, at + 2) : single(GT, at);
    }

    private int identifier(int at) {
        int end = at + 1;
        while (identifierPart(end)) {
            end++;
        }
        if (unsupportedAfterWord(end)) {
            return -1;
        }
        int kind = IDENTIFIER;
        if (end - at >= 2 && end - at <= 12 && text.charAt(at) >= 'a') {
            Integer keyword = KEYWORDS.get(text.substring(at, end));
            if (keyword != null && (keyword != YIELD || yieldIsKeyword)) {
                kind = keyword;
            }
        }
        return plain(kind, at, end);
    }

    private boolean identifierPart(int at) {
        if (at >= length) {
            return false;
        }
        char c = text.charAt(at);
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
    }

    /**
     * Whether the character after a word might continue it for the generated lexer and is not read here: a non-ASCII
     * letter, a control character it counts as part of an identifier, or a backslash that might start a unicode
     * escape.
     */
    private boolean unsupportedAfterWord(int at) {
        if (at >= length) {
            return false;
        }
        char c = text.charAt(at);
        return c >= 0x7f || c == '\\' || c <= 0x08 || c >= 0x0e && c <= 0x1b;
    }

    /**
     * A number: the longest of the integer, long and floating point literals that start here, as the generated
     * lexer's longest match; at a {@code .} followed by a digit, the floating point literal.
     */
    private int number(int at) {
        int integer = -1;
        int longEnd = -1;
        int floating = -1;
        if (text.charAt(at) == '.') {
            floating = exponentAndSuffix(digits(at + 1), true);
        } else {
            int decimal = digits(at);
            integer = decimal;
            if (is(decimal, '.')) {
                int fraction = digits(decimal + 1);
                floating = exponentAndSuffix(fraction < 0 ? decimal + 1 : fraction, true);
            } else {
                int withExponent = exponentAndSuffix(decimal, false);
                floating = withExponent > decimal ? withExponent : -1;
            }
            if (text.charAt(at) == '0' && (is(at + 1, 'x') || is(at + 1, 'X'))) {
                int hex = hexDigits(at + 2);
                if (hex > integer) {
                    integer = hex;
                }
                floating = Math.max(floating, hexFloat(at + 2, hex));
            } else if (text.charAt(at) == '0' && (is(at + 1, 'b') || is(at + 1, 'B'))) {
                int binary = binaryDigits(at + 2);
                if (binary > integer) {
                    integer = binary;
                }
            }
            if (is(integer, 'l') || is(integer, 'L')) {
                longEnd = integer + 1;
            }
        }
        int end = Math.max(longEnd, Math.max(integer, floating));
        int kind = end == longEnd ? LONG_LITERAL : end == integer ? INTEGER_LITERAL : FLOATING_POINT_LITERAL;
        if (unsupportedAfterWord(end)) {
            return -1;
        }
        return plain(kind, at, end);
    }

    /**
     * After a decimal significand ending at {@code at}: an optional exponent, then an optional {@code f F d D}. Gives
     * the end; -1 if the significand has no point ({@code significandIsFloat} false) and neither follows, since digits
     * alone are an integer.
     */
    private int exponentAndSuffix(int at, boolean significandIsFloat) {
        if (at < 0) {
            return -1;
        }
        int end = at;
        if (is(end, 'e') || is(end, 'E')) {
            int sign = is(end + 1, '+') || is(end + 1, '-') ? end + 2 : end + 1;
            int exponent = digits(sign);
            if (exponent >= 0) {
                end = exponent;
            }
        }
        if (is(end, 'f') || is(end, 'F') || is(end, 'd') || is(end, 'D')) {
            end++;
        }
        return significandIsFloat || end > at ? end : -1;
    }

    /**
     * A hexadecimal floating point literal after {@code 0x}: hex digits with an optional point, or optional hex digits,
     * a point and hex digits; then a binary exponent, required, and an optional suffix. -1 if none.
     */
    private int hexFloat(int digitsAt, int digitsEnd) {
        int best = -1;
        if (digitsEnd >= 0) {
            best = Math.max(best, binaryExponent(digitsEnd));
            if (is(digitsEnd, '.')) {
                best = Math.max(best, binaryExponent(digitsEnd + 1));
            }
        }
        int point = digitsEnd >= 0 ? digitsEnd : digitsAt;
        if (is(point, '.')) {
            int fraction = hexDigits(point + 1);
            if (fraction >= 0) {
                best = Math.max(best, binaryExponent(fraction));
            }
        }
        return best;
    }

    private int binaryExponent(int at) {
        if (!is(at, 'p') && !is(at, 'P')) {
            return -1;
        }
        int sign = is(at + 1, '+') || is(at + 1, '-') ? at + 2 : at + 1;
        int end = digits(sign);
        if (end < 0) {
            return -1;
        }
        return is(end, 'f') || is(end, 'F') || is(end, 'd') || is(end, 'D') ? end + 1 : end;
    }

    /**
     * The end of the longest run of digits (and underscores between digits) at {@code at}, -1 if no digit is there.
     */
    private int digits(int at) {
        if (!digit(at)) {
            return -1;
        }
        int end = at + 1;
        for (int i = at + 1; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                end = i + 1;
            } else if (c != '_') {
                break;
            }
        }
        return end;
    }

    private int hexDigits(int at) {
        if (!hexDigit(at)) {
            return -1;
        }
        int end = at + 1;
        for (int i = at + 1; i < length; i++) {
            if (hexDigit(i)) {
                end = i + 1;
            } else if (text.charAt(i) != '_') {
                break;
            }
        }
        return end;
    }

    private int binaryDigits(int at) {
        if (!is(at, '0') && !is(at, '1')) {
            return -1;
        }
        int end = at + 1;
        for (int i = at + 1; i < length; i++) {
            char c = text.charAt(i);
            if (c == '0' || c == '1') {
                end = i + 1;
            } else if (c != '_') {
                break;
            }
        }
        return end;
    }

    private boolean digit(int at) {
        return at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9';
    }

    private boolean hexDigit(int at) {
        if (at >= length) {
            return false;
        }
        char c = text.charAt(at);
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * A string literal: up to the first {@code "} not escaped, with the escapes the generated lexer knows ({@code \b}
     * ... {@code \"}, octal, and {@code \\u} with four hex digits). -1 at a line end, the text's end or another
     * backslash, where the generated lexer matches no token.
     */
    private int string(int at) {
        int i = at + 1;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '"') {
                return literal(STRING_LITERAL, at, i + 1);
            }
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (c == '\\') {
                int escape = escape(i + 1);
                if (escape < 0) {
                    if (!is(i + 1, 'u') || !hexDigit(i + 2) || !hexDigit(i + 3) || !hexDigit(i + 4) || !hexDigit(i + 5)) {
                        return -1;
                    }
                    escape = i + 6;
                }
                i = escape;
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * After a backslash at {@code at - 1}: the end of the longest escape there ({@code s n t b r f \ ' "} or an octal
     * escape of up to three digits, the first 0-3 if three), -1 if none.
     */
    private int escape(int at) {
        if (at >= length) {
            return -1;
        }
        char c = text.charAt(at);
        switch (c) {
            case 's', 'n', 't', 'b', 'r', 'f', '\\', '\'', '"':
                return at + 1;
            default:
                if (c < '0' || c > '7') {
                    return -1;
                }
                if (!octal(at + 1)) {
                    return at + 1;
                }
                return c <= '3' && octal(at + 2) ? at + 3 : at + 2;
        }
    }

    private boolean octal(int at) {
        return at < length && text.charAt(at) >= '0' && text.charAt(at) <= '7';
    }

    /**
     * A character literal: the longest of the generated lexer's forms that is closed by a {@code '}: one character
     * other than {@code ' \} or a line end; an escape; a unicode escape; {@code \u005c} (an escaped backslash) followed
     * by an escape letter or another {@code \u005c}.
     */
    private int character(int at) {
        int body = at + 1;
        int best = -1;
        if (body < length) {
            char c = text.charAt(body);
            if (c != '\'' && c != '\\' && c != '\n' && c != '\r') {
                best = closed(body + 1, best);
            }
            if (c == '\\') {
                int escape = escape(body + 1);
                if (escape >= 0) {
                    best = closed(escape, best); // a shorter octal escape is followed by a digit, not a quote
                }
                if (unicodeEscape(body)) {
                    best = closed(body + 6, best);
                    if (text.startsWith("005", body + 2) && (is(body + 5, 'c') || is(body + 5, 'C'))) {
                        int after = body + 6;
                        if (after < length && "sntbrf\\'\"".indexOf(text.charAt(after)) >= 0) {
                            best = closed(after + 1, best);
                        }
                        if (unicodeEscape(after) && text.startsWith("005", after + 2)
                                && (is(after + 5, 'c') || is(after + 5, 'C'))) {
                            best = closed(after + 6, best);
                        }
                    }
                }
            }
        }
        return best < 0 ? -1 : literal(CHARACTER_LITERAL, at, best);
    }

    /** {@code best} or, if the literal can close at {@code at}, the end after the quote, whichever is longer. */
    private int closed(int at, int best) {
        return is(at, '\'') ? Math.max(best, at + 1) : best;
    }

    private boolean unicodeEscape(int at) {
        return is(at, '\\') && is(at + 1, 'u') && hexDigit(at + 2) && hexDigit(at + 3) && hexDigit(at + 4)
                && hexDigit(at + 5);
    }

    /**
     * A text block: from {@code """} to the next {@code """}, a backslash taking the character after it. The
     * generated lexer asks for no line break after the opening quotes (the parser does not either). -1 if not closed.
     */
    private int textBlock(int at) {
        int i = at + 3;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '"' && is(i + 1, '"') && is(i + 2, '"')) {
                return literal(TEXT_BLOCK_LITERAL, at, i + 3);
            }
            i += c == '\\' && i + 1 < length ? 2 : 1;
        }
        return -1;
    }

    private boolean is(int at, char c) {
        return at >= 0 && at < length && text.charAt(at) == c;
    }

    /** A token of one character, which is not a line terminator. */
    private int single(int kind, int at) {
        step(text.charAt(at));
        add(kind, GT, at, at + 1, line, column, line, column);
        return at + 1;
    }

    /** A token of characters that are not tabs or line terminators, but the first of which may be. */
    private int plain(int kind, int start, int end) {
        plainWithRealKind(kind, GT, start, end);
        return end;
    }

    private void plainWithRealKind(int kind, int realKind, int start, int end) {
        step(text.charAt(start));
        int beginLine = line;
        int beginColumn = column;
        if (end - start > 1) {
            step(text.charAt(start + 1));
            column += end - start - 2;
        }
        add(kind, realKind, start, end, beginLine, beginColumn, line, column);
    }

    /** A literal, which may hold tabs and, as a text block, line terminators. */
    private int literal(int kind, int start, int end) {
        step(text.charAt(start));
        int beginLine = line;
        int beginColumn = column;
        for (int i = start + 1; i < end; i++) {
            step(text.charAt(i));
        }
        add(kind, GT, start, end, beginLine, beginColumn, line, column);
        return end;
    }

    /** Moves the position to the next character, as the generated lexer's character stream does. */
    private void step(char c) {
        column++;
        if (afterLineFeed) {
            afterLineFeed = false;
            line++;
            column = 1;
        } else if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if (c == '\n') {
                afterLineFeed = true;
            } else {
                line++;
                column = 1;
            }
        }
        switch (c) {
            case '\r' -> afterCarriageReturn = true;
            case '\n' -> afterLineFeed = true;
            case '\t' -> {
                column--;
                column += tabSize - column % tabSize;
            }
            default -> {
            }
        }
    }

    private void add(int kind, int realKind, int start, int end, int beginLine, int beginColumn, int endLine,
            int endColumn) {
        int at = count * Tokens.STRIDE;
        if (at + Tokens.STRIDE > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[at + Tokens.KIND] = kind;
        data[at + Tokens.REAL_KIND] = realKind;
        data[at + Tokens.START] = start;
        data[at + Tokens.END] = end;
        data[at + Tokens.BEGIN_LINE] = beginLine;
        data[at + Tokens.BEGIN_COLUMN] = beginColumn;
        data[at + Tokens.END_LINE] = endLine;
        data[at + Tokens.END_COLUMN] = endColumn;
        count++;
    }

    private static Map<String, Integer> keywords() {
        Map<String, Integer> keywords = new HashMap<>();
        for (int kind = 0; kind < IMAGES.length; kind++) {
            String image = IMAGES[kind];
            if (image != null && !image.isEmpty() && image.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                keywords.put(image, kind);
            }
        }
        return keywords;
    }
}
