package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.scan.LineIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code devsecops:ignore RULE reason} comments of one file ({@code #} in HCL, YAML and Dockerfiles, {@code //}
 * in HCL). A comment applies to the line it is on, to the line below it, and, when it is on or just above the line
 * a resource starts on, to every finding of that resource. {@code all} or {@code *} stands for every rule. RULE may
 * also be one of the rule's Checkov ids.
 *
 * <p>Checkov's own comments, {@code checkov:skip=CKV_ID:reason}, are honoured as Checkov scopes them: anywhere inside
 * the resource (Terraform block, CloudFormation resource, YAML document) for findings of that resource, and anywhere
 * in the file for Dockerfiles.
 */
public final class InlineSuppressions {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "(?:#|//)\\s*devsecops:ignore\\s+([A-Za-z0-9_*.-]+)(?:\\s+(.*))?$");

    private static final Pattern CHECKOV = Pattern.compile(
            "(?:#|//)\\s*checkov:skip=\\s*([A-Za-z0-9_]+)\\s*(?::\\s*(.*))?$");

    private record Directive(String rule, String reason, int line) {
    }

    private final String path;
    private final Map<Integer, List<Directive>> byLine;
    private final List<Directive> checkov;
    private final boolean checkovFileWide;
    private final LineIndex lines;

    private InlineSuppressions(String path, Map<Integer, List<Directive>> byLine, List<Directive> checkov,
            boolean checkovFileWide, LineIndex lines) {
        this.path = path;
        this.byLine = byLine;
        this.checkov = checkov;
        this.checkovFileWide = checkovFileWide;
        this.lines = lines;
    }

    /** Reads the directives of a file. */
    public static InlineSuppressions of(String path, String text) {
        return of(path, text, false);
    }

    /**
     * Reads the directives of a file.
     *
     * @param checkovFileWide whether a {@code checkov:skip} comment applies to the whole file (Dockerfiles)
     */
    public static InlineSuppressions of(String path, String text, boolean checkovFileWide) {
        Map<Integer, List<Directive>> byLine = new HashMap<>();
        List<Directive> checkov = new ArrayList<>();
        LineIndex lines = new LineIndex(text);
        if (text.contains("checkov:skip=")) {
            for (int line = 1; line <= lines.lineCount(); line++) {
                String content = lines.line(line);
                if (content.contains("checkov:skip=")) {
                    Matcher matcher = CHECKOV.matcher(content);
                    if (matcher.find()) {
                        String reason = matcher.group(2) == null ? "" : matcher.group(2).strip();
                        checkov.add(new Directive(matcher.group(1), reason, line));
                    }
                }
            }
        }
        if (text.contains("devsecops:ignore")) {
            for (int line = 1; line <= lines.lineCount(); line++) {
                String content = lines.line(line);
                int at = content.indexOf("devsecops:ignore");
                if (at < 0) {
                    continue;
                }
                Matcher matcher = DIRECTIVE.matcher(content);
                if (matcher.find()) {
                    String reason = matcher.group(2) == null ? "" : matcher.group(2).strip();
                    byLine.computeIfAbsent(line, l -> new ArrayList<>())
                            .add(new Directive(matcher.group(1), reason, line));
                }
            }
        }
        return new InlineSuppressions(path, byLine, List.copyOf(checkov), checkovFileWide, lines);
    }

    /** The text of 1-based {@code line}, or the empty string. */
    public String line(int line) {
        return line >= 1 && line <= lines.lineCount() ? lines.line(line) : "";
    }

    /** The suppression of rule {@code ruleId} for a finding at {@code line} of a resource starting at {@code resourceLine}. */
    public Optional<Suppression> find(String ruleId, int line, int resourceLine) {
        return find(ruleId, List.of(), line, resourceLine);
    }

    /**
     * The suppression of rule {@code ruleId}, whose Checkov ids are {@code checkovIds}, for a finding at {@code line}
     * of a resource starting at {@code resourceLine}.
     */
    public Optional<Suppression> find(String ruleId, List<String> checkovIds, int line, int resourceLine) {
        if (!byLine.isEmpty()) {
            for (int candidate : new int[] {line, resourceLine}) {
                Optional<Suppression> found = near(ruleId, checkovIds, candidate);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (Directive directive : checkov) {
            if (checkovIds.stream().anyMatch(directive.rule()::equalsIgnoreCase)
                    && (checkovFileWide || withinResource(directive.line(), resourceLine))) {
                return Optional.of(suppression(directive));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code line} lies inside the resource that starts at {@code resourceLine}: at or after its first line and
     * before the next line as little indented as that first line (a closing brace aside), or for a resource starting
     * unindented in YAML, before the next {@code ---}.
     */
    private boolean withinResource(int line, int resourceLine) {
        if (resourceLine < 1 || line < resourceLine) {
            return false;
        }
        String first = line(resourceLine);
        int indent = indentOf(first);
        boolean yamlDocument = indent == 0 && !first.strip().endsWith("{");
        for (int between = resourceLine + 1; between <= line; between++) {
            String content = line(between);
            String stripped = content.strip();
            if (yamlDocument) {
                if (stripped.startsWith("---")) {
                    return false;
                }
                continue;
            }
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("//")
                    || stripped.startsWith("}")) {
                continue;
            }
            if (indentOf(content) <= indent) {
                return false;
            }
        }
        return true;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private Optional<Suppression> near(String ruleId, List<String> checkovIds, int line) {
        Optional<Suppression> same = match(ruleId, checkovIds, line);
        if (same.isPresent()) {
            return same;
        }
        for (int above = line - 1; above >= 1; above--) {
            Optional<Suppression> found = match(ruleId, checkovIds, above);
            if (found.isPresent()) {
                return found;
            }
            String content = line(above).strip();
            if (!content.startsWith("#") && !content.startsWith("//")) {
                break;
            }
        }
        return Optional.empty();
    }

    private Optional<Suppression> match(String ruleId, List<String> checkovIds, int line) {
        for (Directive directive : byLine.getOrDefault(line, List.of())) {
            if (directive.rule().equalsIgnoreCase(ruleId) || directive.rule().equals("*")
                    || directive.rule().equalsIgnoreCase("all")
                    || checkovIds.stream().anyMatch(directive.rule()::equalsIgnoreCase)) {
                return Optional.of(suppression(directive));
            }
        }
        return Optional.empty();
    }

    private Suppression suppression(Directive directive) {
        return new Suppression("inline", directive.reason().isEmpty() ? "suppressed inline" : directive.reason(), null,
                null, path + ":" + directive.line());
    }
}
