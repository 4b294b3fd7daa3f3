package io.jenkins.plugins.devsecops.dependencies.sbom;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.report.ReportWriter;
import java.io.IOException;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.BomReference;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.util.mixin.MixInBomReference;

/**
 * Writes {@code sbom.cdx.json}: a CycloneDX 1.6 JSON SBOM of the report's package inventory (components with purls,
 * hashes and scope; the dependency graph where lockfiles give it) with a {@code vulnerabilities} section built from
 * the dependency findings. Uses cyclonedx-core-java.
 */
public final class CycloneDxReportWriter implements ReportWriter {

    /** A hash value CycloneDX accepts: 32 to 128 lower-case hex digits (compiled once, not per hash). */
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{32,128}");

    @Override
    public String format() {
        return "cyclonedx";
    }

    @Override
    public String fileName() {
        return "sbom.cdx.json";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ReportWriter.writeAlone(this, report, out);
    }

    /**
     * The inventory and the vulnerabilities are gathered in {@code pass}; the SBOM is then streamed to {@code out}
     * (the bytes {@code BomJsonGenerator.toJsonString()} gives, without the whole document as one string).
     */
    @Override
    public Prepared prepare(Report report, FindingPass pass) {
        Inventory inventory = pass.add(new Inventory(report));
        return out -> {
            pass.check(inventory);
            if (inventory.components.isEmpty() && inventory.byId.isEmpty() && EmptyBomJson.writes(report)) {
                EmptyBomJson.write(report, out);
            } else {
                write(bom(report, inventory), out);
            }
        };
    }

    /** Writes {@code bom} as CycloneDX 1.6 JSON, as {@code toJsonString()} of its generator would give it. */
    static void write(Bom bom, OutputStream out) throws IOException {
        try {
            new StreamingJsonGenerator(bom).write(out);
        } catch (GeneratorException e) {
            throw new IOException("The CycloneDX SBOM could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * The library's JSON generator, writing to a stream: its mapper (set up for the version, with its serializers and
     * the mix-in {@code toJsonString()} adds) and its pretty printer (arrays indented on new lines), through a UTF-8
     * writer as {@code toJsonString()} gives text that is then encoded.
     */
    private static final class StreamingJsonGenerator extends BomJsonGenerator {
        StreamingJsonGenerator(Bom bom) {
            super(bom, Version.VERSION_16);
        }

        void write(OutputStream out) throws IOException, GeneratorException {
            mapper.addMixIn(BomReference.class, MixInBomReference.class);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
            printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try {
                mapper.writer(printer).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(writer, bom);
            } catch (JsonProcessingException e) {
                throw new GeneratorException(e);
            }
            writer.flush();
        }
    }

    /** The SBOM of {@code report}. */
    public static Bom toBom(Report report) {
        Inventory inventory = new Inventory(report);
        int index = 0;
        for (Finding finding : report.findings()) {
            inventory.read(index++, finding);
        }
        return bom(report, inventory);
    }

    /**
     * The package inventory (the report's components, then those of findings, by purl in order of first appearance)
     * and the vulnerabilities of active findings on them, by rule id in order of first appearance, gathered in one
     * pass over the findings.
     */
    private static final class Inventory implements FindingPass.Reader {
        private final Map<String, io.jenkins.plugins.devsecops.model.Component> components = new LinkedHashMap<>();
        private final Map<String, Vulnerability> byId = new LinkedHashMap<>();
        private final Map<String, Set<String>> affectedRefs = new LinkedHashMap<>();

        Inventory(Report report) {
            for (io.jenkins.plugins.devsecops.model.Component component : report.components()) {
                if (component.purl() != null) {
                    components.putIfAbsent(component.purl(), component);
                }
            }
        }

        @Override
        public void read(int index, Finding finding) {
            var component = finding.component();
            if (component == null || component.purl() == null) {
                return;
            }
            // every purl a finding names is in the inventory once all are read: it is an affected ref as it comes
            components.putIfAbsent(component.purl(), component);
            if (finding.isSuppressed()) {
                return;
            }
            Vulnerability vulnerability = byId.computeIfAbsent(finding.ruleId(), id -> newVulnerability(finding));
            Set<String> seen = affectedRefs.computeIfAbsent(finding.ruleId(), id -> new HashSet<>());
            if (seen.add(component.purl())) {
                Vulnerability.Affect affect = new Vulnerability.Affect();
                affect.setRef(component.purl());
                List<Vulnerability.Affect> affects = vulnerability.getAffects() == null ? new ArrayList<>()
                        : new ArrayList<>(vulnerability.getAffects());
                affects.add(affect);
                vulnerability.setAffects(affects);
            }
        }
    }

    private static Bom bom(Report report, Inventory gathered) {
        Bom bom = new Bom();
        bom.setSerialNumber(serialNumber(report));
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(report.startedAt()));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName(report.tool().name());
        tool.setVersion(report.tool().version());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        Component project = new Component();
        project.setType(Component.Type.APPLICATION);
        project.setName(projectName(report));
        project.setBomRef("project");
        metadata.setComponent(project);
        bom.setMetadata(metadata);

        Map<String, io.jenkins.plugins.devsecops.model.Component> inventory = gathered.components;
        List<Component> components = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        Dependency projectDependency = new Dependency("project");
        for (var entry : inventory.values()) {
            components.add(toComponent(entry));
            Dependency dependency = new Dependency(entry.purl());
            for (String target : entry.dependsOn()) {
                if (inventory.containsKey(target) && !target.equals(entry.purl())) {
                    dependency.addDependency(new Dependency(target));
                }
            }
            dependencies.add(dependency);
            if (Boolean.TRUE.equals(entry.direct())) {
                projectDependency.addDependency(new Dependency(entry.purl()));
            }
        }
        dependencies.add(0, projectDependency);
        bom.setComponents(components);
        bom.setDependencies(dependencies);
        bom.setVulnerabilities(new ArrayList<>(gathered.byId.values()));
        return bom;
    }

    /** The BOM's serial number: a name-based UUID of the report's root and start. */
    static String serialNumber(Report report) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((report.root() + report.startedAt()).getBytes(StandardCharsets.UTF_8));
    }

