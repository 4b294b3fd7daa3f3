package io.jenkins.plugins.devsecops.iac.kubernetes;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.PolicyDocuments;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.iac.rule.ResourceTarget;
import io.jenkins.plugins.devsecops.iac.rule.RuleHits;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules for Kubernetes manifests: pod security, RBAC, networking and secrets. */
public final class KubernetesRules {

    /** Kinds that hold a pod template (at any depth for custom kinds). */
    static final String WORKLOADS = "Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, "
            + "Job, CronJob, DeploymentConfig, Rollout";
    private static final Set<String> DANGEROUS_CAPABILITIES = Set.of("ALL", "SYS_ADMIN", "NET_ADMIN", "NET_RAW",
            "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF");
    private static final int MAX_TEMPLATE_DEPTH = 6;

    private KubernetesRules() {
    }

    /** A container with the pod spec it belongs to and the address findings name it by. */
    record Container(IacNode.Mapping container, IacNode.Mapping podSpec, String address) {

        Optional<IacNode.Scalar> security(String key) {
            return container.mapping("securityContext").flatMap(s -> s.scalar(key));
        }

        Optional<IacNode.Scalar> podSecurity(String key) {
            return podSpec.mapping("securityContext").flatMap(s -> s.scalar(key));
        }
    }

    /** A check of one container. */
    @FunctionalInterface
    interface ContainerCheck {
        void check(IacResource resource, Container container, RuleHits hits);
    }

