package io.jenkins.plugins.devsecops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checkov JSON ({@code -o json}): one object, or an array of one object per framework. Only failed checks are
 * findings. Severity: Checkov's CRITICAL, HIGH, MEDIUM, LOW, INFO when it gives one (it does with a platform
 * API key); otherwise MEDIUM. SCA results ({@code vulnerability_details}) become dependency findings.
 */
final class CheckovParser implements ReportParser {

    private static final Set<String> FAILED = Set.of("/results/failed_checks/*", "/*/results/failed_checks/*");
    /** With nothing to check Checkov writes just the summary, at the top level. */
    private static final Set<String> VERSION = Set.of("/summary/checkov_version", "/*/summary/checkov_version",
            "/checkov_version");
    private static final Set<String> CHECK_TYPE = Set.of("/check_type", "/*/check_type");
    private static final SeverityTable SEVERITIES = SeverityTable.standard(Severity.MEDIUM);

    @Override
    public String format() {
        return "checkov";
    }

    @Override
    public String displayName() {
        return "Checkov JSON";
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("\"check_type\"") || head.contains("\"failed_checks\"") || head.contains("\"checkov_version\"");
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        List<Finding.Builder> pending = new ArrayList<>();
        String[] version = new String[1];
        boolean[] checkov = new boolean[1];
        Set<String> patterns = new java.util.HashSet<>(FAILED);
        patterns.addAll(VERSION);
        patterns.addAll(CHECK_TYPE);
        new JsonRecordReader(patterns, context).read(in, (path, indexes, value) -> {
            if (FAILED.contains(path)) {
                pending.add(check(value, context));
            } else if (VERSION.contains(path)) {
                version[0] = JsonFields.text(value);
                checkov[0] = true;
            } else {
                checkov[0] = true;
            }
        });
        if (!checkov[0] && pending.isEmpty()) {
            throw new IOException("Not a Checkov report: no check_type, summary or failed checks");
        }
        ToolInfo tool = new ToolInfo("Checkov", version[0]);
        pending.forEach(builder -> context.add(builder.tool(tool)));
    }

    private static Finding.Builder check(JsonNode check, ImportContext context) {
        String id = JsonFields.text(check, "check_id");
        JsonNode vulnerability = check.get("vulnerability_details");
        boolean sca = vulnerability != null && vulnerability.isObject();
        String severity = JsonFields.text(check, "severity");
        Finding.Builder builder = context.finding(null, sca ? FindingKind.DEPENDENCY : FindingKind.CONFIG)
                .ruleId(id)
                .title(PlainText.clip(firstNonNull(JsonFields.text(check, "check_name"), id), PlainText.TITLE_LIMIT))
                .message(PlainText.clip(firstNonNull(JsonFields.text(check, "description"),
                        JsonFields.text(check, "check_name")), PlainText.TEXT_LIMIT))
                .property("resource", PlainText.clip(JsonFields.text(check, "resource"), 300))
                .property("url", PlainText.clip(JsonFields.text(check, "guideline"), 500))
                .property("bcCheckId", PlainText.clip(JsonFields.text(check, "bc_check_id"), 100));
        if (sca) {
            String advisory = JsonFields.text(vulnerability, "id");
            if (severity == null) {
                severity = JsonFields.text(vulnerability, "severity");
            }
            String name = JsonFields.text(vulnerability, "package_name");
            builder.component(Component.of(null, name, JsonFields.text(vulnerability, "package_version"), null))
                    .fixedVersion(PlainText.clip(firstNonNull(JsonFields.text(vulnerability, "lowest_fixed_version"),
                            JsonFields.text(vulnerability, "fixed_version")), 100))
                    .cvss(CvssScores.of(null, JsonFields.decimal(vulnerability.get("cvss")),
                            JsonFields.text(vulnerability, "vector")));
            if (SecurityIds.isAdvisory(advisory)) {
                builder.identifier(SecurityIds.normalizeAdvisory(advisory));
                builder.ruleId(advisory);
            }
        }
        builder.severity(SEVERITIES.map(severity));
        String path = null;
        String absolute = JsonFields.text(check, "file_abs_path");
        if (absolute != null && absolute.startsWith(context.paths().root().toString())) {
            path = context.paths().relativize(absolute);
        }
        if (path == null) {
            String relative = firstNonNull(JsonFields.text(check, "repo_file_path"), JsonFields.text(check, "file_path"));
            path = relative == null ? null : context.paths().relativizeAgainst(".", relative);
        }
        if (path != null) {
            JsonNode range = check.get("file_line_range");
            int start = range != null && range.isArray() && range.size() > 0 ? range.get(0).asInt(0) : 0;
            int end = range != null && range.isArray() && range.size() > 1 ? range.get(1).asInt(0) : start;
            builder.location(new Location(path, start, 0, end, 0, null));
        }
        return builder;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
