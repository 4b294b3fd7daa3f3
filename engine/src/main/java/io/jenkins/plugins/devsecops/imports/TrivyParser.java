package io.jenkins.plugins.devsecops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trivy JSON ({@code --format json}) of {@code fs}, {@code image}, {@code repo} and {@code config} scans:
 * vulnerabilities, misconfigurations and secrets. Severity: Trivy's own CRITICAL, HIGH, MEDIUM, LOW map one to
 * one, UNKNOWN → INFO. Passed misconfigurations are not findings. Secret matches are never copied (Trivy masks
 * them, but the import takes no chances).
 */
final class TrivyParser implements ReportParser {

    private static final String TARGET = "/Results/*/Target";
    private static final String TYPE = "/Results/*/Type";
    private static final String VULNERABILITY = "/Results/*/Vulnerabilities/*";
    private static final String MISCONFIGURATION = "/Results/*/Misconfigurations/*";
    private static final String SECRET = "/Results/*/Secrets/*";
    private static final String ARTIFACT_TYPE = "/ArtifactType";
    private static final String ARTIFACT_NAME = "/ArtifactName";
    private static final String VERSION = "/Trivy/Version";
    private static final SeverityTable SEVERITIES = SeverityTable.standard(Severity.INFO);

    @Override
    public String format() {
        return "trivy";
    }

    @Override
    public String displayName() {
        return "Trivy JSON (fs, image, repo, config)";
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("\"SchemaVersion\"") && (head.contains("\"ArtifactName\"") || head.contains("\"Results\""));
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        Map<Integer, String> targets = new HashMap<>();
        Map<Integer, String> types = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        ToolInfo[] toolHolder = {new ToolInfo("Trivy", null)};
        ToolInfo none = null;
        Map<String, String> top = new HashMap<>();
        boolean[] schema = new boolean[1];
        new JsonRecordReader(Set.of(TARGET, TYPE, VULNERABILITY, MISCONFIGURATION, SECRET, ARTIFACT_TYPE,
                ARTIFACT_NAME, VERSION, "/SchemaVersion"), context).read(in, (path, indexes, value) -> {
                    switch (path) {
                        case TARGET -> targets.put(indexes.get(0), JsonFields.text(value));
                        case TYPE -> types.put(indexes.get(0), JsonFields.text(value));
                        case VULNERABILITY -> pending.add(new Pending(vulnerability(value, none, context),
                                indexes.get(0), 0, 0, Component.of(JsonFields.textAt(value, "PkgIdentifier/PURL"),
                                        JsonFields.text(value, "PkgName"), JsonFields.text(value, "InstalledVersion"), null)));
                        case MISCONFIGURATION -> {
                            JsonNode cause = value.get("CauseMetadata");
                            Finding.Builder builder = misconfiguration(value, none, context);
                            if (builder != null) {
                                pending.add(new Pending(builder, indexes.get(0), JsonFields.integer(cause, "StartLine"),
                                        JsonFields.integer(cause, "EndLine"), null));
                            }
                        }
                        case SECRET -> pending.add(new Pending(secret(value, none, context), indexes.get(0),
                                JsonFields.integer(value, "StartLine"), JsonFields.integer(value, "EndLine"), null));
                        case "/SchemaVersion" -> schema[0] = true;
                        case VERSION -> toolHolder[0] = new ToolInfo("Trivy", JsonFields.text(value));
                        default -> top.put(path, JsonFields.text(value));
                    }
                });
        if (!schema[0]) {
            throw new IOException("Not a Trivy JSON report: no SchemaVersion");
        }
        boolean image = "container_image".equals(top.get(ARTIFACT_TYPE));
        ToolInfo tool = toolHolder[0];
        for (int i = 0; i < pending.size(); i++) {
            Pending item = pending.get(i);
            pending.set(i, null);
            String target = targets.get(item.result());
            String file = image || target == null ? null : context.paths().relativize(target);
            Finding.Builder builder = item.builder();
            builder.tool(tool);
            if (file != null) {
                builder.location(new Location(file, item.startLine(), 0, item.endLine(), 0, null));
            } else if (target != null) {
                builder.property("target", PlainText.clip(target, 300));
            }
            String ecosystem = types.get(item.result());
            Component component = item.component();
            if (component != null) {
                builder.component(Component.of(component.purl(), component.name(), component.version(), ecosystem));
            }
            context.add(builder);
        }
    }

