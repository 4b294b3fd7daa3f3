package io.jenkins.plugins.devsecops.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of one scan: metadata, what each stage did, and every finding (suppressed ones included, marked).
 * Crosses the agent-to-controller channel as a Java object and is stored as JSON under
 * {@link #CURRENT_SCHEMA_VERSION} (see {@code docs/report-format.md}).
 *
 * @param schemaVersion the version of the JSON schema this report follows
 * @param tool the engine that produced the report
 * @param startedAt when the scan started
 * @param durationMillis how long it took
 * @param root the scanned directory as the user named it
 * @param walk what the walk of the tree saw
 * @param stages one result per stage that was asked for
 * @param findings every finding, sorted by severity, then path and line
 * @param properties scan-wide facts, e.g. the git commit scanned
 * @param components the package inventory stages found (e.g. from lockfiles), for SBOM writers; one entry per
 *     purl
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Report(int schemaVersion, ToolInfo tool, Instant startedAt, long durationMillis, String root,
        WalkSummary walk, List<StageResult> stages, List<Finding> findings, Map<String, String> properties,
        List<Component> components) implements Serializable {

    /** The version of the report JSON schema this engine writes. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    private static final long serialVersionUID = 1L;

    public Report {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(startedAt, "startedAt");
        walk = walk == null ? WalkSummary.empty() : walk;
        stages = stages == null ? List.of() : List.copyOf(stages);
        findings = findings == null ? List.of() : FindingList.copyOf(findings);
        properties = properties == null || properties.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** A report without a package inventory. */
    public Report(int schemaVersion, ToolInfo tool, Instant startedAt, long durationMillis, String root,
            WalkSummary walk, List<StageResult> stages, List<Finding> findings, Map<String, String> properties) {
        this(schemaVersion, tool, startedAt, durationMillis, root, walk, stages, findings, properties, List.of());
    }

    /** The result of stage {@code stageId}, if it ran. */
    public Optional<StageResult> stage(String stageId) {
        return stages.stream().filter(s -> s.stage().equals(stageId)).findFirst();
    }

    /** The findings no suppression applies to (a {@link FindingList}: large ones are read back from disk). */
    @JsonIgnore
    public List<Finding> activeFindings() {
        return FindingList.filter(findings, f -> !f.isSuppressed());
    }

    /** Active findings counted by severity, every severity present (zero included). */
    @JsonIgnore
    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        for (Finding finding : findings) {
            if (!finding.isSuppressed()) {
                counts.merge(finding.severity(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** A builder with every field of this report, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = builder(tool, startedAt).durationMillis(durationMillis).root(root).walk(walk);
        stages.forEach(builder::stage);
        builder.findings(findings);
        builder.properties.putAll(properties);
        builder.components(components);
        builder.schemaVersion = schemaVersion;
        return builder;
    }

    /** A builder for a report of a scan by {@code tool} started at {@code startedAt}. */
    public static Builder builder(ToolInfo tool, Instant startedAt) {
        return new Builder(tool, startedAt);
    }

    /** Builds {@link Report}s. Not thread-safe. */
    public static final class Builder {
        private int schemaVersion = CURRENT_SCHEMA_VERSION;
        private final ToolInfo tool;
        private final Instant startedAt;
        private long durationMillis;
        private String root;
        private WalkSummary walk = WalkSummary.empty();
        private final List<StageResult> stages = new ArrayList<>();
        /** The findings set as a whole (kept as they are, never copied), then those added one by one. */
        private List<Finding> findings = List.of();
        private FindingList.Builder added;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<Component> components = new ArrayList<>();

        private Builder(ToolInfo tool, Instant startedAt) {
            this.tool = tool;
            this.startedAt = startedAt;
        }

        public Builder durationMillis(long value) {
            durationMillis = value;
            return this;
        }

        public Builder root(String value) {
            root = value;
            return this;
        }

        public Builder walk(WalkSummary value) {
            walk = value;
            return this;
        }

        public Builder stage(StageResult value) {
            stages.add(value);
            return this;
        }

        public Builder finding(Finding value) {
            if (added == null) {
                added = FindingList.builder().addAll(findings);
                findings = List.of();
            }
            added.add(value);
            return this;
        }

        /** Replaces the findings. */
        public Builder findings(List<Finding> values) {
            findings = FindingList.copyOf(values);
            added = null;
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** Replaces the package inventory. */
        public Builder components(List<Component> values) {
            components.clear();
            components.addAll(values);
            return this;
        }

        public Report build() {
            if (added != null) {
                findings = added.build();
                added = null;
            }
            return new Report(schemaVersion, tool, startedAt, durationMillis, root, walk, stages, findings, properties,
                    components);
        }
    }
}
