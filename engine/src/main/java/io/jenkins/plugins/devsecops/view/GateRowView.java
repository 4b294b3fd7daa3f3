package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.RequiredStageOutcome;
import io.jenkins.plugins.devsecops.summary.GateRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the gate table on the findings page. Texts are raw (the page escapes them).
 *
 * @param gate the gate id, or {@code stage <id>} for a required stage
 * @param scope NEW, TOTAL or DELTA; empty for a required stage
 * @param selects what the gate counts
 * @param actual the measured count, or the required stage's status
 * @param threshold the count that trips the gate, or {@code COMPLETED}
 * @param result PASSED, UNSTABLE or FAILED
 * @param findingsHeading {@code Tripped by} when the gate tripped, {@code Counted} when it passed with findings,
 *     empty when no finding counted
 * @param findings at most {@link #LISTED} {@link FindingLine}s
 * @param more e.g. {@code … and 7 more}, empty when every counted finding is listed
 * @param origin the policy layer that declared it, e.g. {@code folder team/app}; empty when not known
 */
public record GateRowView(String gate, String scope, String selects, String actual, String threshold,
        String result, String findingsHeading, List<String> findings, String more, String origin) {

    /** Findings listed under a gate at most. */
    public static final int LISTED = 5;

    public GateRowView {
        findings = List.copyOf(findings);
        origin = origin == null ? "" : origin;
    }

    /** A row whose policy layer is not known. */
    public GateRowView(String gate, String scope, String selects, String actual, String threshold, String result,
            String findingsHeading, List<String> findings, String more) {
        this(gate, scope, selects, actual, threshold, result, findingsHeading, findings, more, "");
    }

    /** The rows of {@code evaluation}: its gates in policy order, then its required stages. */
    public static List<GateRowView> of(PolicyEvaluation evaluation) {
        List<GateRowView> rows = new ArrayList<>();
        evaluation.gates().forEach(gate -> rows.add(of(gate).from(evaluation.gateOrigin(gate.gate().id()))));
        for (RequiredStageOutcome stage : evaluation.requiredStages()) {
            rows.add(new GateRowView("stage " + stage.stage(), "", "required stage", stage.status(), "COMPLETED",
                    stage.verdict().name(), "", List.of(), "", evaluation.stageOrigin(stage.stage())));
        }
        return rows;
    }

    /** The row of one gate. */
    public static GateRowView of(GateOutcome outcome) {
        List<String> lines = outcome.trippingFindings().stream().limit(LISTED).map(FindingLine::of).toList();
        int count = Math.max(outcome.trippingCount(), outcome.trippingFindings().size());
        String heading = count == 0 ? "" : outcome.tripped() ? "Tripped by" : "Counted";
        String more = count > lines.size() ? "… and " + (count - lines.size()) + " more" : "";
        return new GateRowView(outcome.gate().id(), outcome.gate().scope().name(),
                outcome.gate().selector().describe(), String.valueOf(outcome.actual()),
                String.valueOf(outcome.gate().threshold()), outcome.verdict().name(), heading, lines, more);
    }

    /** The row of a gate as a build summary keeps it (no findings), for when the record cannot be read. */
    public static GateRowView of(GateRow summary) {
        return new GateRowView(summary.gate(), "", "", String.valueOf(summary.actual()),
                String.valueOf(summary.threshold()), summary.verdict().name(), "", List.of(), "");
    }

    /** This row with the policy layer that declared it. */
    public GateRowView from(String layer) {
        return new GateRowView(gate, scope, selects, actual, threshold, result, findingsHeading, findings, more,
                layer);
    }

    /** The CSS modifier of the row: {@code passed}, {@code unstable} or {@code failed}. */
    public String resultClass() {
        return result.toLowerCase(Locale.ROOT);
    }
}