    private record Pending(Finding.Builder builder, int result, int startLine, int endLine, Component component) {
    }

    private static Finding.Builder vulnerability(JsonNode v, ToolInfo tool, ImportContext context) {
        String id = JsonFields.text(v, "VulnerabilityID");
        String name = JsonFields.text(v, "PkgName");
        Finding.Builder builder = context.finding(tool, FindingKind.DEPENDENCY)
                .ruleId(id)
                .title(PlainText.clip(firstNonNull(JsonFields.text(v, "Title"), id), PlainText.TITLE_LIMIT))
                .message(PlainText.clip(JsonFields.text(v, "Description"), PlainText.TEXT_LIMIT))
                .severity(SEVERITIES.map(JsonFields.text(v, "Severity")))
                .fixedVersion(PlainText.clip(JsonFields.text(v, "FixedVersion"), 200))
                .property("url", PlainText.clip(JsonFields.text(v, "PrimaryURL"), 500));
        if (id != null && SecurityIds.isAdvisory(id)) {
            builder.identifier(SecurityIds.normalizeAdvisory(id));
        }
        JsonFields.texts(v, "CweIDs").forEach(c -> builder.cwe(SecurityIds.cwe(c)));
        builder.cvss(bestCvss(v.get("CVSS")));
        if (JsonFields.text(v, "FixedVersion") != null) {
            builder.remediation("Upgrade " + name + " to " + PlainText.clip(JsonFields.text(v, "FixedVersion"), 200));
        }
        return builder;
    }

    private static Cvss bestCvss(JsonNode sources) {
        if (sources == null || !sources.isObject()) {
            return null;
        }
        Cvss best = null;
        for (Map.Entry<String, JsonNode> source : sources.properties()) {
            JsonNode value = source.getValue();
            Cvss v3 = CvssScores.of(null, JsonFields.decimal(value.get("V3Score")), JsonFields.text(value, "V3Vector"));
            Cvss v40 = CvssScores.of(null, JsonFields.decimal(value.get("V40Score")), JsonFields.text(value, "V40Vector"));
            Cvss chosen = v40 != null ? v40 : v3;
            if (source.getKey().equals("nvd") && chosen != null) {
                return chosen;
            }
            best = best == null ? chosen : best;
        }
        return best;
    }

    private static Finding.Builder misconfiguration(JsonNode m, ToolInfo tool, ImportContext context) {
        String status = JsonFields.text(m, "Status");
        if (status != null && !status.equalsIgnoreCase("FAIL")) {
            return null;
        }
        String id = firstNonNull(JsonFields.text(m, "ID"), JsonFields.text(m, "AVDID"));
        Finding.Builder builder = context.finding(tool, FindingKind.CONFIG)
                .ruleId(id)
                .title(PlainText.clip(firstNonNull(JsonFields.text(m, "Title"), id), PlainText.TITLE_LIMIT))
                .message(PlainText.clip(firstNonNull(JsonFields.text(m, "Message"), JsonFields.text(m, "Description")),
                        PlainText.TEXT_LIMIT))
                .remediation(PlainText.clip(JsonFields.text(m, "Resolution"), PlainText.TEXT_LIMIT))
                .severity(SEVERITIES.map(JsonFields.text(m, "Severity")))
                .property("url", PlainText.clip(JsonFields.text(m, "PrimaryURL"), 500))
                .property("avdId", JsonFields.text(m, "AVDID"));
        builder.property("resource", PlainText.clip(JsonFields.textAt(m, "CauseMetadata/Resource"), 300));
        return builder;
    }

    private static Finding.Builder secret(JsonNode s, ToolInfo tool, ImportContext context) {
        String id = JsonFields.text(s, "RuleID");
        Finding.Builder builder = context.finding(tool, FindingKind.SECRET)
                .ruleId(id)
                .title(PlainText.clip(firstNonNull(JsonFields.text(s, "Title"), id), PlainText.TITLE_LIMIT))
                .message("A secret of category " + PlainText.clip(JsonFields.text(s, "Category"), 100)
                        + " was found; its value is not copied into this report")
                .severity(SEVERITIES.map(JsonFields.text(s, "Severity")))
                .cwe("CWE-798");
        return builder;
    }

    static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
