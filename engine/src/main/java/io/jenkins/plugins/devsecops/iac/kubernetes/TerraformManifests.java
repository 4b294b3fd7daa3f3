package io.jenkins.plugins.devsecops.iac.kubernetes;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code kubernetes_*} resource of the Terraform Kubernetes provider as the Kubernetes object it declares, so
 * that the manifest rules check it unchanged: block names become camelCase keys ({@code security_context} to
 * {@code securityContext}), repeated blocks that are lists in Kubernetes become lists ({@code container} to
 * {@code containers}), single blocks become objects, and map attributes ({@code annotations}, {@code limits}) keep
 * their keys. Every value keeps its line, so findings point into the {@code .tf} file. A {@code kubernetes_manifest}
 * already holds the object, in Kubernetes' own spelling, in its {@code manifest} attribute.
 */
final class TerraformManifests {

    /** Terraform resource type (without {@code _v1}) to Kubernetes kind. */
    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("kubernetes_pod", "Pod"), Map.entry("kubernetes_deployment", "Deployment"),
            Map.entry("kubernetes_stateful_set", "StatefulSet"), Map.entry("kubernetes_daemonset", "DaemonSet"),
            Map.entry("kubernetes_daemon_set", "DaemonSet"),
            Map.entry("kubernetes_replication_controller", "ReplicationController"),
            Map.entry("kubernetes_job", "Job"), Map.entry("kubernetes_cron_job", "CronJob"),
            Map.entry("kubernetes_role", "Role"), Map.entry("kubernetes_cluster_role", "ClusterRole"),
            Map.entry("kubernetes_role_binding", "RoleBinding"),
            Map.entry("kubernetes_cluster_role_binding", "ClusterRoleBinding"),
            Map.entry("kubernetes_service", "Service"), Map.entry("kubernetes_ingress", "Ingress"),
            Map.entry("kubernetes_secret", "Secret"), Map.entry("kubernetes_config_map", "ConfigMap"),
            Map.entry("kubernetes_namespace", "Namespace"), Map.entry("kubernetes_service_account", "ServiceAccount"),
            Map.entry("kubernetes_network_policy", "NetworkPolicy"));

    /** Repeated blocks named in the singular in Terraform and in the plural in Kubernetes. */
    private static final Map<String, String> BLOCK_LISTS = Map.ofEntries(
            Map.entry("container", "containers"), Map.entry("init_container", "initContainers"),
            Map.entry("ephemeral_container", "ephemeralContainers"), Map.entry("volume", "volumes"),
            Map.entry("port", "ports"), Map.entry("volume_mount", "volumeMounts"), Map.entry("rule", "rules"),
            Map.entry("subject", "subjects"), Map.entry("sysctl", "sysctls"), Map.entry("toleration", "tolerations"),
            Map.entry("host_aliases", "hostAliases"), Map.entry("image_pull_secrets", "imagePullSecrets"),
            Map.entry("path", "paths"));
    /** Names whose Kubernetes counterpart is not their camel case. */
    private static final Map<String, String> RENAMED = Map.of("host_ipc", "hostIPC", "host_pid", "hostPID",
            "external_ips", "externalIPs", "downward_api", "downwardAPI");

    /** Kubernetes keys that hold lists, so that a single block stays a one-item list. */
    private static final Set<String> LISTS = Set.of("containers", "initContainers", "ephemeralContainers", "volumes",
            "ports", "env", "envFrom", "volumeMounts", "rules", "subjects", "tls", "imagePullSecrets", "tolerations",
            "sysctls", "hostAliases", "paths", "items");

    private TerraformManifests() {
    }

    /** The Kubernetes kind a Terraform resource type declares. */
    static Optional<String> kindOf(String type) {
        String base = type.endsWith("_v1") ? type.substring(0, type.length() - 3) : type;
        return Optional.ofNullable(KINDS.get(base));
    }

    /** The Kubernetes object a {@code kubernetes_*} Terraform resource declares, named by its Terraform address. */
    static Optional<IacResource> toObject(IacResource resource) {
        if (resource.platform() != IacPlatform.TERRAFORM || !"resource".equals(resource.category())) {
            return Optional.empty();
        }
        if (resource.type().equals("kubernetes_manifest")) {
            return resource.body().mapping("manifest").filter(m -> m.text("kind").isPresent()).map(manifest -> {
                String kind = manifest.text("kind").orElseThrow();
                String name = manifest.first("metadata.name").filter(IacNode.Scalar.class::isInstance)
                        .map(n -> ((IacNode.Scalar) n).text()).orElse(resource.name());
                return new IacResource(IacPlatform.KUBERNETES, "object", kind, name, resource.address(),
                        resource.path(), resource.line(), manifest);
            });
        }
        return kindOf(resource.type()).map(kind -> {
            IacNode.Mapping body = convert(resource.body(), true);
            String name = body.first("metadata.name").filter(IacNode.Scalar.class::isInstance)
                    .map(n -> ((IacNode.Scalar) n).text()).orElse(resource.name());
            return new IacResource(IacPlatform.KUBERNETES, "object", kind, name, resource.address(), resource.path(),
                    resource.line(), body);
        });
    }

    private static IacNode.Mapping convert(IacNode.Mapping mapping, boolean block) {
        Map<String, IacNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, IacNode> entry : mapping.entries().entrySet()) {
            IacNode value = entry.getValue();
            boolean blockList = value instanceof IacNode.Sequence s && isBlockList(s);
            String key = !block ? entry.getKey()
                    : blockList && BLOCK_LISTS.containsKey(entry.getKey()) ? BLOCK_LISTS.get(entry.getKey())
                    : rename(entry.getKey());
            if (blockList) {
                IacNode.Sequence sequence = (IacNode.Sequence) value;
                List<IacNode> items = new ArrayList<>();
                sequence.items().forEach(item -> items.add(convert((IacNode.Mapping) item, true)));
                value = items.size() == 1 && !LISTS.contains(key) ? items.get(0)
                        : new IacNode.Sequence(items, sequence.line());
            } else if (value instanceof IacNode.Mapping nested) {
                value = convert(nested, false);
            }
            entries.putIfAbsent(key, value);
        }
        return new IacNode.Mapping(entries, mapping.line());
    }

    private static boolean isBlockList(IacNode.Sequence sequence) {
        return !sequence.items().isEmpty() && sequence.items().stream().allMatch(IacNode.Mapping.class::isInstance);
    }

    static String rename(String key) {
        String renamed = RENAMED.get(key);
        if (renamed != null) {
            return renamed;
        }
        StringBuilder camel = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
