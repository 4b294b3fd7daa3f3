package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compact summary of one scan that a build keeps next to it so that trend charts never load full reports:
 * active findings by severity and by stage, suppressed findings, and the stages that did not complete.
 *
 * @param bySeverity active findings per severity; every severity present, zero included
 * @param byStage active findings per stage id; every stage that ran present, zero included
 * @param suppressed findings a suppression applies to
 * @param incompleteStages ids of the stages that failed or timed out, sorted
 */
public record ScanSummary(Map<Severity, Integer> bySeverity, Map<String, Integer> byStage, int suppressed,
        List<String> incompleteStages) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ScanSummary {
        Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            severities.put(severity, 0);
        }
        if (bySeverity != null) {
            bySeverity.forEach((severity, count) -> severities.put(severity, nonNegative(count)));
        }
        bySeverity = Collections.unmodifiableMap(severities);
        Map<String, Integer> stages = new TreeMap<>();
        if (byStage != null) {
            byStage.forEach((stage, count) -> stages.put(stage, nonNegative(count)));
        }
        byStage = Collections.unmodifiableMap(stages);
        if (suppressed < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + suppressed);
        }
        incompleteStages = incompleteStages == null ? List.of() : incompleteStages.stream().sorted().distinct().toList();
    }

    private static int nonNegative(Integer count) {
        if (count == null || count < 0) {
            throw new IllegalArgumentException("A count cannot be negative or missing: " + count);
        }
        return count;
    }

    /** The summary of {@code report}. */
    public static ScanSummary of(Report report) {
        Map<String, Integer> stages = new TreeMap<>();
        report.stages().forEach(stage -> stages.put(stage.stage(), 0));
        int suppressed = 0;
        for (Finding finding : report.findings()) {
            if (finding.isSuppressed()) {
                suppressed++;
            } else {
                stages.merge(finding.stage(), 1, Integer::sum);
            }
        }
        List<String> incomplete = report.stages().stream()
                .filter(stage -> stage.status() == StageStatus.FAILED || stage.status() == StageStatus.TIMED_OUT)
                .map(StageResult::stage).toList();
        return new ScanSummary(report.countBySeverity(), stages, suppressed, incomplete);
    }

    /** A summary of a scan that found nothing and ran no stage. */
    public static ScanSummary empty() {
        return new ScanSummary(Map.of(), Map.of(), 0, List.of());
    }

    /** All active findings. */
    public int total() {
        return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Active findings of {@code severity}. */
    public int count(Severity severity) {
        return bySeverity.get(severity);
    }

    /** Active findings at {@code minimum} or more severe. */
    public int countAtLeast(Severity minimum) {
        return bySeverity.entrySet().stream().filter(e -> e.getKey().isAtLeast(minimum))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** Whether every stage completed. */
    public boolean isComplete() {
        return incompleteStages.isEmpty();
    }
}
