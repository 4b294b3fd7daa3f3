package io.jenkins.plugins.devsecops.policy;

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
}
