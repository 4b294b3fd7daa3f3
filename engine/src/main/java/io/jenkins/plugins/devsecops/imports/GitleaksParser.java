package io.jenkins.plugins.devsecops.imports;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Gitleaks JSON ({@code --report-format json}): an array of leaks. Gitleaks has no severities: every leak is
 * HIGH. The {@code Secret} and {@code Match} fields hold the secret in clear and are never read; the finding
 * keeps the rule, file, lines, commit and Gitleaks' own fingerprint (commit, file, rule and line, no secret).
 */
final class GitleaksParser implements ReportParser {

    private static final String LEAK = "/*";
    private static final ToolInfo TOOL = new ToolInfo("Gitleaks", null);

    @Override
    public String format() {
        return "gitleaks";
    }

    @Override
    public String displayName() {
        return "Gitleaks JSON";
    }

    @Override
    public boolean recognizes(String head) {
        return head.stripLeading().startsWith("[") && head.contains("\"RuleID\"")
                && (head.contains("\"Fingerprint\"") || head.contains("\"StartLine\""));
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        JsonToken root = new JsonRecordReader(Set.of(LEAK), context).read(in, (path, indexes, value) -> leak(value, context));
        if (root != JsonToken.START_ARRAY) {
            throw new IOException("Not a Gitleaks report: expected a JSON array of leaks");
        }
    }

    private static void leak(JsonNode leak, ImportContext context) {
        if (!leak.isObject()) {
            context.skip("a Gitleaks entry that is not an object");
            return;
        }
        String rule = JsonFields.text(leak, "RuleID");
        String description = JsonFields.text(leak, "Description");
        Finding.Builder builder = context.finding(TOOL, FindingKind.SECRET)
                .ruleId(rule)
                .title(PlainText.clip(description == null ? rule : description, PlainText.TITLE_LIMIT))
                .message("Gitleaks rule " + PlainText.clip(rule, 200) + " matched a secret; its value is not copied into this report")
                .severity(Severity.HIGH)
                .cwe("CWE-798")
                .remediation("Revoke and rotate the secret, then remove it from the code and its history")
                .property("commit", PlainText.clip(JsonFields.text(leak, "Commit"), 64));
        String file = context.paths().relativize(JsonFields.text(leak, "File"));
        if (file != null) {
            builder.location(new Location(file, JsonFields.integer(leak, "StartLine"), JsonFields.integer(leak, "StartColumn"),
                    JsonFields.integer(leak, "EndLine"), JsonFields.integer(leak, "EndColumn"), null));
        }
        String fingerprint = JsonFields.text(leak, "Fingerprint");
        if (fingerprint != null && rule != null) {
            builder.fingerprint(ImportContext.toolFingerprint(TOOL.name(), rule, fingerprint));
        }
        context.add(builder);
    }
}
