package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.policy.FindingSelector;
import io.jenkins.plugins.devsecops.policy.GateAction;
import io.jenkins.plugins.devsecops.policy.GateScope;
import io.jenkins.plugins.devsecops.policy.QualityGate;
import java.util.Locale;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code failOn} shorthand of the Jenkins step: the build is marked when at least one active finding is at
 * {@link #minimum} or more severe. It becomes a quality gate ({@link #toGate}).
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

    /**
     * The threshold as a quality gate of the step's policy layer: one active finding at {@link #minimum} or above
     * trips it. Its id ({@code fail-on-high}, …) is the CLI's {@code --fail-on} gate's, so both word it alike.
     *
     * @param action what the tripped gate does: UNSTABLE or FAILURE
     */
    public QualityGate toGate(GateAction action) {
        return QualityGate.of("fail-on-" + minimum.name().toLowerCase(Locale.ROOT), FindingSelector.atLeast(minimum),
                GateScope.TOTAL, 1, action);
    }
}
