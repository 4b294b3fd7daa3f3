package io.jenkins.plugins.devsecops.secrets;

/**
 * The generic rule's matcher, written by hand because it runs right after every {@code password}, {@code token},
 * {@code secret}... in a tree (the commonest keywords there are): the rest of the key name ({@code [A-Za-z0-9_.-]*}),
 * then either an optional closing quote, an operator ({@code :=}, {@code =>}, {@code =}, {@code :}, {@code +=}) and
 * a value (double-quoted, single-quoted, or bare in config files), or the {@code >} of an XML start tag (after its
 * attributes when the key is the element's name) and the element's text up to {@code </}. Values are 4 to 200
 * characters without whitespace. Immutable and thread-safe.
 */
final class AssignmentPattern implements SecretPattern {

    /** The shortest value read: passwords of environment variables in compose files may be this short. */
    static final int MIN_VALUE = 4;
    static final int MAX_VALUE = 200;

    /** The same grammar as a regular expression, for the docs. */
    private static final String SOURCE = "<keyword>[A-Za-z0-9_.-]*(?:[\"']?[ \\t]*(?:\\][ \\t]*)?(?::=|=>|=|:|\\+=)[ \\t]*"
            + "(?:\"([^\"\\s\\\\]{4,200})\"|'([^'\\s\\\\]{4,200})'|([^\\s\"'`,;<>(){}\\[\\]]{4,200}))"
            + "|(?:[ \\t][^<>]{0,300}(?<!/))?>[ \\t]*([^<\\s]{4,200})[ \\t]*</)";

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
        if (i >= to || text.charAt(i) == '\r') {
            if (isYamlListName(text, from)) {
                nextLineValue(text, from, i, consumer); // - name: DB_PASSWORD / value: "..." (Kubernetes env)
            }
            return;
        }
        char c = text.charAt(i);
        if (c == '%' && isEncodedEquals(text, i, to)) {
            encodedValue(text, from, i + 3, to, consumer); // password%3D... in a logged or encoded query string
            return;
        }
        if (c == '\\') {
            // {\"password\": \"...\"}: a key quoted inside a JSON document held in a string (notebooks, logs)
            int quote = skipBackslashes(text, i, to);
            if (quote >= to || text.charAt(quote) != '"' && text.charAt(quote) != '\'') {
                return;
            }
            i = quote;
            c = text.charAt(i);
        }
        if (c == '>') {
            xmlText(text, from, i + 1, to, consumer);
            return;
        }
        if ((c == ' ' || c == '\t') && isElementName(text, from)) {
            // <Pass encoding="base64">...</Pass>, <password type="text">...</password>: the attributes, then the text
            int close = i;
            while (close < to && close - i < 300 && text.charAt(close) != '>' && text.charAt(close) != '<') {
                close++;
            }
            if (close < to && text.charAt(close) == '>' && text.charAt(close - 1) != '/') {
                xmlText(text, from, close + 1, to, consumer);
            }
            return;
        }
        if (c == '"' || c == '\'') {
            int after = skipBlanks(text, i + 1, to);
            if (after >= to) {
                if (isYamlListName(text, from)) {
                    nextLineValue(text, from, after, consumer);
                }
                return;
            }
            char next = text.charAt(after);
            if (next == '>') {
                xmlText(text, from, after + 1, to, consumer); // <property name="db.password">...</property>
                return;
            }
            if (next == ',' && keyQuotedWith(text, from, c) && keyOpensList(text, from)) {
                quotedArgument(text, from, skipBlanks(text, after + 1, to), to, consumer); // put("db.password", "...")
                return;
            }
            if (isValueAttribute(text, after, to) && keyQuotedWith(text, from, c)) {
                // <add key="SmtpPassword" value="..."/>, <property name="password" value="..."/>
                int equals = after + 5;
                while (text.charAt(equals) != '=') {
                    equals++;
                }
                quotedArgument(text, from, skipBlanks(text, equals + 1, to), to, consumer);
                return;
            }
            i++;
        } else if ((c == ' ' || c == '\t') && startsStatement(text, from)) {
            int quote = skipBlanks(text, i, to);
            if (quote < to && (text.charAt(quote) == '"' || text.charAt(quote) == '\'')) {
                commandArgument(text, from, quote, to, consumer); // password 'x' in a Gradle or Groovy block
                return;
            }
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
        boolean colon = c == ':' && next != '=';
        if (c == ':') {
            i += next == '=' ? 2 : 1;
        } else if (c == '=') {
            if (next == '=') {
                return; // a comparison, not an assignment
            }
            i += next == '>' ? 2 : 1;
        } else if (c == '+' && next == '=') {
            i += 2;
        } else if ((c == '|' && next == '|' || c == '?' && next == '?') && i + 2 < to && text.charAt(i + 2) == '=') {
            i += 3; // password ||= '...' (Ruby), password ??= '...' (JavaScript)
        } else {
            return;
        }
        i = skipBlanks(text, i, to);
        if (colon) {
            i = afterTypeAnnotation(text, i, to); // val password: String = "..." (Kotlin, Swift, TypeScript, Python)
        }
        if (i >= to) {
            return;
        }
        c = text.charAt(i);
        if (i + 1 < to && isStringPrefix(c) && isQuote(text.charAt(i + 1))) {
            c = text.charAt(++i); // @"..." (C# verbatim), f"...", r'...', b"..." (Python)
        }
        if (c == '\\') {
            escapedValue(text, from, i, to, consumer);
            return;
        }
        if (isQuote(c)) {
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
        // A query parameter (?user=app&password=...) ends at the next parameter.
        boolean query = isQueryParameter(text, from);
        while (end < to && end - start < MAX_VALUE && isBareChar(text.charAt(end)) && !(query && text.charAt(end) == '&')) {
            end++;
        }
        if (end - start >= MIN_VALUE) {
            consumer.match(from, end, start, end);
        }
    }

    /** Whether the key starts a statement: at the start of a line or after {@code {} or {@code ;}. */
    private static boolean startsStatement(CharSequence text, int keywordEnd) {
        int i = keyStart(text, keywordEnd);
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '{' || text.charAt(i - 1) == ';';
    }

    /**
     * {@code password 'x'}: a method called without parentheses (Gradle's {@code credentials { username 'u'; password
     * 'x' }}), the literal alone up to the end of the statement.
     */
    private static void commandArgument(CharSequence text, int from, int quoteAt, int to, MatchConsumer consumer) {
        char quote = text.charAt(quoteAt);
        int start = quoteAt + 1;
        int end = start;
        while (end < to && end - start <= MAX_VALUE && text.charAt(end) != quote && !Character.isWhitespace(text.charAt(end))
                && text.charAt(end) != '\\') {
            end++;
        }
        if (end >= to || text.charAt(end) != quote || end - start < MIN_VALUE || end - start > MAX_VALUE) {
            return;
        }
        int after = skipBlanks(text, end + 1, to);
        if (after >= to || text.charAt(after) == ';' || text.charAt(after) == '}' || text.charAt(after) == '\r') {
            consumer.match(from, end + 1, start, end);
        }
    }

    /** A string literal's quote: double, single, or the backtick of Go raw strings and JavaScript templates. */
    static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isStringPrefix(char c) {
        return c == '@' || c == 'f' || c == 'r' || c == 'b' || c == 'u' || c == 'F' || c == 'R' || c == 'B' || c == 'U';
    }

    /**
     * After the colon of {@code password: String = "..."}: the index after the {@code =} when a type name and an
     * assignment follow, else {@code i} unchanged (a YAML or JSON value).
     */
    private static int afterTypeAnnotation(CharSequence text, int i, int to) {
        if (i >= to || !Character.isLetter(text.charAt(i))) {
            return i;
        }
        int j = i;
        while (j < to && j - i < 60 && (Character.isLetterOrDigit(text.charAt(j)) || "_.<>?[]".indexOf(text.charAt(j)) >= 0)) {
            j++;
        }
        int equals = skipBlanks(text, j, to);
        if (equals == j || equals + 1 >= to || text.charAt(equals) != '=' || text.charAt(equals + 1) == '='
                || text.charAt(equals + 1) == '>') {
            return i; // a blank before the = (not the padding of base64: key: YWRtaW4=)
        }
        int value = skipBlanks(text, equals + 1, to);
        boolean literal = value < to && (isQuote(text.charAt(value))
                || value + 1 < to && isStringPrefix(text.charAt(value)) && isQuote(text.charAt(value + 1)));
        return literal ? value : i;
    }

    /** The index after the backslashes at {@code i} (at most four: an escape inside an escape). */
    private static int skipBackslashes(CharSequence text, int i, int to) {
        int j = i;
        while (j < to && j - i < 4 && text.charAt(j) == '\\') {
            j++;
        }
        return j;
    }

    /**
     * A value quoted with escaped quotes, {@code \"...\"} or {@code \\\"...\\\"}: JSON held in a string literal,
     * a notebook's source lines, a logged request body. The closing quote must be escaped the same way.
     */
    private static void escapedValue(CharSequence text, int from, int i, int to, MatchConsumer consumer) {
        int quoteAt = skipBackslashes(text, i, to);
        if (quoteAt >= to || text.charAt(quoteAt) != '"' && text.charAt(quoteAt) != '\'') {
            return;
        }
        int slashes = quoteAt - i;
        char quote = text.charAt(quoteAt);
        int start = quoteAt + 1;
        int end = start;
        while (end < to && end - start <= MAX_VALUE && text.charAt(end) != '\\' && text.charAt(end) != quote
                && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        if (end - start < MIN_VALUE || end - start > MAX_VALUE || end + slashes >= to
                || skipBackslashes(text, end, to) != end + slashes || text.charAt(end + slashes) != quote) {
            return;
        }
        consumer.match(from, end + slashes + 1, start, end);
    }

    /** {@code %3D} (an encoded {@code =}) at {@code i}. */
    private static boolean isEncodedEquals(CharSequence text, int i, int to) {
        return i + 3 < to && text.charAt(i + 1) == '3' && (text.charAt(i + 2) == 'D' || text.charAt(i + 2) == 'd');
    }

    /** A URL-encoded value, up to the next parameter ({@code &} or an encoded {@code %26}) or a blank. */
    private static void encodedValue(CharSequence text, int from, int start, int to, MatchConsumer consumer) {
        int end = start;
        while (end < to && end - start < MAX_VALUE && isBareChar(text.charAt(end)) && text.charAt(end) != '&'
                && !(text.charAt(end) == '%' && end + 2 < to && text.charAt(end + 1) == '2' && text.charAt(end + 2) == '6')) {
            end++;
        }
        if (end - start >= MIN_VALUE) {
            consumer.match(from, end, start, end);
        }
    }

    /** The start of the key name holding the keyword that ends at {@code keywordEnd}. */
    static int keyStart(CharSequence text, int keywordEnd) {
        int start = keywordEnd;
        while (start > 0 && keywordEnd - start < 200 && isKeyChar(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** Whether the key is the name of an XML element: {@code <password ...}. */
    static boolean isElementName(CharSequence text, int keywordEnd) {
        int start = keyStart(text, keywordEnd);
        return start > 0 && text.charAt(start - 1) == '<';
    }

    private static boolean isQueryParameter(CharSequence text, int keywordEnd) {
        int start = keyStart(text, keywordEnd);
        return start > 0 && (text.charAt(start - 1) == '&' || text.charAt(start - 1) == '?');
    }

    /** Whether the key is a quoted string: {@code "db.password"}. */
    private static boolean keyQuotedWith(CharSequence text, int keywordEnd, char quote) {
        int start = keyStart(text, keywordEnd);
        return start > 0 && text.charAt(start - 1) == quote;
    }

    /**
     * Whether the quoted key opens an argument list, an array or an initializer ({@code put("db.password", ...)},
     * <code>{"password", "..."}</code>): not an item in the middle of a list of words ({@code "small", "secret",
     * "decoded"}).
     */
    private static boolean keyOpensList(CharSequence text, int keywordEnd) {
        int i = keyStart(text, keywordEnd) - 1;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i > 0 && (text.charAt(i - 1) == '(' || text.charAt(i - 1) == '{' || text.charAt(i - 1) == '[');
    }

    /** {@code value=} or {@code value =} at {@code i}. */
    private static boolean isValueAttribute(CharSequence text, int i, int to) {
        if (i + 6 > to || !startsWith(text, i, "value")) {
            return false;
        }
        int j = skipBlanks(text, i + 5, to);
        return j < to && text.charAt(j) == '=';
    }

    /** A string literal at {@code i}, ended by its quote and then a comma, a parenthesis, a slash or blank. */
    private static void quotedArgument(CharSequence text, int from, int i, int to, MatchConsumer consumer) {
        if (i <= 0 || i >= to) {
            return;
        }
        char quote = text.charAt(i);
        if (quote != '"' && quote != '\'') {
            return;
        }
        int start = i + 1;
        int end = start;
        while (end < to && end - start <= MAX_VALUE && text.charAt(end) != quote && !Character.isWhitespace(text.charAt(end))
                && text.charAt(end) != '\\') {
            end++;
        }
        if (end < to && text.charAt(end) == quote && end - start >= MIN_VALUE && end - start <= MAX_VALUE) {
            consumer.match(from, end + 1, start, end);
        }
    }

    /** Whether the key is the value of a YAML list item's {@code name:} ({@code - name: DB_PASSWORD}). */
    static boolean isYamlListName(CharSequence text, int keywordEnd) {
        int i = keyStart(text, keywordEnd);
        if (i > 0 && (text.charAt(i - 1) == '"' || text.charAt(i - 1) == '\'')) {
            i--;
        }
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        if (i < 5 || !startsWith(text, i - 5, "name:")) {
            return false;
        }
        i -= 5;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t' || text.charAt(i - 1) == '-')) {
            i--;
        }
        return i == 0 || text.charAt(i - 1) == '\n';
    }

    /** The {@code value:} on the line after a YAML {@code name:} line. */
    private static void nextLineValue(CharSequence text, int from, int i, MatchConsumer consumer) {
        int limit = Math.min(text.length(), i + 400);
        if (i < limit && text.charAt(i) == '\r') {
            i++;
        }
        if (i >= limit || text.charAt(i) != '\n') {
            return;
        }
        i = skipBlanks(text, i + 1, limit);
        if (i + 6 > limit || !startsWith(text, i, "value:")) {
            return;
        }
        i = skipBlanks(text, i + 6, limit);
        int lineEnd = i;
        while (lineEnd < limit && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        if (i < lineEnd && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            quotedArgument(text, from, i, lineEnd, consumer);
            return;
        }
        int end = i;
        while (end < lineEnd && end - i < MAX_VALUE && isBareChar(text.charAt(end))) {
            end++;
        }
        if (end - i >= MIN_VALUE && skipBlanks(text, end, lineEnd) == lineEnd) {
            consumer.match(from, end, i, end);
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

    /** Whether {@code word} is in {@code text} at {@code i} (false when it would run outside the text). */
    static boolean startsWith(CharSequence text, int i, String word) {
        if (i < 0 || i + word.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (text.charAt(i + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(CharSequence text, int i, int to) {
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Whether a match may start at {@code from} (right after a keyword), judged by the first character after the
     * rest of the key name: only a line end, an operator, a blank, a quote, {@code ]}, {@code >}, {@code %} or
     * {@code \\} lead on in {@link #matchAt}; anything else ({@code getKey()}, {@code token,}) ends it there. Reads
     * the key name only, so that most hits of a common keyword cost neither the line's end nor an attempt.
     *
     * @param to where {@link #matchAt}'s line may end at the latest
     */
    static boolean mayMatchAt(CharSequence text, int from, int to) {
        int i = from;
        while (i < to && isKeyChar(text.charAt(i))) {
            i++;
        }
        if (i >= to) {
            return true;
        }
        return switch (text.charAt(i)) {
            case '\n', '\r', '%', '\\', '>', ' ', '\t', '"', '\'', ']', ':', '=', '+', '|', '?' -> true;
            default -> false;
        };
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
