package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.scan.ParserErrors;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.ReportingDescriptorRelationship;
import com.contrastsecurity.sarif.Result;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 from any tool. The document is streamed: each rule and each result is bound, one at a time, to
 * the java-sarif object model the SARIF writer uses, after dropping the parts the import does not use (code
 * flows, graphs, stacks, snippets), so memory grows with the number of results, not with the size of the file.
 *
 * <p>Severity: a {@code security-severity} score (result, else rule property) maps like GitHub code scanning
 * (≥ 9.0 critical, ≥ 7.0 high, ≥ 4.0 medium, else low); otherwise the level (result, else the rule's default,
 * else {@code warning}): error → HIGH, warning → MEDIUM, note → LOW, none → INFO. Results of kind {@code pass}
 * or {@code notApplicable} and those whose {@code baselineState} is {@code absent} are not findings.
 */
final class SarifParser implements ReportParser {

    private static final String RUNS = "/runs/*";
    private static final String TOOL = RUNS + "/tool";
    private static final String TAXONOMY_NAME = RUNS + "/taxonomies/*/name";
    private static final String BASE_IDS = RUNS + "/originalUriBaseIds";
    private static final String ARTIFACT = RUNS + "/artifacts/*/location";
    private static final String RESULT = RUNS + "/results/*";
    private static final String VERSION = "/version";

    private static final int MAX_BASE_CHAIN = 10;
    private static final Set<String> RESULT_FIELDS = Set.of("ruleId", "ruleIndex", "rule", "kind", "level",
            "message", "locations", "partialFingerprints", "fingerprints", "suppressions", "baselineState", "taxa");
    private static final Set<String> RULE_FIELDS = Set.of("id", "name", "shortDescription", "fullDescription",
            "messageStrings", "defaultConfiguration", "help", "relationships");

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String displayName() {
        return "SARIF 2.1.0 (any tool)";
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("\"runs\"") && (head.contains("sarif") || head.contains("\"2.1.0\""));
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        NavigableMap<Integer, RunState> runs = new TreeMap<>();
        String[] version = new String[1];
        JsonRecordReader reader = new JsonRecordReader(Set.of(TOOL, TAXONOMY_NAME, BASE_IDS, ARTIFACT, RESULT, VERSION),
                context);
        reader.read(in, (path, indexes, value) -> {
            if (path.equals(VERSION)) {
                version[0] = JsonFields.text(value);
                return;
            }
            int runIndex = indexes.get(0);
            RunState run = runs.computeIfAbsent(runIndex, i -> new RunState());
            finishEarlierRuns(runs, runIndex, context);
            switch (path) {
                case TOOL -> run.readTool(value, context);
                case TAXONOMY_NAME -> run.taxonomyNames.put(indexes.get(1), JsonFields.text(value));
                case BASE_IDS -> run.baseIds = value;
                case ARTIFACT -> run.artifacts.put(indexes.get(1),
                        new ArtifactRef(JsonFields.text(value, "uri"), JsonFields.text(value, "uriBaseId")));
                case RESULT -> run.addResult(value, context);
                default -> throw new IllegalStateException("Unexpected path " + path);
            }
        });
        if (version[0] == null || !version[0].equals("2.1.0")) {
            throw new IOException("Not a SARIF 2.1.0 log: version is " + (version[0] == null ? "missing" : "'" + version[0] + "'"));
        }
        finishEarlierRuns(runs, Integer.MAX_VALUE, context);
    }

    /** One of {@code run.artifacts}: where it is, as the log wrote it. */
    private record ArtifactRef(String uri, String uriBaseId) {
    }

    /**
     * Finishes the runs before {@code current} and forgets them, so that the map only ever holds the runs still
     * streaming by (one, in document order) and a log with many runs is read in linear time.
     */
    private static void finishEarlierRuns(NavigableMap<Integer, RunState> runs, int current, ImportContext context) {
        Map<Integer, RunState> earlier = runs.headMap(current, false);
        for (RunState run : earlier.values()) {
            if (!run.finished) {
                run.finish(context);
            }
        }
        earlier.clear();
    }

