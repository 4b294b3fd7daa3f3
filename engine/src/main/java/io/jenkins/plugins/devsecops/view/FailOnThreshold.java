package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code failOn} shorthand of the Jenkins step: the build is marked when at least one active finding is at
 * {@link #minimum} or more severe. A stand-in until the policy engine's quality gates are mapped onto the step.
 *
 * @param minimum the least severity that trips the threshold
 */
public record FailOnThreshold(Severity minimum) {

    public FailOnThreshold {
        Objects.requireNonNull(minimum, "minimum");
    }

    /**
     * Parses the step parameter: a severity name in any case; blank or {@code null} means no threshold.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is not a severity
     */
    public static Optional<FailOnThreshold> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new FailOnThreshold(Severity.parse(text)));
    }

    /** Evaluates the threshold on {@code summary}. */
    public Evaluation evaluate(ScanSummary summary) {
        int count = summary.countAtLeast(minimum);
        return new Evaluation(this, count);
    }

    /**
     * The outcome of a threshold on one scan.
     *
     * @param threshold the threshold evaluated
     * @param count the active findings at or above its severity
     */
    public record Evaluation(FailOnThreshold threshold, int count) {

        /** Whether the build must be marked. */
        public boolean isTripped() {
            return count > 0;
        }

        /** One line for the console and the stage's warning, e.g. {@code 3 active findings at HIGH or above}. */
        public String describe() {
            String findings = count == 1 ? "finding" : "findings";
            return count + " active " + findings + " at " + threshold.minimum() + " or above (failOn: "
                    + threshold.minimum() + ")";
        }
    }
}
