package io.jenkins.plugins.devsecops.iac.kubernetes;

import static io.jenkins.plugins.devsecops.iac.kubernetes.KubernetesRules.containerRule;
import static io.jenkins.plugins.devsecops.iac.kubernetes.KubernetesRules.podRule;
import static io.jenkins.plugins.devsecops.iac.kubernetes.KubernetesRules.podSpecs;
import static io.jenkins.plugins.devsecops.iac.kubernetes.KubernetesRules.rule;

import io.jenkins.plugins.devsecops.iac.kubernetes.KubernetesRules.Container;
import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Pod Security Standards (baseline and restricted profiles) not covered by {@link KubernetesRules}, and workload
 * hardening beyond them.
 */
final class PodSecurityRules {

    /** Capabilities the baseline profile allows to be added; restricted allows only NET_BIND_SERVICE. */
    private static final Set<String> RESTRICTED_ADDABLE = Set.of("NET_BIND_SERVICE");
    /** The sysctls the baseline profile calls safe. */
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    /** The volume types the restricted profile allows (hostPath has its own rule). */
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("name", "configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret", "hostPath");
    /** The SELinux types the baseline profile allows. */
    private static final Set<String> SELINUX_TYPES = Set.of("container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");
    private static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

    private PodSecurityRules() {
    }