    /** What is known of one run while it streams by; results wait for the run's end to resolve rules and paths. */
    private static final class RunState {
        ToolInfo tool;
        final List<ReportingDescriptor> driverRules = new ArrayList<>();
        final Map<String, ReportingDescriptor> rulesById = new HashMap<>();
        final Map<Integer, List<ReportingDescriptor>> extensionRules = new HashMap<>();
        final Map<Integer, String> taxonomyNames = new HashMap<>();
        final Map<Integer, ArtifactRef> artifacts = new HashMap<>();
        JsonNode baseIds;
        final PendingResults pending = new PendingResults();
        final Map<ReportingDescriptor, RuleFacts> facts = new java.util.IdentityHashMap<>();
        boolean toolSeen;
        boolean finished;

        void readTool(JsonNode value, ImportContext context) {
            toolSeen = true;
            JsonNode driver = value.get("driver");
            String name = JsonFields.text(driver, "name");
            String version = JsonFields.text(driver, "version");
            if (version == null) {
                version = JsonFields.text(driver, "semanticVersion");
            }
            tool = new ToolInfo(name == null ? "unknown SARIF tool" : PlainText.clip(name, 100), PlainText.clip(version, 100));
            readRules(driver, driverRules, context);
            JsonNode extensions = value.get("extensions");
            if (extensions != null && extensions.isArray()) {
                for (int i = 0; i < extensions.size(); i++) {
                    List<ReportingDescriptor> rules = new ArrayList<>();
                    readRules(extensions.get(i), rules, context);
                    extensionRules.put(i, rules);
                }
            }
        }

        private void readRules(JsonNode component, List<ReportingDescriptor> into, ImportContext context) {
            JsonNode rules = component == null ? null : component.get("rules");
            if (rules == null || !rules.isArray()) {
                return;
            }
            for (JsonNode rule : rules) {
                ReportingDescriptor descriptor = bindRule(rule, context);
                into.add(descriptor);
                if (descriptor != null && descriptor.getId() != null) {
                    rulesById.putIfAbsent(descriptor.getId(), descriptor);
                }
            }
        }

        private static ReportingDescriptor bindRule(JsonNode rule, ImportContext context) {
            if (!(rule instanceof ObjectNode object)) {
                return null;
            }
            ObjectNode kept = object.objectNode();
            RULE_FIELDS.forEach(field -> {
                if (object.has(field)) {
                    kept.set(field, object.get(field));
                }
            });
            JsonNode properties = object.get("properties");
            if (properties != null && properties.isObject()) {
                ObjectNode keptProperties = kept.putObject("properties");
                copy(properties, keptProperties, "security-severity");
                copy(properties, keptProperties, "tags");
                copy(properties, keptProperties, "precision");
                copy(properties, keptProperties, "cwe");
            }
            try {
                ReportingDescriptor descriptor = JsonRecordReader.MAPPER.treeToValue(kept, ReportingDescriptor.class);
                String helpUri = JsonFields.text(object, "helpUri");
                if (helpUri != null) {
                    try {
                        descriptor.setHelpUri(new URI(helpUri));
                    } catch (URISyntaxException e) {
                        context.warning("Rule " + descriptor.getId() + " has an invalid helpUri");
                    }
                }
                return descriptor;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                context.skip("a SARIF rule that does not follow the schema (" + shortMessage(e) + ")");
                return null;
            }
        }

