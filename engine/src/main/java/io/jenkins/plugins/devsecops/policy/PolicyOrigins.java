package io.jenkins.plugins.devsecops.policy;

import java.util.Map;
import java.util.Optional;

/**
 * The keys of a policy's origin map ({@link LayeredPolicy#origins()}, {@link PolicyEvaluation#origins()}): which
 * layer declared a gate or a required stage.
 */
public final class PolicyOrigins {

    private PolicyOrigins() {
    }

    /** The key of gate {@code id}. */
    public static String gateKey(String id) {
        return "gate " + id;
    }

    /** The key of required stage {@code stage}. */
    public static String stageKey(String stage) {
        return "stage " + stage;
    }

    /** Where gate {@code id} came from, e.g. {@code folder team/app}, if known. */
    public static Optional<String> gate(Map<String, String> origins, String id) {
        return Optional.ofNullable(origins.get(gateKey(id)));
    }

    /** Where required stage {@code stage} came from, if known. */
    public static Optional<String> stage(Map<String, String> origins, String stage) {
        return Optional.ofNullable(origins.get(stageKey(stage)));
    }
}
