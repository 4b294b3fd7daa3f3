package io.jenkins.plugins.devsecops.iac.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed Go template as Helm charts write them: text, actions {@code {{ pipeline }}} with {@code {{-}} and
 * {@code -}}} trimming, comments, {@code if/else if/else}, {@code range} (with {@code $k, $v :=}), {@code with},
 * {@code define}, {@code template}, {@code block} and variable assignments. Pipelines stay as text and are evaluated
 * by {@link HelmRenderer}.
 */
final class HelmTemplate {

    /** A template the renderer cannot handle; the message says what, for the user. */
    static final class UnsupportedTemplateException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedTemplateException(String message) {
            super(message);
        }
    }

    /** One node of the template tree. */
    sealed interface Node permits Text, Action, If, Range, With, Call {
    }

    /** Literal text starting at {@code line}. */
    record Text(String text, int line) implements Node {
    }

    /** An action printing (or, for an assignment, only evaluating) a pipeline. */
    record Action(String pipeline, int line) implements Node {
    }

    /** {@code if} with its {@code else if} branches and optional {@code else}. */
    record If(List<String> conditions, List<List<Node>> bodies, List<Node> otherwise, int line) implements Node {
    }

    /** {@code range}, optionally declaring {@code $key, $value}. */
    record Range(String keyVariable, String valueVariable, String pipeline, List<Node> body, List<Node> otherwise,
            int line) implements Node {
    }

    /** {@code with}. */
    record With(String pipeline, List<Node> body, List<Node> otherwise, int line) implements Node {
    }

    /** {@code template "name" pipeline}. */
    record Call(String name, String pipeline, int line) implements Node {
    }

    private static final int MAX_NODES = 200_000;
    private static final int MAX_NESTING = 100;

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int position;
    private int nodeCount;
    private int nesting;

    private record Token(boolean action, String text, int line) {
    }

    private HelmTemplate(String source) {
        this.source = source;
    }

    /**
     * Parses {@code text}, adding its {@code define}s to {@code defines}.
     *
     * @return the top-level nodes
     */
    static List<Node> parse(String text, Map<String, List<Node>> defines) throws UnsupportedTemplateException {
        HelmTemplate template = new HelmTemplate(text);
        template.tokenize();
        List<Node> nodes = new ArrayList<>();
        String end = template.parseList(nodes, defines);
        if (end != null) {
            throw new UnsupportedTemplateException("unexpected {{ " + end + " }}");
        }
        return nodes;
    }

    private void tokenize() throws UnsupportedTemplateException {
        int index = 0;
        int line = 1;
        StringBuilder pendingText = new StringBuilder();
        int textLine = 1;
        while (index < source.length()) {
            int open = source.indexOf("{{", index);
            if (open < 0) {
                pendingText.append(source, index, source.length());
                break;
            }
            pendingText.append(source, index, open);
            int close = source.indexOf("}}", open + 2);
            if (close < 0) {
                throw new UnsupportedTemplateException("unclosed {{ at line " + (line + count(source, index, open)));
            }
            String inside = source.substring(open + 2, close);
            int actionLine = line + count(source, index, open);
            boolean trimLeft = inside.startsWith("-") && (inside.length() == 1 || Character.isWhitespace(inside.charAt(1)));
            boolean trimRight = inside.endsWith("-") && inside.length() > 1
                    && Character.isWhitespace(inside.charAt(inside.length() - 2));
            String body = inside.substring(trimLeft ? 1 : 0, inside.length() - (trimRight ? 1 : 0)).strip();
            String text = pendingText.toString();
            if (trimLeft) {
                text = text.stripTrailing();
            }
            tokens.add(new Token(false, text, textLine));
            pendingText.setLength(0);
            if (!(body.startsWith("/*") && body.endsWith("*/"))) {
                tokens.add(new Token(true, body, actionLine));
            }
            line = actionLine + count(source, open, close + 2);
            index = close + 2;
            if (trimRight) {
                while (index < source.length() && Character.isWhitespace(source.charAt(index))) {
                    if (source.charAt(index) == '\n') {
                        line++;
                    }
                    index++;
                }
            }
            textLine = line;
        }
        tokens.add(new Token(false, pendingText.toString(), textLine));
    }

    private static int count(String text, int from, int to) {
        int newlines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
            }
        }
        return newlines;
    }

    /** Parses nodes until {@code end}, {@code else} or the end of input; returns the keyword that stopped it. */
    private String parseList(List<Node> nodes, Map<String, List<Node>> defines) throws UnsupportedTemplateException {
        if (++nesting > MAX_NESTING) {
            throw new UnsupportedTemplateException("blocks nested more than " + MAX_NESTING + " deep");
        }
        try {
            return parseNodes(nodes, defines);
        } finally {
            nesting--;
        }
    }

    private String parseNodes(List<Node> nodes, Map<String, List<Node>> defines) throws UnsupportedTemplateException {
        while (position < tokens.size()) {
            if (++nodeCount > MAX_NODES) {
                throw new UnsupportedTemplateException("template too large");
            }
            Token token = tokens.get(position++);
            if (!token.action()) {
                if (!token.text().isEmpty()) {
                    nodes.add(new Text(token.text(), token.line()));
                }
                continue;
            }
            String body = token.text();
            String keyword = body.split("\\s+", 2)[0];
            String rest = body.length() > keyword.length() ? body.substring(keyword.length()).strip() : "";
            switch (keyword) {
                case "end" -> {
                    return "end";
                }
                case "else" -> {
                    position--;
                    return "else";
                }
                case "if" -> nodes.add(parseIf(rest, token.line(), defines));
                case "range" -> nodes.add(parseRange(rest, token.line(), defines));
                case "with" -> {
                    List<Node> inner = new ArrayList<>();
                    List<Node> otherwise = new ArrayList<>();
                    parseBranches(inner, otherwise, defines);
                    nodes.add(new With(rest, inner, otherwise, token.line()));
                }
                case "define", "block" -> {
                    String name = unquote(rest.split("\\s+", 2)[0]);
                    List<Node> inner = new ArrayList<>();
                    if (!"end".equals(parseList(inner, defines))) {
                        throw new UnsupportedTemplateException(keyword + " \"" + name + "\" has no end");
                    }
                    defines.put(name, inner);
                    if (keyword.equals("block")) {
                        String[] parts = rest.split("\\s+", 2);
                        nodes.add(new Call(name, parts.length > 1 ? parts[1] : ".", token.line()));
                    }
                }
                case "template" -> {
                    String[] parts = rest.split("\\s+", 2);
                    nodes.add(new Call(unquote(parts[0]), parts.length > 1 ? parts[1] : "", token.line()));
                }
                default -> nodes.add(new Action(body, token.line()));
            }
        }
        return null;
    }

    private void parseBranches(List<Node> body, List<Node> otherwise, Map<String, List<Node>> defines)
            throws UnsupportedTemplateException {
        String stop = parseList(body, defines);
        if ("else".equals(stop)) {
            Token elseToken = tokens.get(position++);
            String rest = elseToken.text().substring(4).strip();
            if (rest.isEmpty()) {
                stop = parseList(otherwise, defines);
            } else {
                throw new UnsupportedTemplateException("{{ else " + rest + " }} outside if");
            }
        }
        if (!"end".equals(stop)) {
            throw new UnsupportedTemplateException("block without {{ end }}");
        }
    }

    private If parseIf(String condition, int line, Map<String, List<Node>> defines)
            throws UnsupportedTemplateException {
        List<String> conditions = new ArrayList<>(List.of(condition));
        List<List<Node>> bodies = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        bodies.add(current);
        while (true) {
            String stop = parseList(current, defines);
            if ("end".equals(stop)) {
                return new If(conditions, bodies, List.of(), line);
            }
            if (!"else".equals(stop)) {
                throw new UnsupportedTemplateException("if at line " + line + " has no {{ end }}");
            }
            Token elseToken = tokens.get(position++);
            String rest = elseToken.text().substring(4).strip();
            if (rest.startsWith("if ")) {
                conditions.add(rest.substring(3).strip());
                current = new ArrayList<>();
                bodies.add(current);
            } else if (rest.isEmpty()) {
                List<Node> otherwise = new ArrayList<>();
                if (!"end".equals(parseList(otherwise, defines))) {
                    throw new UnsupportedTemplateException("if at line " + line + " has no {{ end }}");
                }
                return new If(conditions, bodies, otherwise, line);
            } else {
                throw new UnsupportedTemplateException("{{ else " + rest + " }} is not supported");
            }
        }
    }

    private Range parseRange(String rest, int line, Map<String, List<Node>> defines)
            throws UnsupportedTemplateException {
        String key = null;
        String value = null;
        String pipeline = rest;
        int declare = rest.indexOf(":=");
        if (declare > 0 && rest.substring(0, declare).strip().startsWith("$")) {
            String[] variables = rest.substring(0, declare).split(",");
            if (variables.length == 2) {
                key = variables[0].strip();
                value = variables[1].strip();
            } else {
                value = variables[0].strip();
            }
            pipeline = rest.substring(declare + 2).strip();
        }
        List<Node> body = new ArrayList<>();
        List<Node> otherwise = new ArrayList<>();
        parseBranches(body, otherwise, defines);
        return new Range(key, value, pipeline, body, otherwise, line);
    }

    static String unquote(String text) {
        String t = text.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("`") && t.endsWith("`"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
