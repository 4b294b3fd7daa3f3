package io.jenkins.plugins.devsecops.iac.kubernetes;

import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Kubernetes rules applied to the resources of the Terraform Kubernetes provider ({@code kubernetes_pod},
 * {@code kubernetes_deployment_v1}, {@code kubernetes_cluster_role}, ...). Each rule here is a manifest rule run on
 * the object the resource declares (see {@link TerraformManifests}); it is named {@code kubernetes-...} after the
 * manifest rule {@code k8s-...} and reports in Terraform terms (file, line, address such as
 * {@code kubernetes_deployment.web container app}).
 */
public final class KubernetesTerraformRules {

    /** What {@code kinds.split("\\s*,\\s*")} compiled at every call. */
    private static final Pattern KIND_SEPARATOR = Pattern.compile("\\s*,\\s*");

    /** The manifest rules with a Terraform twin. Rules about whole manifest sets (network policies) are left out. */
    private static final List<String> MIRRORED = List.of("k8s-privileged-container", "k8s-allow-privilege-escalation",
            "k8s-run-as-root-user", "k8s-run-as-non-root-missing", "k8s-host-path-volume", "k8s-docker-socket-mount",
            "k8s-host-network", "k8s-host-pid", "k8s-host-ipc", "k8s-dangerous-capabilities",
            "k8s-capabilities-not-dropped", "k8s-added-capabilities", "k8s-no-cpu-limit", "k8s-no-memory-limit",
            "k8s-no-resource-requests", "k8s-image-latest-tag", "k8s-image-no-digest", "k8s-writable-root-filesystem",
            "k8s-secret-in-env", "k8s-host-port", "k8s-no-liveness-probe", "k8s-no-readiness-probe",
            "k8s-seccomp-unconfined", "k8s-automount-service-account-token", "k8s-default-namespace",
            "k8s-proc-mount-unmasked", "k8s-unsafe-sysctl", "k8s-share-process-namespace", "k8s-image-pull-policy",
            "k8s-secret-as-env", "k8s-tiller-deployed", "k8s-restricted-volume-type", "k8s-rbac-wildcard",
            "k8s-cluster-admin-binding", "k8s-rbac-secrets-access", "k8s-rbac-pod-exec", "k8s-rbac-escalate",
            "k8s-rbac-bind", "k8s-rbac-impersonate", "k8s-default-service-account-binding", "k8s-anonymous-binding",
            "k8s-default-service-account", "k8s-service-node-port", "k8s-load-balancer-open", "k8s-ingress-no-tls",
            "k8s-service-external-ips", "k8s-namespace-no-pod-security", "k8s-no-security-context",
            "k8s-run-as-root-group", "k8s-privileged-port", "k8s-rbac-manage-secrets");

    private KubernetesTerraformRules() {
    }

    /** The Terraform twin of each mirrored rule of {@code manifestRules}, in the order of {@link #MIRRORED}. */
    public static List<IacRule> rules(List<IacRule> manifestRules) {
        Map<String, IacRule> byId = manifestRules.stream().collect(Collectors.toMap(IacRule::id, Function.identity()));
        Map<String, List<String>> typesByKind = typesByKind();
        List<IacRule> rules = new ArrayList<>();
        for (String id : MIRRORED) {
            IacRule manifest = byId.get(id);
            if (manifest == null) {
                throw new IllegalStateException("No Kubernetes rule " + id + " to mirror");
            }
            rules.add(mirror(manifest, typesByKind));
        }
        return List.copyOf(rules);
    }

    /** The Terraform twins of the built-in Kubernetes rules. */
    public static List<IacRule> rules() {
        return rules(KubernetesRules.rules());
    }

    private static IacRule mirror(IacRule manifest, Map<String, List<String>> typesByKind) {
        SortedSet<String> types = terraformTypes(manifest.appliesTo(), typesByKind);
        return IacRule.builder("kubernetes-" + manifest.id().substring("k8s-".length()), IacPlatform.TERRAFORM)
                .severity(manifest.severity()).cwe(manifest.cwe()).title(manifest.title())
                .remediation(manifest.remediation() + " In Terraform the settings are the snake_case blocks and "
                        + "attributes of the same names (security_context, run_as_non_root, ...).")
                .appliesTo(String.join(", ", types))
                .resourceTypes(types)
                .check((target, hits) -> {
                    if (target instanceof ResourceTarget resourceTarget
                            && resourceTarget.resource().type().startsWith("kubernetes_")) {
                        IacResource resource = resourceTarget.resource();
                        Optional<IacResource> object = resourceTarget.memo("k8s-manifest\u0000" + resource.address()
                                + '\u0000' + resource.path() + '\u0000' + resource.line(),
                                unit -> TerraformManifests.toObject(resource));
                        object.ifPresent(o -> manifest.check().check(new ResourceTarget(o, List.of(o)), hits));
                    }
                });
    }

    /**
     * The Terraform resource types of the Kubernetes kinds listed in {@code kinds} (both spellings, such as
     * {@code kubernetes_role} and {@code kubernetes_role_v1}), and {@code kubernetes_manifest}.
     */
    private static SortedSet<String> terraformTypes(String kinds, Map<String, List<String>> typesByKind) {
        TreeSet<String> types = new TreeSet<>();
        for (String kind : KIND_SEPARATOR.split(kinds)) {
            types.addAll(typesByKind.getOrDefault(kind, List.of()));
        }
        types.add("kubernetes_manifest");
        return types;
    }

    /** Kubernetes kind to the Terraform resource types declaring it, with and without {@code _v1}; made once per load. */
    private static Map<String, List<String>> typesByKind() {
        Map<String, List<String>> byKind = new HashMap<>();
        TerraformManifests.KINDS.forEach((type, kind) -> {
            List<String> types = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
            types.add(type);
            types.add(type + "_v1");
        });
        return byKind;
    }
}
