package io.jenkins.plugins.devsecops.sast.java;

/**
 * The text the parser reads for a Java file: the file's text with its comments taken out and every run of blanks
 * (spaces, tabs, form feeds) between two tokens on a line made one space, blanks at the start and end of a line
 * dropped. Line terminators stay as they are, each token on its line, the tokens in their order and each one's text
 * (string and character literals and text blocks character for character). So the parser builds the same tree with
 * the same line numbers; only columns differ, and the analysis uses none. JavaParser's lexer makes a token of every
 * blank character and every comment and keeps them all, and its largest lexer method is too large for the JIT to
 * compile, so blanks and comments cost much more than their share (this text has two fifths fewer characters on
 * the benchmark tree; see docs/performance.md).
 *
 * <p>The lexer does not translate unicode escapes (the configuration does not ask it to), so neither does this: a
 * backslash, {@code u002a} and a slash are six characters, not the end of a comment. A file where this reading could
 * differ from the lexer's (a comment, literal or text block left open, a text block opened without a line break) is
 * returned unchanged.
 */
final class ParserText {

    private ParserText() {
    }

    /** The compact text of {@code text}, or {@code text} itself when it cannot be compacted safely. */
    static String of(String text) {
        // read from an array: the client compiler's charAt checks the index and the string's coder at each character
        char[] in = text.toCharArray();
        int n = in.length;
        char[] out = new char[n];
        int o = 0;
        boolean blank = false;
        int i = 0;
        while (i < n) {
            char c = in[i];
            if (c == ' ' || c == '\t' || c == '\f') {
                blank = true;
                i++;
            } else if (c == '\n' || c == '\r') {
                out[o++] = c;
                blank = false;
                i++;
            } else if (c == '/' && i + 1 < n && in[i + 1] == '/') {
                i = lineEnd(in, i + 2);
                blank = true;
            } else if (c == '/' && i + 1 < n && in[i + 1] == '*') {
                int end = commentEnd(in, i + 2);
                if (end < 0) {
                    return text;
                }
                for (int j = i + 2; j < end; j++) {
                    char inside = in[j];
                    if (inside == '\n' || inside == '\r') {
                        out[o++] = inside;
                    }
                }
                i = end + 2;
                blank = true;
            } else {
                int end = c == '"' || c == '\'' ? literalEnd(in, i) : i + 1;
                if (end < 0) {
                    return text;
                }
                if (blank && o > 0 && out[o - 1] != '\n' && out[o - 1] != '\r') {
                    out[o++] = ' ';
                }
                blank = false;
                if (end == i + 1) {
                    out[o++] = c;
                } else {
                    System.arraycopy(in, i, out, o, end - i);
                    o += end - i;
                }
                i = end;
            }
        }
        return o == n ? text : new String(out, 0, o);
    }

    /** The index of the first {@code *}{@code /} at or after {@code from}, or -1. */
    private static int commentEnd(char[] text, int from) {
        for (int i = from, last = text.length - 1; i < last; i++) {
            if (text[i] == '*' && text[i + 1] == '/') {
                return i;
            }
        }
        return -1;
    }

    /** The index of the line terminator that ends the line {@code from} is on, or the text's length. */
    private static int lineEnd(char[] text, int from) {
        int n = text.length;
        int i = from;
        while (i < n && text[i] != '\n' && text[i] != '\r') {
            i++;
        }
        return i;
    }

    /**
     * The index just after the string literal, character literal or text block that starts at {@code start}, or -1
     * if it is not closed (on its line, for a literal) or is a text block whose opening is not followed by a line
     * break.
     */
    private static int literalEnd(char[] text, int start) {
        int n = text.length;
        char quote = text[start];
        if (quote == '"' && tripleQuote(text, start)) {
            int i = start + 3;
            while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) {
                i++;
            }
            if (i == n || text[i] != '\n' && text[i] != '\r') {
                return -1;
            }
            while (i < n) {
                if (text[i] == '\\') {
                    i += 2;
                } else if (tripleQuote(text, i)) {
                    return i + 3;
                } else {
                    i++;
                }
            }
            return -1;
        }
        int i = start + 1;
        while (i < n) {
            char c = text[i];
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return -1;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean tripleQuote(char[] text, int at) {
        return at + 2 < text.length && text[at] == '"' && text[at + 1] == '"' && text[at + 2] == '"';
    }
}
