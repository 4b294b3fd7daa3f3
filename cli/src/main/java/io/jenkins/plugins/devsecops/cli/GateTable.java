package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.history.FindingHistory;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingPass;
import io.jenkins.plugins.devsecops.policy.GateOutcome;
import io.jenkins.plugins.devsecops.policy.PolicyEvaluation;
import io.jenkins.plugins.devsecops.policy.RequiredStageOutcome;
import io.jenkins.plugins.devsecops.view.AssessmentConsole;
import java.io.PrintWriter;

/** Prints the policy verdict, the gate table with the findings that tripped each gate, and new/fixed counts. */
final class GateTable {

    private static final int LISTED = 5;

    private final Assessment assessment;
    private final Counts counts;
    private final FindingPass pass;

    /** The table of {@code assessment}, counting its findings when printed. */
    GateTable(Assessment assessment) {
        this.assessment = assessment;
        this.counts = null;
        this.pass = null;
    }

    /** The table of {@code assessment}, its findings counted in {@code pass} (over them), run before it prints. */
    GateTable(Assessment assessment, FindingPass pass) {
        this.assessment = assessment;
        this.counts = pass.add(new Counts());
        this.pass = pass;
    }

    /** New, active, suppressed and carried findings. */
    static final class Counts implements FindingPass.Reader {
        private long newCount;
        private long active;
        private long suppressed;
        private long carried;

        @Override
        public void read(int index, Finding finding) {
            if (finding.isSuppressed()) {
                suppressed++;
                return;
            }
            active++;
            if (FindingHistory.isNew(finding)) {
                newCount++;
            }
            if (FindingHistory.isCarried(finding)) {
                carried++;
            }
        }
    }

    void print(PrintWriter out) {
        PolicyEvaluation evaluation = assessment.evaluation();
        Counts counted = counts;
        if (counted == null) {
            // One pass over the findings (a large list is read back from disk at every pass).
            counted = new Counts();
            int index = 0;
            for (Finding finding : assessment.report().findings()) {
                counted.read(index++, finding);
            }
        } else {
            pass.check(counted);
        }
        long newCount = counted.newCount;
        long active = counted.active;
        long suppressed = counted.suppressed;
        long carried = counted.carried;
        out.printf("History: %d new, %d outstanding%s, %d fixed, %d suppressed (build %s%s)%n", newCount,
                active - newCount,
                carried == 0 ? "" : " (" + carried + " carried over from stages not run)",
                assessment.comparison().fixed().size(),
                suppressed, assessment.comparison().build().id(),
                assessment.comparison().hasReference() ? "" : ", no reference build");
        if (!evaluation.gates().isEmpty() || !evaluation.requiredStages().isEmpty()) {
            out.println();
            out.printf("%-24s %-6s %8s %10s  %-18s %s%n", "GATE", "SCOPE", "ACTUAL", "THRESHOLD", "RESULT", "SELECTS");
            for (GateOutcome gate : evaluation.gates()) {
                out.printf("%-24s %-6s %8d %10d  %-18s %s%n", gate.gate().id(), gate.gate().scope(), gate.actual(),
                        gate.gate().threshold(), gate.verdict(), gate.gate().selector().describe());
                if (gate.tripped()) {
                    gate.trippingFindings().stream().limit(LISTED).forEach(f -> out.println("    " + f.severity()
                            + " " + f.ruleId() + (f.location() == null ? "" : " at " + f.location())));
                    if (gate.trippingCount() > LISTED) {
                        out.println("    ... and " + (gate.trippingCount() - LISTED) + " more");
                    }
                }
            }
            for (RequiredStageOutcome stage : evaluation.requiredStages()) {
                out.printf("%-24s %-6s %8s %10s  %-18s %s%n", "stage " + stage.stage(), "", stage.status(),
                        "COMPLETED", stage.verdict(), "required stage");
            }
        }
        if (evaluation.gates().isEmpty() && evaluation.requiredStages().isEmpty()) {
            out.println();
            out.println(AssessmentConsole.NO_GATES);
        }
        evaluation.warnings().forEach(w -> out.println("warning: " + w));
        out.println();
        out.println("Policy: " + evaluation.verdict() + " (security score " + assessment.summary().score() + ")");
    }
}
