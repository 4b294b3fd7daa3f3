package io.jenkins.plugins.devsecops.imports;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Semgrep JSON ({@code --json}). Severity: ERROR → HIGH, WARNING → MEDIUM, INFO → LOW, INVENTORY and
 * EXPERIMENT → INFO; the newer CRITICAL, HIGH, MEDIUM, LOW map one to one. CWE and OWASP ids come from the rule
 * metadata. Matched lines are not copied (a secrets rule's match is the secret). The {@code fingerprint} field
 * is used unless it is the placeholder {@code requires login}. Scan errors become warnings.
 */
final class SemgrepParser implements ReportParser {

    private static final String RESULT = "/results/*";
    private static final String ERROR = "/errors/*";
    private static final String VERSION = "/version";
    private static final SeverityTable SEVERITIES = new SeverityTable(Map.of("error", Severity.HIGH,
            "warning", Severity.MEDIUM, "info", Severity.LOW, "inventory", Severity.INFO, "experiment", Severity.INFO,
            "critical", Severity.CRITICAL, "high", Severity.HIGH, "medium", Severity.MEDIUM, "low", Severity.LOW),
            Severity.MEDIUM);

    @Override
    public String format() {
        return "semgrep";
    }

    @Override
    public String displayName() {
        return "Semgrep JSON";
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("\"check_id\"") || (head.contains("\"results\"") && head.contains("\"paths\"")
                && head.contains("\"errors\"") && !head.contains("\"test_id\""));
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        List<Finding.Builder> pending = new ArrayList<>();
        String[] version = new String[1];
        JsonToken root = new JsonRecordReader(Set.of(RESULT, ERROR, VERSION), context).read(in, (path, indexes, value) -> {
            switch (path) {
                case RESULT -> {
                    Finding.Builder builder = result(value, context);
                    if (builder != null) {
                        pending.add(builder);
                    }
                }
                case ERROR -> context.warning("Semgrep reported an error: "
                        + PlainText.clip(firstNonNull(JsonFields.text(value, "message"), JsonFields.text(value, "type")), 300));
                default -> version[0] = JsonFields.text(value);
            }
        });
        if (root != JsonToken.START_OBJECT) {
            throw new IOException("Not a Semgrep report: expected a JSON object");
        }
        ToolInfo tool = new ToolInfo("Semgrep", version[0]);
        for (int i = 0; i < pending.size(); i++) {
            context.add(pending.get(i).tool(tool));
            pending.set(i, null);
        }
    }

    private static Finding.Builder result(JsonNode result, ImportContext context) {
        String checkId = JsonFields.text(result, "check_id");
        if (checkId == null) {
            context.skip("a Semgrep result without check_id");
            return null;
        }
        JsonNode extra = result.get("extra");
        JsonNode metadata = extra == null ? null : extra.get("metadata");
        String message = JsonFields.text(extra, "message");
        String category = JsonFields.text(metadata, "category");
        boolean secret = "secrets".equalsIgnoreCase(category) || checkId.toLowerCase(Locale.ROOT).contains("secret");
        String shortName = checkId.substring(checkId.lastIndexOf('.') + 1);
        Finding.Builder builder = context.finding(null, secret ? FindingKind.SECRET : FindingKind.CODE)
                .ruleId(PlainText.clip(checkId, 300))
                .title(PlainText.clip(firstNonNull(message, shortName), PlainText.TITLE_LIMIT))
                .message(PlainText.clip(message, PlainText.TEXT_LIMIT))
                .severity(SEVERITIES.map(JsonFields.text(extra, "severity")))
                .confidence(confidence(JsonFields.text(metadata, "confidence")))
                .remediation(PlainText.clip(JsonFields.text(extra, "fix"), PlainText.TEXT_LIMIT))
                .property("url", PlainText.clip(JsonFields.text(metadata, "source"), 500));
        JsonFields.texts(metadata, "cwe").forEach(c -> builder.cwe(SecurityIds.cwe(c)));
        JsonFields.texts(metadata, "owasp").stream().limit(5).forEach(o -> builder.property("owasp", PlainText.clip(o, 100)));
        String path = context.paths().relativize(JsonFields.text(result, "path"));
        if (path != null) {
            JsonNode start = result.get("start");
            JsonNode end = result.get("end");
            builder.location(new Location(path, JsonFields.integer(start, "line"), JsonFields.integer(start, "col"),
                    JsonFields.integer(end, "line"), JsonFields.integer(end, "col"), null));
        }
        String fingerprint = JsonFields.text(extra, "fingerprint");
        if (fingerprint != null && !fingerprint.equals("requires login")) {
            builder.fingerprint(ImportContext.toolFingerprint("Semgrep", checkId, fingerprint));
        }
        if (extra != null && extra.path("is_ignored").asBoolean(false)) {
            builder.suppression(new io.jenkins.plugins.devsecops.model.Suppression("inline",
                    "nosemgrep comment", null, null, context.reportPath()));
        }
        return builder;
    }

    private static Confidence confidence(String text) {
        if (text == null) {
            return Confidence.HIGH;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "low" -> Confidence.LOW;
            case "medium" -> Confidence.MEDIUM;
            default -> Confidence.HIGH;
        };
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
