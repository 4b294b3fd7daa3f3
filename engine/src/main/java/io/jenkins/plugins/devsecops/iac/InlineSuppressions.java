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
 * a resource starts on, to every finding of that resource. {@code all} or {@code *} stands for every rule.
 */
public final class InlineSuppressions {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "(?:#|//)\\s*devsecops:ignore\\s+([A-Za-z0-9_*.-]+)(?:\\s+(.*))?$");

    private record Directive(String rule, String reason, int line) {
    }

    private final String path;
    private final Map<Integer, List<Directive>> byLine;
    private final LineIndex lines;

    private InlineSuppressions(String path, Map<Integer, List<Directive>> byLine, LineIndex lines) {
        this.path = path;
        this.byLine = byLine;
        this.lines = lines;
    }

    /** Reads the directives of a file. */
    public static InlineSuppressions of(String path, String text) {
        Map<Integer, List<Directive>> byLine = new HashMap<>();
        LineIndex lines = new LineIndex(text);
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
        return new InlineSuppressions(path, byLine, lines);
    }

    /** The text of 1-based {@code line}, or the empty string. */
    public String line(int line) {
        return line >= 1 && line <= lines.lineCount() ? lines.line(line) : "";
    }

    /** The suppression of rule {@code ruleId} for a finding at {@code line} of a resource starting at {@code resourceLine}. */
    public Optional<Suppression> find(String ruleId, int line, int resourceLine) {
        if (byLine.isEmpty()) {
            return Optional.empty();
        }
        for (int candidate : new int[] {line, resourceLine}) {
            Optional<Suppression> found = near(ruleId, candidate);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Suppression> near(String ruleId, int line) {
        Optional<Suppression> same = match(ruleId, line);
        if (same.isPresent()) {
            return same;
        }
        for (int above = line - 1; above >= 1; above--) {
            Optional<Suppression> found = match(ruleId, above);
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

    private Optional<Suppression> match(String ruleId, int line) {
        for (Directive directive : byLine.getOrDefault(line, List.of())) {
            if (directive.rule().equalsIgnoreCase(ruleId) || directive.rule().equals("*")
                    || directive.rule().equalsIgnoreCase("all")) {
                return Optional.of(new Suppression("inline",
                        directive.reason().isEmpty() ? "suppressed inline" : directive.reason(), null, null,
                        path + ":" + directive.line()));
            }
        }
        return Optional.empty();
    }
}
