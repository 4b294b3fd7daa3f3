package io.jenkins.plugins.devsecops.iac.terraform;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.iac.yaml.JsonDocuments;
import io.jenkins.plugins.devsecops.scan.LineIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written HCL 2 parser for Terraform files. It keeps the line of every attribute and block, reduces
 * literals, lists, objects, {@code jsonencode({...})} and JSON heredocs to values, and keeps every other
 * expression verbatim as an {@link IacNode.ScalarKind#EXPRESSION} for later resolution. Nesting is capped.
 */
public final class HclParser {

    /** The deepest nesting of blocks and values accepted. */
    public static final int MAX_DEPTH = 64;
    /** Functions whose result is, for checking purposes, their literal argument. */
    private static final java.util.Set<String> IDENTITY_FUNCTIONS = java.util.Set.of("jsonencode", "toset", "tolist",
            "tomap");

    private final String source;
    private final List<HclToken> tokens;
    /** The tokens as an array, for {@link #current}: the parser reads the current token many times per token. */
    private final HclToken[] array;
    private final int last;
    private int index;

    private HclParser(String source, List<HclToken> tokens) {
        this.source = source;
        this.tokens = tokens;
        this.array = tokens.toArray(new HclToken[0]);
        this.last = array.length - 1;
    }

    /**
     * Parses a whole file into its top-level blocks.
     *
     * @throws IacParseException when the file is not valid HCL or is nested too deeply
     */
    public static List<HclBlock> parse(String source) throws IacParseException {
        LineIndex lines = new LineIndex(source);
        HclParser parser = new HclParser(source, new HclLexer(source, lines).tokenize());
        try {
            return parser.parseFile();
        } catch (StackOverflowError e) {
            throw new IacParseException("HCL nested too deeply to analyse");
        }
    }

    private List<HclBlock> parseFile() throws IacParseException {
        List<HclBlock> blocks = new ArrayList<>();
        while (true) {
            skipNewlines();
            HclToken token = current();
            if (token.kind() == HclToken.Kind.EOF) {
                return blocks;
            }
            if (token.kind() != HclToken.Kind.IDENT) {
                throw error("Expected a block or attribute name but found " + describe(token), token);
            }
            index++;
            if (current().is("=")) {
                index++;
                parseExpression(1);
                continue;
            }
            List<String> labels = parseLabels();
            blocks.add(new HclBlock(token.text(), labels, token.line(), parseBlockBody(1, token.line())));
        }
    }

    private List<String> parseLabels() throws IacParseException {
        List<String> labels = new ArrayList<>();
        while (current().kind() == HclToken.Kind.STRING || current().kind() == HclToken.Kind.IDENT) {
            labels.add(current().text());
            index++;
        }
        if (!current().is("{")) {
            throw error("Expected '{' but found " + describe(current()), current());
        }
        return labels;
    }

    /** Parses {@code { body }} starting at the opening brace. */
    private IacNode.Mapping parseBlockBody(int depth, int line) throws IacParseException {
        checkDepth(depth, current());
        expect("{");
        LinkedHashMap<String, IacNode> entries = new LinkedHashMap<>();
        Map<String, List<IacNode>> nested = new LinkedHashMap<>();
        while (true) {
            skipNewlines();
            HclToken token = current();
            if (token.is("}")) {
                index++;
                break;
            }
            if (token.kind() != HclToken.Kind.IDENT && token.kind() != HclToken.Kind.STRING) {
                throw error("Expected an attribute or block but found " + describe(token), token);
            }
            index++;
            if (current().is("=") || current().is(":")) {
                index++;
                entries.put(token.text(), parseExpression(depth + 1).atLine(token.line()));
                continue;
            }
            List<String> labels = parseLabels();
            IacNode.Mapping body = parseBlockBody(depth + 1, token.line());
            String key = token.text();
            if (key.equals("dynamic") && !labels.isEmpty()) {
                key = labels.get(0);
                body = body.mapping("content").map(m -> m.atLine(token.line())).orElse(body);
            }
            nested.computeIfAbsent(key, k -> new ArrayList<>()).add(body);
        }
        nested.forEach((key, blocks) -> entries.putIfAbsent(key, new IacNode.Sequence(blocks, blocks.get(0).line())));
        return IacNode.Mapping.owning(entries, line);
    }

    /** Parses one expression, ending before a newline, comma or closing bracket at its own level. */
    private IacNode parseExpression(int depth) throws IacParseException {
        HclToken first = current();
        checkDepth(depth, first);
        int start = index;
        IacNode value = tryStructured(depth);
        if (value != null && isTerminator(current())) {
            return value;
        }
        index = start;
        return parseRaw(first);
    }

    private IacNode tryStructured(int depth) throws IacParseException {
        HclToken token = current();
        switch (token.kind()) {
            case STRING -> {
                index++;
                String text = token.text();
                if (token.interpolated() && text.startsWith("${") && text.endsWith("}") && text.indexOf("${", 2) < 0) {
                    return IacNode.Scalar.expression(text.substring(2, text.length() - 1).strip(), token.line());
                }
                return IacNode.Scalar.string(text, token.line());
            }
            case HEREDOC -> {
                index++;
                return heredocValue(token);
            }
            case NUMBER -> {
                index++;
                return new IacNode.Scalar(token.text(), IacNode.ScalarKind.NUMBER, token.line());
            }
            case IDENT -> {
                if (token.text().equals("true") || token.text().equals("false")) {
                    index++;
                    return new IacNode.Scalar(token.text(), IacNode.ScalarKind.BOOL, token.line());
                }
                if (token.text().equals("null")) {
                    index++;
                    return new IacNode.Scalar("null", IacNode.ScalarKind.NULL, token.line());
                }
                if (IDENTITY_FUNCTIONS.contains(token.text()) && peekIs(1, "(")) {
                    index += 2;
                    skipNewlines();
                    IacNode inner = parseExpression(depth + 1);
                    skipNewlines();
                    if (current().is(")")) {
                        index++;
                        return inner.atLine(token.line());
                    }
                    return null;
                }
                return null;
            }
            case PUNCT -> {
                if (token.is("[") && !peekIdent(1, "for")) {
                    return parseList(depth);
                }
                if (token.is("{") && !peekIdent(1, "for")) {
                    return parseObject(depth);
                }
                if (token.is("-") && index + 1 < tokens.size() && tokens.get(index + 1).kind() == HclToken.Kind.NUMBER) {
                    index += 2;
                    return new IacNode.Scalar("-" + tokens.get(index - 1).text(), IacNode.ScalarKind.NUMBER,
                            token.line());
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private IacNode heredocValue(HclToken token) {
        String body = token.text();
        String trimmed = body.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}") && !body.contains("${")) {
            try {
                return JsonDocuments.parse(body, token.contentLine()).atLine(token.line());
            } catch (IacParseException e) {
                // not JSON: keep it as text
            }
        }
        return IacNode.Scalar.string(body, token.line());
    }

    private IacNode parseList(int depth) throws IacParseException {
        HclToken open = current();
        index++;
        List<IacNode> items = new ArrayList<>();
        while (true) {
            skipNewlines();
            if (current().is("]")) {
                index++;
                return new IacNode.Sequence(items, open.line());
            }
            if (current().kind() == HclToken.Kind.EOF) {
                throw error("Unterminated list", open);
            }
            items.add(parseExpression(depth + 1));
            skipNewlines();
            if (current().is(",")) {
                index++;
            } else if (!current().is("]")) {
                return null;
            }
        }
    }

    private IacNode parseObject(int depth) throws IacParseException {
        HclToken open = current();
        index++;
        LinkedHashMap<String, IacNode> entries = new LinkedHashMap<>();
        while (true) {
            skipNewlines();
            if (current().is("}")) {
                index++;
                return IacNode.Mapping.owning(entries, open.line());
            }
            HclToken key = current();
            if (key.kind() != HclToken.Kind.IDENT && key.kind() != HclToken.Kind.STRING
                    && key.kind() != HclToken.Kind.NUMBER) {
                return null;
            }
            index++;
            if (!current().is("=") && !current().is(":")) {
                return null;
            }
            index++;
            skipNewlines();
            entries.put(key.text(), parseExpression(depth + 1).atLine(key.line()));
            if (current().is(",")) {
                index++;
            }
        }
    }

    /** Consumes tokens of an expression the parser does not reduce, keeping its source text. */
    private IacNode parseRaw(HclToken first) throws IacParseException {
        int bracketDepth = 0;
        int startOffset = first.start();
        int endOffset = startOffset;
        while (true) {
            HclToken token = current();
            if (token.kind() == HclToken.Kind.EOF) {
                if (bracketDepth > 0) {
                    throw error("Unclosed bracket in expression", first);
                }
                break;
            }
            if (bracketDepth == 0 && isTerminator(token)) {
                break;
            }
            if (token.is("(") || token.is("[") || token.is("{")) {
                bracketDepth++;
                if (bracketDepth > MAX_DEPTH) {
                    throw error("HCL nested deeper than " + MAX_DEPTH + " levels", token);
                }
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                bracketDepth--;
            }
            endOffset = token.end();
            index++;
        }
        if (endOffset == startOffset) {
            throw error("Expected an expression but found " + describe(current()), current());
        }
        return IacNode.Scalar.expression(source.substring(startOffset, endOffset).strip(), first.line());
    }

    private boolean isTerminator(HclToken token) {
        return token.kind() == HclToken.Kind.NEWLINE || token.kind() == HclToken.Kind.EOF
                || token.is(",") || token.is("}") || token.is("]") || token.is(")");
    }

    private void checkDepth(int depth, HclToken token) throws IacParseException {
        if (depth > MAX_DEPTH) {
            throw error("HCL nested deeper than " + MAX_DEPTH + " levels", token);
        }
    }

    private HclToken current() {
        return array[index < last ? index : last];
    }

    private boolean peekIs(int ahead, String punct) {
        int at = index + ahead;
        return at < tokens.size() && tokens.get(at).is(punct);
    }

    private boolean peekIdent(int ahead, String word) {
        int at = index + ahead;
        while (at < tokens.size() && tokens.get(at).kind() == HclToken.Kind.NEWLINE) {
            at++;
        }
        return at < tokens.size() && tokens.get(at).kind() == HclToken.Kind.IDENT && tokens.get(at).text().equals(word);
    }

    private void skipNewlines() {
        while (current().kind() == HclToken.Kind.NEWLINE) {
            index++;
        }
    }

    private void expect(String punct) throws IacParseException {
        if (!current().is(punct)) {
            throw error("Expected '" + punct + "' but found " + describe(current()), current());
        }
        index++;
    }

    /** What a token is, never its text (a name or string may be a secret), except for short punctuation. */
    private static String describe(HclToken token) {
        return switch (token.kind()) {
            case EOF -> "end of file";
            case NEWLINE -> "end of line";
            case IDENT -> "a name";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case HEREDOC -> "a heredoc";
            case PUNCT -> token.text().length() <= 3 ? "'" + token.text() + "'" : "punctuation";
        };
    }

    private static IacParseException error(String message, HclToken token) {
        return new IacParseException(message + " at line " + token.line());
    }
}