    /** The name of the project component: the last segment of the report's root, or {@code project}. */
    static String projectName(Report report) {
        String rootName = report.root() == null ? "project" : report.root().replace('\\', '/');
        rootName = rootName.endsWith("/") ? rootName.substring(0, rootName.length() - 1) : rootName;
        return rootName.isEmpty() ? "project" : rootName.substring(rootName.lastIndexOf('/') + 1);
    }

    private static Component toComponent(io.jenkins.plugins.devsecops.model.Component entry) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setBomRef(entry.purl());
        component.setPurl(entry.purl());
        String name = entry.name();
        if ("Maven".equals(entry.ecosystem()) && name.contains(":")) {
            component.setGroup(name.substring(0, name.indexOf(':')));
            name = name.substring(name.indexOf(':') + 1);
        } else if (name.startsWith("@") && name.contains("/")) {
            component.setGroup(name.substring(0, name.indexOf('/')));
            name = name.substring(name.indexOf('/') + 1);
        }
        component.setName(name);
        component.setVersion(entry.version());
        if ("optional".equals(entry.scope()) || "dev".equals(entry.scope()) || "test".equals(entry.scope())) {
            component.setScope(Component.Scope.OPTIONAL);
        } else {
            component.setScope(Component.Scope.REQUIRED);
        }
        List<Hash> hashes = new ArrayList<>();
        entry.hashes().forEach((algorithm, value) -> {
            if (HEX_DIGEST.matcher(value).matches()) {
                hashes.add(new Hash(algorithm, value));
            }
        });
        if (!hashes.isEmpty()) {
            component.setHashes(hashes);
        }
        List<Property> properties = new ArrayList<>();
        addProperty(properties, "devsecops:ecosystem", entry.ecosystem());
        addProperty(properties, "devsecops:sourceFile", entry.sourceFile());
        addProperty(properties, "devsecops:scope", entry.scope());
        if (entry.direct() != null) {
            addProperty(properties, "devsecops:direct", entry.direct().toString());
        }
        entry.properties().forEach((key, value) -> addProperty(properties, "devsecops:" + key, value));
        component.setProperties(properties);
        return component;
    }

    private static void addProperty(List<Property> properties, String name, String value) {
        if (value != null) {
            Property property = new Property();
            property.setName(name);
            property.setValue(value);
            properties.add(property);
        }
    }

    /**
     * The rating method of a CVSS version; {@code OTHER} when the version is unknown (an imported score without a
     * version or a vector that names one).
     */
    private static Vulnerability.Rating.Method ratingMethod(String version) {
        if (version == null || version.isBlank()) {
            return Vulnerability.Rating.Method.OTHER;
        }
        return version.startsWith("4") ? Vulnerability.Rating.Method.CVSSV4
                : version.startsWith("3.1") ? Vulnerability.Rating.Method.CVSSV31
                : version.startsWith("3") ? Vulnerability.Rating.Method.CVSSV3
                : Vulnerability.Rating.Method.CVSSV2;
    }

    private static Vulnerability newVulnerability(Finding finding) {
        Vulnerability vulnerability = new Vulnerability();
        vulnerability.setBomRef("vuln-" + finding.ruleId());
        vulnerability.setId(finding.ruleId());
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(finding.ruleId().startsWith("CVE-") ? "NVD" : finding.ruleId().startsWith("GHSA-") ? "GitHub" : "OSV");
        vulnerability.setSource(source);
        Vulnerability.Rating rating = new Vulnerability.Rating();
        rating.setSeverity(Vulnerability.Rating.Severity.fromString(
                finding.severity().name().equals("INFO") ? "info" : finding.severity().name().toLowerCase(java.util.Locale.ROOT)));
        if (finding.cvss() != null) {
            rating.setScore(finding.cvss().score());
            rating.setVector(finding.cvss().vector());
            rating.setMethod(ratingMethod(finding.cvss().version()));
        } else {
            rating.setMethod(Vulnerability.Rating.Method.OTHER);
        }
        vulnerability.setRatings(List.of(rating));
        List<Integer> cwes = new ArrayList<>();
        for (String cwe : finding.cwes()) {
            try {
                cwes.add(Integer.parseInt(cwe.replaceFirst("(?i)^CWE-", "")));
            } catch (NumberFormatException e) {
                // not a numeric CWE id: left out
            }
        }
        if (!cwes.isEmpty()) {
            vulnerability.setCwes(cwes);
        }
        vulnerability.setDescription(finding.title());
        if (finding.message() != null) {
            vulnerability.setDetail(finding.message());
        }
        if (finding.remediation() != null) {
            vulnerability.setRecommendation(finding.remediation());
        }
        List<Vulnerability.Reference> references = new ArrayList<>();
        for (String id : finding.identifiers()) {
            if (!id.equals(finding.ruleId())) {
                Vulnerability.Reference reference = new Vulnerability.Reference();
                reference.setId(id);
                Vulnerability.Source referenceSource = new Vulnerability.Source();
                referenceSource.setName(id.startsWith("CVE-") ? "NVD" : id.startsWith("GHSA-") ? "GitHub" : "OSV");
                reference.setSource(referenceSource);
                references.add(reference);
            }
        }
        if (!references.isEmpty()) {
            vulnerability.setReferences(references);
        }
        return vulnerability;
    }
}
