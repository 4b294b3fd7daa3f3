package io.jenkins.plugins.devsecops.policy;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A quality gate as form fields give it (the Jenkins step's {@code qualityGates} and the global policy): plain
 * strings and flags, turned into a {@link QualityGate} with clear errors.
 *
 * @param id the gate id (required)
 * @param severity least severity, blank for any
 * @param rules comma-separated rule ids, blank for any
 * @param advisories comma-separated advisory ids (CVE, GHSA, OSV), blank for any
 * @param stages comma-separated stage ids, blank for any
 * @param fixAvailableOnly only findings with a fixed version
 * @param secretsOnly only secrets
 * @param overdueOnly only findings open longer than their SLA
 * @param scope NEW, TOTAL or DELTA; blank for TOTAL
 * @param threshold the count that trips the gate, at least 1
 * @param result UNSTABLE or FAILURE; blank for FAILURE
 * @param compliance comma-separated compliance references, e.g. {@code PCI-DSS-4.0:6.2.4}; blank for any
 * @param baseImage {@code false} to leave out findings on an image's base-image packages, {@code true} for only
 *     those; blank or {@code any} for any
 */
public record GateSpec(String id, String severity, String rules, String advisories, String stages,
        boolean fixAvailableOnly, boolean secretsOnly, boolean overdueOnly, String scope, int threshold,
        String result, String compliance, String baseImage) {

    /** A gate without a base-image criterion. */
    public GateSpec(String id, String severity, String rules, String advisories, String stages,
            boolean fixAvailableOnly, boolean secretsOnly, boolean overdueOnly, String scope, int threshold,
            String result, String compliance) {
        this(id, severity, rules, advisories, stages, fixAvailableOnly, secretsOnly, overdueOnly, scope, threshold,
                result, compliance, "");
    }

    /** A gate without a compliance criterion. */
    public GateSpec(String id, String severity, String rules, String advisories, String stages,
            boolean fixAvailableOnly, boolean secretsOnly, boolean overdueOnly, String scope, int threshold,
            String result) {
        this(id, severity, rules, advisories, stages, fixAvailableOnly, secretsOnly, overdueOnly, scope, threshold,
                result, "");
    }

    /**
     * The engine gate.
     *
     * @throws IllegalArgumentException naming the gate and the field when a value is invalid
     */
    public QualityGate toGate() {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A quality gate needs an id");
        }
        String name = id.trim();
        Severity minimum;
        try {
            minimum = blank(severity) ? null : Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Gate '" + name + "': severity: " + e.getMessage(), e);
        }
        List<String> references;
        try {
            references = FindingSelector.complianceReferences(list(compliance));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Gate '" + name + "': compliance: " + e.getMessage(), e);
        }
        Boolean fromBase;
        try {
            fromBase = FindingSelector.baseImageCriterion(baseImage);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Gate '" + name + "': baseImage: " + e.getMessage(), e);
        }
        FindingSelector selector = new FindingSelector(minimum, list(rules), list(advisories), list(stages),
                fixAvailableOnly ? Boolean.TRUE : null, secretsOnly ? Boolean.TRUE : null,
                overdueOnly ? Boolean.TRUE : null, null, references, fromBase);
        GateScope gateScope = parse(GateScope.class, scope, GateScope.TOTAL, name, "scope");
        GateAction action = parse(GateAction.class, result, GateAction.FAILURE, name, "result");
        if (threshold < 1) {
            throw new IllegalArgumentException("Gate '" + name + "': threshold must be at least 1, was " + threshold);
        }
        return QualityGate.of(name, selector, gateScope, threshold, action);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static List<String> list(String commaSeparated) {
        return blank(commaSeparated) ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback, String gate, String field) {
        if (blank(text)) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Gate '" + gate + "': " + field + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", was '" + text.trim() + "'", e);
        }
    }
}