    static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String kinds, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.KUBERNETES, severity, cwe, title, remediation, kinds, check);
    }

    static IacRule containerRule(String id, Severity severity, String cwe, String title, String remediation,
            ContainerCheck check) {
        return rule(id, severity, cwe, title, remediation, WORKLOADS, (r, t, h) -> {
            for (Container container : containers(r)) {
                check.check(r, container, h);
            }
        });
    }

    static IacRule podRule(String id, Severity severity, String cwe, String title, String remediation,
            ResourceCheck podCheck) {
        return rule(id, severity, cwe, title, remediation, WORKLOADS, podCheck);
    }

    /** The last object whose pod specs and containers were worked out on this thread (rules ask many times). */
    private record Pods(IacNode.Mapping body, String address, List<IacNode.Mapping> specs, List<Container> containers) {
    }

    private static final ThreadLocal<Pods> LAST = new ThreadLocal<>();

    private static Pods pods(IacResource resource) {
        Pods last = LAST.get();
        if (last != null && last.body() == resource.body() && last.address().equals(resource.address())) {
            return last;
        }
        List<IacNode.Mapping> specs = findPodSpecs(resource);
        List<Container> containers = new ArrayList<>();
        for (IacNode.Mapping spec : specs) {
            for (String key : new String[] {"initContainers", "containers", "ephemeralContainers"}) {
                for (IacNode.Mapping container : spec.mappings(key)) {
                    String name = container.text("name").orElse("unnamed");
                    containers.add(new Container(container, spec, resource.address() + " container " + name));
                }
            }
        }
        Pods computed = new Pods(resource.body(), resource.address(), List.copyOf(specs), List.copyOf(containers));
        LAST.set(computed);
        return computed;
    }

    /** The pod specs of a workload: its own for a Pod, else every pod template found under {@code spec}. */
    static List<IacNode.Mapping> podSpecs(IacResource resource) {
        return pods(resource).specs();
    }

    private static List<IacNode.Mapping> findPodSpecs(IacResource resource) {
        List<IacNode.Mapping> specs = new ArrayList<>();
        Optional<IacNode.Mapping> spec = resource.body().mapping("spec");
        if (spec.isEmpty()) {
            return specs;
        }
        if (resource.type().equals("Pod")) {
            specs.add(spec.get());
        } else {
            findPodSpecs(spec.get(), 0, specs);
        }
        return specs;
    }

    private static void findPodSpecs(IacNode.Mapping node, int depth, List<IacNode.Mapping> specs) {
        if (depth > MAX_TEMPLATE_DEPTH) {
            return;
        }
        if (node.get("containers").orElse(null) instanceof IacNode.Sequence) {
            specs.add(node);
            return;
        }
        for (IacNode child : node.entries().values()) {
            if (child instanceof IacNode.Mapping mapping) {
                findPodSpecs(mapping, depth + 1, specs);
            }
        }
    }

    static List<Container> containers(IacResource resource) {
        return pods(resource).containers();
    }

    static IacNode where(Container c, String key) {
        return c.container().mapping("securityContext").flatMap(s -> s.get(key))
                .orElse(c.container().get("securityContext").orElse(c.container()));
    }

    /** Every Kubernetes rule. */
    public static List<IacRule> rules() {
        List<IacRule> all = new ArrayList<>(baseRules());
        all.addAll(PodSecurityRules.rules());
        all.addAll(RbacRules.rules());
        return List.copyOf(all);
    }

    private static List<IacRule> baseRules() {
        return List.of(
                containerRule("k8s-privileged-container", Severity.HIGH, "CWE-250", "Container runs privileged",
                        "Remove securityContext.privileged or set it to false.", (r, c, h) -> c.security("privileged")
                                .filter(IacNode.Scalar::isTrue).ifPresent(s -> h.at(r, c.address(), s,
                                        "securityContext.privileged", "privileged: true"))),
                containerRule("k8s-allow-privilege-escalation", Severity.MEDIUM, "CWE-269",
                        "Container allows privilege escalation",
                        "Set securityContext.allowPrivilegeEscalation: false.", (r, c, h) -> {
                            if (c.security("allowPrivilegeEscalation").filter(IacNode.Scalar::isFalse).isEmpty()) {
                                h.at(r, c.address(), where(c, "allowPrivilegeEscalation"),
                                        "securityContext.allowPrivilegeEscalation", "not set to false");
                            }
                        }),
                containerRule("k8s-run-as-root-user", Severity.HIGH, "CWE-250", "Container runs as user 0 (root)",
                        "Set runAsUser to a non-zero UID and runAsNonRoot: true.", (r, c, h) -> {
                            Optional<IacNode.Scalar> user = c.security("runAsUser");
                            if (user.isEmpty()) {
                                user = c.podSecurity("runAsUser");
                            }
                            user.filter(u -> u.text().strip().equals("0"))
                                    .ifPresent(u -> h.at(r, c.address(), u, "securityContext.runAsUser", "UID 0"));
                        }),
                containerRule("k8s-run-as-non-root-missing", Severity.MEDIUM, "CWE-250",
                        "Container may run as root (runAsNonRoot is not true)",
                        "Set securityContext.runAsNonRoot: true on the pod or the container.", (r, c, h) -> {
                            Optional<IacNode.Scalar> own = c.security("runAsNonRoot");
                            boolean nonRoot = own.isPresent() ? own.get().isTrue()
                                    : c.podSecurity("runAsNonRoot").map(IacNode.Scalar::isTrue).orElse(false);
                            boolean nonZeroUser = c.security("runAsUser").or(() -> c.podSecurity("runAsUser"))
                                    .map(u -> !u.text().strip().equals("0")).orElse(false);
                            if (!nonRoot && !nonZeroUser) {
                                h.at(r, c.address(), where(c, "runAsNonRoot"), "securityContext.runAsNonRoot",
                                        "runAsNonRoot is not true");
                            }
                        }),
                podRule("k8s-host-path-volume", Severity.HIGH, "CWE-668", "Pod mounts a host path",
                        "Use persistent volumes, configMaps or emptyDir instead of hostPath.", (r, t, h) -> {
                            for (IacNode.Mapping spec : podSpecs(r)) {
                                for (IacNode.Mapping volume : spec.mappings("volumes")) {
                                    volume.get("hostPath").ifPresent(n -> h.at(r, n, "volumes.hostPath",
                                            "volume " + volume.text("name").orElse("") + " mounts the host"));
                                }
                            }
                        }),
                podRule("k8s-docker-socket-mount", Severity.CRITICAL, "CWE-250",
                        "Pod mounts the container runtime socket",
                        "Never mount docker.sock/containerd.sock: it gives root on the node.", (r, t, h) -> {
                            for (IacNode.Mapping spec : podSpecs(r)) {
                                for (IacNode.Scalar path : spec.scalars("volumes.hostPath.path")) {
                                    if (path.text().endsWith(".sock")) {
                                        h.at(r, path, "volumes.hostPath.path", path.text() + " is mounted");
                                    }
                                }
                            }
                        }),
                podFlag("k8s-host-network", "hostNetwork", "Pod shares the host network namespace"),
                podFlag("k8s-host-pid", "hostPID", "Pod shares the host process namespace"),
                podFlag("k8s-host-ipc", "hostIPC", "Pod shares the host IPC namespace"),
                containerRule("k8s-dangerous-capabilities", Severity.HIGH, "CWE-250",
                        "Container adds a dangerous Linux capability",
                        "Do not add SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, SYS_MODULE or ALL; drop ALL and add "
                                + "back only what is needed.", (r, c, h) -> {
                            for (IacNode.Scalar capability : c.container().scalars("securityContext.capabilities.add")) {
                                String name = capability.text().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
                                if (DANGEROUS_CAPABILITIES.contains(name)) {
                                    h.at(r, c.address(), capability, "securityContext.capabilities.add",
                                            name + " is added");
                                }
                            }
                        }),
                containerRule("k8s-capabilities-not-dropped", Severity.LOW, "CWE-250",
                        "Container does not drop all capabilities",
                        "Set securityContext.capabilities.drop: [\"ALL\"].", (r, c, h) -> {
                            boolean dropsAll = c.container().scalars("securityContext.capabilities.drop").stream()
                                    .anyMatch(s -> s.text().equalsIgnoreCase("ALL"));
                            if (!dropsAll) {
                                h.at(r, c.address(), where(c, "capabilities"), "securityContext.capabilities.drop",
                                        "ALL is not dropped");
                            }
                        }),
                containerRule("k8s-no-cpu-limit", Severity.LOW, "CWE-770", "Container has no CPU limit",
                        "Set resources.limits.cpu.", resourceSetting("limits", "cpu")),
                containerRule("k8s-no-memory-limit", Severity.MEDIUM, "CWE-770", "Container has no memory limit",
                        "Set resources.limits.memory.", resourceSetting("limits", "memory")),
                containerRule("k8s-no-resource-requests", Severity.LOW, "CWE-770",
                        "Container has no CPU or memory request",
                        "Set resources.requests.cpu and resources.requests.memory (a limit alone also sets the "
                                + "request to the same value).", (r, c, h) -> {
                            List<String> missing = new ArrayList<>();
                            for (String name : new String[] {"cpu", "memory"}) {
                                if (!c.container().present("resources.requests." + name)
                                        && !c.container().present("resources.limits." + name)) {
                                    missing.add(name);
                                }
                            }
                            if (!missing.isEmpty()) {
                                h.at(r, c.address(), c.container().get("resources").orElse(c.container()),
                                        "resources.requests", "no request or limit for " + String.join(" and ", missing));
                            }
                        }),
                containerRule("k8s-image-latest-tag", Severity.MEDIUM, "CWE-494",
                        "Container image uses the latest tag or no tag",
                        "Pin the image to a version tag, ideally with a digest.", (r, c, h) ->
                                c.container().scalar("image").filter(i -> isLatest(i.text()))
                                        .ifPresent(i -> h.at(r, c.address(), i, "image", i.text() + " is mutable"))),
                containerRule("k8s-image-no-digest", Severity.LOW, "CWE-494",
                        "Container image is not pinned by digest",
                        "Reference the image as name@sha256:<digest>.", (r, c, h) -> c.container().scalar("image")
                                .filter(i -> i.isLiteral() && !i.text().contains("@sha256:") && !isLatest(i.text()))
                                .ifPresent(i -> h.at(r, c.address(), i, "image", "no digest"))),
                containerRule("k8s-writable-root-filesystem", Severity.LOW, "CWE-732",
                        "Container root filesystem is writable",
                        "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir where writes are needed.",
                        (r, c, h) -> {
                            if (c.security("readOnlyRootFilesystem").filter(IacNode.Scalar::isTrue).isEmpty()) {
                                h.at(r, c.address(), where(c, "readOnlyRootFilesystem"),
                                        "securityContext.readOnlyRootFilesystem", "not read-only");
                            }
                        }),
                containerRule("k8s-secret-in-env", Severity.HIGH, "CWE-798",
                        "Container environment holds a literal secret",
                        "Reference a Secret with valueFrom.secretKeyRef instead of a literal value.", (r, c, h) -> {
                            for (IacNode.Mapping variable : c.container().mappings("env")) {
                                Optional<String> name = variable.text("name");
                                Optional<IacNode.Scalar> value = variable.scalar("value");
                                if (name.isPresent() && value.isPresent() && PolicyDocuments.isSecretName(name.get())
                                        && PolicyDocuments.isLiteralSecret(value.get())) {
                                    h.add(new io.jenkins.plugins.devsecops.iac.rule.RuleHit(c.address(), r.path(),
                                            value.get().line(), "env." + name.get(), name.get() + " is a literal",
                                            true));
                                }
                            }
                        }),
                containerRule("k8s-host-port", Severity.MEDIUM, "CWE-668", "Container binds a host port",
                        "Expose the port through a Service instead of hostPort.", (r, c, h) -> {
                            for (IacNode.Scalar port : c.container().scalars("ports.hostPort")) {
                                h.at(r, c.address(), port, "ports.hostPort", "hostPort " + port.text());
                            }
                        }),
                containerRule("k8s-no-liveness-probe", Severity.LOW, "CWE-754", "Container has no liveness probe",
                        "Add a livenessProbe so that hung containers are restarted.", (r, c, h) -> {
                            if (!c.container().has("livenessProbe") && needsProbes(r, c)) {
                                h.at(r, c.address(), c.container(), "livenessProbe", "no livenessProbe");
                            }
                        }),
                containerRule("k8s-no-readiness-probe", Severity.LOW, "CWE-754", "Container has no readiness probe",
                        "Add a readinessProbe so that traffic only reaches ready containers.", (r, c, h) -> {
                            if (!c.container().has("readinessProbe") && needsProbes(r, c)) {
                                h.at(r, c.address(), c.container(), "readinessProbe", "no readinessProbe");
                            }
                        }),
                containerRule("k8s-seccomp-unconfined", Severity.MEDIUM, "CWE-693",
                        "Container runs without a seccomp profile (Unconfined)",
                        "Set seccompProfile.type: RuntimeDefault.", (r, c, h) -> {
                            Optional<IacNode.Scalar> type = c.container().first("securityContext.seccompProfile.type")
                                    .or(() -> c.podSpec().first("securityContext.seccompProfile.type"))
                                    .filter(IacNode.Scalar.class::isInstance).map(IacNode.Scalar.class::cast);
                            type.filter(s -> s.text().equals("Unconfined")).ifPresent(s -> h.at(r, c.address(), s,
                                    "securityContext.seccompProfile.type", "Unconfined"));
                        }),
                podRule("k8s-automount-service-account-token", Severity.LOW, "CWE-668",
                        "Pod mounts the service account token automatically",
                        "Set automountServiceAccountToken: false unless the pod calls the Kubernetes API.",
                        (r, t, h) -> {
                            for (IacNode.Mapping spec : podSpecs(r)) {
                                Optional<IacNode.Scalar> value = spec.scalar("automountServiceAccountToken");
                                if (value.isEmpty()) {
                                    h.missing(r, "automountServiceAccountToken", "token is mounted by default");
                                } else if (!value.get().isFalse()) {
                                    h.at(r, value.get(), "automountServiceAccountToken", "token is mounted");
                                }
                            }
                        }),
                podRule("k8s-default-namespace", Severity.LOW, "CWE-1188", "Workload runs in the default namespace",
                        "Deploy workloads to a dedicated namespace with its own policies.", (r, t, h) -> {
                            if (KubernetesObjects.namespace(r).equals("default")) {
                                h.missing(r, "metadata.namespace", "namespace is default");
                            }
                        }),
                rule("k8s-rbac-wildcard", Severity.HIGH, "CWE-269", "RBAC role grants wildcard permissions",
                        "List the API groups, resources and verbs the subject needs.", "Role, ClusterRole",
                        (r, t, h) -> {
                            for (IacNode.Mapping rule : r.body().mappings("rules")) {
                                for (String key : new String[] {"verbs", "resources", "apiGroups"}) {
                                    rule.scalars(key).stream().filter(s -> s.text().equals("*")).findFirst()
                                            .ifPresent(s -> h.at(r, s, "rules." + key, key + " contains '*'"));
                                }
                            }
                        }),
                rule("k8s-cluster-admin-binding", Severity.HIGH, "CWE-269", "Subject is bound to cluster-admin",
                        "Bind a role with only the permissions the subject needs.", "ClusterRoleBinding, RoleBinding",
                        (r, t, h) -> r.body().scalars("roleRef.name").stream()
                                .filter(s -> s.text().equals("cluster-admin"))
                                .forEach(s -> h.at(r, s, "roleRef.name", "cluster-admin is granted"))),
                rule("k8s-rbac-secrets-access", Severity.MEDIUM, "CWE-200", "RBAC role can read secrets",
                        "Grant access to specific secrets with resourceNames, or avoid it.", "Role, ClusterRole",
                        (r, t, h) -> {
                            for (IacNode.Mapping rule : r.body().mappings("rules")) {
                                Optional<IacNode.Scalar> secrets = rule.scalars("resources").stream()
                                        .filter(s -> s.text().equals("secrets")).findFirst();
                                boolean reads = rule.scalars("verbs").stream().anyMatch(
                                        v -> Set.of("get", "list", "watch", "*").contains(v.text()));
                                if (secrets.isPresent() && reads && !rule.has("resourceNames")) {
                                    h.at(r, secrets.get(), "rules.resources", "secrets are readable");
                                }
                            }
                        }),
                rule("k8s-rbac-pod-exec", Severity.MEDIUM, "CWE-269", "RBAC role can exec into pods",
                        "Remove create on pods/exec and pods/attach.", "Role, ClusterRole", (r, t, h) -> {
                            for (IacNode.Mapping rule : r.body().mappings("rules")) {
                                Optional<IacNode.Scalar> exec = rule.scalars("resources").stream()
                                        .filter(s -> s.text().equals("pods/exec") || s.text().equals("pods/attach"))
                                        .findFirst();
                                boolean creates = rule.scalars("verbs").stream()
                                        .anyMatch(v -> v.text().equals("create") || v.text().equals("*"));
                                if (exec.isPresent() && creates) {
                                    h.at(r, exec.get(), "rules.resources", exec.get().text() + " allowed");
                                }
                            }
                        }),
                rule("k8s-missing-network-policy", Severity.MEDIUM, "CWE-284",
                        "Namespace has workloads but no NetworkPolicy",
                        "Add a default-deny NetworkPolicy to the namespace and allow only the needed flows.",
                        WORKLOADS, KubernetesRules::missingNetworkPolicy),
                rule("k8s-service-node-port", Severity.LOW, "CWE-284", "Service is exposed on every node (NodePort)",
                        "Use ClusterIP behind an Ingress or a LoadBalancer with source ranges.", "Service",
                        (r, t, h) -> r.body().scalars("spec.type").stream().filter(s -> s.text().equals("NodePort"))
                                .forEach(s -> h.at(r, s, "spec.type", "NodePort"))),
                rule("k8s-load-balancer-open", Severity.MEDIUM, "CWE-284",
                        "LoadBalancer Service accepts traffic from any source",
                        "Set spec.loadBalancerSourceRanges to the networks that need access.", "Service",
                        (r, t, h) -> r.body().scalars("spec.type").stream()
                                .filter(s -> s.text().equals("LoadBalancer"))
                                .filter(s -> !r.body().present("spec.loadBalancerSourceRanges"))
                                .forEach(s -> h.at(r, s, "spec.type", "no loadBalancerSourceRanges"))),
                rule("k8s-ingress-no-tls", Severity.MEDIUM, "CWE-319", "Ingress serves plain HTTP (no TLS)",
                        "Add spec.tls with a certificate for every host.", "Ingress",
                        ResourceRules.missing("spec.tls", "no spec.tls")),
                rule("k8s-secret-manifest-data", Severity.MEDIUM, "CWE-312",
                        "Secret manifest with literal data is committed",
                        "Keep secrets out of the repository: use Sealed Secrets, SOPS or an external secret store.",
                        "Secret", (r, t, h) -> {
                            for (String key : new String[] {"data", "stringData"}) {
                                r.body().mapping(key).ifPresent(data -> data.entries().forEach((name, value) -> {
                                    if (value instanceof IacNode.Scalar s && !s.text().isBlank()) {
                                        h.secretAt(r, s, key + "." + name, name + " has a literal value");
                                    }
                                }));
                            }
                        }),
                rule("k8s-configmap-secret", Severity.MEDIUM, "CWE-312", "ConfigMap holds a secret",
                        "Move the value to a Secret (managed outside the repository).", "ConfigMap", (r, t, h) ->
                                r.body().mapping("data").ifPresent(data -> {
                                    for (Map.Entry<String, IacNode> entry : data.entries().entrySet()) {
                                        if (PolicyDocuments.isSecretName(entry.getKey())
                                                && entry.getValue() instanceof IacNode.Scalar s
                                                && PolicyDocuments.isLiteralSecret(s)) {
                                            h.secretAt(r, s, "data." + entry.getKey(),
                                                    entry.getKey() + " looks like a secret");
                                        }
                                    }
                                })));
    }

    /** Whether a capability (upper case, without {@code CAP_}) is one {@code k8s-dangerous-capabilities} reports. */
    static boolean isDangerousCapability(String name) {
        return DANGEROUS_CAPABILITIES.contains(name);
    }

    /** Long-running containers need probes; init containers and run-to-completion jobs do not. */
    private static boolean needsProbes(IacResource r, Container c) {
        return !r.type().equals("Job") && !r.type().equals("CronJob")
                && !c.podSpec().mappings("initContainers").contains(c.container());
    }

    private static IacRule podFlag(String id, String key, String title) {
        return podRule(id, Severity.HIGH, "CWE-668", title, "Remove " + key + " or set it to false.", (r, t, h) -> {
            for (IacNode.Mapping spec : podSpecs(r)) {
                spec.scalar(key).filter(IacNode.Scalar::isTrue).ifPresent(s -> h.at(r, s, key, key + ": true"));
            }
        });
    }

    private static ContainerCheck resourceSetting(String group, String name) {
        return (r, c, h) -> {
            if (!c.container().present("resources." + group + "." + name)) {
                h.at(r, c.address(), c.container().first("resources." + group).orElse(
                        c.container().get("resources").orElse(c.container())), "resources." + group + "." + name,
                        "no " + group + "." + name);
            }
        };
    }

    static boolean isLatest(String image) {
        if (image.contains("@sha256:")) {
            return false;
        }
        int slash = image.lastIndexOf('/');
        String last = image.substring(slash + 1);
        int colon = last.indexOf(':');
        return colon < 0 || last.substring(colon + 1).equals("latest");
    }

    private static void missingNetworkPolicy(IacResource r, ResourceTarget t, RuleHits h) {
        firstOfUncoveredNamespace(r, t, h, "NetworkPolicy");
    }

    /** Reports {@code r} when it is the first workload of a namespace that has no object of kind {@code kind}. */
    static void firstOfUncoveredNamespace(IacResource r, ResourceTarget t, RuleHits h, String kind) {
        NamespaceCoverage coverage = t.memo(NamespaceCoverage.MEMO_KEY, NamespaceCoverage::of);
        if (coverage.isFirstOfUncovered(r, kind)) {
            h.missing(r, kind, "namespace " + KubernetesObjects.namespace(r) + " has no " + kind);
        }
    }
}
