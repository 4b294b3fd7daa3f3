package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One security problem found by a stage. Immutable; build it with {@link #builder()}.
 *
 * <p>Text fields may carry attacker-controlled content (they come from scanned files and imported reports):
 * every view escapes them. A secret's value never appears in any field: stages redact it before building.
 *
 * @param ruleId the id of the rule that matched, e.g. {@code aws-access-key-id} or {@code GHSA-xxxx}
 * @param stage the id of the stage that reported it, e.g. {@code secrets}
 * @param identifiers advisory ids and aliases: CVE, GHSA, OSV ids
 * @param cwes weakness ids in the form {@code CWE-798}
 * @param remediation what to do about it
 * @param fixedVersion for dependencies, the smallest version that fixes it
 * @param tools the tools that reported it: ours, or every imported tool that agreed on it
 * @param fingerprint a stable identity that survives line moves and unrelated edits
 * @param properties stage-specific facts, e.g. {@code commit} and {@code author} for git history findings
 * @param suppression why the finding is suppressed, or {@code null} when it is active
 * @param trace for data-flow findings, the steps from the source to the sink (empty otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Finding(String ruleId, String stage, Severity severity, String title, String message,
        Location location, Component component, List<String> identifiers, List<String> cwes, Cvss cvss,
        String remediation, String fixedVersion, Confidence confidence, List<ToolInfo> tools, String fingerprint,
        Map<String, String> properties, Suppression suppression, List<TraceStep> trace) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Finding {
        requireText(ruleId, "ruleId");
        requireText(stage, "stage");
        Objects.requireNonNull(severity, "severity");
        requireText(title, "title");
        identifiers = distinct(identifiers);
        cwes = distinct(cwes);
        tools = distinct(tools);
        confidence = confidence == null ? Confidence.HIGH : confidence;
        properties = sortedCopy(properties);
        trace = trace == null ? List.of() : List.copyOf(trace);
    }

    /**
     * A finding without a trace (the form every stage but SAST builds).
     */
    public Finding(String ruleId, String stage, Severity severity, String title, String message,
            Location location, Component component, List<String> identifiers, List<String> cwes, Cvss cvss,
            String remediation, String fixedVersion, Confidence confidence, List<ToolInfo> tools, String fingerprint,
            Map<String, String> properties, Suppression suppression) {
        this(ruleId, stage, severity, title, message, location, component, identifiers, cwes, cvss, remediation,
                fixedVersion, confidence, tools, fingerprint, properties, suppression, List.of());
    }

    /** An immutable copy without repeats, in first-seen order (no set is made for fewer than two values). */
    private static <T> List<T> distinct(List<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        return values.size() == 1 ? List.copyOf(values) : List.copyOf(new LinkedHashSet<>(values));
    }

    /**
     * An immutable copy sorted by key. A map already sorted by the keys' natural order (as {@link FindingCodec}
     * decodes them) is copied in one linear pass, without comparing keys.
     */
    static Map<String, String> sortedCopy(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        // TreeMap(Map) builds from a map sorted in natural order in one pass, else puts entry by entry
        return Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A finding needs a " + name);
        }
    }

    /** Whether a suppression applies to this finding. */
    @JsonIgnore
    public boolean isSuppressed() {
        return suppression != null;
    }

    /** A builder with every field of this finding, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder of a new finding. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Finding}s. Not thread-safe. */
    public static final class Builder {
        private String ruleId;
        private String stage;
        private Severity severity;
        private String title;
        private String message;
        private Location location;
        private Component component;
        private final List<String> identifiers = new ArrayList<>();
        private final List<String> cwes = new ArrayList<>();
        private Cvss cvss;
        private String remediation;
        private String fixedVersion;
        private Confidence confidence = Confidence.HIGH;
        private final List<ToolInfo> tools = new ArrayList<>();
        private String fingerprint;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Suppression suppression;
        private final List<TraceStep> trace = new ArrayList<>();

        private Builder() {
        }

        private Builder(Finding finding) {
            ruleId = finding.ruleId;
            stage = finding.stage;
            severity = finding.severity;
            title = finding.title;
            message = finding.message;
            location = finding.location;
            component = finding.component;
            identifiers.addAll(finding.identifiers);
            cwes.addAll(finding.cwes);
            cvss = finding.cvss;
            remediation = finding.remediation;
            fixedVersion = finding.fixedVersion;
            confidence = finding.confidence;
            tools.addAll(finding.tools);
            fingerprint = finding.fingerprint;
            properties.putAll(finding.properties);
            suppression = finding.suppression;
            trace.addAll(finding.trace);
        }

        public Builder ruleId(String value) {
            ruleId = value;
            return this;
        }

        public Builder stage(String value) {
            stage = value;
            return this;
        }

        public Builder severity(Severity value) {
            severity = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder message(String value) {
            message = value;
            return this;
        }

        public Builder location(Location value) {
            location = value;
            return this;
        }

        public Builder component(Component value) {
            component = value;
            return this;
        }

        public Builder identifier(String value) {
            if (value != null && !value.isBlank()) {
                identifiers.add(value);
            }
            return this;
        }

        public Builder identifiers(List<String> values) {
            values.forEach(this::identifier);
            return this;
        }

        public Builder cwe(String value) {
            if (value != null && !value.isBlank()) {
                cwes.add(value);
            }
            return this;
        }

        public Builder cwes(List<String> values) {
            values.forEach(this::cwe);
            return this;
        }

        public Builder cvss(Cvss value) {
            cvss = value;
            return this;
        }

        public Builder remediation(String value) {
            remediation = value;
            return this;
        }

        public Builder fixedVersion(String value) {
            fixedVersion = value;
            return this;
        }

        public Builder confidence(Confidence value) {
            confidence = value;
            return this;
        }

        public Builder tool(ToolInfo value) {
            if (value != null) {
                tools.add(value);
            }
            return this;
        }

        public Builder fingerprint(String value) {
            fingerprint = value;
            return this;
        }

        public Builder property(String key, String value) {
            if (key != null && value != null) {
                properties.put(key, value);
            }
            return this;
        }

        /** Sets the data-flow trace, source first. */
        public Builder trace(List<TraceStep> steps) {
            trace.clear();
            trace.addAll(steps);
            return this;
        }

        public Builder suppression(Suppression value) {
            suppression = value;
            return this;
        }

        /**
         * Builds the finding.
         *
         * @throws IllegalArgumentException when rule id, stage, severity or title is missing
         */
        public Finding build() {
            return new Finding(ruleId, stage, severity, title, message, location, component, identifiers, cwes, cvss,
                    remediation, fixedVersion, confidence, tools, fingerprint, properties, suppression, trace);
        }
    }
}
