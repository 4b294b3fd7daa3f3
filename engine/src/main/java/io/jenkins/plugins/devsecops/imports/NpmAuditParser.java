package io.jenkins.plugins.devsecops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * {@code npm audit --json} of npm 7 and later ({@code auditReportVersion} 2). One finding per advisory in a
 * package's {@code via} list; string entries of {@code via} only say that a package is affected through another
 * one and are not findings of their own. Severity: critical, high, moderate, low, info → CRITICAL, HIGH, MEDIUM,
 * LOW, INFO. npm audit does not name the installed version; the package's {@code nodes} are kept as a property.
 */
final class NpmAuditParser implements ReportParser {

    private static final String VULNERABILITY = "/vulnerabilities/~";
    private static final String REPORT_VERSION = "/auditReportVersion";
    private static final String V1_ADVISORIES = "/advisories";
    private static final ToolInfo TOOL = new ToolInfo("npm audit", null);
    private static final SeverityTable SEVERITIES = SeverityTable.standard(Severity.MEDIUM);

    @Override
    public String format() {
        return "npm-audit";
    }

    @Override
    public String displayName() {
        return "npm audit JSON (npm 7+, auditReportVersion 2)";
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("\"auditReportVersion\"");
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        String[] version = new String[1];
        boolean[] v1 = new boolean[1];
        new JsonRecordReader(Set.of(VULNERABILITY, REPORT_VERSION, V1_ADVISORIES), context).read(in, (path, indexes, value) -> {
            switch (path) {
                case VULNERABILITY -> vulnerability(value, context);
                case REPORT_VERSION -> version[0] = JsonFields.text(value);
                default -> v1[0] = true;
            }
        });
        if (version[0] == null) {
            throw new IOException(v1[0]
                    ? "npm audit v1 format (npm 6 and older) is not supported: run npm audit --json with npm 7 or later"
                    : "Not an npm audit report: no auditReportVersion");
        }
        if (!version[0].equals("2")) {
            context.warning("auditReportVersion " + PlainText.clip(version[0], 20) + " is newer than 2; read as version 2");
        }
    }

    private static void vulnerability(JsonNode vulnerability, ImportContext context) {
        String name = JsonFields.text(vulnerability, "name");
        JsonNode via = vulnerability.get("via");
        if (name == null || via == null || !via.isArray()) {
            return;
        }
        JsonNode fix = vulnerability.get("fixAvailable");
        Boolean direct = vulnerability.has("isDirect") ? vulnerability.get("isDirect").asBoolean() : null;
        for (JsonNode advisory : via) {
            if (!advisory.isObject()) {
                continue;
            }
            String url = JsonFields.text(advisory, "url");
            String title = JsonFields.text(advisory, "title");
            String packageName = firstNonNull(JsonFields.text(advisory, "name"), name);
            var ids = SecurityIds.advisoriesIn(url);
            String ruleId = ids.isEmpty() ? "npm-" + firstNonNull(JsonFields.text(advisory, "source"), packageName) : ids.get(0);
            Finding.Builder builder = context.finding(TOOL, FindingKind.DEPENDENCY)
                    .ruleId(ruleId)
                    .title(PlainText.clip(firstNonNull(title, ruleId), PlainText.TITLE_LIMIT))
                    .message(PlainText.clip(packageName + " " + firstNonNull(JsonFields.text(advisory, "range"), "")
                            + ": " + firstNonNull(title, ruleId), PlainText.TEXT_LIMIT))
                    .severity(SEVERITIES.map(JsonFields.text(advisory, "severity")))
                    .component(new Component("pkg:npm/" + packageName, packageName, null, "npm",
                            packageName.equals(name) ? direct : null, java.util.List.of()))
                    .cvss(CvssScores.of(null, JsonFields.decimal(JsonFields.at(advisory, "cvss/score")),
                            JsonFields.textAt(advisory, "cvss/vectorString")))
                    .property("url", PlainText.clip(url, 500))
                    .property("vulnerableRange", PlainText.clip(JsonFields.text(advisory, "range"), 200));
            ids.forEach(builder::identifier);
            JsonFields.texts(advisory, "cwe").forEach(c -> builder.cwe(SecurityIds.cwe(c)));
            java.util.List<String> nodes = JsonFields.texts(vulnerability, "nodes");
            if (!nodes.isEmpty()) {
                builder.property("nodes", PlainText.clip(String.join(", ", nodes.subList(0, Math.min(10, nodes.size()))), 1000));
            }
            if (fix != null && fix.isObject()) {
                String fixName = JsonFields.text(fix, "name");
                String fixVersion = JsonFields.text(fix, "version");
                if (packageName.equals(fixName) && fixVersion != null) {
                    builder.fixedVersion(PlainText.clip(fixVersion, 100));
                }
                builder.remediation(PlainText.clip("Update " + fixName + " to " + fixVersion
                        + (fix.path("isSemVerMajor").asBoolean(false) ? " (a semver-major change)" : ""), 400));
            } else if (fix != null && fix.asBoolean(false)) {
                builder.remediation("Run npm audit fix");
            }
            context.add(builder);
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
