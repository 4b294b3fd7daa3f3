package io.jenkins.plugins.devsecops.iac.dockerfile;

import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Dockerfiles: parser directives ({@code # escape=}), comments, line continuations, heredocs
 * ({@code RUN <<EOF}), flags, multi-stage builds and {@code ARG}/{@code ENV} expansion
 * ({@code $A}, {@code ${A}}, {@code ${A:-default}}, {@code ${A:+alt}}).
 */
public final class DockerfileParser {

    /** The largest Dockerfile read, in characters. */
    public static final int MAX_CHARACTERS = 1024 * 1024;
    private static final int MAX_INSTRUCTIONS = 20_000;
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(\"[^\"]*\"|'[^']*'|\\S*)");
    /*
     * The expressions below were given to String.split and String.matches, which compiled them again at every call
     * (once per line or instruction of every Dockerfile); Pattern.split and matcher(...).matches() are what those
     * methods run, so the results are the same.
     */
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)");
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]+");

    private DockerfileParser() {
    }

    /**
     * Parses a Dockerfile.
     *
     * @throws IacParseException when the file is too large, has no {@code FROM}, or an instruction precedes it
     */
    public static Dockerfile parse(String path, String text) throws IacParseException {
        return parse(path, text, warning -> { });
    }

    /** The longest value one expansion may produce. */
    static final int MAX_EXPANDED = 64 * 1024;

    /** The characters all expansions of one file may produce together. */
    static final long EXPANSION_BUDGET = 4L * MAX_CHARACTERS;

    /**
     * What variable expansion may still produce in one file: {@code ENV}/{@code ARG} values that reference each
     * other can double at every line, so expansion stops at a budget and the rest is analysed as written.
     */
    private static final class ExpansionBudget {
        long remaining = EXPANSION_BUDGET;
        boolean exhausted;
    }

    /**
     * Parses a Dockerfile; {@code warnings} hears when variable expansion was stopped at its budget.
     *
     * @throws IacParseException when the file is too large, has no {@code FROM}, or an instruction precedes it
     */
    public static Dockerfile parse(String path, String text, java.util.function.Consumer<String> warnings)
            throws IacParseException {
        ExpansionBudget budget = new ExpansionBudget();
        Dockerfile parsed = parse(path, text, budget);
        if (budget.exhausted) {
            warnings.accept("ENV/ARG values grow beyond " + MAX_EXPANDED + " characters or the file's expansion"
                    + " budget (" + EXPANSION_BUDGET + "): later variables were analysed as written, not expanded");
        }
        return parsed;
    }

    private static Dockerfile parse(String path, String text, ExpansionBudget budget) throws IacParseException {
        if (text.length() > MAX_CHARACTERS) {
            throw new IacParseException("Dockerfile too large to analyse (" + text.length() + " characters)");
        }
        List<DockerInstruction> instructions = instructions(text);
        List<DockerInstruction> globalArgs = new ArrayList<>();
        List<DockerStage> stages = new ArrayList<>();
        Map<String, String> globalValues = new HashMap<>();
        DockerInstruction from = null;
        String stageName = null;
        String baseImage = null;
        List<DockerInstruction> body = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        for (DockerInstruction raw : instructions) {
            if (raw.is("FROM")) {
                if (from != null) {
                    stages.add(new DockerStage(stages.size(), stageName, baseImage, from, body));
                }
                DockerInstruction expanded = withExpansion(raw, globalValues, budget);
                String[] words = ShellCommands.WHITESPACE.split(expanded.expanded().trim());
                baseImage = words.length > 0 ? words[0] : "";
                stageName = words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
                from = expanded;
                body = new ArrayList<>();
                values = new HashMap<>(globalValues);
                continue;
            }
            if (from == null) {
                if (raw.is("ARG")) {
                    globalArgs.add(raw);
                    assign(raw.arguments(), globalValues, true);
                    continue;
                }
                throw new IacParseException("Instruction " + raw.keyword() + " before the first FROM at line "
                        + raw.line());
            }
            DockerInstruction expanded = withExpansion(raw, values, budget);
            body.add(expanded);
            if (raw.is("ARG") || raw.is("ENV")) {
                assign(expanded.expanded(), values, raw.is("ARG"));
            }
        }
        if (from == null) {
            throw new IacParseException("No FROM instruction: not a Dockerfile");
        }
        stages.add(new DockerStage(stages.size(), stageName, baseImage, from, body));
        return new Dockerfile(path, globalArgs, stages);
    }

    private static void assign(String arguments, Map<String, String> values, boolean isArg) {
        Matcher matcher = KEY_VALUE.matcher(arguments);
        boolean any = false;
        while (matcher.find()) {
            values.put(matcher.group(1), unquote(matcher.group(2)));
            any = true;
        }
        if (!any) {
            String[] parts = ShellCommands.WHITESPACE.split(arguments.trim(), 2);
            if (!parts[0].isEmpty() && !isArg && parts.length == 2) {
                values.put(parts[0], unquote(parts[1].trim()));
            }
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static DockerInstruction withExpansion(DockerInstruction raw, Map<String, String> values,
            ExpansionBudget budget) {
        String expanded = budget.exhausted ? raw.arguments() : expand(raw.arguments(), values);
        if (expanded.length() > MAX_EXPANDED || expanded.length() > budget.remaining) {
            budget.exhausted = true;
            expanded = raw.arguments();
        } else if (expanded != raw.arguments()) {
            budget.remaining -= expanded.length();
        }
        return new DockerInstruction(raw.keyword(), raw.arguments(), expanded, raw.flags(), raw.line(), raw.endLine());
    }

    /**
     * Substitutes the known variables of {@code text}; unknown ones stay as written. Stops once the result is
     * longer than {@link #MAX_EXPANDED} (the caller then keeps the text as written).
     */
    static String expand(String text, Map<String, String> values) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
            String value = values.get(name);
            String replacement;
            if ("-".equals(matcher.group(2))) {
                replacement = value == null || value.isEmpty() ? matcher.group(3) : value;
            } else if ("+".equals(matcher.group(2))) {
                replacement = value == null || value.isEmpty() ? "" : matcher.group(3);
            } else {
                replacement = value == null ? matcher.group() : value;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            if (out.length() > MAX_EXPANDED) {
                return out.toString();
            }
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<DockerInstruction> instructions(String text) throws IacParseException {
        String[] lines = LINE_BREAK.split(text, -1);
        char escape = '\\';
        int index = 0;
        while (index < lines.length) {
            String line = lines[index].trim();
            Matcher directive = DIRECTIVE.matcher(line);
            if (!directive.matches()) {
                break;
            }
            if (directive.group(1).equalsIgnoreCase("escape") && directive.group(2).length() == 1) {
                escape = directive.group(2).charAt(0);
            }
            index++;
        }
        List<DockerInstruction> result = new ArrayList<>();
        while (index < lines.length) {
            String line = lines[index];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                index++;
                continue;
            }
            int start = index + 1;
            StringBuilder logical = new StringBuilder();
            String current = trimmed;
            while (true) {
                String stripped = current.stripTrailing();
                if (!stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape) {
                    logical.append(stripped, 0, stripped.length() - 1).append(' ');
                    index++;
                    while (index < lines.length && (lines[index].strip().startsWith("#"))) {
                        index++;
                    }
                    if (index >= lines.length) {
                        break;
                    }
                    current = lines[index].strip();
                } else {
                    logical.append(stripped);
                    break;
                }
            }
            int end = Math.min(index + 1, lines.length);
            index++;
            String statement = logical.toString().trim();
            String[] split = ShellCommands.WHITESPACE.split(statement, 2);
            String keyword = split[0];
            String arguments = split.length > 1 ? split[1] : "";
            if (!LETTERS.matcher(keyword).matches()) {
                throw new IacParseException("Not a Dockerfile instruction at line " + start);
            }
            Map<String, String> flags = new LinkedHashMap<>();
            while (arguments.startsWith("--")) {
                String[] flagAndRest = ShellCommands.WHITESPACE.split(arguments, 2);
                String flag = flagAndRest[0].substring(2);
                int equals = flag.indexOf('=');
                flags.put((equals < 0 ? flag : flag.substring(0, equals)).toLowerCase(Locale.ROOT),
                        equals < 0 ? "" : flag.substring(equals + 1));
                arguments = flagAndRest.length > 1 ? flagAndRest[1] : "";
            }
            Matcher heredoc = HEREDOC.matcher(arguments);
            StringBuilder withBodies = new StringBuilder(arguments);
            while (heredoc.find() && !keyword.equalsIgnoreCase("ENV") && !keyword.equalsIgnoreCase("ARG")) {
                String marker = heredoc.group(3);
                while (index < lines.length && !lines[index].strip().equals(marker)) {
                    withBodies.append('\n').append(lines[index]);
                    index++;
                }
                if (index >= lines.length) {
                    throw new IacParseException("Unterminated heredoc <<" + marker + " at line " + start);
                }
                end = index + 1;
                index++;
            }
            result.add(new DockerInstruction(keyword, withBodies.toString(), withBodies.toString(), flags, start, end));
            if (result.size() > MAX_INSTRUCTIONS) {
                throw new IacParseException("Dockerfile has more than " + MAX_INSTRUCTIONS + " instructions");
            }
        }
        return result;
    }
}
