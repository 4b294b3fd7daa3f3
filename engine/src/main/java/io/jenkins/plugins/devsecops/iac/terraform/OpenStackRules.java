package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.literalSecret;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.iac.rule.RuleHits;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Optional;

/** Terraform rules for OpenStack: security groups, firewall rules, instances, object storage. */
public final class OpenStackRules {

    private static final String GROUPS = "openstack_networking_secgroup_rule_v2, openstack_compute_secgroup_v2";

    private OpenStackRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every OpenStack rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("openstack-secgroup-open-ssh", Severity.HIGH, "CWE-284",
                        "OpenStack security group opens SSH (22) to the internet",
                        "Restrict remote_ip_prefix to known networks.", GROUPS, openIngress(22, "SSH")),
                rule("openstack-secgroup-open-rdp", Severity.HIGH, "CWE-284",
                        "OpenStack security group opens RDP (3389) to the internet",
                        "Restrict remote_ip_prefix to known networks.", GROUPS, openIngress(3389, "RDP")),
                rule("openstack-secgroup-open-all-ports", Severity.CRITICAL, "CWE-284",
                        "OpenStack security group opens every port to the internet",
                        "Allow only the ports needed, from the networks that need them.", GROUPS,
                        openIngress(-2, "every port")),
                rule("openstack-secgroup-no-description", Severity.LOW, "CWE-710",
                        "OpenStack security group has no description", "Describe what the group is for.",
                        "openstack_networking_secgroup_v2, openstack_compute_secgroup_v2",
                        io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.notBlank("description",
                                "reviewers cannot tell what it is for")),
                rule("openstack-secgroup-open-egress", Severity.LOW, "CWE-284",
                        "OpenStack security group rule allows egress to the internet",
                        "Restrict remote_ip_prefix of egress rules.", "openstack_networking_secgroup_rule_v2",
                        (r, t, h) -> {
                            if (r.body().text("direction").filter("egress"::equalsIgnoreCase).isPresent()) {
                                r.body().scalar("remote_ip_prefix").filter(ResourceRules::isOpenCidr).ifPresent(s ->
                                        h.at(r, s, "remote_ip_prefix", "traffic may leave to " + s.text()));
                            }
                        }),
                rule("openstack-instance-admin-password", Severity.HIGH, "CWE-798",
                        "OpenStack instance has a hardcoded admin password",
                        "Remove admin_pass and log in with a key pair (key_pair).", "openstack_compute_instance_v2",
                        literalSecret("the administrator password is in the code", "admin_pass")),
                rule("openstack-fw-rule-no-destination", Severity.MEDIUM, "CWE-284",
                        "OpenStack firewall rule allows traffic to any destination",
                        "Set destination_ip_address (and ports) on allow rules.", "openstack_fw_rule_v1, "
                                + "openstack_fw_rule_v2",
                        (r, t, h) -> {
                            boolean allow = r.body().text("action").map(a -> a.equalsIgnoreCase("allow")).orElse(false);
                            boolean enabled = r.body().scalars("enabled").stream().noneMatch(IacNode.Scalar::isFalse);
                            if (allow && enabled && !r.body().has("destination_ip_address")) {
                                h.missing(r, "destination_ip_address", "no destination address");
                            }
                        }),
                rule("openstack-objectstorage-public", Severity.HIGH, "CWE-284",
                        "OpenStack object storage container is publicly readable",
                        "Remove the .r:* referrer from container_read.", "openstack_objectstorage_container_v1",
                        (r, t, h) -> r.body().scalar("container_read").filter(s -> s.text().contains(".r:*"))
                                .ifPresent(s -> h.at(r, s, "container_read", "anyone may read the objects"))));
    }

    /** An ingress check: {@code port} > 0 for that port, -2 for all ports. */
    private static ResourceCheck openIngress(int port, String what) {
        return (r, t, h) -> {
            if (r.type().equals("openstack_networking_secgroup_rule_v2")) {
                if (!r.body().text("direction").orElse("").equalsIgnoreCase("ingress")) {
                    return;
                }
                String protocol = r.body().text("protocol").orElse("");
                long from = ResourceRules.numberAt(r.body(), "port_range_min", 0);
                long to = ResourceRules.numberAt(r.body(), "port_range_max", from == 0 ? 65535 : from);
                if (protocol.isEmpty() || protocol.equals("any")) {
                    from = 0;
                    to = 65535;
                }
                report(r, r.body().scalar("remote_ip_prefix"), "remote_ip_prefix", from, to, port, what, h);
                if (!r.body().has("remote_ip_prefix") && !r.body().has("remote_group_id")) {
                    boolean matches = port == -2 ? from <= 1 && to >= 65535
                            : !(from <= 1 && to >= 65535) && ResourceRules.covers(from, to, port);
                    if (matches) {
                        h.missing(r, "remote_ip_prefix", what + " open to any address (no remote_ip_prefix)");
                    }
                }
                return;
            }
            for (IacNode.Mapping rule : r.body().mappings("rule")) {
                long from = ResourceRules.numberAt(rule, "from_port", 0);
                long to = ResourceRules.numberAt(rule, "to_port", from);
                if (from == -1 || from == 0 && to == 0) {
                    from = 0;
                    to = 65535;
                }
                report(r, rule.scalar("cidr"), "rule.cidr", from, to, port, what, h);
            }
        };
    }

    private static void report(IacResource r, Optional<IacNode.Scalar> cidr, String attribute, long from, long to,
            int port, String what, RuleHits h) {
        if (cidr.isEmpty() || !ResourceRules.isOpenCidr(cidr.get())) {
            return;
        }
        boolean all = from <= 1 && to >= 65535;
        boolean matches = port == -2 ? all : !all && ResourceRules.covers(from, to, port);
        if (matches) {
            h.at(r, cidr.get(), attribute, what + " reachable from " + cidr.get().text());
        }
    }
}
