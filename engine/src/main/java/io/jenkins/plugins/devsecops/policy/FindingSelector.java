package io.jenkins.plugins.devsecops.policy;

import io.jenkins.plugins.devsecops.compliance.ComplianceCatalog;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which findings a quality gate looks at. Every criterion that is set must hold (logical AND); a list criterion
 * holds when the finding matches any of its entries. A selector with no criterion selects every finding.
 *
 * @param minSeverity findings at or above this severity, or {@code null} for any severity
 * @param ruleIds findings of one of these rules (exact, case-insensitive)
 * @param advisoryIds findings carrying one of these advisory ids (CVE, GHSA, OSV), case-insensitive
 * @param stages findings reported by one of these stages
 * @param fixAvailable {@code true}: only findings with a fixed version; {@code false}: only without; {@code null}: any
 * @param secret {@code true}: only secrets (stage {@code secrets}); {@code false}: only non-secrets; {@code null}: any
 * @param overdue {@code true}: only findings open longer than their severity's SLA; {@code null}: any
 * @param minConfidence findings at or above this confidence (e.g. {@code HIGH}: secrets of a provider's own format
 *     outside test code, not the generic entropy rule), or {@code null} for any confidence
 * @param compliance findings bearing on one of these compliance references ({@code PCI-DSS-4.0:6.2.4}, a framework
 *     alone, or a dotted prefix such as {@code PCI-DSS-4.0:8.3}; see {@link ComplianceCatalog}); policy readers
 *     check them, an unknown one selects nothing
 * @param baseImage {@code false}: leave out findings on packages of an image's base image (the layers below the
 *     image's own {@code FROM}, see {@link #BASE_IMAGE_PROPERTY}), keeping every other finding; {@code true}: only
 *     findings on base-image packages; {@code null}: any
 */
