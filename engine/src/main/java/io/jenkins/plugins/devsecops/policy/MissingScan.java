package io.jenkins.plugins.devsecops.policy;

import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.SecurityScore;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A build that had to run stages (required by the global or a folder layer) but never ran a scan at all: every
 * required stage is NOT RUN and fails the policy. Kept on the build and in the cross-job overview like a scan whose
 * required stages did not run, so such pipelines do not stay out of sight.
 *
 * @param build the build id
 * @param time when the build started
 * @param outcomes one FAILED row per required stage, status {@code NOT RUN}
 * @param origins where each required stage came from ({@link PolicyOrigins#stageKey} → layer), e.g. {@code folder team}
 * @param layers the layer lines of the policy that required them, highest first
 */
public record MissingScan(String build, Instant time, List<RequiredStageOutcome> outcomes, Map<String, String> origins,
        List<String> layers) {

    /** The status of a stage the build never ran, in outcomes and summaries. */
    public static final String NOT_RUN = "NOT RUN";

    public MissingScan {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(time, "time");
        outcomes = List.copyOf(outcomes);
        origins = Map.copyOf(origins);
        layers = List.copyOf(layers);
    }

    /** The missing scan of a build without any scan under {@code policy}, empty when it requires no stage. */
    public static Optional<MissingScan> of(LayeredPolicy policy, String build, Instant time) {
        List<String> required = policy.policy().requiredStages();
        if (required.isEmpty()) {
            return Optional.empty();
        }
        List<RequiredStageOutcome> outcomes = new ArrayList<>();
        for (String stage : required) {
            outcomes.add(new RequiredStageOutcome(stage, NOT_RUN, PolicyVerdict.FAILED));
        }
        return Optional.of(new MissingScan(build, time, outcomes, policy.origins(), policy.layers()));
    }

    /** The policy evaluation: FAILED, with the required-stage rows and the layers. */
    public PolicyEvaluation evaluation() {
        return new PolicyEvaluation(PolicyVerdict.FAILED, List.of(), outcomes, List.of(), layers, origins);
    }

    /** The summary the overview and trends read: FAILED, every required stage NOT RUN, no finding. */
    public BuildSummary summary() {
        List<StageCounts> stages = new ArrayList<>();
        for (RequiredStageOutcome outcome : outcomes) {
            stages.add(new StageCounts(outcome.stage(), null, null, null, 0, StageCounts.NOT_RUN));
        }
        int[] none = new int[io.jenkins.plugins.devsecops.model.Severity.values().length];
        return new BuildSummary(build, time, 0, PolicyVerdict.FAILED, stages, 0, 0, 0,
                SecurityScore.compute(none, 0, PolicyVerdict.FAILED), Map.of(), Map.of(), List.of(), 0, null, null);
    }

    /** Where required stage {@code stage} came from, e.g. {@code folder team}; empty when not known. */
    public String origin(String stage) {
        return PolicyOrigins.stage(origins, stage).orElse("");
    }

    /** One line per required stage for the console, e.g. {@code stage dependencies  NOT RUN  FAILED  [from folder team]}. */
    public List<String> consoleLines() {
        List<String> lines = new ArrayList<>();
        lines.add("This build never ran devSecOpsScan, but its policy requires stages: the build fails.");
        for (RequiredStageOutcome outcome : outcomes) {
            String origin = origin(outcome.stage());
            lines.add(String.format(Locale.ROOT, "stage %-26s %-9s %-7s required stage%s", outcome.stage(),
                    outcome.status(), outcome.verdict(), origin.isEmpty() ? "" : "  [from " + origin + "]"));
        }
        return lines;
    }

    /** The result message, e.g. {@code required stages not run (no scan in this build): dependencies (folder team)}. */
    public String message() {
        StringBuilder text = new StringBuilder("required stages not run (no scan in this build): ");
        for (int i = 0; i < outcomes.size(); i++) {
            String stage = outcomes.get(i).stage();
            String origin = origin(stage);
            text.append(i == 0 ? "" : ", ").append(stage).append(origin.isEmpty() ? "" : " (" + origin + ")");
        }
        return text.toString();
    }
}
