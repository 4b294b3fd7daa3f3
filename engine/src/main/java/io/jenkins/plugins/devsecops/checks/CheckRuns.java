package io.jenkins.plugins.devsecops.checks;

import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.RequiredStageOutcome;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import io.jenkins.plugins.devsecops.assessment.Assessment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maps an assessment onto a {@link CheckRunReport}: the verdict as the conclusion, the tripped gates and counts as
 * the summary, and the <em>new</em> findings as annotations, most severe first and capped, so that a pull request
 * shows what it introduced. Paths are made repository-relative with the scanned directory's prefix. No snippet,
 * secret value or control character goes out.
 */
public final class CheckRuns {

    /** Annotations published by default at most (GitHub shows 50 per update; more only slow the page). */
    public static final int DEFAULT_CAP = 50;
    /** The hard upper bound of the cap. */
    public static final int MAX_CAP = 1000;
    private static final int MAX_TEXT = 1000;

    private CheckRuns() {
    }

    /**
     * The check run of {@code assessment}.
     *
     * @param name the check's name
     * @param pathPrefix the scanned directory relative to the repository root ({@code ""} for the root)
     * @param cap the most annotations, 0 to {@link #MAX_CAP}
     * @param reference what the scan was compared with, e.g. {@code main #41}, or empty
     */
    public static CheckRunReport of(Assessment assessment, String name, String pathPrefix, int cap,
            String reference) {
        PolicyEvaluation evaluation = assessment.evaluation();
        BuildSummary summary = assessment.summary();
        List<Finding> fresh = assessment.report().activeFindings().stream().filter(FindingHistory::isNew)
                .sorted(Comparator.comparing(Finding::severity)
                        .thenComparing(f -> f.location() == null ? "" : f.location().path())
                        .thenComparingInt(f -> f.location() == null ? 0 : f.location().startLine()))
                .toList();
        int limit = Math.max(0, Math.min(cap, MAX_CAP));
        String prefix = normalisePrefix(pathPrefix);
        List<CheckAnnotation> annotations = new ArrayList<>();
        for (Finding finding : fresh) {
            if (annotations.size() >= limit) {
                break;
            }
            Location location = finding.location();
            if (location == null || location.path() == null || location.path().isBlank()
                    || location.startLine() < 1) {
                continue;
            }
            annotations.add(annotation(finding, prefix + clean(location.path(), 500)));
        }
        int[] added = summary.addedBySeverity();
        int newTotal = StageCounts.total(added);
        int fixed = StageCounts.total(summary.fixedBySeverity());
        CheckRunReport.Conclusion conclusion = switch (evaluation.verdict()) {
            case FAILED -> CheckRunReport.Conclusion.FAILURE;
            case UNSTABLE -> CheckRunReport.Conclusion.NEUTRAL;
            default -> CheckRunReport.Conclusion.SUCCESS;
        };
        String title = evaluation.verdict() + ": " + newTotal + " new " + (newTotal == 1 ? "finding" : "findings")
                + worst(added) + ", " + fixed + " fixed";
        return new CheckRunReport(clean(name, 100), conclusion, title, summaryText(evaluation, summary, reference),
                annotations, fresh.size() - annotations.size());
    }

    private static CheckAnnotation annotation(Finding finding, String path) {
        Location location = finding.location();
        CheckAnnotation.Level level = switch (finding.severity()) {
            case CRITICAL, HIGH -> CheckAnnotation.Level.FAILURE;
            case MEDIUM -> CheckAnnotation.Level.WARNING;
            default -> CheckAnnotation.Level.NOTICE;
        };
        StringBuilder message = new StringBuilder(clean(finding.title(), 200));
        if (finding.message() != null && !finding.message().isBlank()) {
            message.append("\n").append(clean(finding.message(), MAX_TEXT));
        }
        if (!finding.identifiers().isEmpty()) {
            message.append("\n").append(clean(String.join(", ", finding.identifiers()), 300));
        }
        if (finding.remediation() != null && !finding.remediation().isBlank()) {
            message.append("\nFix: ").append(clean(finding.remediation(), MAX_TEXT));
        }
        return new CheckAnnotation(path, location.startLine(), Math.max(location.startLine(), location.endLine()),
                level, finding.severity() + " " + clean(finding.ruleId(), 200), message.toString());
    }

    private static String worst(int[] added) {
        for (Severity severity : Severity.values()) {
            if (added[severity.ordinal()] > 0) {
                return " (" + added[severity.ordinal()] + " " + severity + ")";
            }
        }
        return "";
    }

    private static String summaryText(PolicyEvaluation evaluation, BuildSummary summary, String reference) {
        StringBuilder text = new StringBuilder();
        text.append("**Policy: ").append(evaluation.verdict()).append("** (security score ").append(summary.score())
                .append(")\n\n");
        text.append(reference == null || reference.isBlank() ? "No reference build: every finding is new.\n\n"
                : "Compared with " + markdown(reference) + ".\n\n");
        text.append("| | CRITICAL | HIGH | MEDIUM | LOW | INFO |\n|---|---|---|---|---|---|\n");
        row(text, "open", summary.openBySeverity());
        row(text, "new", summary.addedBySeverity());
        row(text, "fixed", summary.fixedBySeverity());
        List<String> tripped = new ArrayList<>();
        for (GateOutcome gate : evaluation.gates()) {
            if (gate.tripped()) {
                String origin = evaluation.gateOrigin(gate.gate().id());
                tripped.add("- gate `" + code(gate.gate().id()) + "`: " + gate.actual() + " ≥ "
                        + gate.gate().threshold() + " → " + gate.verdict()
                        + (origin.isEmpty() ? "" : " (from " + markdown(origin) + ")"));
            }
        }
        for (RequiredStageOutcome stage : evaluation.requiredStages()) {
            if (stage.verdict() != io.jenkins.plugins.devsecops.policy.PolicyVerdict.PASSED) {
                tripped.add("- required stage `" + code(stage.stage()) + "`: " + stage.status());
            }
        }
        if (!tripped.isEmpty()) {
            text.append("\n**Tripped**\n\n").append(String.join("\n", tripped)).append('\n');
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String name, int[] counts) {
        text.append("| ").append(name);
        for (int count : counts) {
            text.append(" | ").append(count);
        }
        text.append(" |\n");
    }

    /** Text with control characters replaced and cut to {@code max} characters. */
    static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) && c != '\n' ? ' ' : c);
        }
        return text.length() > max ? out.append('…').toString() : out.toString();
    }

    /** Escapes Markdown's active characters (and HTML) in untrusted text. */
    static String markdown(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : clean(text, 300).replace('\n', ' ').toCharArray()) {
            if ("\\`*_{}[]()#+-.!|<>&~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String code(String text) {
        return clean(text, 200).replace('`', '\'').replace('\n', ' ');
    }

    private static String normalisePrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String value = prefix.replace('\\', '/').trim();
        while (value.startsWith("./")) {
            value = value.substring(2);
        }
        while (value.startsWith("/")) {
            value = value.substring(1);
        }
        if (value.isEmpty() || value.equals(".")) {
            return "";
        }
        return value.endsWith("/") ? value : value + "/";
    }
}