    static List<IacRule> rules() {
        return List.of(
                containerRule("k8s-windows-host-process", Severity.HIGH, "CWE-250",
                        "Windows container runs as a HostProcess container",
                        "Remove securityContext.windowsOptions.hostProcess: HostProcess containers have host access.",
                        (r, c, h) -> c.container().first("securityContext.windowsOptions.hostProcess")
                                .or(() -> c.podSpec().first("securityContext.windowsOptions.hostProcess"))
                                .filter(n -> n instanceof IacNode.Scalar s && s.isTrue())
                                .ifPresent(n -> h.at(r, c.address(), n, "securityContext.windowsOptions.hostProcess",
                                        "hostProcess: true"))),
                containerRule("k8s-added-capabilities", Severity.MEDIUM, "CWE-250",
                        "Container adds Linux capabilities beyond NET_BIND_SERVICE",
                        "Drop ALL capabilities and add back at most NET_BIND_SERVICE (Pod Security Standards, "
                                + "restricted).", (r, c, h) -> {
                            for (IacNode.Scalar capability : c.container().scalars("securityContext.capabilities.add")) {
                                String name = capabilityName(capability);
                                if (!RESTRICTED_ADDABLE.contains(name)
                                        && !KubernetesRules.isDangerousCapability(name)) {
                                    h.at(r, c.address(), capability, "securityContext.capabilities.add",
                                            name + " is added");
                                }
                            }
                        }),
                containerRule("k8s-apparmor-unconfined", Severity.MEDIUM, "CWE-693",
                        "Container runs without AppArmor (unconfined)",
                        "Use the runtime/default AppArmor profile (securityContext.appArmorProfile.type: "
                                + "RuntimeDefault) or a Localhost profile.", PodSecurityRules::appArmorUnconfined),
                containerRule("k8s-selinux-custom-options", Severity.MEDIUM, "CWE-693",
                        "Container sets a custom SELinux user, role or type",
                        "Remove seLinuxOptions.user/role and use one of the container_t types.", (r, c, h) -> {
                            for (IacNode.Mapping context : List.of(c.container(), c.podSpec())) {
                                for (IacNode.Mapping options : context.mappings("securityContext.seLinuxOptions")) {
                                    options.scalar("type").filter(t -> t.isLiteral()
                                            && !SELINUX_TYPES.contains(t.text())).ifPresent(t -> h.at(r, c.address(),
                                            t, "securityContext.seLinuxOptions.type", t.text() + " is not allowed"));
                                    for (String key : new String[] {"user", "role"}) {
                                        options.scalar(key).filter(v -> !v.text().isBlank()).ifPresent(v -> h.at(r,
                                                c.address(), v, "securityContext.seLinuxOptions." + key,
                                                key + " is set"));
                                    }
                                }
                            }
                        }),
                containerRule("k8s-proc-mount-unmasked", Severity.HIGH, "CWE-668",
                        "Container mounts /proc unmasked (procMount: Unmasked)",
                        "Remove securityContext.procMount or set it to Default.", (r, c, h) -> c.security("procMount")
                                .filter(p -> p.isLiteral() && !p.text().equals("Default"))
                                .ifPresent(p -> h.at(r, c.address(), p, "securityContext.procMount",
                                        "procMount " + p.text()))),
                containerRule("k8s-seccomp-not-set", Severity.LOW, "CWE-693", "Container sets no seccomp profile",
                        "Set securityContext.seccompProfile.type: RuntimeDefault on the pod or the container.",
                        (r, c, h) -> {
                            boolean set = c.container().present("securityContext.seccompProfile.type")
                                    || c.podSpec().present("securityContext.seccompProfile.type")
                                    || hasSeccompAnnotation(r, c);
                            if (!set) {
                                h.at(r, c.address(), KubernetesRules.where(c, "seccompProfile"),
                                        "securityContext.seccompProfile", "no seccomp profile");
                            }
                        }),
                podRule("k8s-unsafe-sysctl", Severity.HIGH, "CWE-250", "Pod sets an unsafe sysctl",
                        "Only set the sysctls the Pod Security Standards call safe (e.g. net.ipv4.ip_local_port_range).",
                        (r, t, h) -> {
                            for (IacNode.Mapping spec : podSpecs(r)) {
                                for (IacNode.Mapping sysctl : spec.mappings("securityContext.sysctls")) {
                                    sysctl.scalar("name").filter(n -> n.isLiteral() && !SAFE_SYSCTLS.contains(n.text()))
                                            .ifPresent(n -> h.at(r, n, "securityContext.sysctls",
                                                    n.text() + " is not a safe sysctl"));
                                }
                            }
                        }),
                podRule("k8s-restricted-volume-type", Severity.MEDIUM, "CWE-668",
                        "Pod uses a volume type the restricted profile forbids",
                        "Use configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral or a "
                                + "persistentVolumeClaim; gitRepo in particular can run code on the node.",
                        (r, t, h) -> {
                            for (IacNode.Mapping spec : podSpecs(r)) {
                                for (IacNode.Mapping volume : spec.mappings("volumes")) {
                                    for (Map.Entry<String, IacNode> entry : volume.entries().entrySet()) {
                                        if (!RESTRICTED_VOLUMES.contains(entry.getKey())) {
                                            h.at(r, entry.getValue(), "volumes." + entry.getKey(), "volume "
                                                    + volume.text("name").orElse("") + " is " + entry.getKey());
                                        }
                                    }
                                }
                            }
                        }),
                podRule("k8s-share-process-namespace", Severity.LOW, "CWE-668",
                        "Pod shares one process namespace between its containers",
                        "Remove shareProcessNamespace unless a debugging sidecar needs it.", (r, t, h) -> {
                            for (IacNode.Mapping spec : podSpecs(r)) {
                                spec.scalar("shareProcessNamespace").filter(IacNode.Scalar::isTrue)
                                        .ifPresent(s -> h.at(r, s, "shareProcessNamespace", "shared"));
                            }
                        }),
                containerRule("k8s-run-as-low-uid", Severity.LOW, "CWE-250",
                        "Container runs with a UID below 10000",
                        "Run as a UID of 10000 or more, so it cannot clash with a user of the host.", (r, c, h) ->
                                c.security("runAsUser").or(() -> c.podSecurity("runAsUser"))
                                        .ifPresent(u -> ResourceRules.number(u).filter(n -> n > 0 && n < 10_000)
                                                .ifPresent(n -> h.at(r, c.address(), u, "securityContext.runAsUser",
                                                        "UID " + n)))),
                containerRule("k8s-image-pull-policy", Severity.LOW, "CWE-494",
                        "Container may run a stale cached image (imagePullPolicy is not Always)",
                        "Set imagePullPolicy: Always, or pin the image by digest.", (r, c, h) -> {
                            Optional<IacNode.Scalar> image = c.container().scalar("image");
                            Optional<IacNode.Scalar> policy = c.container().scalar("imagePullPolicy");
                            boolean pinned = image.map(i -> i.text().contains("@sha256:")).orElse(false);
                            if (!pinned && policy.isPresent() && policy.get().isLiteral()
                                    && !policy.get().text().equals("Always")) {
                                h.at(r, c.address(), policy.get(), "imagePullPolicy", policy.get().text());
                            }
                        }),
                containerRule("k8s-secret-as-env", Severity.LOW, "CWE-526",
                        "Container receives a Secret through environment variables",
                        "Mount the Secret as a file: environment variables leak into logs, crash dumps and child "
                                + "processes.", (r, c, h) -> {
                            for (IacNode.Mapping variable : c.container().mappings("env")) {
                                variable.first("valueFrom.secretKeyRef").ifPresent(n -> h.at(r, c.address(), n,
                                        "env.valueFrom.secretKeyRef", variable.text("name").orElse("variable")
                                                + " comes from a Secret"));
                            }
                            for (IacNode.Mapping from : c.container().mappings("envFrom")) {
                                from.get("secretRef").ifPresent(n -> h.at(r, c.address(), n, "envFrom.secretRef",
                                        "every key of a Secret is exported"));
                            }
                        }),
                containerRule("k8s-tiller-deployed", Severity.HIGH, "CWE-284", "Helm v2 Tiller is deployed",
                        "Remove Tiller and move to Helm 3, which has no in-cluster component.", (r, c, h) ->
                                c.container().scalar("image").filter(i -> imageName(i.text()).contains("tiller"))
                                        .ifPresent(i -> h.at(r, c.address(), i, "image", "Tiller image"))),
                containerRule("k8s-dashboard-deployed", Severity.MEDIUM, "CWE-284",
                        "Kubernetes dashboard is deployed",
                        "Do not run the dashboard in production clusters; if needed, expose it only through "
                                + "kubectl proxy with minimal RBAC.", (r, c, h) ->
                                c.container().scalar("image")
                                        .filter(i -> imageName(i.text()).endsWith("kubernetes-dashboard")
                                                || imageName(i.text()).endsWith("/dashboard")
                                                && i.text().contains("kubernetesui"))
                                        .ifPresent(i -> h.at(r, c.address(), i, "image", "dashboard image"))),
                rule("k8s-service-external-ips", Severity.MEDIUM, "CWE-284", "Service sets externalIPs",
                        "Avoid spec.externalIPs (CVE-2020-8554 lets it intercept traffic); use a LoadBalancer or an "
                                + "Ingress.", "Service", (r, t, h) -> r.body().scalars("spec.externalIPs")
                                .forEach(ip -> h.at(r, ip, "spec.externalIPs", ip.text() + " is claimed"))),
                rule("k8s-ingress-nginx-snippet", Severity.HIGH, "CWE-94",
                        "Ingress injects raw NGINX configuration through a snippet annotation",
                        "Remove the *-snippet annotations (CVE-2021-25742, CVE-2025-1974) and disable "
                                + "allow-snippet-annotations in the controller.", "Ingress", (r, t, h) ->
                                r.body().first("metadata.annotations").filter(IacNode.Mapping.class::isInstance)
                                        .map(IacNode.Mapping.class::cast).ifPresent(a -> a.entries().forEach((k, v) -> {
                                            if (k.startsWith("nginx.ingress.kubernetes.io/") && k.endsWith("-snippet")) {
                                                h.at(r, v, "metadata.annotations." + k, k);
                                            }
                                        }))),
                rule("k8s-namespace-no-pod-security", Severity.LOW, "CWE-1188",
                        "Namespace enforces no Pod Security Standard",
                        "Label the namespace pod-security.kubernetes.io/enforce: restricted (or baseline).",
                        "Namespace", (r, t, h) -> {
                            Optional<IacNode.Scalar> level = r.body().first("metadata.labels")
                                    .filter(IacNode.Mapping.class::isInstance).map(IacNode.Mapping.class::cast)
                                    .flatMap(l -> l.scalar("pod-security.kubernetes.io/enforce"));
                            if (level.isEmpty()) {
                                h.missing(r, "metadata.labels", "no pod-security.kubernetes.io/enforce label");
                            } else if (level.get().text().equals("privileged")) {
                                h.at(r, level.get(), "metadata.labels", "enforces privileged");
                            }
                        }),
                rule("k8s-service-account-token-secret", Severity.LOW, "CWE-613",
                        "Secret holds a long-lived service account token",
                        "Use short-lived projected tokens (TokenRequest API) instead of "
                                + "kubernetes.io/service-account-token Secrets.", "Secret", (r, t, h) ->
                                r.body().scalar("type").filter(s -> s.text().equals("kubernetes.io/service-account-token"))
                                        .ifPresent(s -> h.at(r, s, "type", "long-lived token"))),
                containerRule("k8s-no-security-context", Severity.LOW, "CWE-1188",
                        "Neither the container nor its pod sets a securityContext",
                        "Set a securityContext (runAsNonRoot, allowPrivilegeEscalation: false, capabilities.drop: "
                                + "[ALL], seccompProfile) on the pod or the container.", (r, c, h) -> {
                            if (!c.container().has("securityContext") && !c.podSpec().has("securityContext")) {
                                h.at(r, c.address(), c.container(), "securityContext", "no securityContext");
                            }
                        }),
                containerRule("k8s-run-as-root-group", Severity.MEDIUM, "CWE-250",
                        "Container runs with the root group (GID 0)",
                        "Set runAsGroup, fsGroup and supplementalGroups to non-zero GIDs.", (r, c, h) -> {
                            Optional<IacNode.Scalar> group = c.security("runAsGroup").or(() -> c.podSecurity("runAsGroup"));
                            group.filter(g -> g.text().strip().equals("0")).ifPresent(g -> h.at(r, c.address(), g,
                                    "securityContext.runAsGroup", "GID 0"));
                            c.podSecurity("fsGroup").filter(g -> g.text().strip().equals("0")).ifPresent(g -> h.at(r,
                                    c.address(), g, "securityContext.fsGroup", "fsGroup 0"));
                            c.podSpec().scalars("securityContext.supplementalGroups").stream()
                                    .filter(g -> g.text().strip().equals("0")).findFirst().ifPresent(g -> h.at(r,
                                            c.address(), g, "securityContext.supplementalGroups", "group 0"));
                        }),
                podRule("k8s-host-aliases", Severity.LOW, "CWE-15", "Pod rewrites /etc/hosts with hostAliases",
                        "Resolve names through DNS (a Service or an ExternalName) instead of hostAliases.",
                        (r, t, h) -> {
                            for (IacNode.Mapping spec : podSpecs(r)) {
                                spec.get("hostAliases").ifPresent(n -> h.at(r, n, "hostAliases", "hostAliases set"));
                            }
                        }),
                containerRule("k8s-privileged-port", Severity.LOW, "CWE-250",
                        "Container listens on a privileged port (below 1024)",
                        "Listen on a port of 1024 or more and map it in the Service, so no NET_BIND_SERVICE or root "
                                + "is needed.", (r, c, h) -> {
                            for (IacNode.Scalar port : c.container().scalars("ports.containerPort")) {
                                ResourceRules.number(port).filter(p -> p > 0 && p < 1024).ifPresent(p -> h.at(r,
                                        c.address(), port, "ports.containerPort", "port " + p));
                            }
                        }),
                rule("k8s-namespace-no-resource-quota", Severity.LOW, "CWE-770",
                        "Namespace has workloads but no ResourceQuota",
                        "Add a ResourceQuota to every namespace that runs workloads.", KubernetesRules.WORKLOADS,
                        (r, t, h) -> KubernetesRules.firstOfUncoveredNamespace(r, t, h, "ResourceQuota")),
                rule("k8s-namespace-no-limit-range", Severity.LOW, "CWE-770",
                        "Namespace has workloads but no LimitRange",
                        "Add a LimitRange so that containers without requests and limits get defaults.",
                        KubernetesRules.WORKLOADS,
                        (r, t, h) -> KubernetesRules.firstOfUncoveredNamespace(r, t, h, "LimitRange")),
                rule("k8s-default-service-account", Severity.LOW, "CWE-1188",
                        "Default service account mounts its token automatically",
                        "Set automountServiceAccountToken: false on the default ServiceAccount and give workloads "
                                + "dedicated accounts.", "ServiceAccount", (r, t, h) -> {
                            if (!r.name().equals("default")) {
                                return;
                            }
                            Optional<IacNode.Scalar> automount = r.body().scalar("automountServiceAccountToken");
                            if (automount.isEmpty()) {
                                h.missing(r, "automountServiceAccountToken", "token is mounted by default");
                            } else if (!automount.get().isFalse()) {
                                h.at(r, automount.get(), "automountServiceAccountToken", "token is mounted");
                            }
                        }));
    }

