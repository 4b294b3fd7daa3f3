package io.jenkins.plugins.devsecops.history;

import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a report with a reference report by fingerprint. A finding whose fingerprint the reference holds is
 * OUTSTANDING and inherits the reference's first sighting; any other is NEW, first seen in this build. When a
 * fingerprint occurs several times, occurrences pair up in report order; the extra ones are new or fixed.
 * Only the stages the current scan ran to completion are compared: a reference finding of another stage is carried
 * over unchanged (OUTSTANDING, marked {@link FindingHistory#CARRIED_FROM}), never called fixed.
 */
public final class HistoryComparator {

    private HistoryComparator() {
    }

    /**
     * Compares.
     *
     * @param current the report of {@code build}
     * @param reference the reference build's report (annotated by an earlier comparison or not), or {@code null}
     * @param build the current build
     */
    public static HistoryComparison compare(Report current, Report reference, BuildRef build) {
        Map<String, Deque<Finding>> previous = new HashMap<>();
        if (reference != null) {
            for (Finding finding : reference.findings()) {
                Finding withPrint = FindingFingerprints.ensure(finding);
                previous.computeIfAbsent(withPrint.fingerprint(), k -> new ArrayDeque<>()).add(withPrint);
            }
        }
        List<Finding> annotated = new ArrayList<>(current.findings().size());
        for (Finding finding : current.findings()) {
            Finding withPrint = FindingFingerprints.ensure(finding);
            Deque<Finding> candidates = previous.get(withPrint.fingerprint());
            Finding before = candidates == null ? null : candidates.poll();
            Finding.Builder builder = withPrint.toBuilder();
            if (before == null) {
                builder.property(FindingHistory.STATUS, FindingStatus.NEW.name())
                        .property(FindingHistory.FIRST_SEEN_AT, build.time().toString())
                        .property(FindingHistory.FIRST_SEEN_BUILD, build.id());
            } else {
                Instant firstSeen = FindingHistory.firstSeenAt(before).orElse(reference.startedAt());
                String firstBuild = FindingHistory.firstSeenBuild(before)
                        .orElse(reference.properties().getOrDefault("build", "reference"));
                builder.property(FindingHistory.STATUS, FindingStatus.OUTSTANDING.name())
                        .property(FindingHistory.FIRST_SEEN_AT, firstSeen.toString())
                        .property(FindingHistory.FIRST_SEEN_BUILD, firstBuild);
            }
            annotated.add(builder.build());
        }
        List<FixedFinding> fixed = new ArrayList<>();
        List<Finding> carried = new ArrayList<>();
        for (Finding gone : reference == null ? List.<Finding>of() : reference.findings()) {
            Deque<Finding> left = previous.get(FindingFingerprints.ensure(gone).fingerprint());
            if (left == null || left.isEmpty()) {
                continue;
            }
            Finding before = left.poll();
            if (!CarriedFindings.completed(current, before.stage())) {
                Instant firstSeen = FindingHistory.firstSeenAt(before).orElse(reference.startedAt());
                carried.add(CarriedFindings.mark(before, reference).toBuilder()
                        .property(FindingHistory.STATUS, FindingStatus.OUTSTANDING.name())
                        .property(FindingHistory.FIRST_SEEN_AT, firstSeen.toString())
                        .property(FindingHistory.FIRST_SEEN_BUILD, FindingHistory.firstSeenBuild(before)
                                .orElse(reference.properties().getOrDefault("build", "reference")))
                        .build());
            } else {
                Instant firstSeen = FindingHistory.firstSeenAt(before).orElse(reference.startedAt());
                fixed.add(new FixedFinding(before, firstSeen, build.time(), build.id()));
            }
        }
        if (!carried.isEmpty()) {
            annotated.addAll(carried);
            annotated.sort(io.jenkins.plugins.devsecops.scan.ScanEngine.REPORT_ORDER);
        }
        fixed.sort(java.util.Comparator.comparing((FixedFinding f) -> f.finding().severity())
                .thenComparing(f -> f.finding().fingerprint()));
        Report report = current.toBuilder().findings(annotated).property("build", build.id()).build();
        return new HistoryComparison(report, reference, build, fixed);
    }
}
