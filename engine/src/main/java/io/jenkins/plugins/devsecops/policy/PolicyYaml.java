package io.jenkins.plugins.devsecops.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code devsecops-policy.yaml} (format in {@code docs/policy.md}) strictly: unknown fields, wrong types,
 * bad values, duplicate keys and YAML aliases are errors carrying line and column. Thread-safe.
 */
public final class PolicyYaml {

    /** The policy file's conventional name, looked up in the scanned root. */
    public static final String FILE_NAME = "devsecops-policy.yaml";

    /** The only format version this engine reads. */
    public static final int VERSION = 1;

    private static final StrictYamlReader READER = new StrictYamlReader();

    private PolicyYaml() {
    }

    /**
     * Reads a policy file.
     *
     * @throws YamlInputException naming file, line and column of the first problem
     */
    public static SecurityPolicy read(Path file) throws IOException {
        return READER.read(file, PolicyDocument.class).toPolicy();
    }

    /** Reads policy text; {@code source} names it in errors. */
    public static SecurityPolicy parse(String yaml, String source) throws YamlInputException {
        return READER.read(yaml, source, PolicyDocument.class).toPolicy();
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown " + field + " '" + text + "': expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()), e);
        }
    }

    /** The file's top level. */
    record PolicyDocument(Integer version, List<GateDocument> gates, List<String> requiredStages,
            SuppressionRulesDocument suppressions, Map<String, Integer> sla) {

        PolicyDocument {
            if (version != null && version != VERSION) {
                throw new IllegalArgumentException("Unsupported policy version " + version + ": this engine reads "
                        + "version " + VERSION);
            }
            Set<String> ids = new HashSet<>();
            for (GateDocument gate : gates == null ? List.<GateDocument>of() : gates) {
                if (gate == null) {
                    throw new IllegalArgumentException("A gate entry is empty");
                }
                if (!ids.add(gate.id())) {
                    throw new IllegalArgumentException("Duplicate gate id '" + gate.id() + "'");
                }
            }
            for (String stage : requiredStages == null ? List.<String>of() : requiredStages) {
                if (stage == null || stage.isBlank()) {
                    throw new IllegalArgumentException("A required stage is empty");
                }
            }
            if (sla != null) {
                sla.forEach((severity, days) -> {
                    Severity.parse(severity);
                    if (days == null || days < 1) {
                        throw new IllegalArgumentException("SLA days for " + severity + " must be at least 1");
                    }
                });
            }
        }

        SecurityPolicy toPolicy() {
            Map<Severity, Integer> slaDays = new EnumMap<>(Severity.class);
            if (sla != null) {
                sla.forEach((severity, days) -> slaDays.put(Severity.parse(severity), days));
            }
            List<QualityGate> gateList = gates == null ? List.of() : gates.stream().map(GateDocument::toGate).toList();
            SuppressionRules rules = suppressions == null ? SuppressionRules.inherit()
                    : new SuppressionRules(suppressions.justificationRequired(), suppressions.maxAgeDays());
            return new SecurityPolicy(gateList, requiredStages, rules, slaDays);
        }
    }

    /** One gate: its id, selector criteria, scope, threshold and result. */
    record GateDocument(String id, String severity, List<String> rules, List<String> advisories, List<String> stages,
            Boolean fixAvailable, Boolean secret, Boolean overdue, String scope, Integer threshold,
            @JsonProperty("result") String action, Boolean enabled, String confidence,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> compliance,
            Boolean baseImage) {

        GateDocument {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("A gate needs an id");
            }
            if (severity != null) {
                Severity.parse(severity);
            }
            if (scope != null) {
                parseEnum(GateScope.class, scope, "scope");
            }
            if (confidence != null) {
                parseEnum(Confidence.class, confidence, "confidence");
            }
            parseEnum(GateAction.class, action, "result");
            if (threshold != null && threshold < 1) {
                throw new IllegalArgumentException("Gate '" + id + "': threshold must be at least 1, was " + threshold);
            }
            if (overdue != null && !overdue) {
                throw new IllegalArgumentException("Gate '" + id + "': overdue can only be true (or left out)");
            }
            try {
                compliance = FindingSelector.complianceReferences(compliance);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Gate '" + id + "': compliance: " + e.getMessage(), e);
            }
        }

        QualityGate toGate() {
            FindingSelector selector = new FindingSelector(severity == null ? null : Severity.parse(severity), rules,
                    advisories, stages, fixAvailable, secret, overdue,
                    confidence == null ? null : parseEnum(Confidence.class, confidence, "confidence"), compliance,
                    baseImage);
            return new QualityGate(id, selector, scope == null ? GateScope.TOTAL : parseEnum(GateScope.class, scope,
                    "scope"), threshold == null ? 1 : threshold, parseEnum(GateAction.class, action, "result"),
                    enabled == null || enabled);
        }
    }

    /** The {@code suppressions} section. */
    record SuppressionRulesDocument(Boolean justificationRequired, Integer maxAgeDays) {

        SuppressionRulesDocument {
            if (maxAgeDays != null && maxAgeDays < 1) {
                throw new IllegalArgumentException("maxAgeDays must be at least 1, was " + maxAgeDays);
            }
        }
    }
}
