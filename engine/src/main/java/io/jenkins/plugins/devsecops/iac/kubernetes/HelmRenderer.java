package io.jenkins.plugins.devsecops.iac.kubernetes;

import io.jenkins.plugins.devsecops.iac.kubernetes.HelmTemplate.UnsupportedTemplateException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a parsed {@link HelmTemplate} against values, for the subset of Go templates and Sprig functions plain
 * charts use: field chains ({@code .Values.a.b}, {@code $.Release.Name}, {@code $var.x}), pipelines, variables,
 * {@code if}/{@code range}/{@code with}, {@code include}/{@code template}, and the functions listed in
 * {@link #call}. Anything else raises {@link UnsupportedTemplateException} naming it. Every output line remembers the
 * template line it came from, so findings point into the template.
 */
final class HelmRenderer {

    private static final int MAX_OUTPUT = 2 * 1024 * 1024;
    private static final int MAX_DEPTH = 40;
    private static final int MAX_ITERATIONS = 10_000;

    /** Rendered text and, per output line (0-based), the template line it came from. */
    record Rendered(String text, List<Integer> lines) {
    }

    private final Map<String, List<HelmTemplate.Node>> defines;
    private final Map<String, Object> root;
    private final StringBuilder out = new StringBuilder();
    private final List<Integer> lines = new ArrayList<>();
    private int depth;
    private int iterations;

    private HelmRenderer(Map<String, List<HelmTemplate.Node>> defines, Map<String, Object> root) {
        this.defines = defines;
        this.root = root;
        lines.add(0);
    }

    /** Renders {@code nodes} with {@code root} as both {@code .} and {@code $}. */
    static Rendered render(List<HelmTemplate.Node> nodes, Map<String, List<HelmTemplate.Node>> defines,
            Map<String, Object> root) throws UnsupportedTemplateException {
        HelmRenderer renderer = new HelmRenderer(defines, root);
        Map<String, Object> variables = new HashMap<>();
        variables.put("$", root);
        renderer.renderAll(nodes, root, variables);
        return new Rendered(renderer.out.toString(), List.copyOf(renderer.lines));
    }

    private void emit(String text, int line, boolean literal) throws UnsupportedTemplateException {
        if (out.length() + text.length() > MAX_OUTPUT) {
            throw new UnsupportedTemplateException("rendered output exceeds " + MAX_OUTPUT + " characters");
        }
        int current = line;
        if (lines.get(lines.size() - 1) == 0) {
            lines.set(lines.size() - 1, current);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '\n') {
                if (literal) {
                    current++;
                }
                lines.add(current);
            }
        }
    }

    private void renderAll(List<HelmTemplate.Node> nodes, Object dot, Map<String, Object> variables)
            throws UnsupportedTemplateException {
        for (HelmTemplate.Node node : nodes) {
            render(node, dot, variables);
        }
    }

    private void render(HelmTemplate.Node node, Object dot, Map<String, Object> variables)
            throws UnsupportedTemplateException {
        switch (node) {
            case HelmTemplate.Text text -> emit(text.text(), text.line(), true);
            case HelmTemplate.Action action -> {
                Object value = evaluateStatement(action.pipeline(), dot, variables);
                if (value != NO_OUTPUT) {
                    emit(print(value), action.line(), false);
                }
            }
            case HelmTemplate.If branch -> {
                for (int i = 0; i < branch.conditions().size(); i++) {
                    if (truthy(pipeline(branch.conditions().get(i), dot, variables))) {
                        renderAll(branch.bodies().get(i), dot, new HashMap<>(variables));
                        return;
                    }
                }
                renderAll(branch.otherwise(), dot, new HashMap<>(variables));
            }
            case HelmTemplate.With with -> {
                Object value = pipeline(with.pipeline(), dot, variables);
                renderAll(truthy(value) ? with.body() : with.otherwise(), truthy(value) ? value : dot,
                        new HashMap<>(variables));
            }
            case HelmTemplate.Range range -> renderRange(range, dot, variables);
            case HelmTemplate.Call call -> {
                Object argument = call.pipeline().isBlank() ? null : pipeline(call.pipeline(), dot, variables);
                emit(include(call.name(), argument), call.line(), false);
            }
        }
    }

    private void renderRange(HelmTemplate.Range range, Object dot, Map<String, Object> variables)
            throws UnsupportedTemplateException {
        Object value = pipeline(range.pipeline(), dot, variables);
        List<Map.Entry<Object, Object>> items = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            new java.util.TreeMap<>(map).forEach((k, v) -> items.add(Map.entry(k, v == null ? NULL : v)));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                items.add(Map.entry((long) i, list.get(i) == null ? NULL : list.get(i)));
            }
        } else if (value instanceof Long count) {
            if (count > MAX_ITERATIONS) {
                throw new UnsupportedTemplateException("more than " + MAX_ITERATIONS + " range iterations");
            }
            for (long i = 0; i < count; i++) {
                items.add(Map.entry(i, i));
            }
        }
        if (items.isEmpty()) {
            renderAll(range.otherwise(), dot, new HashMap<>(variables));
            return;
        }
        for (Map.Entry<Object, Object> item : items) {
            if (++iterations > MAX_ITERATIONS) {
                throw new UnsupportedTemplateException("more than " + MAX_ITERATIONS + " range iterations");
            }
            Map<String, Object> scope = new HashMap<>(variables);
            Object element = item.getValue() == NULL ? null : item.getValue();
            if (range.keyVariable() != null) {
                scope.put(range.keyVariable(), item.getKey());
            }
            if (range.valueVariable() != null) {
                scope.put(range.valueVariable(), element);
            }
            renderAll(range.body(), element, scope);
        }
    }

    private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern
            .compile("^(\\$[A-Za-z0-9_]*)\\s*:?=\\s*(.+)$", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?[0-9]+");
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?[0-9]*\\.[0-9]+");
    private static final Object NO_OUTPUT = new Object();
    private static final Object NULL = new Object();

    /** An action: an assignment ({@code $x := p}, {@code $x = p}) or a pipeline to print. */
    private Object evaluateStatement(String statement, Object dot, Map<String, Object> variables)
            throws UnsupportedTemplateException {
        java.util.regex.Matcher assignment = ASSIGNMENT.matcher(statement);
        if (assignment.matches()) {
            variables.put(assignment.group(1), pipeline(assignment.group(2), dot, variables));
            return NO_OUTPUT;
        }
        return pipeline(statement, dot, variables);
    }

    /** Evaluates {@code a | b x | c}: each command gets the previous result as its last argument. */
    Object pipeline(String text, Object dot, Map<String, Object> variables) throws UnsupportedTemplateException {
        if (++depth > MAX_DEPTH * 50) {
            throw new UnsupportedTemplateException("template evaluation too deep");
        }
        try {
            Object result = null;
            boolean first = true;
            for (String command : splitTopLevel(text, '|')) {
                List<String> words = words(command.strip());
                if (words.isEmpty()) {
                    throw new UnsupportedTemplateException("empty command in '" + text + "'");
                }
                List<Object> arguments = new ArrayList<>();
                String head = words.get(0);
                boolean function = Character.isLetter(head.charAt(0)) && !head.equals("true") && !head.equals("false")
                        && !head.equals("nil");
                if (function) {
                    for (String word : words.subList(1, words.size())) {
                        arguments.add(operand(word, dot, variables));
                    }
                    if (!first) {
                        arguments.add(result);
                    }
                    result = call(head, arguments, dot);
                } else if (head.endsWith(".Has") && head.contains("APIVersions")) {
                    result = true;
                } else {
                    if (words.size() > 1 || !first) {
                        throw new UnsupportedTemplateException("cannot call '" + head + "'");
                    }
                    result = operand(head, dot, variables);
                }
                first = false;
            }
            return result;
        } finally {
            depth--;
        }
    }

    private Object operand(String word, Object dot, Map<String, Object> variables)
            throws UnsupportedTemplateException {
        if (word.startsWith("(") && word.endsWith(")")) {
            return pipeline(word.substring(1, word.length() - 1), dot, variables);
        }
        if (word.startsWith("\"") && word.endsWith("\"") && word.length() >= 2) {
            return unescape(word.substring(1, word.length() - 1));
        }
        if (word.startsWith("`") && word.endsWith("`") && word.length() >= 2) {
            return word.substring(1, word.length() - 1);
        }
        if (word.startsWith("'") && word.endsWith("'") && word.length() == 3) {
            return (long) word.charAt(1);
        }
        switch (word) {
            case "true":
                return true;
            case "false":
                return false;
            case "nil":
                return null;
            case ".":
                return dot;
            default:
                break;
        }
        if (INTEGER.matcher(word).matches()) {
            return Long.parseLong(word);
        }
        if (DECIMAL.matcher(word).matches()) {
            return Double.parseDouble(word);
        }
        if (word.startsWith(".")) {
            return fields(dot, word.substring(1));
        }
        if (word.startsWith("$")) {
            int dotAt = word.indexOf('.');
            String name = dotAt < 0 ? word : word.substring(0, dotAt);
            if (!variables.containsKey(name)) {
                throw new UnsupportedTemplateException("undefined variable " + name);
            }
            Object value = variables.get(name);
            return dotAt < 0 ? value : fields(value, word.substring(dotAt + 1));
        }
        if (Character.isLetter(word.charAt(0))) {
            return call(word, List.of(), dot);
        }
        throw new UnsupportedTemplateException("cannot read '" + word + "'");
    }

    private static Object fields(Object value, String chain) {
        Object current = value;
        for (String field : chain.split("\\.")) {
            if (field.isEmpty()) {
                continue;
            }
            current = current instanceof Map<?, ?> map ? map.get(field) : null;
        }
        return current;
    }

    private String include(String name, Object argument) throws UnsupportedTemplateException {
        List<HelmTemplate.Node> body = defines.get(name);
        if (body == null) {
            throw new UnsupportedTemplateException("template \"" + name + "\" is not defined");
        }
        if (depth > MAX_DEPTH * 50 - 10) {
            throw new UnsupportedTemplateException("include nesting too deep");
        }
        HelmRenderer nested = new HelmRenderer(defines, root);
        nested.depth = depth + 10;
        Map<String, Object> variables = new HashMap<>();
        variables.put("$", root);
        nested.renderAll(body, argument, variables);
        return nested.out.toString();
    }

    /** The functions supported, from Go templates and Sprig. */
    private Object call(String name, List<Object> args, Object dot) throws UnsupportedTemplateException {
        switch (name) {
            case "default":
                need(name, args, 2);
                return truthy(args.get(args.size() - 1)) ? args.get(args.size() - 1) : args.get(0);
            case "quote":
                return args.isEmpty() ? "\"\"" : "\"" + print(args.get(args.size() - 1)).replace("\"", "\\\"") + "\"";
            case "squote":
                return args.isEmpty() ? "''" : "'" + print(args.get(args.size() - 1)) + "'";
            case "toYaml":
                need(name, args, 1);
                return HelmValues.toYaml(args.get(0)).stripTrailing();
            case "toJson", "toRawJson", "toPrettyJson":
                need(name, args, 1);
                return HelmValues.toJson(args.get(0));
            case "nindent":
                need(name, args, 2);
                return "\n" + indent(print(args.get(1)), (int) number(args.get(0)));
            case "indent":
                need(name, args, 2);
                return indent(print(args.get(1)), (int) number(args.get(0)));
            case "include":
                need(name, args, 1);
                return include(print(args.get(0)), args.size() > 1 ? args.get(1) : null);
            case "tpl":
                need(name, args, 1);
                return print(args.get(0));
            case "required":
                need(name, args, 2);
                return args.get(1);
            case "printf":
                need(name, args, 1);
                return printf(print(args.get(0)), args.subList(1, args.size()));
            case "print", "cat":
                return String.join(name.equals("cat") ? " " : "", args.stream().map(HelmRenderer::print).toList());
            case "println":
                return String.join(" ", args.stream().map(HelmRenderer::print).toList()) + "\n";
            case "trim":
                need(name, args, 1);
                return print(args.get(0)).strip();
            case "trimSuffix":
                need(name, args, 2);
                String suffix = print(args.get(0));
                String text = print(args.get(1));
                return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
            case "trimPrefix":
                need(name, args, 2);
                String prefix = print(args.get(0));
                String value = print(args.get(1));
                return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
            case "trunc":
                need(name, args, 2);
                String full = print(args.get(1));
                int length = (int) number(args.get(0));
                return length >= 0 && full.length() > length ? full.substring(0, length) : full;
            case "lower":
                need(name, args, 1);
                return print(args.get(0)).toLowerCase(Locale.ROOT);
            case "upper":
                need(name, args, 1);
                return print(args.get(0)).toUpperCase(Locale.ROOT);
            case "replace":
                need(name, args, 3);
                return print(args.get(2)).replace(print(args.get(0)), print(args.get(1)));
            case "b64enc":
                need(name, args, 1);
                return Base64.getEncoder().encodeToString(print(args.get(0)).getBytes(StandardCharsets.UTF_8));
            case "toString":
                need(name, args, 1);
                return print(args.get(0));
            case "int", "int64":
                need(name, args, 1);
                return (long) number(args.get(0));
            case "float64":
                need(name, args, 1);
                return number(args.get(0));
            case "not":
                need(name, args, 1);
                return !truthy(args.get(0));
            case "and": {
                Object last = true;
                for (Object arg : args) {
                    last = arg;
                    if (!truthy(arg)) {
                        return arg;
                    }
                }
                return last;
            }
            case "or": {
                Object last = false;
                for (Object arg : args) {
                    last = arg;
                    if (truthy(arg)) {
                        return arg;
                    }
                }
                return last;
            }
            case "eq":
                need(name, args, 2);
                for (Object other : args.subList(1, args.size())) {
                    if (same(args.get(0), other)) {
                        return true;
                    }
                }
                return false;
            case "ne":
                need(name, args, 2);
                return !same(args.get(0), args.get(1));
            case "lt", "le", "gt", "ge": {
                need(name, args, 2);
                double a = number(args.get(0));
                double b = number(args.get(1));
                return switch (name) {
                    case "lt" -> a < b;
                    case "le" -> a <= b;
                    case "gt" -> a > b;
                    default -> a >= b;
                };
            }
            case "empty":
                return args.isEmpty() || !truthy(args.get(0));
            case "hasKey":
                need(name, args, 2);
                return args.get(0) instanceof Map<?, ?> map && map.containsKey(print(args.get(1)));
            case "len":
                need(name, args, 1);
                return (long) (args.get(0) instanceof Map<?, ?> m ? m.size() : args.get(0) instanceof List<?> l
                        ? l.size() : print(args.get(0)).length());
            case "list":
                return new ArrayList<>(args);
            case "dict": {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i + 1 < args.size(); i += 2) {
                    map.put(print(args.get(i)), args.get(i + 1));
                }
                return map;
            }
            case "index": {
                need(name, args, 2);
                Object current = args.get(0);
                for (Object key : args.subList(1, args.size())) {
                    if (current instanceof Map<?, ?> map) {
                        current = map.get(print(key));
                    } else if (current instanceof List<?> list) {
                        int at = (int) number(key);
                        current = at >= 0 && at < list.size() ? list.get(at) : null;
                    } else {
                        current = null;
                    }
                }
                return current;
            }
            case "get":
                need(name, args, 2);
                return args.get(0) instanceof Map<?, ?> map ? map.get(print(args.get(1))) : "";
            case "contains":
                need(name, args, 2);
                return print(args.get(1)).contains(print(args.get(0)));
            case "hasPrefix":
                need(name, args, 2);
                return print(args.get(1)).startsWith(print(args.get(0)));
            case "hasSuffix":
                need(name, args, 2);
                return print(args.get(1)).endsWith(print(args.get(0)));
            case "ternary":
                need(name, args, 3);
                return truthy(args.get(2)) ? args.get(0) : args.get(1);
            case "coalesce":
                for (Object arg : args) {
                    if (truthy(arg)) {
                        return arg;
                    }
                }
                return null;
            case "join":
                need(name, args, 2);
                return args.get(1) instanceof List<?> list
                        ? String.join(print(args.get(0)), list.stream().map(HelmRenderer::print).toList())
                        : print(args.get(1));
            case "semverCompare":
                return true;
            case "kindIs":
                need(name, args, 2);
                return kindOf(args.get(1)).equals(print(args.get(0)));
            case "typeOf", "kindOf":
                need(name, args, 1);
                return kindOf(args.get(0));
            case "merge", "mergeOverwrite": {
                Map<String, Object> merged = new LinkedHashMap<>();
                for (int i = args.size() - 1; i >= 0; i--) {
                    if (args.get(i) instanceof Map<?, ?> map) {
                        map.forEach((k, v) -> merged.put(String.valueOf(k), v));
                    }
                }
                return merged;
            }
            case "sha256sum":
                need(name, args, 1);
                return HelmValues.sha256(print(args.get(0)));
            case "randAlphaNum", "randAlpha", "randNumeric":
                return "randomvalue";
            case "uuidv4":
                return "00000000-0000-4000-8000-000000000000";
            case "now":
                return "1970-01-01T00:00:00Z";
            case "lookup":
                return new LinkedHashMap<String, Object>();
            case "fail":
                throw new UnsupportedTemplateException("the chart calls fail: " + (args.isEmpty() ? ""
                        : print(args.get(0))));
            default:
                throw new UnsupportedTemplateException("function '" + name + "' is not supported");
        }
    }

    private static String kindOf(Object value) {
        if (value instanceof Map) {
            return "map";
        }
        if (value instanceof List) {
            return "slice";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long) {
            return "int64";
        }
        if (value instanceof Double) {
            return "float64";
        }
        return value == null ? "invalid" : "string";
    }

    private static void need(String name, List<Object> args, int count) throws UnsupportedTemplateException {
        if (args.size() < count) {
            throw new UnsupportedTemplateException(name + " needs " + count + " arguments");
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return print(a).equals(print(b)) && (a == null) == (b == null);
    }

    private static double number(Object value) throws UnsupportedTemplateException {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value == null) {
            return 0;
        }
        try {
            return Double.parseDouble(print(value).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean truthy(Object value) {
        if (value == null || value instanceof Boolean b && !b) {
            return false;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    static String print(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return HelmValues.goFormat(value);
        }
        return value.toString();
    }

    private static String indent(String text, int spaces) {
        String pad = " ".repeat(Math.max(0, Math.min(spaces, 200)));
        StringBuilder result = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (result.length() > 0) {
                result.append('\n');
            }
            result.append(pad).append(line);
        }
        return result.toString();
    }

    private static String printf(String format, List<Object> args) {
        StringBuilder result = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                char verb = format.charAt(++i);
                if (verb == '%') {
                    result.append('%');
                } else {
                    Object arg = next < args.size() ? args.get(next++) : null;
                    result.append(verb == 'q' ? "\"" + print(arg) + "\"" : print(arg));
                }
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** Splits on {@code separator} outside quotes and parentheses. */
    static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int nesting = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                nesting++;
            } else if (c == ')') {
                nesting--;
            } else if (c == separator && nesting == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The words of a command: quoted strings and parenthesised pipelines stay whole. */
    private static List<String> words(String command) throws UnsupportedTemplateException {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"' || c == '`') {
                i++;
                while (i < command.length() && command.charAt(i) != c) {
                    if (command.charAt(i) == '\\' && c == '"') {
                        i++;
                    }
                    i++;
                }
                i++;
            } else if (c == '(') {
                int nesting = 0;
                char quote = 0;
                while (i < command.length()) {
                    char d = command.charAt(i);
                    if (quote != 0) {
                        if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '"' || d == '`') {
                        quote = d;
                    } else if (d == '(') {
                        nesting++;
                    } else if (d == ')' && --nesting == 0) {
                        break;
                    }
                    i++;
                }
                i++;
                while (i < command.length() && !Character.isWhitespace(command.charAt(i))) {
                    i++;
                }
            } else {
                while (i < command.length() && !Character.isWhitespace(command.charAt(i))) {
                    i++;
                }
            }
            if (i > command.length()) {
                throw new UnsupportedTemplateException("unterminated quote or parenthesis in '" + command + "'");
            }
            words.add(command.substring(start, Math.min(i, command.length())));
        }
        return words;
    }
}
