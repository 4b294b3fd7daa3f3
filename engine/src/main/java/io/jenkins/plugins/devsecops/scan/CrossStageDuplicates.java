package io.jenkins.plugins.devsecops.scan;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingHead;
import io.jenkins.plugins.devsecops.model.FindingList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges findings of different stages that describe the same problem, e.g. a Kubernetes {@code Secret} value reported
 * by the {@code secrets} stage and by the IaC rule about committed Secret manifests, or a Dockerfile
 * {@code ENV PASSWORD=...} reported by both. Two findings are the same problem when they come from different stages,
 * point at the same file and start line, and share a CWE or are both about a stored credential (CWE-798, -259, -321,
 * -312, -256, -522). Findings of one stage are never merged here: each stage decides that for itself.
 *
 * <p>The merged finding is its most severe member (ties: the stage that ran first, then rule id), keeping that
 * member's rule id, text and fingerprint; the other members' rule ids are added to its identifiers (so that a
 * suppression naming any of them still applies) and listed as {@code stage:rule} in its {@code alsoReportedAs}
 * property, and their CWEs are added. It is suppressed only when every member is. Order is kept otherwise.
 */
final class CrossStageDuplicates {

    private static final Set<String> CREDENTIAL_CWES = Set.of("CWE-798", "CWE-259", "CWE-321", "CWE-312", "CWE-256",
            "CWE-522");

    private CrossStageDuplicates() {
    }

    /**
     * The findings with cross-stage duplicates merged; {@code stageOrder} lists stage ids in the order they ran.
     * Reads the findings' heads once in order (a spilled finding is not decoded), holding a hash per place, and then only the findings of places more than one
     * stage reported; the merged list moves the other findings as they are stored, so that a large list stays on
     * disk and is neither decoded nor encoded again ({@link FindingList}).
     */
    static List<Finding> merge(List<Finding> findings, List<String> stageOrder) {
        // Pass 1: which places (by a 64-bit hash of path and line) more than one stage reported.
        int size = findings.size();
        long[] places = new long[size];
        BitSet placed = new BitSet(size);
        Map<Long, String> stageAt = new HashMap<>();
        Set<Long> shared = new HashSet<>();
        int position = 0;
        for (Iterator<FindingHead> heads = FindingList.heads(findings); heads.hasNext(); ) {
            FindingHead head = heads.next();
            Long place = placeHash(head);
            if (place != null) {
                places[position] = place;
                placed.set(position);
                String first = stageAt.putIfAbsent(place, head.stage());
                if (first != null && !first.equals(head.stage())) {
                    shared.add(place);
                }
            }
            position++;
        }
        stageAt = null;
        if (shared.isEmpty()) {
            return findings;
        }
        // The findings at those places, by exact place (a hash collision only adds candidates), read by index.
        Map<Integer, Finding> candidates = new HashMap<>();
        Map<String, List<Integer>> byPlace = new HashMap<>();
        for (int at = placed.nextSetBit(0); at >= 0; at = placed.nextSetBit(at + 1)) {
            if (shared.contains(places[at])) {
                Finding finding = findings.get(at);
                candidates.put(at, finding);
                byPlace.computeIfAbsent(finding.location().path() + '\u0000' + finding.location().startLine(),
                        k -> new ArrayList<>()).add(at);
            }
        }
        places = null;
        Map<Integer, List<Finding>> groups = new LinkedHashMap<>();
        Set<Integer> absorbed = new HashSet<>();
        Comparator<Finding> representative = Comparator.comparing(Finding::severity)
                .thenComparingInt(f -> rank(stageOrder, f.stage()))
                .thenComparing(Finding::ruleId);
        for (List<Integer> place : byPlace.values()) {
            if (place.size() < 2 || place.stream().map(i -> candidates.get(i).stage()).distinct().count() < 2) {
                continue;
            }
            List<Integer> sorted = new ArrayList<>(place);
            sorted.sort(Comparator.comparing(candidates::get, representative));
            for (int a = 0; a < sorted.size(); a++) {
                int head = sorted.get(a);
                if (absorbed.contains(head)) {
                    continue;
                }
                List<Finding> group = new ArrayList<>(List.of(candidates.get(head)));
                Set<String> stages = new LinkedHashSet<>(List.of(candidates.get(head).stage()));
                for (int b = a + 1; b < sorted.size(); b++) {
                    int other = sorted.get(b);
                    Finding candidate = candidates.get(other);
                    if (!absorbed.contains(other) && !stages.contains(candidate.stage())
                            && sameProblem(candidates.get(head), candidate)) {
                        group.add(candidate);
                        stages.add(candidate.stage());
                        absorbed.add(other);
                    }
                }
                if (group.size() > 1) {
                    absorbed.add(head);
                    groups.put(head, group);
                }
            }
        }
        if (groups.isEmpty()) {
            return findings;
        }
        // The findings in order, each group in place of its head, its other members left out; the others are moved
        // without being read.
        FindingList.Builder merged = FindingList.builder();
        for (int at = 0; at < size; at++) {
            List<Finding> group = groups.get(at);
            if (group != null) {
                merged.add(combine(group));
            } else if (!absorbed.contains(at)) {
                merged.addFrom(findings, at);
            }
        }
        return merged.build();
    }

    /** A 64-bit hash of the finding's file and start line, or {@code null} when it is not merged by place. */
    private static Long placeHash(FindingHead finding) {
        if (!finding.hasLocation() || finding.startLine() <= 0 || finding.hasComponent()) {
            return null;
        }
        String path = finding.path();
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < path.length(); i++) {
            hash = (hash ^ path.charAt(i)) * 0x100000001b3L;
        }
        return hash * 31 + finding.startLine();
    }

    private static int rank(List<String> stageOrder, String stage) {
        int index = stageOrder.indexOf(stage);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static boolean sameProblem(Finding a, Finding b) {
        if (a.cwes().stream().anyMatch(b.cwes()::contains)) {
            return true;
        }
        return a.cwes().stream().anyMatch(CREDENTIAL_CWES::contains) && b.cwes().stream()
                .anyMatch(CREDENTIAL_CWES::contains);
    }

    private static Finding combine(List<Finding> group) {
        Finding head = group.get(0);
        Finding.Builder builder = head.toBuilder();
        List<String> also = new ArrayList<>();
        boolean allSuppressed = head.suppression() != null;
        for (Finding member : group.subList(1, group.size())) {
            builder.identifier(member.ruleId()).identifiers(member.identifiers()).cwes(member.cwes());
            also.add(member.stage() + ":" + member.ruleId());
            allSuppressed &= member.suppression() != null;
        }
        String earlier = head.properties().get("alsoReportedAs");
        builder.property("alsoReportedAs", (earlier == null ? "" : earlier + ", ") + String.join(", ", also));
        if (!allSuppressed) {
            builder.suppression(null);
        }
        return builder.build();
    }
}
