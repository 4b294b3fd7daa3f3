package io.jenkins.plugins.devsecops.history;

import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference's findings of stages that did not run to completion in the current scan. A scan that ran only some
 * stages ({@code --stages secrets}), or whose stage failed or timed out, says nothing about the other findings: they
 * are carried over unchanged (OUTSTANDING, same first sighting, marked {@link FindingHistory#CARRIED_FROM}) instead
 * of being called FIXED, so that the next full scan does not call them NEW and trends show no dip.
 */
public final class CarriedFindings {

    /** Suppression kinds declared in a suppressions file: re-judged on carried findings with today's file. */
    private static final Set<String> FILE_SUPPRESSION_KINDS = Set.of("fingerprint", "rule-path", "advisory");

    private CarriedFindings() {
    }

    /**
     * Whether {@code current} ran {@code stage} to completion, so that a finding of it that is gone is fixed. A report
     * that records no stage at all (assembled by hand, not by the engine) counts as having run every stage.
     */
    public static boolean completed(Report current, String stage) {
        return current.stages().isEmpty() || current.stage(stage).filter(result -> result.status() == StageStatus.COMPLETED).isPresent();
    }

    /** The stages of the reference's findings that {@code current} did not run to completion, sorted. */
    public static Set<String> incompleteStages(Report current, Report reference) {
        Set<String> stages = new TreeSet<>();
        if (reference != null) {
            reference.findings().stream().map(Finding::stage).filter(stage -> !completed(current, stage))
                    .forEach(stages::add);
            reference.stages().stream().map(s -> s.stage()).filter(stage -> !completed(current, stage))
                    .forEach(stages::add);
        }
        current.stages().stream().filter(s -> s.status() != StageStatus.COMPLETED).map(s -> s.stage())
                .forEach(stages::add);
        return stages;
    }

    /**
     * {@code current} with the reference's findings of incomplete stages that it lacks (by fingerprint, each
     * occurrence once) appended, each marked as carried. File suppressions of carried findings are cleared, so that
     * applying today's suppressions judges them afresh; suppressions a stage made itself (inline) are kept.
     */
    public static Report addTo(Report current, Report reference) {
        List<Finding> carried = of(current, reference);
        if (carried.isEmpty()) {
            return current;
        }
        FindingList.Builder findings = FindingList.builder().addAll(current.findings());
        for (Finding finding : carried) {
            boolean fileSuppression = finding.suppression() != null
                    && FILE_SUPPRESSION_KINDS.contains(finding.suppression().kind());
            findings.add(fileSuppression ? finding.toBuilder().suppression(null).build() : finding);
        }
        return current.toBuilder().findings(findings.build()).build();
    }

    /**
     * The reference's findings of incomplete stages that {@code current} lacks, marked as carried. Holds only the
     * fingerprints of the reference's findings of incomplete stages, never the findings of the stages that ran.
     */
    public static List<Finding> of(Report current, Report reference) {
        if (reference == null) {
            return List.of();
        }
        // Only a fingerprint some reference finding of an incomplete stage has can decide what is carried.
        Set<String> wanted = new HashSet<>();
        for (Finding finding : reference.findings()) {
            if (!completed(current, finding.stage())) {
                wanted.add(FindingFingerprints.ensure(finding).fingerprint());
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> present = new HashMap<>();
        for (Finding finding : current.findings()) {
            String fingerprint = FindingFingerprints.ensure(finding).fingerprint();
            if (wanted.contains(fingerprint)) {
                present.merge(fingerprint, 1, Integer::sum);
            }
        }
        FindingList.Builder carried = FindingList.builder();
        for (Finding finding : reference.findings()) {
            Finding withPrint = FindingFingerprints.ensure(finding);
            Integer left = present.get(withPrint.fingerprint());
            if (left != null && left > 0) {
                present.put(withPrint.fingerprint(), left - 1);
                continue;
            }
            if (!completed(current, withPrint.stage())) {
                carried.add(mark(withPrint, reference));
            }
        }
        return carried.build();
    }

    /** {@code finding} of {@code reference} marked as carried from the build that last scanned it. */
    static Finding mark(Finding finding, Report reference) {
        if (finding.properties().containsKey(FindingHistory.CARRIED_FROM)) {
            return finding;
        }
        return finding.toBuilder().property(FindingHistory.CARRIED_FROM,
                reference.properties().getOrDefault("build", "reference")).build();
    }
}
