package io.jenkins.plugins.devsecops.policy;

import java.io.Serializable;
import java.util.List;

/**
 * The effective policy of stacked layers, with a warning for every attempt of a lower layer to loosen a higher one.
 *
 * @param policy the effective policy
 * @param warnings each names the layer and the rule it tried to loosen
 */
public record LayeredPolicy(SecurityPolicy policy, List<String> warnings) implements Serializable {

    private static final long serialVersionUID = 1L;

    public LayeredPolicy {
        warnings = List.copyOf(warnings);
    }
}
