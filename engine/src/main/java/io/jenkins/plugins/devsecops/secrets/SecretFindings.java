package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.EngineVersion;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.scan.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * Turns {@link SecretMatch}es into findings: redacted snippet and message, salted fingerprint, line and column
 * range, lower confidence under test paths, and inline {@code devsecops:ignore} suppressions. The secret value is
 * never copied into a finding. Immutable and thread-safe.
 */
final class SecretFindings {

    /** The id of the stage. */
    static final String STAGE = "secrets";

    private final Predicate<String> knownRuleIds;

    /**
     * @param knownRuleIds which words are rule ids, to read {@code devsecops:ignore RULE-ID} comments
     */
    SecretFindings(Predicate<String> knownRuleIds) {
        this.knownRuleIds = knownRuleIds;
    }

    /**
     * The findings of {@code matches} in {@code text}.
     *
     * @param path the file's path, as reported
     * @param lines the line index of {@code text}
     * @param reportedLine maps a 1-based line of {@code text} to the line reported (identity for files; history
     *     texts are made of added lines only)
     */
    List<Finding> create(String path, String text, LineIndex lines, List<SecretMatch> matches,
            IntUnaryOperator reportedLine) {
        int[] spans = new int[matches.size() * 2];
        for (int i = 0; i < matches.size(); i++) {
            spans[2 * i] = matches.get(i).secretStart();
            spans[2 * i + 1] = matches.get(i).secretEnd();
        }
        sortSpans(spans);
        int[] maxEnds = SecretRedaction.maxEnds(spans);
        boolean testPath = TestPaths.isTest(path);
        List<Finding> findings = new ArrayList<>(matches.size());
        for (SecretMatch match : matches) {
            findings.add(create(path, text, lines, match, spans, maxEnds, testPath, reportedLine));
        }
        return findings;
    }

    private Finding create(String path, String text, LineIndex lines, SecretMatch match, int[] spans, int[] maxEnds,
            boolean testPath, IntUnaryOperator reportedLine) {
        SecretRule rule = match.rule();
        int line = lines.lineOf(match.secretStart());
        int endLine = lines.lineOf(Math.max(match.secretStart(), match.secretEnd() - 1));
        int lineStart = lines.startOf(line);
        int lineEnd = line < lines.lineCount() ? lines.startOf(line + 1) - 1 : text.length();
        if (lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r') {
            lineEnd--;
        }
        String masked = SecretRedaction.mask(text.subSequence(match.secretStart(), match.secretEnd()));
        String snippet = SecretRedaction.redactLine(text, lineStart, lineEnd, spans, maxEnds, match.secretStart());
        Confidence confidence = testPath ? rule.confidence().lower() : rule.confidence();
        Finding.Builder finding = Finding.builder()
                .ruleId(rule.id())
                .stage(STAGE)
                .severity(rule.severity())
                .title(rule.title())
                .message(rule.title() + " found: " + masked + (testPath ? " (in test code)" : ""))
                .location(new Location(path, reportedLine.applyAsInt(line), lines.columnOf(match.secretStart()),
                        reportedLine.applyAsInt(endLine), lines.columnOf(Math.max(match.secretStart(), match.secretEnd() - 1)) + 1,
                        snippet))
                .cwe(SecretRule.CWE)
                .remediation(rule.remediation())
                .confidence(confidence)
                .tool(EngineVersion.tool())
                .fingerprint(SecretFingerprint.of(rule.id(), text.subSequence(match.secretStart(), match.secretEnd())))
                .property("provider", rule.provider())
                .property("reason", reason(text, match, masked, spans));
        if (!rule.isBuiltIn()) {
            finding.property("ruleFile", rule.origin());
        }
        Suppression suppression = inlineSuppression(path, text.length(), lines, line, rule.id(), reportedLine, spans,
                maxEnds);
        if (suppression != null) {
            finding.suppression(suppression);
        }
        return finding.build();
    }

    /** Characters of context kept on each side of the secret in a finding's reason. */
    static final int REASON_CONTEXT = 48;

