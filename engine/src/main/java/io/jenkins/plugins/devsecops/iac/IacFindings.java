package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.RuleHit;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns rule hits into findings: location, snippet (redacted when it holds a secret), fingerprint, suppression. */
final class IacFindings {

    static final String STAGE_ID = "iac";
    private static final int MAX_SNIPPET = 200;
    private static final Pattern ASSIGNMENT = Pattern.compile("^(.*?[=:]\\s*)(\\S.*)$");
    private static final Pattern DOCKER_SPACE_FORM = Pattern.compile("^(\\s*(?:ENV|ARG)\\s+\\S+\\s+)(.+)$",
            Pattern.CASE_INSENSITIVE);

    private IacFindings() {
    }

    static Finding create(IacRule rule, RuleHit hit, int resourceLine, InlineSuppressions suppressions) {
        return create(rule, hit, resourceLine, suppressions, null);
    }

    /**
     * A finding of {@code rule} at {@code hit}; {@code annotated} is the Kubernetes object whose {@code checkov.io/skip}
     * annotations apply, or {@code null}.
     */
    static Finding create(IacRule rule, RuleHit hit, int resourceLine, InlineSuppressions suppressions,
            IacResource annotated) {
        List<String> checkov = CheckovIds.builtIn().of(rule.id());
        String line = suppressions.line(hit.line()).strip();
        String snippet = hit.sensitive() ? redact(line) : line;
        if (snippet.length() > MAX_SNIPPET) {
            snippet = snippet.substring(0, MAX_SNIPPET) + "…";
        }
        String message = rule.title() + " in " + hit.address()
                + (hit.detail() == null || hit.detail().isBlank() ? "" : ": " + hit.detail());
        Finding.Builder builder = Finding.builder()
                .ruleId(rule.id())
                .stage(STAGE_ID)
                .severity(rule.severity())
                .title(rule.title())
                .message(message)
                .location(new Location(hit.path(), hit.line(), 0, hit.line(), 0, snippet.isEmpty() ? null : snippet))
                .cwe(rule.cwe())
                .remediation(rule.remediation())
                .property("resource", hit.address())
                .property("platform", rule.platform().displayName())
                .property("attribute", hit.attribute())
                .identifiers(checkov)
                .fingerprint(FindingFingerprints.sha256(String.join("\u0000", STAGE_ID, rule.id(), hit.path(),
                        hit.address(), hit.attribute() == null ? "" : hit.attribute(),
                        withoutWhitespace(snippet))));
        if (!checkov.isEmpty()) {
            builder.property("checkov", String.join(",", checkov));
        }
        suppressions.find(rule.id(), checkov, hit.line(), resourceLine)
                .or(() -> CheckovAnnotations.find(annotated, checkov, hit.path()))
                .ifPresent(builder::suppression);
        return builder.build();
    }

    /** {@code text} without the characters {@code \s} stands for in a regular expression: {@code [ \t\n\x0B\f\r]}. */
    static String withoutWhitespace(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (space && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!space && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    /** Keeps the key of a line that assigns a secret and hides the value. */
    static String redact(String line) {
        Matcher docker = DOCKER_SPACE_FORM.matcher(line);
        if (docker.matches() && !docker.group(1).contains("=")) {
            return docker.group(1) + "****";
        }
        Matcher assignment = ASSIGNMENT.matcher(line);
        if (assignment.matches()) {
            return assignment.group(1) + "****";
        }
        return "****";
    }
}
