package io.jenkins.plugins.devsecops.policy;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective policy of stacked layers, with a warning for every attempt of a lower layer to loosen a higher one,
 * and where each gate and required stage came from.
 *
 * @param policy the effective policy
 * @param warnings each names the layer and the rule it tried to loosen
 * @param layers one line per layer, highest first, naming what it contributed, e.g.
 *     {@code folder team/app: gate no-secrets, tightens fail-on-critical, requires stage secrets}
 * @param origins {@link PolicyOrigins#gateKey gate} and {@link PolicyOrigins#stageKey stage} keys → the layer that
 *     declared it, e.g. {@code folder team/app}, followed by {@code , tightened by step} when a lower layer tightened
 *     it
 */
public record LayeredPolicy(SecurityPolicy policy, List<String> warnings, List<String> layers,
        Map<String, String> origins) implements Serializable {

    private static final long serialVersionUID = 1L;

    public LayeredPolicy {
        warnings = List.copyOf(warnings);
        layers = layers == null ? List.of() : List.copyOf(layers);
        origins = origins == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /** A policy whose layers are not known (one unnamed layer). */
    public LayeredPolicy(SecurityPolicy policy, List<String> warnings) {
        this(policy, warnings, List.of(), Map.of());
    }
}