public record FindingSelector(Severity minSeverity, List<String> ruleIds, List<String> advisoryIds, List<String> stages,
        Boolean fixAvailable, Boolean secret, Boolean overdue, Confidence minConfidence, List<String> compliance,
        Boolean baseImage) implements Serializable {

    /** The id of the stage whose findings are secrets. */
    public static final String SECRETS_STAGE = "secrets";

    /**
     * The finding property the image stage sets to {@code true} on packages that came with the base image, and to
     * {@code false} on packages the image's own layers added.
     */
    public static final String BASE_IMAGE_PROPERTY = "baseImage";

    private static final long serialVersionUID = 1L;

    public FindingSelector {
        ruleIds = normalise(ruleIds);
        advisoryIds = normalise(advisoryIds);
        stages = normalise(stages);
        compliance = compliance == null ? List.of() : compliance.stream().filter(c -> c != null && !c.isBlank())
                .map(String::strip).distinct().sorted().toList();
    }

    /** A selector with no base-image criterion. */
    public FindingSelector(Severity minSeverity, List<String> ruleIds, List<String> advisoryIds, List<String> stages,
            Boolean fixAvailable, Boolean secret, Boolean overdue, Confidence minConfidence, List<String> compliance) {
        this(minSeverity, ruleIds, advisoryIds, stages, fixAvailable, secret, overdue, minConfidence, compliance,
                null);
    }

    /** A selector with no compliance criterion. */
    public FindingSelector(Severity minSeverity, List<String> ruleIds, List<String> advisoryIds, List<String> stages,
            Boolean fixAvailable, Boolean secret, Boolean overdue, Confidence minConfidence) {
        this(minSeverity, ruleIds, advisoryIds, stages, fixAvailable, secret, overdue, minConfidence, List.of());
    }

    /** A selector with no confidence criterion. */
    public FindingSelector(Severity minSeverity, List<String> ruleIds, List<String> advisoryIds, List<String> stages,
            Boolean fixAvailable, Boolean secret, Boolean overdue) {
        this(minSeverity, ruleIds, advisoryIds, stages, fixAvailable, secret, overdue, null);
    }

    private static List<String> normalise(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> set = new TreeSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                set.add(value.trim().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(set);
    }

    /** A selector of every finding. */
    public static FindingSelector all() {
        return new FindingSelector(null, List.of(), List.of(), List.of(), null, null, null);
    }

    /** A selector of findings at or above {@code severity}. */
    public static FindingSelector atLeast(Severity severity) {
        return new FindingSelector(severity, List.of(), List.of(), List.of(), null, null, null);
    }

    /**
     * Whether {@code finding} is selected.
     *
     * @param isOverdue whether the finding is open longer than its SLA allows
     */
    public boolean matches(Finding finding, boolean isOverdue) {
        if (minSeverity != null && !finding.severity().isAtLeast(minSeverity)) {
            return false;
        }
        if (!ruleIds.isEmpty() && !ruleIds.contains(finding.ruleId().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (!advisoryIds.isEmpty() && finding.identifiers().stream().map(id -> id.toLowerCase(Locale.ROOT))
                .noneMatch(advisoryIds::contains) && !advisoryIds.contains(finding.ruleId().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (!stages.isEmpty() && !stages.contains(finding.stage().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (fixAvailable != null) {
            boolean hasFix = finding.fixedVersion() != null && !finding.fixedVersion().isBlank();
            if (hasFix != fixAvailable) {
                return false;
            }
        }
        if (secret != null && SECRETS_STAGE.equals(finding.stage()) != secret) {
            return false;
        }
        if (minConfidence != null && finding.confidence().ordinal() > minConfidence.ordinal()) {
            return false;
        }
        if (!compliance.isEmpty() && compliance.stream()
                .noneMatch(reference -> ComplianceCatalog.builtIn().selects(finding, reference))) {
            return false;
        }
        if (baseImage != null && isFromBaseImage(finding) != baseImage) {
            return false;
        }
        return overdue == null || overdue == isOverdue;
    }

    /** Whether {@code finding} is on a package that came with an image's base image. */
    public static boolean isFromBaseImage(Finding finding) {
        return "true".equals(finding.properties().get(BASE_IMAGE_PROPERTY));
    }

    /**
     * The base-image criterion written as text ({@code true}, {@code false}, or blank / {@code any} for none).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Boolean baseImageCriterion(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("any")) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected true (only base-image findings), false (leave "
                    + "base-image findings out) or any, was '" + text.strip() + "'");
        };
    }

    /**
     * The canonical forms of {@code references} ({@code PCI-DSS-4.0:6.2.4}); an empty list for {@code null}.
     *
     * @throws IllegalArgumentException naming an unknown framework or requirement
     */
    public static List<String> complianceReferences(List<String> references) {
        if (references == null) {
            return List.of();
        }
        List<String> canonical = new ArrayList<>();
        for (String reference : references) {
            canonical.add(ComplianceCatalog.builtIn().canonicalReference(reference));
        }
        return canonical;
    }

    /** A short human-readable description, e.g. {@code severity >= HIGH, stage in [secrets]}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (minSeverity != null) {
            parts.add("severity >= " + minSeverity);
        }
        if (!ruleIds.isEmpty()) {
            parts.add("rule in " + ruleIds);
        }
        if (!advisoryIds.isEmpty()) {
            parts.add("advisory in " + advisoryIds);
        }
        if (!stages.isEmpty()) {
            parts.add("stage in " + stages);
        }
        if (fixAvailable != null) {
            parts.add(fixAvailable ? "fix available" : "no fix available");
        }
        if (secret != null) {
            parts.add(secret ? "is a secret" : "not a secret");
        }
        if (overdue != null) {
            parts.add(overdue ? "overdue" : "within SLA");
        }
        if (minConfidence != null) {
            parts.add("confidence >= " + minConfidence);
        }
        if (!compliance.isEmpty()) {
            parts.add("compliance in " + compliance);
        }
        if (baseImage != null) {
            parts.add(baseImage ? "from the base image" : "not from the base image");
        }
        return parts.isEmpty() ? "any finding" : String.join(", ", parts);
    }
}
