package io.jenkins.plugins.devsecops.report;

import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.CodeFlow;
import com.contrastsecurity.sarif.Conversion;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.ThreadFlow;
import com.contrastsecurity.sarif.ThreadFlowLocation;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.StdDateFormat;
import io.jenkins.plugins.devsecops.EngineVersion;
import io.jenkins.plugins.devsecops.compliance.ComplianceCatalog;
import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * Writes {@code report.sarif}: the report as a SARIF 2.1.0 log (OASIS standard), the format GitHub code scanning,
 * GitLab, Azure DevOps and IDE viewers read. Built on the {@code com.contrastsecurity:java-sarif} object model.
 *
 * <p>One run per tool: the first run is this engine's (with an invocation carrying stage errors and warnings as
 * notifications); findings imported from another scanner go to a run of that tool, marked as converted by this
 * engine. Every rule gets a reporting descriptor with help text and Markdown, a {@code security-severity} and tags;
 * every result gets a {@code %SRCROOT%}-relative location, a {@code devsecops/v1} partial fingerprint and, when
 * suppressed, a SARIF suppression. Compliance frameworks results bear on are run {@code taxonomies}, referenced once
 * per rule ({@code relationships}) and from a result ({@code taxa}) only beyond its rule's ({@link SarifTaxonomies}).
 * The mapping is documented in {@code docs/report-format.md}.
 */
public final class SarifReportWriter implements ReportWriter {

    /** The SARIF URI base id every relative artifact location is under. */
    public static final String SRCROOT = "%SRCROOT%";

    /** The partial fingerprint key carrying {@link Finding#fingerprint()}. */
    public static final String FINGERPRINT_KEY = "devsecops/v1";

    static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://plugins.jenkins.io/devsecops-scan/";
    static final int MAX_SNIPPET_CHARS = 2_000;
    static final int MAX_MESSAGE_CHARS = 10_000;

