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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bandit JSON ({@code -f json}). Severity: HIGH, MEDIUM, LOW map one to one, UNDEFINED → INFO; Bandit's
 * confidence becomes the finding's confidence. Bandit writes no version: it is read from the documentation links
 * ({@code more_info}). The {@code code} excerpt is not copied, nor the password that the hard-coded password
 * tests (B105–B107) quote in their issue text.
 */
final class BanditParser implements ReportParser {

    private static final String RESULT = "/results/*";
    private static final String ERROR = "/errors/*";
    /** Tests whose issue text quotes the password they found. */
    private static final Set<String> PASSWORD_TESTS = Set.of("B105", "B106", "B107");
    private static final Pattern VERSION = Pattern.compile("/en/(\\d+\\.\\d+\\.\\d+)/");
    private static final SeverityTable SEVERITIES = new SeverityTable(Map.of("high", Severity.HIGH,
            "medium", Severity.MEDIUM, "low", Severity.LOW, "undefined", Severity.INFO), Severity.INFO);

    @Override
    public String format() {
        return "bandit";
    }

    @Override
    public String displayName() {
        return "Bandit JSON";
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("\"test_id\"") && head.contains("\"issue_severity\"")
                || head.contains("\"generated_at\"") && head.contains("\"metrics\"") && head.contains("\"results\"");
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        List<Finding.Builder> pending = new ArrayList<>();
        String[] version = new String[1];
        boolean[] generated = new boolean[1];
        JsonToken root = new JsonRecordReader(Set.of(RESULT, ERROR, "/generated_at"), context).read(in, (path, indexes, value) -> {
            switch (path) {
                case RESULT -> {
                    String moreInfo = JsonFields.text(value, "more_info");
                    if (version[0] == null && moreInfo != null) {
                        Matcher matcher = VERSION.matcher(moreInfo);
                        version[0] = matcher.find() ? matcher.group(1) : null;
                    }
                    pending.add(result(value, context));
                }
                case ERROR -> context.warning("Bandit could not scan "
                        + PlainText.clip(JsonFields.text(value, "filename"), 300) + ": "
                        + PlainText.clip(JsonFields.text(value, "reason"), 300));
                default -> generated[0] = true;
            }
        });
        if (root != JsonToken.START_OBJECT || (!generated[0] && pending.isEmpty())) {
            throw new IOException("Not a Bandit report: no generated_at and no results");
        }
        ToolInfo tool = new ToolInfo("Bandit", version[0]);
        pending.forEach(builder -> context.add(builder.tool(tool)));
    }

    private static Finding.Builder result(JsonNode result, ImportContext context) {
        String testId = JsonFields.text(result, "test_id");
        String text = JsonFields.text(result, "issue_text");
        if (testId != null && PASSWORD_TESTS.contains(testId)) {
            text = "Possible hardcoded password (the value is not copied into this report)";
        }
        Finding.Builder builder = context.finding(null, FindingKind.CODE)
                .ruleId(testId)
                .title(PlainText.clip(text == null ? JsonFields.text(result, "test_name") : text, PlainText.TITLE_LIMIT))
                .message(PlainText.clip(text, PlainText.TEXT_LIMIT))
                .severity(SEVERITIES.map(JsonFields.text(result, "issue_severity")))
                .confidence(confidence(JsonFields.text(result, "issue_confidence")))
                .property("testName", PlainText.clip(JsonFields.text(result, "test_name"), 200))
                .property("url", PlainText.clip(JsonFields.text(result, "more_info"), 500));
        JsonNode cwe = result.get("issue_cwe");
        if (cwe != null && cwe.isObject()) {
            builder.cwe(SecurityIds.cwe(JsonFields.text(cwe, "id")));
        }
        String path = context.paths().relativize(JsonFields.text(result, "filename"));
        if (path != null) {
            int line = JsonFields.integer(result, "line_number");
            List<String> range = JsonFields.texts(result, "line_range");
            int end = line;
            if (!range.isEmpty()) {
                try {
                    end = Math.max(line, Integer.parseInt(range.get(range.size() - 1)));
                } catch (NumberFormatException e) {
                    end = line;
                }
            }
            int column = JsonFields.integer(result, "col_offset");
            builder.location(new Location(path, line, column > 0 ? column + 1 : 0, end,
                    Math.max(0, JsonFields.integer(result, "end_col_offset")), null));
        }
        return builder;
    }

    private static Confidence confidence(String text) {
        if (text == null) {
            return Confidence.HIGH;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "low" -> Confidence.LOW;
            case "medium", "undefined" -> Confidence.MEDIUM;
            default -> Confidence.HIGH;
        };
    }
}