    private static String capabilityName(IacNode.Scalar capability) {
        return capability.text().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
    }

    private static String imageName(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return (colon > slash ? name.substring(0, colon) : name).toLowerCase(Locale.ROOT);
    }

    private static Optional<IacNode.Mapping> templateAnnotations(IacResource r) {
        return r.body().first("spec.template.metadata.annotations").or(() -> r.body().first("metadata.annotations"))
                .filter(IacNode.Mapping.class::isInstance).map(IacNode.Mapping.class::cast);
    }

    private static boolean hasSeccompAnnotation(IacResource r, Container c) {
        return templateAnnotations(r).map(a -> a.has("seccomp.security.alpha.kubernetes.io/pod")
                || a.has("container.seccomp.security.alpha.kubernetes.io/" + c.container().text("name").orElse("")))
                .orElse(false);
    }

    private static void appArmorUnconfined(IacResource r, Container c, io.jenkins.plugins.devsecops.iac.rule.RuleHits h) {
        Optional<IacNode> type = c.container().first("securityContext.appArmorProfile.type")
                .or(() -> c.podSpec().first("securityContext.appArmorProfile.type"));
        if (type.isPresent() && type.get() instanceof IacNode.Scalar s && s.text().equals("Unconfined")) {
            h.at(r, c.address(), s, "securityContext.appArmorProfile.type", "Unconfined");
            return;
        }
        String name = c.container().text("name").orElse("");
        templateAnnotations(r).flatMap(a -> a.scalar(APPARMOR_ANNOTATION + name))
                .filter(s -> s.text().equals("unconfined"))
                .ifPresent(s -> h.at(r, c.address(), s, "metadata.annotations", "AppArmor unconfined"));
    }
}
