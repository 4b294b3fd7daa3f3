package io.jenkins.plugins.devsecops.view;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which findings the findings page shows. Parsed leniently from query parameters: a value that names nothing
 * known is ignored, so a hand-edited URL never breaks the page.
 *
 * @param severity only this severity, or {@code null} for all
 * @param stage only this stage id, or {@code null} for all
 * @param state only this state, or {@code null} for all
 */
public record FindingsFilter(Severity severity, String stage, FindingState state) implements Predicate<Finding> {

    /** Longest stage id accepted from a query parameter. */
    static final int MAX_STAGE_LENGTH = 64;

    public FindingsFilter {
        stage = stage == null || stage.isBlank() ? null : stage.trim();
    }

    /** Shows every finding. */
    public static FindingsFilter all() {
        return new FindingsFilter(null, null, null);
    }

    /** A filter from the raw query parameters; unknown or over-long values mean "all". */
    public static FindingsFilter parse(String severity, String stage, String state) {
        Severity parsedSeverity = severity == null ? null : Arrays.stream(Severity.values())
                .filter(s -> s.name().equalsIgnoreCase(severity.trim())).findFirst().orElse(null);
        String parsedStage = stage == null || stage.length() > MAX_STAGE_LENGTH ? null : stage;
        return new FindingsFilter(parsedSeverity, parsedStage, FindingState.find(state).orElse(null));
    }

    @Override
    public boolean test(Finding finding) {
        return (severity == null || finding.severity() == severity)
                && (stage == null || finding.stage().equals(stage))
                && (state == null || FindingState.of(finding) == state);
    }

    /** The severity filter as a query value, empty for all. */
    public String severityValue() {
        return Optional.ofNullable(severity).map(Severity::name).orElse("");
    }

    /** The stage filter as a query value, empty for all. */
    public String stageValue() {
        return stage == null ? "" : stage;
    }

    /** The state filter as a query value, empty for all. */
    public String stateValue() {
        return Optional.ofNullable(state).map(FindingState::name).orElse("");
    }
}
