package io.jenkins.plugins.devsecops.policy;

import io.jenkins.plugins.devsecops.model.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A security policy: quality gates, required stages, suppression rules and SLA days per severity. The same model
 * comes from {@code devsecops-policy.yaml} ({@link PolicyYaml}), the Jenkins global and folder configuration and
 * step parameters (via {@link #builder()}); {@link PolicyLayering} stacks the layers.
 *
 * @param gates quality gates, in declaration order, ids unique
 * @param requiredStages stages that must have completed, else the policy fails
 * @param suppressionRules what a suppression must carry to be honoured
 * @param slaDays the days a finding of each severity may stay open; a severity absent has no SLA
 */
public record SecurityPolicy(List<QualityGate> gates, List<String> requiredStages, SuppressionRules suppressionRules,
        Map<Severity, Integer> slaDays) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SecurityPolicy {
        gates = gates == null ? List.of() : List.copyOf(gates);
        Set<String> ids = new HashSet<>();
        for (QualityGate gate : gates) {
            if (!ids.add(gate.id())) {
                throw new IllegalArgumentException("Duplicate gate id '" + gate.id() + "'");
            }
        }
        requiredStages = requiredStages == null ? List.of() : List.copyOf(new TreeSet<>(requiredStages));
        suppressionRules = suppressionRules == null ? SuppressionRules.inherit() : suppressionRules;
        Map<Severity, Integer> sla = new EnumMap<>(Severity.class);
        if (slaDays != null) {
            slaDays.forEach((severity, days) -> {
                if (days == null || days < 1) {
                    throw new IllegalArgumentException("SLA days for " + severity + " must be at least 1, was " + days);
                }
                sla.put(severity, days);
            });
        }
        slaDays = Collections.unmodifiableMap(sla);
    }

    /** A policy with nothing in it: every scan passes. */
    public static SecurityPolicy empty() {
        return new SecurityPolicy(List.of(), List.of(), SuppressionRules.inherit(), Map.of());
    }

    /** The id of the default gate on new critical findings. */
    public static final String DEFAULT_NEW_CRITICAL = "default-new-critical";
    /** The id of the default gate on verified-format secrets. */
    public static final String DEFAULT_VERIFIED_SECRET = "default-verified-secret";

    /**
     * The policy a repository without a policy file gets (documented in {@code docs/policy.md}): FAILURE on any
     * <em>new</em> active CRITICAL finding, and FAILURE on any active secret of a provider's own format (confidence
     * HIGH: AWS, GitHub, Slack, private keys ... outside test code; not the generic entropy rule, whose findings are
     * MEDIUM confidence, nor secrets under test paths, whose confidence is lowered). A policy file replaces it.
     */
    public static SecurityPolicy defaults() {
        return builder()
                .gate(QualityGate.of(DEFAULT_NEW_CRITICAL, FindingSelector.atLeast(Severity.CRITICAL), GateScope.NEW, 1,
                        GateAction.FAILURE))
                .gate(QualityGate.of(DEFAULT_VERIFIED_SECRET, new FindingSelector(null, List.of(), List.of(),
                        List.of(), null, true, null, io.jenkins.plugins.devsecops.model.Confidence.HIGH),
                        GateScope.TOTAL, 1, GateAction.FAILURE))
                .build();
    }

    /** Whether this policy declares no gate and no required stage: every scan passes it. */
    public boolean hasNoGates() {
        return gates.stream().noneMatch(QualityGate::enabled) && requiredStages.isEmpty();
    }

    /** The gate named {@code id}. */
    public Optional<QualityGate> gate(String id) {
        return gates.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The SLA of {@code severity} in days, if it has one. */
    public Optional<Integer> sla(Severity severity) {
        return Optional.ofNullable(slaDays.get(severity));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SecurityPolicy}s, e.g. from Jenkins configuration. Not thread-safe. */
    public static final class Builder {
        private final List<QualityGate> gates = new ArrayList<>();
        private final List<String> requiredStages = new ArrayList<>();
        private Boolean justificationRequired;
        private Integer maxSuppressionAgeDays;
        private final Map<Severity, Integer> slaDays = new EnumMap<>(Severity.class);

        private Builder() {
        }

        public Builder gate(QualityGate gate) {
            gates.add(gate);
            return this;
        }

        /** Adds a gate that fails on any active finding at or above {@code severity} (the CLI's {@code --fail-on}). */
        public Builder failOn(Severity severity) {
            return gate(QualityGate.of("fail-on-" + severity.name().toLowerCase(java.util.Locale.ROOT),
                    FindingSelector.atLeast(severity), GateScope.TOTAL, 1, GateAction.FAILURE));
        }

        public Builder requiredStage(String stage) {
            requiredStages.add(stage);
            return this;
        }

        public Builder justificationRequired(boolean value) {
            justificationRequired = value;
            return this;
        }

        public Builder maxSuppressionAgeDays(int days) {
            maxSuppressionAgeDays = days;
            return this;
        }

        public Builder sla(Severity severity, int days) {
            slaDays.put(severity, days);
            return this;
        }

        public SecurityPolicy build() {
            return new SecurityPolicy(gates, requiredStages,
                    new SuppressionRules(justificationRequired, maxSuppressionAgeDays), slaDays);
        }
    }
}