        void addResult(JsonNode value, ImportContext context) {
            if (!(value instanceof ObjectNode object)) {
                context.skip("a SARIF result that is not an object");
                return;
            }
            ObjectNode kept = object.objectNode();
            RESULT_FIELDS.forEach(field -> {
                if (object.has(field)) {
                    kept.set(field, object.get(field));
                }
            });
            JsonNode properties = object.get("properties");
            if (properties != null && properties.isObject()) {
                ObjectNode keptProperties = kept.putObject("properties");
                copy(properties, keptProperties, "security-severity");
                copy(properties, keptProperties, "tags");
            }
            JsonNode locations = kept.get("locations");
            if (locations != null && locations.isArray()) {
                kept.set("locations", pruneLocations(locations));
            }
            try {
                Result result = JsonRecordReader.MAPPER.treeToValue(kept, Result.class);
                if (!kept.has("level")) {
                    // java-sarif defaults an absent level to "warning"; the rule's default configuration decides then
                    result.setLevel(null);
                }
                Pending converted = toolSeen ? convert(result, context) : new Pending(null, result, null);
                if (converted != null) {
                    pending.add(converted);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                context.skip("a SARIF result that does not follow the schema (" + shortMessage(e) + ")");
            }
        }

        private static JsonNode pruneLocations(JsonNode locations) {
            var pruned = JsonRecordReader.MAPPER.createArrayNode();
            for (JsonNode location : locations) {
                JsonNode physical = location.get("physicalLocation");
                if (physical == null || !physical.isObject()) {
                    continue;
                }
                ObjectNode keptPhysical = JsonRecordReader.MAPPER.createObjectNode();
                copy(physical, keptPhysical, "artifactLocation");
                JsonNode region = physical.get("region");
                if (region != null && region.isObject()) {
                    ObjectNode keptRegion = keptPhysical.putObject("region");
                    for (String field : List.of("startLine", "startColumn", "endLine", "endColumn")) {
                        copy(region, keptRegion, field);
                    }
                }
                pruned.addObject().set("physicalLocation", keptPhysical);
                break;
            }
            return pruned;
        }

        private static void copy(JsonNode from, ObjectNode to, String field) {
            JsonNode value = from.get(field);
            if (value != null) {
                to.set(field, value);
            }
        }

        /** A package named in a result's or rule's text. */
        private record PackageFacts(String name, String version, String fixed) {
        }

        /** A result read, converted once the run's tool is known; its path is resolved at the end of the run. */
        private record Pending(Finding finding, Result deferred, RawLocation location) {
        }

        /** Where a result is, as the log wrote it. */
        private record RawLocation(String uri, String uriBaseId, Integer artifactIndex, Region region) {
        }

        /** What every result of one rule shares, computed once so that its strings are shared too. */
        private record RuleFacts(String title, String remediation, String helpUri, List<String> cwes,
                Confidence confidence, boolean secret, PackageFacts packageFacts) {
        }

        private ToolInfo runTool() {
            return tool == null ? new ToolInfo("unknown SARIF tool", null) : tool;
        }

        void finish(ImportContext context) {
            finished = true;
            pending.forEach((deferred, finding, raw) -> {
                Pending item = deferred != null ? convert(deferred, context) : new Pending(finding, null, raw);
                if (item == null) {
                    return;
                }
                io.jenkins.plugins.devsecops.model.Location location = location(item.location(), context);
                context.add(location == null ? item.finding() : item.finding().toBuilder().location(location).build());
            });
        }

        /**
         * The results of the run read so far, in order, waiting for its end: those converted kept, with where they
         * are, in lists that spill to a temporary file beyond {@link FindingList#memoryLimit()} (so a log of
         * hundreds of thousands of results is not held in memory); those read before the run's tool (rare) as read.
         */
        private static final class PendingResults {
            private FindingList.Builder findings = FindingList.builder();
            private FindingList.Builder locations = FindingList.builder();
            private final List<Result> deferred = new ArrayList<>();
            private final BitSet deferredAt = new BitSet();
            private int size;

            void add(Pending item) {
                if (item.deferred() != null) {
                    deferredAt.set(size);
                    deferred.add(item.deferred());
                } else {
                    findings.add(item.finding());
                    locations.add(carrier(item.location()));
                }
                size++;
            }

            /** What {@link #forEach} gives for each result, in order: a deferred result, or a finding and where it is. */
            interface Visitor {
                void visit(Result deferred, Finding finding, RawLocation location);
            }

            /** Gives each result in order, once; the lists are dropped as they are read. */
            void forEach(Visitor visitor) {
                List<Finding> kept = findings.build();
                List<Finding> where = locations.build();
                findings = null;
                locations = null;
                java.util.Iterator<Finding> keptFindings = kept.iterator();
                java.util.Iterator<Finding> keptLocations = where.iterator();
                int nextDeferred = 0;
                for (int i = 0; i < size; i++) {
                    if (deferredAt.get(i)) {
                        Result result = deferred.get(nextDeferred);
                        deferred.set(nextDeferred++, null);
                        visitor.visit(result, null, null);
                    } else {
                        visitor.visit(null, keptFindings.next(), rawLocation(keptLocations.next()));
                    }
                }
            }

            private static final Finding NO_LOCATION = Finding.builder().stage(ImportContext.STAGE).ruleId("location")
                    .title("location").severity(Severity.INFO).build();

            /** Where a result is, as a finding of no other use, so that it spills with the result's finding. */
            private static Finding carrier(RawLocation raw) {
                if (raw == null) {
                    return NO_LOCATION;
                }
                Finding.Builder carrier = NO_LOCATION.toBuilder().property("present", "")
                        .property("uri", raw.uri()).property("uriBaseId", raw.uriBaseId())
                        .property("artifactIndex", text(raw.artifactIndex()));
                Region region = raw.region();
                if (region != null) {
                    carrier.property("region", "").property("startLine", text(region.getStartLine()))
                            .property("startColumn", text(region.getStartColumn()))
                            .property("endLine", text(region.getEndLine()))
                            .property("endColumn", text(region.getEndColumn()));
                }
                return carrier.build();
            }

            private static RawLocation rawLocation(Finding carrier) {
                Map<String, String> at = carrier.properties();
                if (!at.containsKey("present")) {
                    return null;
                }
                Region region = !at.containsKey("region") ? null : new Region()
                        .withStartLine(number(at.get("startLine"))).withStartColumn(number(at.get("startColumn")))
                        .withEndLine(number(at.get("endLine"))).withEndColumn(number(at.get("endColumn")));
                return new RawLocation(at.get("uri"), at.get("uriBaseId"), number(at.get("artifactIndex")), region);
            }

            private static String text(Integer value) {
                return value == null ? null : value.toString();
            }

            private static Integer number(String text) {
                return text == null ? null : Integer.valueOf(text);
            }
        }

        private RuleFacts facts(ReportingDescriptor rule) {
            if (rule == null) {
                return new RuleFacts(null, null, null, List.of(), Confidence.HIGH, false, null);
            }
            return facts.computeIfAbsent(rule, r -> {
                String title = text(r.getShortDescription());
                if (title == null) {
                    title = r.getName();
                }
                String help = text(r.getHelp());
                Confidence confidence = r.getProperties() == null ? Confidence.HIGH
                        : confidence(r.getProperties().getAdditionalProperties().get("precision"));
                return new RuleFacts(PlainText.clip(title, PlainText.TITLE_LIMIT),
                        PlainText.clip(help == null ? text(r.getFullDescription()) : help, PlainText.TEXT_LIMIT),
                        r.getHelpUri() == null ? null : PlainText.clip(r.getHelpUri().toString(), 500),
                        List.copyOf(ruleCwes(r)), confidence, r.getId() != null && looksLikeSecret(r.getId(), r),
                        packageFacts(help));
            });
        }

        /** The result as a finding whose location waits for the end of the run, or {@code null} when it is none. */
        private Pending convert(Result result, ImportContext context) {
            if (result.getKind() != null && (result.getKind() == Result.Kind.PASS
                    || result.getKind() == Result.Kind.NOT_APPLICABLE)) {
                return null;
            }
            if (result.getBaselineState() == Result.BaselineState.ABSENT) {
                return null;
            }
            ReportingDescriptor rule = ruleOf(result);
            RuleFacts ruleFacts = facts(rule);
            String ruleId = result.getRuleId();
            if (ruleId == null && result.getRule() != null) {
                ruleId = result.getRule().getId();
            }
            if (ruleId == null && rule != null) {
                ruleId = rule.getId();
            }
            if (ruleId == null) {
                context.skip("a SARIF result without a rule id");
                return null;
            }
            if (rule != null && ruleId.equals(rule.getId())) {
                ruleId = rule.getId();
            }
            String messageText = messageText(result.getMessage(), rule);
            String title = ruleFacts.title();
            if (title == null) {
                title = PlainText.clip(messageText == null ? ruleId : messageText, PlainText.TITLE_LIMIT);
            }
            ToolInfo runTool = runTool();
            boolean secret = ruleFacts.secret() || looksLikeSecret(ruleId, null) || isSecretScanner(runTool.name());
            Finding.Builder builder = context.finding(runTool, kindOf(ruleId, rule, secret))
                    .ruleId(ruleId.length() > 200 ? PlainText.clip(ruleId, 200) : ruleId)
                    .title(title)
                    .message(PlainText.clip(messageText, PlainText.TEXT_LIMIT))
                    .severity(severity(result, rule))
                    .confidence(result.getKind() == Result.Kind.OPEN || result.getKind() == Result.Kind.REVIEW
                            ? Confidence.LOW : ruleFacts.confidence())
                    .remediation(ruleFacts.remediation())
                    .property("helpUri", ruleFacts.helpUri());
            SecurityIds.advisoriesIn(ruleId).forEach(builder::identifier);
            builder.cwes(ruleFacts.cwes());
            resultCwes(result).forEach(builder::cwe);
            PackageFacts packageFacts = packageFacts(messageText);
            component(packageFacts != null ? packageFacts : ruleFacts.packageFacts(), builder);
            String fingerprint = fingerprint(result);
            if (fingerprint != null) {
                builder.fingerprint(ImportContext.toolFingerprint(runTool.name(), ruleId, fingerprint));
            }
            suppression(result, context).ifPresent(builder::suppression);
            Finding finding;
            try {
                finding = builder.build();
            } catch (IllegalArgumentException e) {
                context.skip(e.getMessage());
                return null;
            }
            return new Pending(finding, null, rawLocation(result));
        }

        private static RawLocation rawLocation(Result result) {
            if (result.getLocations() == null || result.getLocations().isEmpty()) {
                return null;
            }
            PhysicalLocation physical = result.getLocations().get(0).getPhysicalLocation();
            if (physical == null || physical.getArtifactLocation() == null) {
                return null;
            }
            ArtifactLocation artifact = physical.getArtifactLocation();
            Region region = physical.getRegion();
            Region compact = null;
            if (region != null) {
                compact = new Region().withStartLine(region.getStartLine()).withStartColumn(region.getStartColumn())
                        .withEndLine(region.getEndLine()).withEndColumn(region.getEndColumn());
            }
            return new RawLocation(artifact.getUri(), artifact.getUriBaseId(), artifact.getIndex(), compact);
        }

        private ReportingDescriptor ruleOf(Result result) {
            ReportingDescriptorReference reference = result.getRule();
            Integer index = result.getRuleIndex();
            List<ReportingDescriptor> rules = driverRules;
            // java-sarif defaults absent indexes to -1
            if (reference != null) {
                if (reference.getIndex() != null && reference.getIndex() >= 0) {
                    index = reference.getIndex();
                }
                if (reference.getToolComponent() != null && reference.getToolComponent().getIndex() != null
                        && reference.getToolComponent().getIndex() >= 0) {
                    rules = extensionRules.getOrDefault(reference.getToolComponent().getIndex(), List.of());
                }
            }
            if (index != null && index >= 0 && index < rules.size() && rules.get(index) != null) {
                return rules.get(index);
            }
            String id = result.getRuleId() != null ? result.getRuleId() : reference == null ? null : reference.getId();
            while (id != null) {
                ReportingDescriptor rule = rulesById.get(id);
                if (rule != null) {
                    return rule;
                }
                int slash = id.lastIndexOf('/');
                id = slash > 0 ? id.substring(0, slash) : null;
            }
            return null;
        }

        private static String messageText(Message message, ReportingDescriptor rule) {
            if (message == null) {
                return null;
            }
            String text = message.getText();
            if (text == null && message.getId() != null && rule != null && rule.getMessageStrings() != null) {
                MultiformatMessageString template = rule.getMessageStrings().getAdditionalProperties().get(message.getId());
                text = template == null ? null : template.getText();
            }
            if (text != null && message.getArguments() != null) {
                List<String> arguments = message.getArguments();
                for (int i = 0; i < arguments.size() && i < 50; i++) {
                    text = text.replace("{" + i + "}", String.valueOf(arguments.get(i)));
                }
            }
            return text;
        }

        private static String text(MultiformatMessageString message) {
            if (message == null) {
                return null;
            }
            return message.getText() != null && !message.getText().isBlank() ? message.getText() : message.getMarkdown();
        }

        private static Severity severity(Result result, ReportingDescriptor rule) {
            Double score = null;
            if (result.getProperties() != null) {
                score = decimal(result.getProperties().getAdditionalProperties().get("security-severity"));
            }
            if (score == null && rule != null && rule.getProperties() != null) {
                score = decimal(rule.getProperties().getAdditionalProperties().get("security-severity"));
            }
            if (score != null && score >= 0.0 && score <= 10.0) {
                if (score >= 9.0) {
                    return Severity.CRITICAL;
                }
                if (score >= 7.0) {
                    return Severity.HIGH;
                }
                return score >= 4.0 ? Severity.MEDIUM : Severity.LOW;
            }
            String level = null;
            if (result.getLevel() != null) {
                level = result.getLevel().value();
            } else if (rule != null && rule.getDefaultConfiguration() != null
                    && rule.getDefaultConfiguration().getLevel() != null) {
                level = rule.getDefaultConfiguration().getLevel().value();
            }
            if (result.getKind() == Result.Kind.INFORMATIONAL) {
                return Severity.INFO;
            }
            return switch (level == null ? "warning" : level) {
                case "error" -> Severity.HIGH;
                case "note" -> Severity.LOW;
                case "none" -> Severity.INFO;
                default -> Severity.MEDIUM;
            };
        }

        private static Double decimal(Object value) {
            if (value instanceof Number number) {
                return number.doubleValue();
            }
            if (value instanceof String text) {
                try {
                    return Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }

        private static Confidence confidence(Object precision) {
            if (!(precision instanceof String text)) {
                return Confidence.HIGH;
            }
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "medium" -> Confidence.MEDIUM;
                case "low" -> Confidence.LOW;
                default -> Confidence.HIGH;
            };
        }

        /** Tools whose every result is a leaked credential, whatever the rule is called. */
        private static boolean isSecretScanner(String toolName) {
            String lower = toolName.toLowerCase(Locale.ROOT);
            return lower.contains("gitleaks") || lower.contains("trufflehog") || lower.contains("detect-secrets")
                    || lower.contains("secretlint") || lower.contains("ggshield");
        }

        private static boolean looksLikeSecret(String ruleId, ReportingDescriptor rule) {
            String lower = ruleId.toLowerCase(Locale.ROOT);
            if (lower.contains("secret") || lower.contains("token") || lower.contains("api-key")
                    || lower.contains("private-key") || lower.contains("password")) {
                return true;
            }
            if (rule != null && rule.getProperties() != null && rule.getProperties().getTags() != null) {
                return rule.getProperties().getTags().stream().anyMatch(t -> t.equalsIgnoreCase("secret")
                        || t.equalsIgnoreCase("secrets"));
            }
            return false;
        }

        private static FindingKind kindOf(String ruleId, ReportingDescriptor rule, boolean secret) {
            if (secret) {
                return FindingKind.SECRET;
            }
            return SecurityIds.advisoriesIn(ruleId).isEmpty() ? FindingKind.CODE : FindingKind.DEPENDENCY;
        }

        private List<String> ruleCwes(ReportingDescriptor rule) {
            List<String> cwes = new ArrayList<>();
            if (rule.getProperties() != null) {
                if (rule.getProperties().getTags() != null) {
                    rule.getProperties().getTags().stream().sorted().map(SecurityIds::cwe)
                            .filter(c -> c != null).forEach(cwes::add);
                }
                Object cwe = rule.getProperties().getAdditionalProperties().get("cwe");
                if (cwe instanceof String text) {
                    addCwe(cwes, text);
                } else if (cwe instanceof List<?> list) {
                    list.forEach(item -> addCwe(cwes, String.valueOf(item)));
                }
            }
            if (rule.getRelationships() != null) {
                for (ReportingDescriptorRelationship relationship : rule.getRelationships()) {
                    ReportingDescriptorReference target = relationship.getTarget();
                    if (target != null && isCweTaxonomy(target)) {
                        addCwe(cwes, target.getId());
                    }
                }
            }
            return cwes.stream().distinct().toList();
        }

        private List<String> resultCwes(Result result) {
            List<String> cwes = new ArrayList<>();
            if (result.getTaxa() != null) {
                for (ReportingDescriptorReference taxon : result.getTaxa()) {
                    if (isCweTaxonomy(taxon)) {
                        addCwe(cwes, taxon.getId());
                    }
                }
            }
            return cwes;
        }

        private static void addCwe(List<String> cwes, String text) {
            String cwe = SecurityIds.cwe(text);
            if (cwe != null) {
                cwes.add(cwe);
            }
        }

        private boolean isCweTaxonomy(ReportingDescriptorReference reference) {
            if (reference.getToolComponent() == null) {
                return reference.getId() != null && reference.getId().toUpperCase(Locale.ROOT).startsWith("CWE");
            }
            String name = reference.getToolComponent().getName();
            if (name == null && reference.getToolComponent().getIndex() != null) {
                name = taxonomyNames.get(reference.getToolComponent().getIndex());
            }
            return name != null && name.equalsIgnoreCase("CWE");
        }

        private io.jenkins.plugins.devsecops.model.Location location(RawLocation raw, ImportContext context) {
            if (raw == null) {
                return null;
            }
            String path = resolve(raw, context);
            if (path == null) {
                return null;
            }
            Region region = raw.region();
            if (region == null) {
                return io.jenkins.plugins.devsecops.model.Location.ofFile(path);
            }
            int startLine = orZero(region.getStartLine());
            return new io.jenkins.plugins.devsecops.model.Location(path, startLine, orZero(region.getStartColumn()),
                    region.getEndLine() == null ? startLine : region.getEndLine(), orZero(region.getEndColumn()), null);
        }

        private static int orZero(Integer value) {
            return value == null ? 0 : value;
        }

        private String resolve(RawLocation artifact, ImportContext context) {
            String uri = artifact.uri();
            String baseId = artifact.uriBaseId();
            if (uri == null && artifact.artifactIndex() != null) {
                ArtifactRef indexed = artifacts.get(artifact.artifactIndex());
                uri = indexed == null ? null : indexed.uri();
                if (baseId == null && indexed != null) {
                    baseId = indexed.uriBaseId();
                }
            }
            if (uri == null) {
                return null;
            }
            String path = uri;
            for (int depth = 0; baseId != null && depth < MAX_BASE_CHAIN && !isAbsolute(path); depth++) {
                JsonNode base = baseIds == null ? null : baseIds.get(baseId);
                String baseUri = JsonFields.text(base, "uri");
                if (baseUri == null) {
                    break;
                }
                path = baseUri.endsWith("/") ? baseUri + path : baseUri + "/" + path;
                baseId = JsonFields.text(base, "uriBaseId");
            }
            return context.paths().relativize(path.regionMatches(true, 0, "file:", 0, 5) ? path : decode(path));
        }

        private static boolean isAbsolute(String path) {
            return path.startsWith("/") || path.regionMatches(true, 0, "file:", 0, 5);
        }

        private static String decode(String uri) {
            if (uri.indexOf('%') < 0) {
                return uri;
            }
            return ReportPaths.percentDecode(uri);
        }

        /**
         * The package a vulnerability scanner names in plain text, as Trivy writes it in result messages and (older
         * versions) in rule help: {@code Package: lodash}, {@code Installed Version: 4.17.20},
         * {@code Fixed Version: 4.17.21} on lines of their own.
         */
        private static PackageFacts packageFacts(String text) {
            if (text == null || !text.contains("Installed Version:")) {
                return null;
            }
            String name = null;
            String version = null;
            String fixed = null;
            for (String line : text.split("\n", 30)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("Package:")) {
                    name = trimmed.substring(8).trim();
                } else if (trimmed.startsWith("Installed Version:")) {
                    version = trimmed.substring(18).trim();
                } else if (trimmed.startsWith("Fixed Version:")) {
                    fixed = trimmed.substring(14).trim();
                }
            }
            if (name == null || name.isEmpty()) {
                return null;
            }
            return new PackageFacts(PlainText.clip(name, 200), PlainText.clip(version, 100), PlainText.clip(fixed, 100));
        }

        private static void component(PackageFacts facts, Finding.Builder builder) {
            if (facts == null) {
                return;
            }
            builder.component(Component.of(null, facts.name(), facts.version(), null));
            builder.property("kind", FindingKind.DEPENDENCY.property());
            builder.fixedVersion(facts.fixed());
        }

        private static String fingerprint(Result result) {
            if (result.getFingerprints() != null && !result.getFingerprints().getAdditionalProperties().isEmpty()) {
                return new TreeMap<>(result.getFingerprints().getAdditionalProperties()).toString();
            }
            if (result.getPartialFingerprints() != null
                    && !result.getPartialFingerprints().getAdditionalProperties().isEmpty()) {
                return new TreeMap<>(result.getPartialFingerprints().getAdditionalProperties()).toString();
            }
            return null;
        }

        private static java.util.Optional<Suppression> suppression(Result result, ImportContext context) {
            if (result.getSuppressions() == null) {
                return java.util.Optional.empty();
            }
            for (com.contrastsecurity.sarif.Suppression suppression : result.getSuppressions()) {
                if (suppression.getStatus() == null
                        || suppression.getStatus() == com.contrastsecurity.sarif.Suppression.Status.ACCEPTED) {
                    String kind = suppression.getKind() == null ? "external" : suppression.getKind().value();
                    return java.util.Optional.of(new Suppression("sarif-" + kind,
                            PlainText.clip(suppression.getJustification(), 500), null, null, context.reportPath()));
                }
            }
            return java.util.Optional.empty();
        }
    }

    private static String shortMessage(Exception e) {
        return ParserErrors.message(e);
    }
}
