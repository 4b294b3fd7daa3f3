package io.jenkins.plugins.devsecops.scan;

import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageError;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.TraceStep;
import io.jenkins.plugins.devsecops.model.WalkSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values the stages found in this scan, kept in memory only, and their removal from everything the
 * report carries: a secret found in a file's content may also be part of a file or directory name, a commit
 * author's name or another stage's message, and must not be written in clear there either. Values shorter than
 * {@link #MIN_LENGTH} are not collected (too likely to hit ordinary words); at most {@link #MAX_VALUES} are kept.
 * Thread-safe while collecting.
 */
final class FoundSecrets {

    /** Shortest value redacted elsewhere. */
    static final int MIN_LENGTH = 8;
    /** Most values kept. */
    static final int MAX_VALUES = 10_000;
    /** What a value is replaced with. */
    static final String MASK = "****";

    private final Set<String> values = ConcurrentHashMap.newKeySet();

    void add(CharSequence value) {
        if (value != null && value.length() >= MIN_LENGTH && value.length() <= 4096 && values.size() < MAX_VALUES) {
            values.add(value.toString());
        }
    }

    void addAll(FoundSecrets other) {
        other.values.forEach(this::add);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code stage} with every found value masked in its errors, warnings and properties (for progress output). */
    StageResult redact(StageResult stage) {
        if (values.isEmpty()) {
            return stage;
        }
        return new Redactor(values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList())
                .stage(stage);
    }

    /**
     * {@code report} with every found value masked in its findings (see {@link Redactor#finding}), its components'
     * source files and properties, errors, warnings, unreadable paths and properties.
     */
    Report redact(Report report) {
        if (values.isEmpty()) {
            return report;
        }
        // Longest first, so that a value containing another is masked whole.
        List<String> ordered = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Redactor redactor = new Redactor(ordered);
        // Only the findings whose stored record holds one of the values are decoded and masked: a record stores each
        // text as the value's modified UTF-8 (see FindingList.mapMentioning), so one without it has none to mask.
        List<Finding> findings = FindingList.mapMentioning(report.findings(), ordered, redactor::finding);
        WalkSummary walk = report.walk();
        List<StageResult> stages = report.stages().stream().map(redactor::stage).toList();
        Report redacted = new Report(report.schemaVersion(), report.tool(), report.startedAt(), report.durationMillis(),
                report.root(), new WalkSummary(walk.filesSeen(), walk.filesScanned(), walk.bytesScanned(),
                        walk.skipped(), walk.unreadable().stream().map(redactor::text).toList()),
                stages, findings, redactor.map(report.properties()),
                report.components().stream().map(redactor::component).toList());
        return redacted;
    }

    /**
     * Masks the values in texts, longest first. A text is first searched for the values' first {@link #MIN_LENGTH}
     * characters (a hash of each window, looked up in a small table), so that only the values that occur in it are
     * replaced: the same result as trying every value in turn, without a search per value and text. Values with a
     * {@code *} (which a mask could complete) are always tried.
     */
    private static final class Redactor {
        private final List<String> values;
        /** Per hash bucket of a value's first {@link #MIN_LENGTH} characters: the indexes of those values. */
        private final int[][] byPrefix;
        private final int mask;
        private final int[] alwaysTried;

        Redactor(List<String> values) {
            this.values = values;
            int buckets = Integer.highestOneBit(Math.max(16, values.size() * 4) - 1) << 1;
            this.mask = buckets - 1;
            List<List<Integer>> table = new ArrayList<>();
            for (int b = 0; b < buckets; b++) {
                table.add(null);
            }
            List<Integer> starred = new ArrayList<>();
            for (int v = 0; v < values.size(); v++) {
                String value = values.get(v);
                if (value.indexOf('*') >= 0) {
                    starred.add(v);
                    continue;
                }
                int bucket = (int) hash(value, 0) & mask;
                if (table.get(bucket) == null) {
                    table.set(bucket, new ArrayList<>());
                }
                table.get(bucket).add(v);
            }
            this.byPrefix = new int[buckets][];
            for (int b = 0; b < buckets; b++) {
                List<Integer> in = table.get(b);
                byPrefix[b] = in == null ? null : in.stream().mapToInt(Integer::intValue).toArray();
            }
            this.alwaysTried = starred.stream().mapToInt(Integer::intValue).toArray();
        }

        /** A hash of {@code text[from, from + MIN_LENGTH)}. */
        private static long hash(CharSequence text, int from) {
            long h = 0;
            for (int i = from; i < from + MIN_LENGTH; i++) {
                h = h * 31 + text.charAt(i);
            }
            return h ^ (h >>> 29);
        }

        String text(String text) {
            if (text == null || text.length() < MIN_LENGTH) {
                return text;
            }
            // The values whose first characters occur in the text, in the order of the list (longest first).
            java.util.BitSet candidates = null;
            long power = 1;
            for (int i = 0; i < MIN_LENGTH - 1; i++) {
                power *= 31;
            }
            long h = 0;
            for (int i = 0; i < MIN_LENGTH; i++) {
                h = h * 31 + text.charAt(i);
            }
            for (int i = 0; ; i++) {
                int[] bucket = byPrefix[(int) (h ^ (h >>> 29)) & mask];
                if (bucket != null) {
                    for (int v : bucket) {
                        if (text.startsWith(values.get(v), i)) {
                            if (candidates == null) {
                                candidates = new java.util.BitSet(values.size());
                            }
                            candidates.set(v);
                        }
                    }
                }
                if (i + MIN_LENGTH >= text.length()) {
                    break;
                }
                h = (h - text.charAt(i) * power) * 31 + text.charAt(i + MIN_LENGTH);
            }
            if (candidates == null && alwaysTried.length == 0) {
                return text;
            }
            if (candidates == null) {
                candidates = new java.util.BitSet(values.size());
            }
            for (int v : alwaysTried) {
                candidates.set(v);
            }
            String result = text;
            for (int v = candidates.nextSetBit(0); v >= 0; v = candidates.nextSetBit(v + 1)) {
                String value = values.get(v);
                if (result.contains(value)) {
                    result = result.replace(value, MASK);
                }
            }
            return result;
        }

        Map<String, String> map(Map<String, String> map) {
            Map<String, String> out = new LinkedHashMap<>();
            map.forEach((key, value) -> out.put(key, text(value)));
            return out;
        }

        /**
         * {@code finding} with the values masked in every text that describes a place or says something about it:
         * title, message, remediation, location (path, snippet), properties, the trace's steps and the component's
         * source file and properties. The fields that name things (rule, identifiers, CWEs, a component's purl, name
         * and version) are kept: they are not taken from scanned content as free text.
         */
        Finding finding(Finding finding) {
            Location location = location(finding.location());
            Map<String, String> properties = map(finding.properties());
            String title = text(finding.title());
            String message = text(finding.message());
            String remediation = text(finding.remediation());
            List<TraceStep> trace = trace(finding.trace());
            Component component = component(finding.component());
            if (Objects.equals(finding.location(), location) && properties.equals(finding.properties())
                    && Objects.equals(finding.message(), message) && Objects.equals(finding.title(), title)
                    && Objects.equals(finding.remediation(), remediation) && finding.trace().equals(trace)
                    && Objects.equals(finding.component(), component)) {
                return finding;
            }
            Finding.Builder builder = finding.toBuilder().location(location).message(message).title(title)
                    .remediation(remediation).trace(trace).component(component);
            properties.forEach(builder::property);
            return builder.build();
        }

        private Location location(Location location) {
            return location == null ? null : new Location(text(location.path()), location.startLine(),
                    location.startColumn(), location.endLine(), location.endColumn(), text(location.snippet()));
        }

        private List<TraceStep> trace(List<TraceStep> trace) {
            List<TraceStep> out = new ArrayList<>(trace.size());
            for (TraceStep step : trace) {
                out.add(new TraceStep(location(step.location()), text(step.message())));
            }
            return out;
        }

        /** {@code component} with the values masked in its source file and properties; {@code null} for null. */
        Component component(Component component) {
            if (component == null) {
                return null;
            }
            String sourceFile = text(component.sourceFile());
            Map<String, String> properties = map(component.properties());
            if (Objects.equals(sourceFile, component.sourceFile()) && properties.equals(component.properties())) {
                return component;
            }
            return new Component(component.purl(), component.name(), component.version(), component.ecosystem(),
                    component.direct(), component.dependencyPath(), component.hashes(), component.dependsOn(),
                    component.scope(), sourceFile, properties);
        }

        StageResult stage(StageResult stage) {
            StageResult.Builder builder = StageResult.builder(stage.stage()).status(stage.status())
                    .durationMillis(stage.durationMillis()).filesScanned(stage.filesScanned())
                    .bytesScanned(stage.bytesScanned()).findingCount(stage.findingCount());
            stage.skipped().forEach(builder::skipped);
            stage.errors().forEach(error -> builder.error(new StageError(text(error.path()), text(error.message()))));
            stage.warnings().forEach(warning -> builder.warning(text(warning)));
            map(stage.properties()).forEach(builder::property);
            return builder.build();
        }
    }
}
