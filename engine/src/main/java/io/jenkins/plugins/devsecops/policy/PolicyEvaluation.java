package io.jenkins.plugins.devsecops.policy;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a policy on one scan: the verdict, and the table that says why.
 *
 * @param verdict PASSED, UNSTABLE or FAILED: the worst of every gate and required stage
 * @param gates one row per gate, in policy order
 * @param requiredStages one row per required stage
 * @param warnings layering warnings and other notes the user should read
 * @param layers the policy's layers, highest first, each with what it contributed ({@link LayeredPolicy#layers()})
 * @param origins which layer declared each gate and required stage ({@link PolicyOrigins})
 */
public record PolicyEvaluation(PolicyVerdict verdict, List<GateOutcome> gates,
        List<RequiredStageOutcome> requiredStages, List<String> warnings, List<String> layers,
        Map<String, String> origins) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PolicyEvaluation {
        Objects.requireNonNull(verdict, "verdict");
        gates = gates == null ? List.of() : List.copyOf(gates);
        requiredStages = requiredStages == null ? List.of() : List.copyOf(requiredStages);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        layers = layers == null ? List.of() : List.copyOf(layers);
        origins = origins == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /** An evaluation whose policy layers are not known. */
    public PolicyEvaluation(PolicyVerdict verdict, List<GateOutcome> gates, List<RequiredStageOutcome> requiredStages,
            List<String> warnings) {
        this(verdict, gates, requiredStages, warnings, List.of(), Map.of());
    }

    /** Where gate {@code id} came from, e.g. {@code folder team/app}; empty when not known. */
    public String gateOrigin(String id) {
        return PolicyOrigins.gate(origins, id).orElse("");
    }

    /** Where required stage {@code stage} came from; empty when not known. */
    public String stageOrigin(String stage) {
        return PolicyOrigins.stage(origins, stage).orElse("");
    }
}
