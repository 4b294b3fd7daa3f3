package io.jenkins.plugins.devsecops.policy;

import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Stacks policy layers, highest first (global, folder, repository file, step parameters). A lower layer may only
 * tighten: add gates, lower thresholds, raise actions, add required stages, shorten SLAs and suppression ages,
 * require justifications. Every attempt to loosen is ignored with a warning naming the layer and the rule.
 */
public final class PolicyLayering {

    private PolicyLayering() {
    }

    /** The effective policy of {@code layers}, highest first. */
    public static LayeredPolicy merge(List<PolicyLayer> layers) {
        Map<String, QualityGate> gates = new LinkedHashMap<>();
        TreeSet<String> requiredStages = new TreeSet<>();
        Boolean justificationRequired = null;
        Integer maxAgeDays = null;
        Map<Severity, Integer> sla = new EnumMap<>(Severity.class);
        List<String> warnings = new ArrayList<>();
        Map<String, String> declaredBy = new LinkedHashMap<>();
        Map<String, List<String>> tightenedBy = new LinkedHashMap<>();
        List<String> layerLines = new ArrayList<>();

        for (PolicyLayer layer : layers) {
            String name = layer.name();
            SecurityPolicy policy = layer.policy();
            List<String> contributed = new ArrayList<>();
            for (QualityGate gate : policy.gates()) {
                QualityGate inherited = gates.get(gate.id());
                if (inherited == null) {
                    if (gate.enabled()) {
                        gates.put(gate.id(), gate);
                        declaredBy.put(PolicyOrigins.gateKey(gate.id()), name);
                        contributed.add("gate " + gate.id());
                    }
                    continue;
                }
                QualityGate merged = tightenGate(name, inherited, gate, warnings);
                if (!merged.equals(inherited)) {
                    tightenedBy.computeIfAbsent(PolicyOrigins.gateKey(gate.id()), k -> new ArrayList<>()).add(name);
                    contributed.add("tightens " + gate.id());
                }
                gates.put(gate.id(), merged);
            }
            for (String stage : policy.requiredStages()) {
                if (requiredStages.add(stage)) {
                    declaredBy.put(PolicyOrigins.stageKey(stage), name);
                    contributed.add("requires stage " + stage);
                }
            }

            SuppressionRules rules = policy.suppressionRules();
            if (rules.justificationRequired() != null) {
                boolean effective = justificationRequired == null || justificationRequired;
                if (rules.justificationRequired()) {
                    justificationRequired = true;
                } else if (effective && justificationRequired != null) {
                    warnings.add(warning(name, "suppressions.justificationRequired",
                            "tried to stop requiring a justification for suppressions"));
                } else if (justificationRequired == null) {
                    justificationRequired = false;
                }
            }
            if (rules.maxAgeDays() != null) {
                if (maxAgeDays == null || rules.maxAgeDays() <= maxAgeDays) {
                    maxAgeDays = rules.maxAgeDays();
                } else {
                    warnings.add(warning(name, "suppressions.maxAgeDays",
                            "tried to raise the maximum suppression age from " + maxAgeDays + " to "
                                    + rules.maxAgeDays() + " days"));
                }
            }
            for (Map.Entry<Severity, Integer> entry : policy.slaDays().entrySet()) {
                Integer current = sla.get(entry.getKey());
                if (current == null || entry.getValue() <= current) {
                    if (!entry.getValue().equals(current)) {
                        contributed.add("SLA " + entry.getKey() + " " + entry.getValue() + " days");
                    }
                    sla.put(entry.getKey(), entry.getValue());
                } else {
                    warnings.add(warning(name, "sla." + entry.getKey(), "tried to raise the SLA from " + current
                            + " to " + entry.getValue() + " days"));
                }
            }
            layerLines.add(name + ": " + (contributed.isEmpty() ? "no gate or required stage of its own"
                    : String.join(", ", contributed)));
        }
        SecurityPolicy effective = new SecurityPolicy(List.copyOf(gates.values()), List.copyOf(requiredStages),
                new SuppressionRules(justificationRequired, maxAgeDays), sla);
        Map<String, String> origins = new LinkedHashMap<>();
        declaredBy.forEach((key, layer) -> {
            List<String> later = tightenedBy.getOrDefault(key, List.of());
            origins.put(key, later.isEmpty() ? layer : layer + ", tightened by " + String.join(", ", later));
        });
        return new LayeredPolicy(effective, warnings, layerLines, origins);
    }

    private static QualityGate tightenGate(String layer, QualityGate inherited, QualityGate gate,
            List<String> warnings) {
        String rule = "gates." + gate.id();
        if (!gate.enabled()) {
            warnings.add(warning(layer, rule, "tried to disable the gate"));
            return inherited;
        }
        if (!gate.selector().equals(inherited.selector())) {
            warnings.add(warning(layer, rule, "tried to change the gate's selector from '"
                    + inherited.selector().describe() + "' to '" + gate.selector().describe()
                    + "' (add a gate with a new id instead)"));
        }
        if (gate.scope() != inherited.scope()) {
            warnings.add(warning(layer, rule, "tried to change the gate's scope from " + inherited.scope() + " to "
                    + gate.scope() + " (add a gate with a new id instead)"));
        }
        QualityGate result = inherited;
        if (gate.threshold() <= inherited.threshold()) {
            result = result.withThreshold(gate.threshold());
        } else {
            warnings.add(warning(layer, rule, "tried to raise the threshold from " + inherited.threshold() + " to "
                    + gate.threshold()));
        }
        if (gate.action().isAtLeast(inherited.action())) {
            result = result.withAction(gate.action());
        } else {
            warnings.add(warning(layer, rule, "tried to lower the result from " + inherited.action() + " to "
                    + gate.action()));
        }
        return result;
    }

    private static String warning(String layer, String rule, String what) {
        return "Policy layer '" + layer + "' " + what + " (" + rule + "): ignored, a lower layer may only tighten";
    }
}
