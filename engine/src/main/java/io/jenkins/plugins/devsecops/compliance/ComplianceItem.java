package io.jenkins.plugins.devsecops.compliance;

import io.jenkins.plugins.devsecops.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One requirement (or category) of a {@link ComplianceFramework} and which findings bear on it. A finding bears on
 * it when it carries one of its CWEs, comes from one of its stages, is an imported finding of one of its kinds, has a
 * rule id one of its patterns matches, or (with {@code advisories}) carries an advisory id (CVE, GHSA, OSV); and its
 * stage and kind are not excluded.
 *
 * @param id the requirement's id within its framework, e.g. {@code 6.2.4} or {@code A03}
 * @param title the requirement's short title
 * @param source the address of the official text the entry is taken from
 * @param basis in a sentence, which findings this engine relates to it and why; empty for official CWE lists
 * @param cwes CWE ids in the form {@code CWE-79}
 * @param stages stage ids all of whose findings bear on it
 * @param kinds values of an imported finding's {@code kind} property ({@code dependency}, {@code secret},
 *     {@code config}, {@code code}, {@code web}) that bear on it
 * @param rules rule-id patterns, {@code *} matching any run of characters, case-insensitive
 * @param advisories whether every finding carrying an advisory id bears on it
 * @param excludeStages stages whose findings never bear on it (e.g. third-party packages for a requirement on own code)
 * @param excludeKinds imported kinds that never bear on it
 */
public record ComplianceItem(String id, String title, String source, String basis, Set<String> cwes,
        Set<String> stages, Set<String> kinds, List<String> rules, boolean advisories, Set<String> excludeStages,
        Set<String> excludeKinds) {

    /** The property imported findings carry their kind in. */
    public static final String KIND_PROPERTY = "kind";

    private static final Pattern ADVISORY = Pattern.compile("(?i)(CVE-\\d{4}-\\d{4,}|GHSA(-[0-9a-z]{4}){3}|"
            + "[A-Z][A-Z0-9]*-\\d{4}-[0-9A-Za-z-]+)");

    public ComplianceItem {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A compliance requirement needs an id");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Requirement " + id + " needs a title");
        }
        if (source == null || !source.startsWith("https://")) {
            throw new IllegalArgumentException("Requirement " + id + " needs the https address of its source");
        }
        basis = basis == null ? "" : basis.strip();
        cwes = Set.copyOf(cwes == null ? Set.of() : cwes);
        stages = lower(stages);
        kinds = lower(kinds);
        rules = rules == null ? List.of() : List.copyOf(rules);
        excludeStages = lower(excludeStages);
        excludeKinds = lower(excludeKinds);
        if (cwes.isEmpty() && stages.isEmpty() && kinds.isEmpty() && rules.isEmpty() && !advisories) {
            throw new IllegalArgumentException("Requirement " + id + " selects no finding");
        }
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> set = new TreeSet<>();
        if (values != null) {
            values.forEach(v -> set.add(v.trim().toLowerCase(Locale.ROOT)));
        }
        return Set.copyOf(set);
    }

    /**
     * Why {@code finding} bears on this requirement, e.g. {@code CWE-798} or {@code stage secrets}; empty when it
     * does not.
     *
     * @param findingCwes the finding's CWE ids in normal form ({@link ComplianceCatalog#normalCwe})
     * @param ruleMatches whether one of this item's {@link #rules} matches the finding's rule id
     */
    Optional<String> basisFor(Finding finding, List<String> findingCwes, boolean ruleMatches) {
        String stage = finding.stage().toLowerCase(Locale.ROOT);
        String kind = finding.properties().getOrDefault(KIND_PROPERTY, "").toLowerCase(Locale.ROOT);
        if (excludeStages.contains(stage) || (!kind.isEmpty() && excludeKinds.contains(kind))) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        for (String cwe : findingCwes) {
            if (cwes.contains(cwe) && !reasons.contains(cwe)) {
                reasons.add(cwe);
            }
        }
        if (stages.contains(stage)) {
            reasons.add("stage " + stage);
        }
        if (!kind.isEmpty() && kinds.contains(kind)) {
            reasons.add("imported " + kind + " finding");
        }
        if (ruleMatches) {
            reasons.add("rule " + finding.ruleId());
        }
        if (advisories && reasons.isEmpty()) {
            finding.identifiers().stream().filter(i -> ADVISORY.matcher(i).matches()).findFirst()
                    .ifPresent(i -> reasons.add("advisory " + i));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", reasons));
    }

    /** Whether one of {@code rulePatterns} (this item's {@link #rules} compiled) matches {@code ruleId}. */
    static boolean ruleMatches(List<Pattern> rulePatterns, String ruleId) {
        for (Pattern pattern : rulePatterns) {
            if (pattern.matcher(ruleId).matches()) {
                return true;
            }
        }
        return false;
    }

    /** {@link #rules} as case-insensitive patterns. */
    List<Pattern> rulePatterns() {
        List<Pattern> patterns = new ArrayList<>();
        for (String rule : rules) {
            StringBuilder regex = new StringBuilder();
            for (String part : rule.split("\\*", -1)) {
                if (!regex.isEmpty()) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(part));
            }
            patterns.add(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
        }
        return List.copyOf(patterns);
    }
}
