package io.jenkins.plugins.devsecops.summary;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The series behind the trend charts, one point per build, computed from summaries only.
 *
 * @param builds the build ids, oldest first
 * @param openBySeverity active findings per severity
 * @param added new findings per build
 * @param fixed fixed findings per build
 * @param openByStage active findings per stage
 * @param score the security score per build
 */
public record TrendSeries(List<String> builds, Map<Severity, List<Integer>> openBySeverity, List<Integer> added,
        List<Integer> fixed, Map<String, List<Integer>> openByStage, List<Integer> score) {

    /** The series of {@code summaries} (oldest first), the newest {@code limit} builds at most. */
    public static TrendSeries of(List<BuildSummary> summaries, int limit) {
        List<BuildSummary> window = summaries.subList(Math.max(0, summaries.size() - limit), summaries.size());
        List<String> builds = new ArrayList<>();
        Map<Severity, List<Integer>> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, new ArrayList<>());
        }
        List<Integer> added = new ArrayList<>();
        List<Integer> fixed = new ArrayList<>();
        List<Integer> score = new ArrayList<>();
        TreeSet<String> stageIds = new TreeSet<>();
        window.forEach(s -> s.stages().forEach(c -> stageIds.add(c.stage())));
        Map<String, List<Integer>> byStage = new LinkedHashMap<>();
        stageIds.forEach(id -> byStage.put(id, new ArrayList<>()));
        for (BuildSummary summary : window) {
            builds.add(summary.build());
            int[] open = summary.openBySeverity();
            for (Severity severity : Severity.values()) {
                bySeverity.get(severity).add(open[severity.ordinal()]);
            }
            added.add(StageCounts.total(summary.addedBySeverity()));
            fixed.add(StageCounts.total(summary.fixedBySeverity()));
            score.add(summary.score());
            for (String stage : stageIds) {
                byStage.get(stage).add(summary.stages().stream().filter(c -> c.stage().equals(stage))
                        .mapToInt(c -> StageCounts.total(c.open())).sum());
            }
        }
        return new TrendSeries(List.copyOf(builds), Collections.unmodifiableMap(bySeverity), List.copyOf(added),
                List.copyOf(fixed), Collections.unmodifiableMap(byStage), List.copyOf(score));
    }
}
