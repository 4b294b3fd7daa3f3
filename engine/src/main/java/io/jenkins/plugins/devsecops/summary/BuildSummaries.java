package io.jenkins.plugins.devsecops.summary;

import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.history.FixedFinding;
import io.jenkins.plugins.devsecops.history.HistoryComparison;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.policy.SlaClock;
import io.jenkins.plugins.devsecops.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the {@link BuildSummary} of an assessed scan. */
public final class BuildSummaries {

    private BuildSummaries() {
    }

    /** The summary of {@code comparison} under {@code policy}, judged at the build's time. */
    public static BuildSummary of(HistoryComparison comparison, PolicyEvaluation evaluation, SecurityPolicy policy) {
        Tally tally = new Tally(comparison, policy);
        for (Finding finding : comparison.report().findings()) {
            tally.accept(finding);
        }
        return tally.summary(evaluation);
    }

    /**
     * A summary fed the current report's findings one at a time, in order, by a pass that may serve other readers
     * too (a large list is read back from disk at every pass): {@link #accept} each finding, then {@link #summary}.
     * Gives what {@link #of} gives.
     */
    public static final class Tally {
        private final HistoryComparison comparison;
        private final SecurityPolicy policy;
        private final Map<String, Counts> byStage = new LinkedHashMap<>();
        private final SlaClock sla;
        private final Map<String, String> tools = new LinkedHashMap<>();
        private int overdue;
        private int slaTracked;
        private Instant oldestCritical;

        /** A tally of {@code comparison}'s report under {@code policy}, judged at the build's time. */
        public Tally(HistoryComparison comparison, SecurityPolicy policy) {
            this.comparison = comparison;
            this.policy = policy;
            Report report = comparison.report();
            report.stages().forEach(s -> byStage.put(s.stage(), new Counts(s.status().name())));
            this.sla = new SlaClock(policy, comparison.build().time());
            tools.put(report.tool().name(), String.valueOf(report.tool().version()));
        }

        /** Counts the next finding of the current report. */
        public void accept(Finding finding) {
            for (ToolInfo tool : finding.tools()) {
                tools.putIfAbsent(tool.name(), String.valueOf(tool.version()));
            }
            Counts counts = byStage.computeIfAbsent(finding.stage(), s -> new Counts(null));
            if (finding.isSuppressed()) {
                counts.suppressed++;
                return;
            }
            counts.open[finding.severity().ordinal()]++;
            if (FindingHistory.isNew(finding)) {
                counts.added[finding.severity().ordinal()]++;
            }
            if (policy.sla(finding.severity()).isPresent()) {
                slaTracked++;
            }
            if (sla.isOverdue(finding)) {
                overdue++;
            }
            if (finding.severity() == Severity.CRITICAL) {
                Instant first = FindingHistory.firstSeenAt(finding).orElse(comparison.build().time());
                if (oldestCritical == null || first.isBefore(oldestCritical)) {
                    oldestCritical = first;
                }
            }
        }

        /** The summary of the findings accepted, with {@code evaluation}'s verdict and gates. */
        public BuildSummary summary(PolicyEvaluation evaluation) {
            Report report = comparison.report();
            int remediated = 0;
            double remediationDays = 0;
            double[] daysBySeverity = new double[Severity.values().length];
            for (FixedFinding fixed : comparison.fixed()) {
                if (fixed.finding().isSuppressed()) {
                    continue;
                }
                byStage.computeIfAbsent(fixed.finding().stage(), s -> new Counts(null)).fixed[fixed.finding()
                        .severity().ordinal()]++;
                remediated++;
                double days = fixed.timeToRemediate().toSeconds() / (double) Duration.ofDays(1).toSeconds();
                remediationDays += days;
                daysBySeverity[fixed.finding().severity().ordinal()] += days;
            }
            List<StageCounts> stages = new ArrayList<>();
            byStage.forEach((stage, c) -> stages.add(new StageCounts(stage, c.open, c.added, c.fixed, c.suppressed,
                    c.status)));

            Map<String, String> advisoryData = new LinkedHashMap<>();
            for (StageResult stage : report.stages()) {
                stage.properties().forEach((key, value) -> {
                    String lower = key.toLowerCase(Locale.ROOT);
                    if (lower.contains("advisor") || lower.contains("database") || lower.contains("osv")
                            || lower.contains("feed")) {
                        advisoryData.put(stage.stage() + "." + key, value);
                    }
                });
            }
            List<GateRow> gates = evaluation.gates().stream().map(BuildSummaries::row).toList();
            int score = SecurityScore.compute(sumOpen(stages), overdue, evaluation.verdict());
            return new BuildSummary(comparison.build().id(), report.startedAt(), report.durationMillis(),
                    evaluation.verdict(), stages, overdue, remediated, remediationDays, score, tools, advisoryData,
                    gates, slaTracked, Arrays.stream(daysBySeverity).boxed().toList(), oldestCritical);
        }
    }

    private static int[] sumOpen(List<StageCounts> stages) {
        int[] total = new int[5];
        for (StageCounts stage : stages) {
            for (int i = 0; i < total.length; i++) {
                total[i] += stage.open()[i];
            }
        }
        return total;
    }

    /** Mutable counters while summarising. */
    private static final class Counts {
        final String status;
        final int[] open = new int[5];
        final int[] added = new int[5];
        final int[] fixed = new int[5];
        int suppressed;

        Counts(String status) {
            this.status = status;
        }
    }

    private static GateRow row(GateOutcome outcome) {
        return new GateRow(outcome.gate().id(), outcome.actual(), outcome.gate().threshold(), outcome.verdict());
    }
}
