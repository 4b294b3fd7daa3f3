package io.jenkins.plugins.devsecops.suppression;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Suppression;
import io.jenkins.plugins.devsecops.policy.SuppressionRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks the findings that declared suppressions match, never dropping any. Expired entries are not applied and are
 * reported stale; entries that match nothing are reported unused; entries the policy's suppression rules refuse
 * (no justification, longer-lived than allowed) are not applied. A finding already suppressed (e.g. inline by its
 * stage) keeps its suppression. Entries are judged unused only when they belong to a stage that ran to completion:
 * a scan that ran some stages says nothing about the others' suppressions.
 */
public final class SuppressionApplier {

    private SuppressionApplier() {
    }

    /** Applies {@code entries} to {@code report} on {@code today} under {@code rules}. */
    public static SuppressionOutcome apply(Report report, List<SuppressionEntry> entries, LocalDate today,
            SuppressionRules rules) {
        return apply(report, entries, today, rules, Set.of());
    }

    /**
     * Applies {@code entries} to {@code report} on {@code today} under {@code rules}; an entry that matches nothing
     * is reported unused only when it belongs to a stage that ran: when {@code stagesNotRun} is empty, or when a
     * finding of its rule or advisory comes from a stage that ran. An entry whose stage cannot be told (a fingerprint
     * that matches nothing) is not judged while some stage did not run.
     *
     * @param stagesNotRun stages the scan did not run to completion (not asked for, failed, timed out)
     */
    public static SuppressionOutcome apply(Report report, List<SuppressionEntry> entries, LocalDate today,
            SuppressionRules rules, Set<String> stagesNotRun) {
        List<SuppressionEntry> inForce = new ArrayList<>();
        List<SuppressionEntry> stale = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (SuppressionEntry entry : entries) {
            String refusal = refusal(entry, today, rules);
            if (refusal != null) {
                refused.add("Suppression refused, " + refusal + ": " + entry.describe());
            } else if (entry.isExpired(today)) {
                stale.add(entry);
            } else {
                inForce.add(entry);
            }
        }
        // Fingerprint entries are looked up (a baseline may hold thousands); the others are matched in file order.
        Map<String, Integer> byFingerprint = new HashMap<>();
        List<Integer> byPattern = new ArrayList<>();
        for (int i = 0; i < inForce.size(); i++) {
            String fingerprint = inForce.get(i).fingerprint();
            if (fingerprint != null && !fingerprint.isBlank()) {
                byFingerprint.putIfAbsent(fingerprint, i);
            } else {
                byPattern.add(i);
            }
        }
        if (inForce.isEmpty()) {
            // Nothing to apply: the findings stay as they are, without a pass that copies them (from disk and back,
            // for a large scan).
            return new SuppressionOutcome(report, List.of(), stale, List.of(), refused);
        }
        Set<SuppressionEntry> used = new LinkedHashSet<>();
        FindingList.Builder findings = FindingList.builder();
        for (Finding finding : report.findings()) {
            Finding result = finding;
            if (!finding.isSuppressed()) {
                int first = finding.fingerprint() == null ? Integer.MAX_VALUE
                        : byFingerprint.getOrDefault(finding.fingerprint(), Integer.MAX_VALUE);
                for (int index : byPattern) {
                    if (index > first) {
                        break;
                    }
                    if (inForce.get(index).matches(finding)) {
                        first = index;
                        break;
                    }
                }
                if (first != Integer.MAX_VALUE) {
                    SuppressionEntry entry = inForce.get(first);
                    used.add(entry);
                    result = finding.toBuilder().suppression(new Suppression(entry.kind(), entry.reason(),
                            entry.owner(), entry.expires(), entry.source())).build();
                }
            }
            findings.add(result);
        }
        List<SuppressionEntry> unused = inForce.stream().filter(e -> !used.contains(e))
                .filter(e -> stagesNotRun.isEmpty() || belongsToStageThatRan(e, report, stagesNotRun)).toList();
        return new SuppressionOutcome(report.toBuilder().findings(findings.build()).build(), List.copyOf(used), stale, unused,
                refused);
    }

    /** Whether a finding of the entry's rule or advisory, anywhere, comes from a stage that ran. */
    private static boolean belongsToStageThatRan(SuppressionEntry entry, Report report, Set<String> stagesNotRun) {
        if (entry.rule() == null && entry.advisory() == null) {
            return false;
        }
        SuppressionEntry anywhere = new SuppressionEntry(null, entry.rule(), entry.advisory(), null, entry.reason(),
                entry.owner(), null, null, null, null);
        return report.findings().stream().filter(f -> !stagesNotRun.contains(f.stage())).anyMatch(anywhere::matches);
    }

    private static String refusal(SuppressionEntry entry, LocalDate today, SuppressionRules rules) {
        if (rules.requiresJustification() && (entry.reason() == null || entry.reason().isBlank())) {
            return "the policy requires a reason";
        }
        Integer maxAge = rules.maxAgeDays();
        if (maxAge != null) {
            if (entry.expires() == null) {
                return "the policy allows at most " + maxAge + " days and it has no expiry date";
            }
            LocalDate start = entry.created() == null ? today : entry.created();
            if (entry.expires().isAfter(start.plusDays(maxAge))) {
                return "it lasts until " + entry.expires() + ", more than the " + maxAge + " days the policy allows"
                        + " from " + start;
            }
        }
        return null;
    }
}
