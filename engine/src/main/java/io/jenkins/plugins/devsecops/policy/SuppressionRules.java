package io.jenkins.plugins.devsecops.policy;

import java.io.Serializable;

/**
 * What a suppression must carry to be honoured.
 *
 * @param justificationRequired whether a suppression without a reason is refused; {@code null} inherits (default: true)
 * @param maxAgeDays the longest a suppression may last, counted from its creation; {@code null}: no limit/inherit
 */
public record SuppressionRules(Boolean justificationRequired, Integer maxAgeDays) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SuppressionRules {
        if (maxAgeDays != null && maxAgeDays < 1) {
            throw new IllegalArgumentException("maxAgeDays must be at least 1, was " + maxAgeDays);
        }
    }

    /** Nothing set: every value inherited. */
    public static SuppressionRules inherit() {
        return new SuppressionRules(null, null);
    }

    /** Whether a reason is required, defaulting to {@code true}. */
    public boolean requiresJustification() {
        return justificationRequired == null || justificationRequired;
    }
}
