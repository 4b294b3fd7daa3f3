package io.jenkins.plugins.devsecops.secrets;

/**
 * The generic rule's matcher, written by hand because it runs right after every {@code password}, {@code token},
 * {@code secret}... in a tree (the commonest keywords there are): the rest of the key name ({@code [A-Za-z0-9_.-]*}),
 * then either an optional closing quote, an operator ({@code :=}, {@code =>}, {@code =}, {@code :}, {@code +=}) and
 * a value (double-quoted, single-quoted, or bare in config files), or the {@code >} of an XML start tag and the
 * element's text up to {@code </}. Values are 6 to 200 characters without whitespace. Immutable and thread-safe.
 */
final class AssignmentPattern implements SecretPattern {

    static final int MIN_VALUE = 6;
    static final int MAX_VALUE = 200;

    /** The same grammar as a regular expression, for the docs. */
    private static final String SOURCE = "<keyword>[A-Za-z0-9_.-]*(?:[\"']?[ \\t]*(?:\\][ \\t]*)?(?::=|=>|=|:|\\+=)[ \\t]*"
            + "(?:\"([^\"\\s\\\\]{6,200})\"|'([^'\\s\\\\]{6,200})'|([^\\s\"'`,;<>(){}\\[\\]]{6,200}))"
            + "|>[ \\t]*([^<\\s]{6,200})[ \\t]*</)";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public int groupCount() {
        return 4;
    }

    @Override
    public void findAll(CharSequence text, int from, int to, MatchConsumer consumer) {
        for (int i = from; i < to; i++) {
            matchAt(text, i, to, consumer);
        }
    }

    @Override
    public void matchAt(CharSequence text, int from, int to, MatchConsumer consumer) {
        int i = from;
        while (i < to && isKeyChar(text.charAt(i))) {
            i++;
        }
        if (i >= to) {
            return;
        }
        char c = text.charAt(i);
        if (c == '>') {
            xmlText(text, from, i + 1, to, consumer);
            return;
        }
        if (c == '"' || c == '\'') {
            i++;
        }
        i = skipBlanks(text, i, to);
        if (i < to && text.charAt(i) == ']') {
            i = skipBlanks(text, i + 1, to); // an index: $cfg['db_password'] = ..., settings["token"] = ...
        }
        if (i >= to) {
            return;
        }
        c = text.charAt(i);
        char next = i + 1 < to ? text.charAt(i + 1) : 0;
        if (c == ':') {
            i += next == '=' ? 2 : 1;
        } else if (c == '=') {
            if (next == '=') {
                return; // a comparison, not an assignment
            }
            i += next == '>' ? 2 : 1;
        } else if (c == '+' && next == '=') {
            i += 2;
        } else {
            return;
        }
        i = skipBlanks(text, i, to);
        if (i >= to) {
            return;
        }
        c = text.charAt(i);
        if (c == '"' || c == '\'') {
            int start = i + 1;
            int end = start;
            while (end < to && end - start <= MAX_VALUE && text.charAt(end) != c && !Character.isWhitespace(text.charAt(end))
                    && text.charAt(end) != '\\') {
                end++;
            }
            if (end < to && text.charAt(end) == c && end - start >= MIN_VALUE && end - start <= MAX_VALUE) {
                consumer.match(from, end + 1, start, end);
            }
            return;
        }
        int start = i;
        int end = start;
        while (end < to && end - start < MAX_VALUE && isBareChar(text.charAt(end))) {
            end++;
        }
        if (end - start >= MIN_VALUE) {
            consumer.match(from, end, start, end);
        }
    }

    private static void xmlText(CharSequence text, int from, int i, int to, MatchConsumer consumer) {
        i = skipBlanks(text, i, to);
        int start = i;
        while (i < to && i - start <= MAX_VALUE && text.charAt(i) != '<' && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int end = i;
        if (end - start < MIN_VALUE || end - start > MAX_VALUE) {
            return;
        }
        i = skipBlanks(text, i, to);
        if (i + 1 < to && text.charAt(i) == '<' && text.charAt(i + 1) == '/') {
            consumer.match(from, i + 2, start, end);
        }
    }

    private static int skipBlanks(CharSequence text, int i, int to) {
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static boolean isBareChar(char c) {
        return !Character.isWhitespace(c) && "\"'`,;<>(){}[]".indexOf(c) < 0;
    }

    @Override
    public String toString() {
        return SOURCE;
    }
}