    /**
     * Why the finding was reported, so that a user can judge it without opening the file: the rule, the matched
     * context on the secret's line with the secret (and any other secret) masked, and the value's entropy.
     */
    static String reason(String text, SecretMatch match, String masked, int[] spans) {
        int lineStart = match.secretStart();
        while (lineStart > 0 && match.secretStart() - lineStart < REASON_CONTEXT && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int from = Math.max(lineStart, Math.min(match.matchStart(), match.secretStart()));
        int to = match.secretEnd();
        while (to < text.length() && to < match.matchEnd() && to - match.secretEnd() < REASON_CONTEXT
                && text.charAt(to) != '\n' && text.charAt(to) != '\r') {
            to++;
        }
        String before = text.substring(from, match.secretStart());
        String after = text.substring(match.secretEnd(), to);
        for (int i = 0; i + 1 < spans.length; i += 2) {
            boolean other = spans[i] != match.secretStart() || spans[i + 1] != match.secretEnd();
            if (other && spans[i] < match.secretStart() && spans[i + 1] > from) {
                before = "";
            }
            if (other && spans[i] < to && spans[i + 1] > match.secretEnd()) {
                after = "";
            }
        }
        String context = SecretRedaction.maskRandomTokens((before + masked + after).strip());
        StringBuilder reason = new StringBuilder("rule ").append(match.rule().id()).append(" matched `")
                .append(context.replace('`', '\'')).append('`');
        reason.append(String.format(java.util.Locale.ROOT, "; entropy %.2f bits/char over %d characters",
                ShannonEntropy.of(text, match.secretStart(), match.secretEnd()), match.secretEnd() - match.secretStart()));
        if (match.rule().minEntropy() > 0) {
            reason.append(String.format(java.util.Locale.ROOT, " (rule minimum %.1f)", match.rule().minEntropy()));
        }
        return reason.toString();
    }

    private Suppression inlineSuppression(String path, int textLength, LineIndex lines, int line, String ruleId,
            IntUnaryOperator reportedLine, int[] spans, int[] maxEnds) {
        for (int candidate = line; candidate >= Math.max(1, line - 1); candidate--) {
            // measure before copying: a long line (minified code) would be copied once per finding on it
            int length = (candidate < lines.lineCount() ? lines.startOf(candidate + 1) : textLength)
                    - lines.startOf(candidate);
            if (length >= 10_000) {
                continue;
            }
            String text = lines.line(candidate);
            if (text.length() < 10_000 && InlineIgnore.foreignMarker(text, candidate == line)) {
                return new Suppression("inline", "Allowed by another scanner's marker in a comment", null, null,
                        path + ":" + reportedLine.applyAsInt(candidate));
            }
            if (text.length() < 10_000 && InlineIgnore.applies(text, ruleId, knownRuleIds)) {
                // The reason is the comment's text, unless a secret was found on that line.
                String reason = holdsSecret(lines, candidate, spans, maxEnds) ? "Ignored by an inline devsecops:ignore comment"
                        : InlineIgnore.reason(text);
                return new Suppression("inline", reason, null, null, path + ":" + reportedLine.applyAsInt(candidate));
            }
        }
        return null;
    }

    private static boolean holdsSecret(LineIndex lines, int line, int[] spans, int[] maxEnds) {
        int start = lines.startOf(line);
        int end = line < lines.lineCount() ? lines.startOf(line + 1) : Integer.MAX_VALUE;
        for (int i = 2 * SecretRedaction.firstSpanEndingAfter(maxEnds, start); i + 1 < spans.length && spans[i] < end; i += 2) {
            if (spans[i + 1] > start) {
                return true;
            }
        }
        return false;
    }

    private static void sortSpans(int[] spans) {
        // Insertion sort of start/end pairs by start: there are few matches per file.
        for (int i = 2; i < spans.length; i += 2) {
            int start = spans[i];
            int end = spans[i + 1];
            int j = i - 2;
            while (j >= 0 && spans[j] > start) {
                spans[j + 2] = spans[j];
                spans[j + 3] = spans[j + 1];
                j -= 2;
            }
            spans[j + 2] = start;
            spans[j + 3] = end;
        }
    }
}
