package io.jenkins.plugins.devsecops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Cvss;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OWASP Dependency-Check reports, JSON ({@code -f JSON}) and XML ({@code -f XML}), told apart by their first
 * byte. One finding per vulnerability of each dependency; suppressed vulnerabilities are kept, marked
 * suppressed. Severity: the report's severity word (CRITICAL, HIGH, MEDIUM/MODERATE, LOW, INFO); when it is
 * missing or unknown, the CVSS v4, v3 or v2 base score on the CVSS scale; else MEDIUM. The fixed version is the
 * {@code versionEndExcluding} of the vulnerable-software entry that matched.
 */
final class DependencyCheckParser implements ReportParser {

    private static final String JSON_DEPENDENCY = "/dependencies/*";
    private static final String JSON_VERSION = "/scanInfo/engineVersion";
    private static final String XML_DEPENDENCY = "/analysis/dependencies/dependency";
    private static final String XML_VERSION = "/analysis/scanInfo/engineVersion";
    private static final SeverityTable SEVERITIES = SeverityTable.standard(Severity.MEDIUM);

    /** One vulnerability, read from either format. */
    private record Vulnerability(String name, String source, String severity, Cvss cvss, List<String> cwes,
            String description, String fixedVersion, boolean suppressed) {
    }

    /** One dependency, read from either format. */
    private record Dependency(String fileName, String filePath, String purl, List<Vulnerability> vulnerabilities) {
    }

    @Override
    public String format() {
        return "dependency-check";
    }

    @Override
    public String displayName() {
        return "OWASP Dependency-Check (JSON or XML)";
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("\"reportSchema\"") && head.contains("\"scanInfo\"")
                || head.contains("<analysis") && head.contains("DependencyCheck");
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(4096);
        int first;
        int read = 0;
        do {
            first = buffered.read();
            read++;
        } while (first != -1 && read < 4096 && (Character.isWhitespace(first) || first == 0xEF || first == 0xBB || first == 0xBF));
        buffered.reset();
        List<Finding.Builder> pending = new ArrayList<>();
        String[] version = new String[1];
        boolean[] seen = new boolean[1];
        if (first == '<') {
            new XmlRecordReader(Set.of(XML_DEPENDENCY, XML_VERSION), context.budget()).read(buffered, new XmlRecordReader.RecordHandler() {
                @Override
                public void record(String path, XmlElement element) {
                    seen[0] = true;
                    if (path.equals(XML_VERSION)) {
                        version[0] = element.text().trim();
                    } else {
                        toFindings(fromXml(element), context, pending);
                    }
                }

                @Override
                public void started(String path, Map<String, String> attributes) {
                    if (path.equals("/analysis")) {
                        seen[0] = true;
                    }
                }
            });
        } else {
            new JsonRecordReader(Set.of(JSON_DEPENDENCY, JSON_VERSION, "/reportSchema"), context).read(buffered, (path, indexes, value) -> {
                seen[0] = true;
                if (path.equals(JSON_VERSION)) {
                    version[0] = JsonFields.text(value);
                } else if (path.equals(JSON_DEPENDENCY)) {
                    toFindings(fromJson(value), context, pending);
                }
            });
        }
        if (!seen[0]) {
            throw new IOException("Not a Dependency-Check report: no scanInfo and no dependencies");
        }
        ToolInfo tool = new ToolInfo("OWASP Dependency-Check", version[0]);
        pending.forEach(builder -> context.add(builder.tool(tool)));
    }

    private static Dependency fromJson(JsonNode dependency) {
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (String field : List.of("vulnerabilities", "suppressedVulnerabilities")) {
            JsonNode list = dependency.get(field);
            if (list == null || !list.isArray()) {
                continue;
            }
            for (JsonNode v : list) {
                Cvss cvss = CvssScores.of(JsonFields.textAt(v, "cvssv3/version"), JsonFields.decimal(JsonFields.at(v, "cvssv3/baseScore")), null);
                if (cvss == null) {
                    cvss = CvssScores.of("4.0", JsonFields.decimal(JsonFields.at(v, "cvssv4/cvssData/baseScore")), null);
                }
                if (cvss == null) {
                    cvss = CvssScores.of("2.0", JsonFields.decimal(JsonFields.at(v, "cvssv2/score")), null);
                }
                String fixed = null;
                JsonNode software = v.get("vulnerableSoftware");
                if (software != null && software.isArray()) {
                    for (JsonNode entry : software) {
                        JsonNode s = entry.has("software") ? entry.get("software") : entry;
                        if ("true".equals(JsonFields.text(s, "vulnerabilityIdMatched"))) {
                            fixed = JsonFields.text(s, "versionEndExcluding");
                        }
                    }
                }
                vulnerabilities.add(new Vulnerability(JsonFields.text(v, "name"), JsonFields.text(v, "source"),
                        JsonFields.text(v, "severity"), cvss, JsonFields.texts(v, "cwes"), JsonFields.text(v, "description"),
                        fixed, field.startsWith("suppressed")));
            }
        }
        String purl = null;
        JsonNode packages = dependency.get("packages");
        if (packages != null && packages.isArray() && !packages.isEmpty()) {
            purl = JsonFields.text(packages.get(0), "id");
        }
        return new Dependency(JsonFields.text(dependency, "fileName"), JsonFields.text(dependency, "filePath"), purl,
                vulnerabilities);
    }

