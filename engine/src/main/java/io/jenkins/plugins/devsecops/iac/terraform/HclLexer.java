package io.jenkins.plugins.devsecops.iac.terraform;

import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.scan.LineIndex;
import java.util.ArrayList;
import java.util.List;

/** Splits HCL source into tokens: comments dropped, newlines kept (they end attributes), strings unescaped. */
final class HclLexer {

    static final int MAX_TOKENS = 2_000_000;
    private static final int MAX_INTERPOLATION_DEPTH = 32;
    /** The operators of more than one character (see {@link #operatorAt}). */
    static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "=>", "...", "::");
    /** One-character tokens of ASCII, made once. */
    private static final String[] SINGLE_CHARACTERS = new String[0x80];

    static {
        for (char c = 0; c < SINGLE_CHARACTERS.length; c++) {
            // interned, so that a token's text is the very string of a literal such as "{": is() compares references
            SINGLE_CHARACTERS[c] = String.valueOf(c).intern();
        }
    }

    private final String source;
    private final LineIndex lines;
    private final List<HclToken> tokens;
    private int pos;
    private int interpolations;
    /** The line of the last token: tokens come in order, so the next one's line is found by walking on from it. */
    private int line = 1;

    HclLexer(String source, LineIndex lines) {
        this.source = source;
        this.lines = lines;
        // about one token per six characters in real Terraform: fewer copies of the list as it grows
        this.tokens = new ArrayList<>(Math.min(source.length() / 6, MAX_TOKENS) + 16);
    }

    List<HclToken> tokenize() throws IacParseException {
        while (pos < source.length()) {
            if (tokens.size() > MAX_TOKENS) {
                throw new IacParseException("HCL file has more than " + MAX_TOKENS + " tokens");
            }
            char c = source.charAt(pos);
            if (c == '\n') {
                add(HclToken.Kind.NEWLINE, "\n", pos, pos + 1);
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                pos++;
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                while (pos < source.length() && source.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && peek(1) == '*') {
                int close = source.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw error("Unterminated /* comment", pos);
                }
                pos = close + 2;
            } else if (c == '"') {
                lexString();
            } else if (c == '<' && peek(1) == '<' && (isLetter(peek(2)) || peek(2) == '-')) {
                lexHeredoc();
            } else if (isLetter(c) || c == '_') {
                int start = pos;
                while (pos < source.length() && isIdentPart(source.charAt(pos))) {
                    pos++;
                }
                add(HclToken.Kind.IDENT, source.substring(start, pos), start, pos);
            } else if (isDigit(c)) {
                int start = pos;
                while (pos < source.length() && (isLetterOrDigit(source.charAt(pos))
                        || source.charAt(pos) == '.' && pos + 1 < source.length()
                        && Character.isDigit(source.charAt(pos + 1)))) {
                    pos++;
                }
                add(HclToken.Kind.NUMBER, source.substring(start, pos), start, pos);
            } else {
                lexPunct();
            }
        }
        add(HclToken.Kind.EOF, "", source.length(), source.length());
        return tokens;
    }

    private static boolean isIdentPart(char c) {
        return c < 0x80 ? IDENT_PART[c] : isLetterOrDigit(c);
    }

    /** {@link #isIdentPart} of each ASCII character: a letter, a digit, {@code _} or {@code -}. */
    private static final boolean[] IDENT_PART = new boolean[0x80];

    static {
        for (char c = 0; c < IDENT_PART.length; c++) {
            IDENT_PART[c] = isLetterOrDigit(c) || c == '_' || c == '-';
        }
    }

    /** {@link Character#isLetter}, answered without a table lookup for ASCII. */
    private static boolean isLetter(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' : Character.isLetter(c);
    }

    /** {@link Character#isDigit}, answered without a table lookup for ASCII. */
    private static boolean isDigit(char c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    /** {@link Character#isLetterOrDigit}, answered without a table lookup for ASCII. */
    private static boolean isLetterOrDigit(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                : Character.isLetterOrDigit(c);
    }

    /** The 1-based line of {@code offset}, as {@link LineIndex#lineOf} gives it, walking on from the last one. */
    private int lineOf(int offset) {
        if (offset < lines.startOf(line)) {
            line = lines.lineOf(offset);
            return line;
        }
        int count = lines.lineCount();
        while (line < count && lines.startOf(line + 1) <= offset) {
            line++;
        }
        return line;
    }

    private char peek(int ahead) {
        int index = pos + ahead;
        return index < source.length() ? source.charAt(index) : '\0';
    }

    private void add(HclToken.Kind kind, String text, int start, int end) {
        tokens.add(new HclToken(kind, text, start, end, lineOf(start), 0, false));
    }

    private IacParseException error(String message, int offset) {
        return new IacParseException(message + " at line " + lines.lineOf(Math.min(offset, source.length())));
    }

    private void lexPunct() {
        String operator = operatorAt();
        if (operator != null) {
            add(HclToken.Kind.PUNCT, operator, pos, pos + operator.length());
            pos += operator.length();
            return;
        }
        char c = source.charAt(pos);
        add(HclToken.Kind.PUNCT, c < SINGLE_CHARACTERS.length ? SINGLE_CHARACTERS[c] : String.valueOf(c), pos, pos + 1);
        pos++;
    }

    /** The operator of {@link #OPERATORS} that starts at {@code pos}, or null. */
    private String operatorAt() {
        char next = peek(1);
        return switch (source.charAt(pos)) {
            case '=' -> next == '=' ? "==" : next == '>' ? "=>" : null;
            case '!' -> next == '=' ? "!=" : null;
            case '<' -> next == '=' ? "<=" : null;
            case '>' -> next == '=' ? ">=" : null;
            case '&' -> next == '&' ? "&&" : null;
            case '|' -> next == '|' ? "||" : null;
            case '.' -> next == '.' && peek(2) == '.' ? "..." : null;
            case ':' -> next == ':' ? "::" : null;
            default -> null;
        };
    }

    private void lexString() throws IacParseException {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        interpolations = 0;
        scanTemplate(value, 0, start);
        tokens.add(new HclToken(HclToken.Kind.STRING, value.toString(), start, pos, lineOf(start), 0,
                interpolations > 0));
    }

    /** Reads a quoted template up to its closing quote, keeping interpolations verbatim. */
    private void scanTemplate(StringBuilder value, int depth, int start) throws IacParseException {
        if (depth > MAX_INTERPOLATION_DEPTH) {
            throw error("Strings nested too deeply in interpolations", start);
        }
        while (true) {
            if (pos >= source.length() || source.charAt(pos) == '\n') {
                throw error("Unterminated string", start);
            }
            char c = source.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < source.length()) {
                char next = source.charAt(pos + 1);
                value.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
                pos += 2;
            } else if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
                value.append(c).append('{');
                pos += 3;
            } else if ((c == '$' || c == '%') && peek(1) == '{') {
                int exprStart = pos;
                interpolations++;
                pos += 2;
                scanInterpolation(depth, start);
                value.append(source, exprStart, pos);
            } else {
                int run = pos + 1; // the plain characters up to the next one that means something, copied at once
                while (run < source.length() && isPlainInString(source.charAt(run))) {
                    run++;
                }
                value.append(source, pos, run);
                pos = run;
            }
        }
    }

    /** Whether {@link #scanTemplate} copies {@code c} as it is, whatever follows it. */
    private static boolean isPlainInString(char c) {
        return c != '"' && c != '\\' && c != '$' && c != '%' && c != '\n';
    }

    private void scanInterpolation(int depth, int start) throws IacParseException {
        int braces = 1;
        while (braces > 0) {
            if (pos >= source.length()) {
                throw error("Unterminated interpolation", start);
            }
            char c = source.charAt(pos);
            if (c == '"') {
                pos++;
                scanTemplate(new StringBuilder(), depth + 1, start);
                continue;
            }
            if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            }
            pos++;
        }
    }

    private void lexHeredoc() throws IacParseException {
        int start = pos;
        pos += 2;
        boolean indented = false;
        if (peek(0) == '-') {
            indented = true;
            pos++;
        }
        int markerStart = pos;
        while (pos < source.length() && isIdentPart(source.charAt(pos))) {
            pos++;
        }
        String marker = source.substring(markerStart, pos);
        int lineEnd = source.indexOf('\n', pos);
        if (marker.isEmpty() || lineEnd < 0) {
            throw error("Malformed heredoc", start);
        }
        int contentStart = lineEnd + 1;
        int cursor = contentStart;
        List<String> bodyLines = new ArrayList<>();
        while (true) {
            if (cursor > source.length()) {
                throw error("Unterminated heredoc <<" + marker, start);
            }
            int next = source.indexOf('\n', cursor);
            int end = next < 0 ? source.length() : next;
            String line = source.substring(cursor, end);
            String trimmed = line.strip();
            if (trimmed.equals(marker)) {
                pos = end;
                break;
            }
            bodyLines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (next < 0) {
                throw error("Unterminated heredoc <<" + marker, start);
            }
            cursor = next + 1;
        }
        if (indented) {
            int common = Integer.MAX_VALUE;
            for (String line : bodyLines) {
                if (!line.isBlank()) {
                    common = Math.min(common, line.length() - line.stripLeading().length());
                }
            }
            if (common != Integer.MAX_VALUE && common > 0) {
                int strip = common;
                bodyLines.replaceAll(line -> line.length() >= strip ? line.substring(strip) : line.strip());
            }
        }
        String body = String.join("\n", bodyLines);
        int startLine = lineOf(start);
        tokens.add(new HclToken(HclToken.Kind.HEREDOC, body, start, pos, startLine,
                lineOf(Math.min(contentStart, source.length())), body.contains("${")));
    }
}
