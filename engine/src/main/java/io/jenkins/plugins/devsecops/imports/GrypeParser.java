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
 * Grype JSON ({@code -o json}). Severity: Critical, High, Medium, Low map one to one; Negligible and Unknown →
 * INFO. Identifiers are the match's id and its related vulnerabilities (typically the CVE behind a GHSA).
 * For a directory scan, artifact locations are relative to the scanned directory ({@code source.target}); when
 * that directory is outside the scan root (Grype ran elsewhere, e.g. in a container), they are taken as relative
 * to the scan root.
 */
final class GrypeParser implements ReportParser {

    private static final String MATCH = "/matches/*";
    private static final String SOURCE = "/source";
    private static final String DESCRIPTOR = "/descriptor";
    private static final SeverityTable SEVERITIES = SeverityTable.standard(Severity.INFO);

    @Override
    public String format() {
        return "grype";
    }

    @Override
    public String displayName() {
        return "Grype JSON";
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("\"matches\"") && (head.contains("\"matchDetails\"") || head.contains("\"grype\"")
                || head.contains("\"relatedVulnerabilities\""));
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        List<Pending> matches = new ArrayList<>();
        Map<String, JsonNode> top = new HashMap<>();
        new JsonRecordReader(Set.of(MATCH, SOURCE, DESCRIPTOR), context).read(in, (path, indexes, value) -> {
            if (path.equals(MATCH)) {
                matches.add(match(value, context));
            } else {
                top.put(path, value);
            }
        });
        if (!top.containsKey(DESCRIPTOR) && matches.isEmpty()) {
            throw new IOException("Not a Grype report: no matches and no descriptor");
        }
        JsonNode descriptor = top.get(DESCRIPTOR);
        ToolInfo tool = new ToolInfo("Grype", JsonFields.text(descriptor, "version"));
        JsonNode source = top.get(SOURCE);
        String base = "directory".equals(JsonFields.text(source, "type")) ? JsonFields.text(source, "target") : null;
        if (base != null && !isInside(base, context.paths().root())) {
            // scanned elsewhere (e.g. a container's /src): the paths are relative to the scanned directory, which
            // is taken to be this checkout
            base = ".";
        }
        boolean image = "image".equals(JsonFields.text(source, "type"));
        for (int i = 0; i < matches.size(); i++) {
            Pending pending = matches.get(i);
            matches.set(i, null);
            Finding.Builder builder = pending.builder().tool(tool);
            if (pending.path() != null) {
                if (image) {
                    builder.property("imagePath", PlainText.clip(pending.path(), 500));
                } else {
                    String relative = context.paths().relativizeAgainst(base, pending.path());
                    if (relative != null) {
                        builder.location(Location.ofFile(relative));
                    }
                }
            }
            context.add(builder);
        }
    }

    /** A finding still waiting for the tool version and the scanned directory, which Grype writes last. */
    private record Pending(Finding.Builder builder, String path) {
    }

    private static Pending match(JsonNode match, ImportContext context) {
        ToolInfo tool = null;
        JsonNode vulnerability = match.get("vulnerability");
        JsonNode artifact = match.get("artifact");
        String id = JsonFields.text(vulnerability, "id");
        String name = JsonFields.text(artifact, "name");
        Finding.Builder builder = context.finding(tool, FindingKind.DEPENDENCY)
                .ruleId(id)
                .title(PlainText.clip(id + (name == null ? "" : " in " + name), PlainText.TITLE_LIMIT))
                .message(PlainText.clip(JsonFields.text(vulnerability, "description"), PlainText.TEXT_LIMIT))
                .severity(SEVERITIES.map(JsonFields.text(vulnerability, "severity")))
                .component(Component.of(JsonFields.text(artifact, "purl"), name, JsonFields.text(artifact, "version"),
                        JsonFields.text(artifact, "type")))
                .property("url", PlainText.clip(JsonFields.text(vulnerability, "dataSource"), 500));
        if (SecurityIds.isAdvisory(id)) {
            builder.identifier(SecurityIds.normalizeAdvisory(id));
        }
        Cvss cvss = cvss(vulnerability);
        JsonNode related = match.get("relatedVulnerabilities");
        if (related != null && related.isArray()) {
            for (JsonNode other : related) {
                String otherId = JsonFields.text(other, "id");
                if (SecurityIds.isAdvisory(otherId)) {
                    builder.identifier(SecurityIds.normalizeAdvisory(otherId));
                }
                cvss = cvss == null ? cvss(other) : cvss;
            }
        }
        builder.cvss(cvss);
        JsonNode fix = vulnerability == null ? null : vulnerability.get("fix");
        List<String> versions = JsonFields.texts(fix, "versions");
        if ("fixed".equals(JsonFields.text(fix, "state")) && !versions.isEmpty()) {
            builder.fixedVersion(PlainText.clip(versions.get(0), 200));
            builder.remediation("Upgrade " + name + " to " + PlainText.clip(versions.get(0), 200));
        }
        JsonNode locations = artifact == null ? null : artifact.get("locations");
        String path = null;
        if (locations != null && locations.isArray() && !locations.isEmpty()) {
            path = JsonFields.text(locations.get(0), "path");
        }
        return new Pending(builder, path);
    }

    private static boolean isInside(String base, java.nio.file.Path root) {
        try {
            java.nio.file.Path path = java.nio.file.Path.of(base);
            return !path.isAbsolute() || path.normalize().startsWith(root) || path.normalize().startsWith(root.toRealPath());
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static Cvss cvss(JsonNode vulnerability) {
        JsonNode list = vulnerability == null ? null : vulnerability.get("cvss");
        if (list == null || !list.isArray()) {
            return null;
        }
        Cvss best = null;
        for (JsonNode entry : list) {
            best = CvssScores.higher(best, CvssScores.of(JsonFields.text(entry, "version"),
                    JsonFields.decimal(JsonFields.at(entry, "metrics/baseScore")), JsonFields.text(entry, "vector")));
        }
        return best;
    }
}