    private static Dependency fromXml(XmlElement dependency) {
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        XmlElement list = dependency.child("vulnerabilities");
        for (String elementName : list == null ? List.<String>of() : List.of("vulnerability", "suppressedVulnerability")) {
            for (XmlElement v : list.children(elementName)) {
                Cvss cvss = CvssScores.of(null, decimal(v.at("cvssV3/baseScore")), null);
                if (cvss == null) {
                    cvss = CvssScores.of("4.0", decimal(v.at("cvssV4/baseScore")), null);
                }
                if (cvss == null) {
                    cvss = CvssScores.of("2.0", decimal(v.at("cvssV2/score")), null);
                }
                if (cvss != null && cvss.version() == null) {
                    cvss = new Cvss("3.1", cvss.score(), null);
                }
                String fixed = null;
                XmlElement software = v.child("vulnerableSoftware");
                if (software != null) {
                    for (XmlElement s : software.children("software")) {
                        if ("true".equals(s.attribute("vulnerabilityIdMatched")) || "true".equals(s.attribute("matched"))) {
                            fixed = s.attribute("versionEndExcluding");
                        }
                    }
                }
                List<String> cwes = new ArrayList<>();
                XmlElement cweList = v.child("cwes");
                if (cweList != null) {
                    cweList.children("cwe").forEach(c -> cwes.add(c.text().trim()));
                }
                vulnerabilities.add(new Vulnerability(v.childText("name"), v.attribute("source"), v.childText("severity"),
                        cvss, cwes, v.childText("description"), fixed, elementName.startsWith("suppressed")));
            }
        }
        XmlElement packages = dependency.child("identifiers");
        XmlElement firstPackage = packages == null ? null : packages.child("package");
        return new Dependency(dependency.childText("fileName"), dependency.childText("filePath"),
                firstPackage == null ? null : firstPackage.childText("id"), vulnerabilities);
    }

    private static Double decimal(XmlElement element) {
        if (element == null) {
            return null;
        }
        try {
            return Double.parseDouble(element.text().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void toFindings(Dependency dependency, ImportContext context, List<Finding.Builder> into) {
        if (dependency.vulnerabilities().isEmpty()) {
            return;
        }
        Component component = PackageUrls.component(dependency.purl());
        if (component == null && dependency.fileName() != null) {
            component = Component.of(null, PlainText.clip(dependency.fileName(), 300), null, null);
        }
        String path = context.paths().relativize(dependency.filePath());
        for (Vulnerability v : dependency.vulnerabilities()) {
            if (v.name() == null) {
                context.skip("a Dependency-Check vulnerability without a name");
                continue;
            }
            Severity severity;
            if (SEVERITIES.knows(v.severity())) {
                severity = SEVERITIES.map(v.severity());
            } else if (v.cvss() != null) {
                severity = Severity.fromCvssScore(v.cvss().score());
            } else {
                severity = Severity.MEDIUM;
            }
            String subject = component == null ? dependency.fileName() : component.name();
            Finding.Builder builder = context.finding(null, FindingKind.DEPENDENCY)
                    .ruleId(PlainText.clip(v.name(), 200))
                    .title(PlainText.clip(v.name() + (subject == null ? "" : " in " + subject), PlainText.TITLE_LIMIT))
                    .message(PlainText.clip(v.description(), PlainText.TEXT_LIMIT))
                    .severity(severity)
                    .cvss(v.cvss())
                    .component(component)
                    .fixedVersion(PlainText.clip(v.fixedVersion(), 100))
                    .property("source", PlainText.clip(v.source(), 50))
                    .property("file", PlainText.clip(dependency.fileName(), 300));
            SecurityIds.advisoriesIn(v.name()).forEach(builder::identifier);
            v.cwes().forEach(c -> builder.cwe(SecurityIds.cwe(c)));
            if (v.fixedVersion() != null && subject != null) {
                builder.remediation(PlainText.clip("Upgrade " + subject + " to " + v.fixedVersion() + " or later", 400));
            }
            if (path != null) {
                builder.location(Location.ofFile(path));
            }
            if (v.suppressed()) {
                builder.suppression(new Suppression("dependency-check", "Suppressed in Dependency-Check", null, null,
                        context.reportPath()));
            }
            into.add(builder);
        }
    }
}
