package io.jenkins.plugins.devsecops.imports;

import java.util.Locale;
import java.util.Map;

/**
 * Rules of different tools that check the same thing, for merging: a finding of each about the same file is one
 * problem. Only well-established equivalences of configuration checks, which carry no CWE to match on, are listed.
 */
final class RuleFamilies {

    private static final Map<String, String> FAMILIES = Map.ofEntries(
            // Dockerfile: the container runs as root (no USER, or USER root last)
            Map.entry("ds002", "dockerfile-root-user"), Map.entry("avd-ds-0002", "dockerfile-root-user"),
            Map.entry("ckv_docker_3", "dockerfile-root-user"), Map.entry("ckv_docker_8", "dockerfile-root-user"),
            Map.entry("dl3002", "dockerfile-root-user"),
            // Dockerfile: an image without a pinned tag (:latest)
            Map.entry("ds001", "dockerfile-latest-tag"), Map.entry("avd-ds-0001", "dockerfile-latest-tag"),
            Map.entry("ckv_docker_7", "dockerfile-latest-tag"), Map.entry("dl3007", "dockerfile-latest-tag"),
            // Dockerfile: no HEALTHCHECK
            Map.entry("ds026", "dockerfile-no-healthcheck"), Map.entry("avd-ds-0026", "dockerfile-no-healthcheck"),
            Map.entry("ckv_docker_2", "dockerfile-no-healthcheck"),
            // Dockerfile: ADD where COPY would do
            Map.entry("ds005", "dockerfile-add-instead-of-copy"), Map.entry("avd-ds-0005", "dockerfile-add-instead-of-copy"),
            Map.entry("ckv_docker_4", "dockerfile-add-instead-of-copy"), Map.entry("dl3020", "dockerfile-add-instead-of-copy"),
            // Kubernetes: privileged container
            Map.entry("ksv017", "k8s-privileged"), Map.entry("avd-ksv-0017", "k8s-privileged"),
            Map.entry("ckv_k8s_16", "k8s-privileged"),
            // Kubernetes: privilege escalation allowed
            Map.entry("ksv001", "k8s-privilege-escalation"), Map.entry("avd-ksv-0001", "k8s-privilege-escalation"),
            Map.entry("ckv_k8s_20", "k8s-privilege-escalation"));

    private RuleFamilies() {
    }

    /** The family of a rule id, or {@code null} when it belongs to none. */
    static String familyOf(String ruleId) {
        return ruleId == null ? null : FAMILIES.get(ruleId.trim().toLowerCase(Locale.ROOT));
    }
}
