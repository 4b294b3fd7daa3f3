package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.RequiredStageOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines a build console shows after an assessment: counts by severity with new/fixed, the gate table (every
 * gate and required stage with its actual value, threshold and result), the policy warnings and the verdict. Gate
 * rows name rules and locations of tripping findings, never finding text, so the lines are safe to log.
 */
public final class AssessmentConsole {

    /** What the console says when the policy has no gate and no required stage. */
    public static final String NO_GATES = "No gates configured: every scan passes (see docs/policy.md to declare "
            + "gates).";

    /** Tripping findings listed under a gate at most. */
    static final int LISTED = 5;

    private AssessmentConsole() {
    }

    /** The console lines of {@code assessment}, without prefix. */
    public static List<String> lines(Assessment assessment) {
        List<String> lines = new ArrayList<>();
        lines.add(SummaryText.of(assessment.summary()));
        PolicyEvaluation evaluation = assessment.evaluation();
        if (!evaluation.gates().isEmpty() || !evaluation.requiredStages().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "%-24s %-6s %8s %10s  %-8s %s", "GATE", "SCOPE", "ACTUAL",
                    "THRESHOLD", "RESULT", "SELECTS"));
            for (GateOutcome gate : evaluation.gates()) {
                lines.add(String.format(Locale.ROOT, "%-24s %-6s %8d %10d  %-8s %s", gate.gate().id(),
                        gate.gate().scope(), gate.actual(), gate.gate().threshold(), gate.verdict(),
                        gate.gate().selector().describe()) + from(evaluation.gateOrigin(gate.gate().id())));
                if (gate.tripped()) {
                    gate.trippingFindings().stream().limit(LISTED)
                            .forEach(f -> lines.add("    " + FindingLine.of(f)));
                    if (gate.trippingCount() > LISTED) {
                        lines.add("    ... and " + (gate.trippingCount() - LISTED) + " more");
                    }
                }
            }
            for (RequiredStageOutcome stage : evaluation.requiredStages()) {
                lines.add(String.format(Locale.ROOT, "%-24s %-6s %8s %10s  %-8s %s", "stage " + stage.stage(), "",
                        stage.status(), "COMPLETED", stage.verdict(), "required stage")
                        + from(evaluation.stageOrigin(stage.stage())));
            }
        }
        if (!evaluation.layers().isEmpty()) {
            lines.add("Policy layers, highest first (a lower layer may only tighten):");
            evaluation.layers().forEach(layer -> lines.add("    " + layer));
        }
        if (evaluation.gates().isEmpty() && evaluation.requiredStages().isEmpty()) {
            lines.add(NO_GATES);
        }
        evaluation.warnings().forEach(warning -> lines.add("warning: " + warning));
        lines.add("Policy: " + evaluation.verdict() + " (security score " + assessment.summary().score() + ")");
        // Paths and messages come from the scanned tree: no control character reaches the console.
        return lines.stream().map(ConsoleText::escape).toList();
    }

    private static String from(String origin) {
        return origin.isEmpty() ? "" : "  [from " + origin + "]";
    }

    /** The gates that tripped, as one line for a stage's warning, e.g. {@code no-new-high (1 >= 1)}. */
    public static String trippedGates(PolicyEvaluation evaluation) {
        List<String> tripped = new ArrayList<>();
        evaluation.gates().stream().filter(GateOutcome::tripped)
                .forEach(g -> tripped.add(g.gate().id() + " (" + g.actual() + " >= " + g.gate().threshold() + ")"));
        evaluation.requiredStages().stream().filter(s -> s.verdict() != io.jenkins.plugins.devsecops.policy.PolicyVerdict.PASSED)
                .forEach(s -> tripped.add("required stage " + s.stage() + " " + s.status()));
        return tripped.isEmpty() ? "no gate tripped" : String.join(", ", tripped);
    }
}
