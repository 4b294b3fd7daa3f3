package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The series of the job's trend charts, oldest build first, built from summaries only.
 *
 * @param buildNumbers the builds on the axis
 * @param labels the axis labels, one per build
 * @param bySeverity active findings per build for each severity, most severe first
 * @param byStage active findings per build for each stage that appears in any build, sorted by stage id;
 *     zero for builds where the stage did not run
 */
public record TrendData(List<Integer> buildNumbers, List<String> labels, Map<Severity, List<Integer>> bySeverity,
        Map<String, List<Integer>> byStage) {

    public TrendData {
        buildNumbers = List.copyOf(buildNumbers);
        labels = List.copyOf(labels);
        bySeverity = copy(bySeverity);
        byStage = copy(byStage);
    }

    private static <K> Map<K, List<Integer>> copy(Map<K, List<Integer>> series) {
        Map<K, List<Integer>> copy = new LinkedHashMap<>();
        series.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The trend of {@code points} in any order; keeps the {@code maxBuilds} newest builds and one point per build
     * number (the first given wins).
     */
    public static TrendData of(Collection<TrendPoint> points, int maxBuilds) {
        if (maxBuilds <= 0) {
            throw new IllegalArgumentException("The number of builds must be positive: " + maxBuilds);
        }
        Map<Integer, TrendPoint> byBuild = new LinkedHashMap<>();
        points.forEach(point -> byBuild.putIfAbsent(point.buildNumber(), point));
        List<TrendPoint> ordered = new ArrayList<>(byBuild.values());
        ordered.sort(Comparator.comparingInt(TrendPoint::buildNumber));
        if (ordered.size() > maxBuilds) {
            ordered = ordered.subList(ordered.size() - maxBuilds, ordered.size());
        }
        List<Integer> numbers = ordered.stream().map(TrendPoint::buildNumber).toList();
        List<String> labels = ordered.stream().map(TrendPoint::label).toList();
        Map<Severity, List<Integer>> severities = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            severities.put(severity, ordered.stream().map(p -> p.summary().count(severity)).toList());
        }
        TreeSet<String> stageIds = new TreeSet<>();
        ordered.forEach(point -> stageIds.addAll(point.summary().byStage().keySet()));
        Map<String, List<Integer>> stages = new LinkedHashMap<>();
        for (String stage : stageIds) {
            stages.put(stage, ordered.stream().map(p -> p.summary().byStage().getOrDefault(stage, 0)).toList());
        }
        return new TrendData(numbers, labels, severities, stages);
    }

    /** Whether the trend has fewer than two builds, too few to draw. */
    public boolean isTooShort() {
        return buildNumbers.size() < 2;
    }
}
