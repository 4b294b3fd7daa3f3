package io.jenkins.plugins.devsecops.policy;

import java.util.Optional;

import java.io.Serializable;
import java.util.Objects;

/**
 * One layer of policy: global (set by an administrator), folder, repository file, step parameters.
 *
 * @param name the layer's name as warnings show it, e.g. {@code global} or {@code repository (devsecops-policy.yaml)}
 * @param policy what the layer declares
 */
public record PolicyLayer(String name, SecurityPolicy policy) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PolicyLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
    }

    /** The administrator's layer (Jenkins global configuration). */
    public static PolicyLayer global(SecurityPolicy policy) {
        return new PolicyLayer("global", policy);
    }

    /** A folder's layer, named by the folder's full name. */
    public static PolicyLayer folder(String folder, SecurityPolicy policy) {
        return new PolicyLayer("folder " + folder, policy);
    }

    /** The repository's policy file. */
    public static PolicyLayer repository(String file, SecurityPolicy policy) {
        return new PolicyLayer("repository (" + file + ")", policy);
    }

    /** The engine's default policy ({@link SecurityPolicy#defaults()}), in place of a missing repository file. */
    public static PolicyLayer defaults() {
        return new PolicyLayer("default policy", SecurityPolicy.defaults());
    }

    /**
     * The repository's policy file, or the engine's default policy when the repository has none
     * ({@code policy == null}): a policy file replaces the defaults, it does not stack under them.
     */
    public static PolicyLayer repositoryOrDefault(String file, SecurityPolicy policy) {
        return policy == null ? defaults() : repository(file, policy);
    }

    /**
     * The repository's policy file; without one, the engine's default policy when {@code defaultPolicy} is on (the
     * CLI's {@code --no-default-policy} and the plugin's global and step switches turn it off), else no layer.
     */
    public static Optional<PolicyLayer> repositoryOrDefault(String file, SecurityPolicy policy,
            boolean defaultPolicy) {
        if (policy != null) {
            return Optional.of(repository(file, policy));
        }
        return defaultPolicy ? Optional.of(defaults()) : Optional.empty();
    }

    /** The step parameters (in the CLI: command-line options such as {@code --fail-on}). */
    public static PolicyLayer step(SecurityPolicy policy) {
        return new PolicyLayer("step", policy);
    }
}
