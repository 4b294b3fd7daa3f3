package io.jenkins.plugins.devsecops.history;

import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingHead;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.model.Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
        // Of the reference, only each finding's fingerprint and first sighting are held, never the finding itself:
        // the findings are read in order (FindingList keeps large lists on disk).
        Map<String, Previous> previous = new HashMap<>();
        Map<String, String> shared = new HashMap<>();
        if (reference != null) {
            for (Finding finding : reference.findings()) {
                Finding withPrint = FindingFingerprints.ensure(finding);
                previous.computeIfAbsent(withPrint.fingerprint(), k -> new Previous()).add(
                        dedupe(shared, withPrint.properties().get(FindingHistory.FIRST_SEEN_AT)),
                        dedupe(shared, withPrint.properties().get(FindingHistory.FIRST_SEEN_BUILD)));
            }
        }
        String referenceBuild = reference == null ? null : reference.properties().getOrDefault("build", "reference");
        // Each finding gets its status and first sighting from its fingerprint alone: a stored finding is copied with
        // them added, neither decoded nor encoded again (FindingList keeps large lists on disk).
        Map<String, Previous> known = previous;
        String now = build.time().toString();
        List<Finding> findings = FindingList.withProperties(current.findings(), FindingFingerprints::ensure,
                fingerprint -> {
                    Previous candidates = known.get(fingerprint);
                    int before = candidates == null ? -1 : candidates.poll();
                    Map<String, String> history = new HashMap<>(4);
                    if (before < 0) {
                        history.put(FindingHistory.STATUS, FindingStatus.NEW.name());
                        history.put(FindingHistory.FIRST_SEEN_AT, now);
                        history.put(FindingHistory.FIRST_SEEN_BUILD, build.id());
                    } else {
                        Instant firstSeen = FindingHistory.parseInstant(candidates.firstSeenAt(before))
                                .orElse(reference.startedAt());
                        String firstBuild = candidates.firstSeenBuild(before) != null
                                ? candidates.firstSeenBuild(before) : referenceBuild;
                        history.put(FindingHistory.STATUS, FindingStatus.OUTSTANDING.name());
                        history.put(FindingHistory.FIRST_SEEN_AT, firstSeen.toString());
                        history.put(FindingHistory.FIRST_SEEN_BUILD, firstBuild);
                    }
                    return history;
                });
        List<FixedFinding> fixed = new ArrayList<>();
        FindingList.Builder carried = FindingList.builder();
        // The occurrences of a fingerprint the current report did not match are the reference's last ones.
        for (Finding gone : reference == null ? List.<Finding>of() : reference.findings()) {
            Finding before = FindingFingerprints.ensure(gone);
            Previous left = previous.get(before.fingerprint());
            if (!left.unmatched()) {
                continue;
            }
            if (!CarriedFindings.completed(current, before.stage())) {
                Instant firstSeen = FindingHistory.firstSeenAt(before).orElse(reference.startedAt());
                carried.add(CarriedFindings.mark(before, reference).toBuilder()
                        .property(FindingHistory.STATUS, FindingStatus.OUTSTANDING.name())
                        .property(FindingHistory.FIRST_SEEN_AT, firstSeen.toString())
                        .property(FindingHistory.FIRST_SEEN_BUILD, FindingHistory.firstSeenBuild(before)
                                .orElse(referenceBuild))
                        .build());
            } else {
                Instant firstSeen = FindingHistory.firstSeenAt(before).orElse(reference.startedAt());
                fixed.add(new FixedFinding(before, firstSeen, build.time(), build.id()));
            }
        }
        List<Finding> carriedOver = carried.build();
        if (!carriedOver.isEmpty()) {
            findings = FindingList.sortedByHead(FindingList.concat(List.of(findings, carriedOver)),
                    FindingHead.REPORT_ORDER);
        }
        fixed.sort(Comparator.comparing((FixedFinding f) -> f.finding().severity())
                .thenComparing(f -> f.finding().fingerprint()));
        Report report = current.toBuilder().findings(findings).property("build", build.id()).build();
        return new HistoryComparison(report, reference, build, fixed);
    }

    private static String dedupe(Map<String, String> shared, String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }

    /**
     * The reference's occurrences of one fingerprint, in report order: the first sighting of each, how many the
     * current report matched (they pair up in order), and how many of the rest were visited again.
     */
    private static final class Previous {
        private final List<String> firstSeenAt = new ArrayList<>(1);
        private final List<String> firstSeenBuild = new ArrayList<>(1);
        private int matched;
        private int revisited;

        void add(String at, String build) {
            firstSeenAt.add(at);
            firstSeenBuild.add(build);
        }

        /** The next occurrence the current report pairs with, or -1 when none is left. */
        int poll() {
            return matched < firstSeenAt.size() ? matched++ : -1;
        }

        String firstSeenAt(int occurrence) {
            return firstSeenAt.get(occurrence);
        }

        String firstSeenBuild(int occurrence) {
            return firstSeenBuild.get(occurrence);
        }

        /** Visiting the reference again in order: whether this occurrence is one the current report did not match. */
        boolean unmatched() {
            return revisited++ >= matched;
        }
    }
}
