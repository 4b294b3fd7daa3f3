package io.jenkins.plugins.devsecops.iac.kubernetes;

import static io.jenkins.plugins.devsecops.iac.kubernetes.KubernetesRules.rule;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RBAC rules about grants that let a subject escalate its own privileges. Grants on {@code *} resources are left to
 * {@code k8s-rbac-wildcard}, so that one wildcard role gives one finding, not ten.
 */
final class RbacRules {

    private static final String ROLES = "Role, ClusterRole";
    private static final String BINDINGS = "RoleBinding, ClusterRoleBinding";

    private RbacRules() {
    }

    /**
     * The first resource of {@code rule} among {@code resources} when it also grants one of {@code verbs} (or all
     * verbs). A wildcard resource is not matched: {@code k8s-rbac-wildcard} reports it.
     */
    static Optional<IacNode.Scalar> grant(IacNode.Mapping rule, Set<String> resources, Set<String> verbs) {
        List<IacNode.Scalar> allowed = rule.scalars("verbs");
        boolean verb = allowed.stream().anyMatch(s -> verbs.contains(s.text()) || s.text().equals("*"));
        return verb ? rule.scalars("resources").stream().filter(s -> resources.contains(s.text())).findFirst()
                : Optional.empty();
    }

    private static IacRule grantRule(String id, Severity severity, String title, String remediation,
            Set<String> resources, Set<String> verbs, String detail) {
        return rule(id, severity, "CWE-269", title, remediation, ROLES, (r, t, h) -> {
            for (IacNode.Mapping rule : r.body().mappings("rules")) {
                grant(rule, resources, verbs).ifPresent(s -> h.at(r, s, "rules.resources", detail));
            }
        });
    }

    static List<IacRule> rules() {
        return List.of(
                grantRule("k8s-rbac-escalate", Severity.HIGH, "RBAC role can escalate roles",
                        "Remove the escalate verb on roles and clusterroles: it lets a subject grant itself any "
                                + "permission.", Set.of("roles", "clusterroles"), Set.of("escalate"),
                        "escalate on roles"),
                grantRule("k8s-rbac-bind", Severity.HIGH, "RBAC role can bind any role",
                        "Remove the bind verb on roles and clusterroles, or restrict it with resourceNames.",
                        Set.of("roles", "clusterroles"), Set.of("bind"), "bind on roles"),
                grantRule("k8s-rbac-impersonate", Severity.HIGH, "RBAC role can impersonate users, groups or "
                                + "service accounts",
                        "Remove the impersonate verb; impersonation inherits every permission of the target.",
                        Set.of("users", "groups", "serviceaccounts", "userextras/scopes", "uids"),
                        Set.of("impersonate"), "impersonate allowed"),
                grantRule("k8s-rbac-modify-bindings", Severity.HIGH, "RBAC role can create or change role bindings",
                        "Only cluster administrators should create or modify (Cluster)RoleBindings.",
                        Set.of("rolebindings", "clusterrolebindings"), Set.of("create", "update", "patch"),
                        "bindings can be written"),
                grantRule("k8s-rbac-webhook-control", Severity.HIGH, "RBAC role controls admission webhooks",
                        "Do not let workloads create, change or delete (Validating|Mutating)WebhookConfigurations.",
                        Set.of("validatingwebhookconfigurations", "mutatingwebhookconfigurations"),
                        Set.of("create", "update", "patch", "delete", "deletecollection"), "webhooks can be changed"),
                grantRule("k8s-rbac-approve-csr", Severity.HIGH, "RBAC role can approve certificate signing requests",
                        "Do not grant update on certificatesigningrequests/approval or approve on signers.",
                        Set.of("certificatesigningrequests/approval", "signers"), Set.of("update", "patch", "approve"),
                        "CSRs can be approved"),
                grantRule("k8s-rbac-nodes-proxy", Severity.HIGH, "RBAC role can reach the kubelet API (nodes/proxy)",
                        "Remove access to nodes/proxy: it bypasses admission and audit to run commands in pods.",
                        Set.of("nodes/proxy"), Set.of("get", "create", "update", "patch"), "nodes/proxy allowed"),
                grantRule("k8s-rbac-manage-secrets", Severity.MEDIUM, "RBAC role can create, change or delete "
                                + "secrets", "Grant write access to secrets only to the controllers that manage them.",
                        Set.of("secrets"), Set.of("create", "update", "patch", "delete", "deletecollection"),
                        "secrets can be written"),
                grantRule("k8s-rbac-service-account-token", Severity.MEDIUM, "RBAC role can mint service account "
                                + "tokens", "Remove create on serviceaccounts/token.",
                        Set.of("serviceaccounts/token"), Set.of("create"), "tokens can be created"),
                grantRule("k8s-rbac-service-status", Severity.MEDIUM, "RBAC role can modify services/status",
                        "Remove update/patch on services/status: it can set status.loadBalancer.ingress.ip to "
                                + "intercept traffic (CVE-2020-8554).", Set.of("services/status"),
                        Set.of("update", "patch"), "services/status can be written"),
                grantRule("k8s-rbac-create-pods", Severity.MEDIUM, "RBAC role can create workloads",
                        "Creating pods (or controllers that create them) lets a subject run as any service account "
                                + "of the namespace; grant it only to deployment tooling.",
                        Set.of("pods", "deployments", "daemonsets", "statefulsets", "replicasets", "jobs",
                                "cronjobs", "replicationcontrollers"), Set.of("create"), "workloads can be created"),
                rule("k8s-default-service-account-binding", Severity.MEDIUM, "CWE-269",
                        "Role is bound to a default service account",
                        "Create a dedicated ServiceAccount for the workload and bind the role to it.", BINDINGS,
                        (r, t, h) -> {
                            for (IacNode.Mapping subject : r.body().mappings("subjects")) {
                                if (subject.text("kind").orElse("").equals("ServiceAccount")
                                        && subject.text("name").orElse("").equals("default")) {
                                    h.at(r, subject, "subjects", "default service account is bound");
                                }
                            }
                        }),
                rule("k8s-anonymous-binding", Severity.CRITICAL, "CWE-306",
                        "Role is bound to anonymous or unauthenticated users",
                        "Remove system:anonymous and system:unauthenticated from the subjects.", BINDINGS,
                        (r, t, h) -> {
                            for (IacNode.Mapping subject : r.body().mappings("subjects")) {
                                subject.scalar("name").filter(n -> n.text().equals("system:anonymous")
                                        || n.text().equals("system:unauthenticated"))
                                        .ifPresent(n -> h.at(r, n, "subjects.name", n.text() + " is bound"));
                            }
                        }));
    }
}