    /**
     * The mapper of the object model ({@link #toSarif}), made at its first use: the writer itself writes field by field
     * on a plain generator ({@link JsonGenerators}) and needs none.
     */
    static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = createMapper();
    }

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String fileName() {
        return "report.sarif";
    }

    /**
     * Writes the log as {@link #toSarif} builds it, byte for byte, without holding it: the findings are read in
     * order, once to gather every run's rules and once per run to write its results one by one, so that the
     * memory holds the rules and one result, however many findings the report has.
     */
    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ReportWriter.writeAlone(this, report, out);
    }

    /** Every run's rules and taxonomies are gathered in {@code pass}; the results are written by a pass of their own. */
    @Override
    public Prepared prepare(Report report, FindingPass pass) {
        RunsOfTools runsOfTools = pass.add(new RunsOfTools(report.tool()));
        return out -> {
            pass.check(runsOfTools);
            write(report, runsOfTools, out);
        };
    }

    /** Every run's rules and taxonomies, gathered from the findings in report order. */
    private static final class RunsOfTools implements FindingPass.Reader {
        private final ToolInfo ours;
        private final Map<ToolInfo, SarifRules> rulesByTool = new LinkedHashMap<>();
        private final Map<ToolInfo, SarifTaxonomies> taxonomiesByTool = new LinkedHashMap<>();

        RunsOfTools(ToolInfo ours) {
            this.ours = ours;
            rulesByTool.put(ours, new SarifRules());
            taxonomiesByTool.put(ours, new SarifTaxonomies(ComplianceCatalog.builtIn()));
        }

        @Override
        public void read(int index, Finding finding) {
            ToolInfo tool = toolOf(finding, ours);
            rulesByTool.computeIfAbsent(tool, t -> new SarifRules()).add(finding);
            // records the frameworks and requirements used and each rule's common mapping
            taxonomiesByTool.computeIfAbsent(tool, t -> new SarifTaxonomies(ComplianceCatalog.builtIn()))
                    .record(finding);
        }
    }

    private static void write(Report report, RunsOfTools runsOfTools, OutputStream out) throws IOException {
        Map<ToolInfo, SarifRules> rulesByTool = runsOfTools.rulesByTool;
        Map<ToolInfo, SarifTaxonomies> taxonomiesByTool = runsOfTools.taxonomiesByTool;
        List<ToolInfo> tools = new ArrayList<>(rulesByTool.keySet());
        List<Run> runs = new ArrayList<>();
        List<SarifRules> rulesOfRuns = new ArrayList<>();
        List<SarifTaxonomies> taxonomiesOfRuns = new ArrayList<>();
        for (ToolInfo tool : tools) {
            SarifRules rules = rulesByTool.get(tool);
            SarifTaxonomies taxonomies = taxonomiesByTool.get(tool);
            rulesOfRuns.add(rules);
            taxonomiesOfRuns.add(taxonomies);
            runs.add(run(report, tool, rules, taxonomies, new ArrayList<>()));
        }
        // The log the object model gives, written field by field, each run's results streamed in place.
        try (JsonGenerator generator = JsonGenerators.indented(out)) {
            SarifLogJson.write(generator, log(runs), runIndex -> writeResults(generator,
                    report, tools.get(runIndex), rulesOfRuns.get(runIndex), taxonomiesOfRuns.get(runIndex)));
        }
    }

    private static void writeResults(JsonGenerator generator, Report report, ToolInfo tool,
            SarifRules rules, SarifTaxonomies taxonomies) throws IOException {
        generator.writeStartArray();
        for (Finding finding : report.findings()) {
            if (toolOf(finding, report.tool()).equals(tool)) {
                // streamed field by field: the bytes the object model's result would give (see SarifResultJson)
                SarifResultJson.write(generator, finding, rules.indexOf(finding.ruleId()), taxonomies.taxa(finding));
            }
        }
        generator.writeEndArray();
    }

    /** The SARIF log of {@code report}, as the object model (held whole), for callers that post-process it. */
    public SarifSchema210 toSarif(Report report) {
        Map<ToolInfo, List<Finding>> findingsByTool = groupByTool(report);
        List<Run> runs = new ArrayList<>();
        findingsByTool.forEach((tool, findings) -> {
            SarifRules rules = new SarifRules();
            SarifTaxonomies taxonomies = new SarifTaxonomies(ComplianceCatalog.builtIn());
            findings.forEach(taxonomies::record);
            List<Result> results = new ArrayList<>();
            for (Finding finding : findings) {
                int ruleIndex = rules.add(finding);
                Result result = result(finding, ruleIndex);
                taxonomies.addTo(result, finding);
                results.add(result);
            }
            runs.add(run(report, tool, rules, taxonomies, results));
        });
        return log(runs);
    }

    private static SarifSchema210 log(List<Run> runs) {
        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA_URI))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(runs);
    }

    private static ObjectMapper createMapper() {
        return JsonMapper.builder()
                .addMixIn(Result.class, LevelAlwaysWritten.class)
                .addMixIn(Notification.class, LevelAlwaysWritten.class)
                .addMixIn(com.contrastsecurity.sarif.ReportingConfiguration.class, LevelAlwaysWritten.class)
                .addMixIn(Run.class, RunResultsAlwaysWritten.class)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultDateFormat(new StdDateFormat().withTimeZone(TimeZone.getTimeZone("UTC"))
                        .withColonInTimeZone(true))
                .build();
    }

    /**
     * The object model leaves out values equal to SARIF's defaults ({@code NON_DEFAULT}), {@code level: warning}
     * included. A result without {@code level} takes its rule's default level, which is the highest of the rule's
     * findings: a MEDIUM finding of a rule that also has HIGH ones would read as an error. Always write levels.
     */
    private abstract static class LevelAlwaysWritten {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Object getLevel();
    }

    /** An empty {@code results} array says "nothing found", an absent one "not determined": always write it. */
    private abstract static class RunResultsAlwaysWritten {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract List<Result> getResults();
    }

    /** Our engine first (always present), then one entry per imported tool in order of first appearance. */
    private static Map<ToolInfo, List<Finding>> groupByTool(Report report) {
        Map<ToolInfo, List<Finding>> byTool = new LinkedHashMap<>();
        ToolInfo ours = report.tool();
        byTool.put(ours, new ArrayList<>());
        for (Finding finding : report.findings()) {
            byTool.computeIfAbsent(toolOf(finding, ours), t -> new ArrayList<>()).add(finding);
        }
        return byTool;
    }

    /** The tool whose run a finding goes to: the first that reported it, ours for our own findings. */
    private static ToolInfo toolOf(Finding finding, ToolInfo ours) {
        return finding.tools().isEmpty() || isOurs(finding.tools().get(0), ours) ? ours : finding.tools().get(0);
    }

    private static boolean isOurs(ToolInfo tool, ToolInfo ours) {
        return tool.name().equals(ours.name()) || tool.name().equals(EngineVersion.NAME);
    }

    private static Run run(Report report, ToolInfo tool, SarifRules rules, SarifTaxonomies taxonomies,
            List<Result> results) {
        boolean ours = tool.equals(report.tool());
        Set<ReportingDescriptor> descriptors = rules.descriptors();
        taxonomies.relate(descriptors);
        ToolComponent driver = new ToolComponent().withName(tool.name()).withRules(descriptors);
        if (tool.version() != null && !tool.version().isBlank()) {
            driver.setVersion(tool.version());
        }
        if (ours) {
            driver.setInformationUri(URI.create(INFORMATION_URI));
        }
        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withOriginalUriBaseIds(originalUriBaseIds(report))
                .withResults(results);
        Set<ToolComponent> used = taxonomies.taxonomies();
        if (!used.isEmpty()) {
            run.setTaxonomies(used);
            driver.setSupportedTaxonomies(taxonomies.supported());
        }
        if (ours) {
            // Stages compute columns on Java strings (LineIndex): UTF-16 code units.
            run.setColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS);
            run.setInvocations(List.of(invocation(report)));
            if (!report.properties().isEmpty()) {
                run.setProperties(propertyBag(new TreeMap<>(report.properties())));
            }
        } else {
            run.setConversion(new Conversion().withTool(new Tool().withDriver(new ToolComponent()
                    .withName(report.tool().name()).withVersion(report.tool().version())
                    .withInformationUri(URI.create(INFORMATION_URI)))));
        }
        return run;
    }

    private static OriginalUriBaseIds originalUriBaseIds(Report report) {
        ArtifactLocation root = new ArtifactLocation()
                .withDescription(new Message().withText("The root of the scanned source tree"));
        if (report.root() != null && ArtifactUris.isAbsolute(report.root())) {
            root.setUri(ArtifactUris.directory(report.root()));
        }
        return new OriginalUriBaseIds().withAdditionalProperty(SRCROOT, root);
    }

    private static Invocation invocation(Report report) {
        List<Notification> notifications = new ArrayList<>();
        boolean successful = true;
        for (StageResult stage : report.stages()) {
            successful &= stage.status() != StageStatus.FAILED && stage.status() != StageStatus.TIMED_OUT;
            if (stage.status() == StageStatus.FAILED || stage.status() == StageStatus.TIMED_OUT) {
                notifications.add(notification(Notification.Level.ERROR,
                        "Stage " + stage.stage() + " " + stage.status().name().toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' '), null));
            }
            for (StageError error : stage.errors()) {
                notifications.add(notification(Notification.Level.ERROR,
                        "[" + stage.stage() + "] " + error.message(), error.path()));
            }
            for (String warning : stage.warnings()) {
                notifications.add(notification(Notification.Level.WARNING, "[" + stage.stage() + "] " + warning, null));
            }
        }
        Invocation invocation = new Invocation()
                .withExecutionSuccessful(successful)
                .withStartTimeUtc(Date.from(report.startedAt()))
                .withEndTimeUtc(Date.from(report.startedAt().plusMillis(Math.max(0, report.durationMillis()))));
        if (!notifications.isEmpty()) {
            invocation.setToolExecutionNotifications(notifications);
        }
        return invocation;
    }

    private static Notification notification(Notification.Level level, String text, String path) {
        Notification notification = new Notification().withLevel(level)
                .withMessage(new Message().withText(cap(text, MAX_MESSAGE_CHARS)));
        if (path != null && !path.isBlank()) {
            notification.setLocations(new LinkedHashSet<>(List.of(new Location()
                    .withPhysicalLocation(new PhysicalLocation().withArtifactLocation(artifactLocation(path))))));
        }
        return notification;
    }

    static Result result(Finding finding, int ruleIndex) {
        String text = finding.message() == null || finding.message().isBlank() ? finding.title() : finding.message();
        String fingerprint = FindingFingerprints.ensure(finding).fingerprint();
        Result result = new Result()
                .withRuleId(finding.ruleId())
                .withRuleIndex(ruleIndex)
                .withLevel(SarifSeverity.level(finding.severity()))
                .withMessage(new Message().withText(cap(text, MAX_MESSAGE_CHARS)))
                .withLocations(List.of(location(finding)))
                .withPartialFingerprints(new PartialFingerprints().withAdditionalProperty(FINGERPRINT_KEY, fingerprint))
                .withProperties(resultProperties(finding));
        if (finding.suppression() != null) {
            result.setSuppressions(new LinkedHashSet<>(List.of(suppression(finding.suppression()))));
        }
        if (!finding.trace().isEmpty()) {
            result.setCodeFlows(List.of(codeFlow(finding)));
        }
        return result;
    }

    /** A data-flow finding's trace as one SARIF code flow: source first, sink last. */
    private static CodeFlow codeFlow(Finding finding) {
        List<ThreadFlowLocation> steps = new ArrayList<>();
        for (io.jenkins.plugins.devsecops.model.TraceStep step : finding.trace()) {
            Location location = new Location().withPhysicalLocation(physicalLocation(step.location()));
            if (!step.message().isEmpty()) {
                location.setMessage(new Message().withText(cap(step.message(), MAX_MESSAGE_CHARS)));
            }
            steps.add(new ThreadFlowLocation().withLocation(location));
        }
        return new CodeFlow().withThreadFlows(List.of(new ThreadFlow().withLocations(steps)));
    }

    /** Property keys under which a dependency stage may name the manifest or lockfile a component comes from. */
    static final List<String> MANIFEST_PROPERTIES = List.of("manifest", "lockfile");

    /**
     * The result's location: its file and region; else, for a component, the manifest that declares it with the
     * package as a companion logical location; else the package (or the stage) as a logical location only. GitHub
     * code scanning rejects a log with a result that has no physical location, so stages should name the manifest.
     */
    private static Location location(Finding finding) {
        io.jenkins.plugins.devsecops.model.Location where = finding.location();
        Location location = new Location();
        if (where != null) {
            location.setPhysicalLocation(physicalLocation(where));
        } else {
            MANIFEST_PROPERTIES.stream().map(key -> finding.properties().get(key))
                    .filter(value -> value != null && !value.isBlank()).findFirst()
                    .ifPresent(manifest -> location.setPhysicalLocation(new PhysicalLocation()
                            .withArtifactLocation(artifactLocation(manifest))));
        }
        if (finding.component() != null) {
            LogicalLocation module = new LogicalLocation().withKind("module");
            String name = finding.component().name() != null ? finding.component().name() : finding.component().purl();
            if (name != null) {
                module.setName(name);
            }
            if (finding.component().purl() != null) {
                module.setFullyQualifiedName(finding.component().purl());
            }
            location.setLogicalLocations(new LinkedHashSet<>(List.of(module)));
        } else if (location.getPhysicalLocation() == null) {
            location.setLogicalLocations(new LinkedHashSet<>(List.of(
                    new LogicalLocation().withName(finding.stage()).withKind("resource"))));
        }
        return location;
    }

    private static PhysicalLocation physicalLocation(io.jenkins.plugins.devsecops.model.Location where) {
        PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(artifactLocation(where.path()));
        if (where.startLine() > 0) {
            Region region = new Region().withStartLine(where.startLine());
            if (where.startColumn() > 0) {
                region.setStartColumn(where.startColumn());
            }
            if (where.endLine() > 0) {
                region.setEndLine(where.endLine());
            }
            if (where.endColumn() > 0 && (where.endLine() > where.startLine()
                    || where.endColumn() > where.startColumn())) {
                region.setEndColumn(where.endColumn());
            }
            if (where.snippet() != null && !where.snippet().isEmpty()) {
                region.setSnippet(new ArtifactContent().withText(cap(where.snippet(), MAX_SNIPPET_CHARS)));
            }
            physical.setRegion(region);
        }
        return physical;
    }

    static ArtifactLocation artifactLocation(String path) {
        if (ArtifactUris.isAbsolute(path)) {
            return new ArtifactLocation().withUri(ArtifactUris.absolute(path));
        }
        return new ArtifactLocation().withUri(ArtifactUris.relative(path)).withUriBaseId(SRCROOT);
    }

    private static com.contrastsecurity.sarif.Suppression suppression(Suppression suppression) {
        com.contrastsecurity.sarif.Suppression sarif = new com.contrastsecurity.sarif.Suppression()
                .withKind("inline".equalsIgnoreCase(suppression.kind())
                        ? com.contrastsecurity.sarif.Suppression.Kind.IN_SOURCE
                        : com.contrastsecurity.sarif.Suppression.Kind.EXTERNAL)
                .withStatus(com.contrastsecurity.sarif.Suppression.Status.ACCEPTED);
        if (suppression.reason() != null && !suppression.reason().isBlank()) {
            sarif.setJustification(suppression.reason());
        }
        Map<String, Object> facts = suppressionFacts(suppression);
        if (!facts.isEmpty()) {
            sarif.setProperties(propertyBag(facts));
        }
        return sarif;
    }

    /** A suppression's properties, sorted by key: empty when it has none. */
    static Map<String, Object> suppressionFacts(Suppression suppression) {
        Map<String, Object> facts = new TreeMap<>();
        putIfPresent(facts, "kind", suppression.kind());
        putIfPresent(facts, "owner", suppression.owner());
        putIfPresent(facts, "expires", suppression.expires() == null ? null : suppression.expires().toString());
        putIfPresent(facts, "source", suppression.source());
        return facts;
    }

    private static PropertyBag resultProperties(Finding finding) {
        return propertyBag(resultFacts(finding));
    }

    /** A result's properties, sorted by key. */
    static Map<String, Object> resultFacts(Finding finding) {
        Map<String, Object> facts = new TreeMap<>();
        facts.put("stage", finding.stage());
        facts.put("severity", finding.severity().name());
        facts.put("confidence", finding.confidence().name());
        facts.put("security-severity", SarifSeverity.securitySeverity(finding));
        if (!finding.identifiers().isEmpty()) {
            facts.put("identifiers", finding.identifiers());
        }
        if (!finding.cwes().isEmpty()) {
            facts.put("cwes", finding.cwes());
        }
        if (finding.component() != null) {
            putIfPresent(facts, "purl", finding.component().purl());
            putIfPresent(facts, "componentName", finding.component().name());
            putIfPresent(facts, "componentVersion", finding.component().version());
            putIfPresent(facts, "ecosystem", finding.component().ecosystem());
            if (finding.component().direct() != null) {
                facts.put("directDependency", finding.component().direct());
            }
            if (!finding.component().dependencyPath().isEmpty()) {
                facts.put("dependencyPath", finding.component().dependencyPath());
            }
        }
        putIfPresent(facts, "fixedVersion", finding.fixedVersion());
        if (finding.cvss() != null) {
            facts.put("cvssScore", finding.cvss().score());
            putIfPresent(facts, "cvssVersion", finding.cvss().version());
            putIfPresent(facts, "cvssVector", finding.cvss().vector());
        }
        if (finding.tools().size() > 1) {
            facts.put("reportedBy", finding.tools().stream()
                    .map(t -> t.version() == null ? t.name() : t.name() + " " + t.version()).toList());
        }
        finding.properties().forEach((key, value) -> facts.putIfAbsent(key, value));
        return facts;
    }

    private static PropertyBag propertyBag(Map<String, ?> facts) {
        PropertyBag bag = new PropertyBag();
        facts.forEach(bag::setAdditionalProperty);
        return bag;
    }

    private static void putIfPresent(Map<String, Object> facts, String key, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(key, value);
        }
    }

    static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }
}
