package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.AttributeChecks;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Optional;

/** Terraform rules for DigitalOcean: Spaces, droplets, firewalls, load balancers, databases and Kubernetes. */
public final class DigitalOceanRules {

    private DigitalOceanRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every DigitalOcean rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("do-spaces-public", Severity.HIGH, "CWE-284", "DigitalOcean Spaces bucket is publicly readable",
                        "Set acl = \"private\".", "digitalocean_spaces_bucket, digitalocean_spaces_bucket_object",
                        equalsAny("acl", "anyone can list and read the objects", "public-read")),
                rule("do-spaces-no-versioning", Severity.LOW, "CWE-693", "DigitalOcean Spaces bucket has no versioning",
                        "Add versioning { enabled = true }.", "digitalocean_spaces_bucket",
                        notTrue("versioning.enabled", "deleted or overwritten objects cannot be recovered")),
                rule("do-spaces-force-destroy", Severity.LOW, "CWE-693",
                        "DigitalOcean Spaces bucket can be destroyed with its objects",
                        "Remove force_destroy = true.", "digitalocean_spaces_bucket",
                        ResourceRules.isTrue("force_destroy", "terraform destroy deletes every object")),
                rule("do-firewall-open-egress", Severity.LOW, "CWE-284",
                        "DigitalOcean firewall allows all outbound traffic to the internet",
                        "Allow outbound traffic only to the destinations the droplets need.", "digitalocean_firewall",
                        (r, t, h) -> {
                            for (IacNode.Mapping rule : r.body().mappings("outbound_rule")) {
                                rule.scalars("destination_addresses").stream().filter(ResourceRules::isOpenCidr)
                                        .findFirst().ifPresent(s -> h.at(r, s, "outbound_rule.destination_addresses",
                                                "traffic may leave to " + s.text()));
                            }
                        }),
                rule("do-droplet-no-ssh-key", Severity.MEDIUM, "CWE-287", "Droplet has no SSH key",
                        "Set ssh_keys so that root logs in by key, not by an e-mailed password.",
                        "digitalocean_droplet", missing("ssh_keys", "root gets a password instead of a key")),
                rule("do-firewall-open-ingress", Severity.HIGH, "CWE-284",
                        "DigitalOcean firewall opens an administrative or all ports to the internet",
                        "Restrict source_addresses to known networks for SSH, RDP, databases and port ranges.",
                        "digitalocean_firewall", (r, t, h) -> {
                            for (IacNode.Mapping rule : r.body().mappings("inbound_rule")) {
                                String ports = rule.text("port_range").orElse("");
                                String protocol = rule.text("protocol").orElse("tcp");
                                if (protocol.equals("icmp")) {
                                    continue;
                                }
                                boolean sensitive = AttributeChecks.portsCover(ports, 22)
                                        || AttributeChecks.portsCover(ports, 3389)
                                        || AttributeChecks.portsCover(ports, -2)
                                        || rule.scalar("port_range").isPresent() && isDatabasePort(ports);
                                Optional<IacNode.Scalar> open = rule.scalars("source_addresses").stream()
                                        .filter(ResourceRules::isOpenCidr).findFirst();
                                if (sensitive && open.isPresent()) {
                                    h.at(r, open.get(), "inbound_rule.source_addresses",
                                            "port " + (ports.isEmpty() ? "all" : ports) + " open to " + open.get().text());
                                }
                            }
                        }),
                rule("do-loadbalancer-http", Severity.MEDIUM, "CWE-319",
                        "DigitalOcean load balancer serves plain HTTP without redirecting",
                        "Forward https and set redirect_http_to_https = true.", "digitalocean_loadbalancer",
                        (r, t, h) -> {
                            boolean redirect = r.body().scalars("redirect_http_to_https").stream()
                                    .anyMatch(IacNode.Scalar::isTrue);
                            for (IacNode.Scalar protocol : r.body().scalars("forwarding_rule.entry_protocol")) {
                                if (!redirect && protocol.text().equalsIgnoreCase("http")) {
                                    h.at(r, protocol, "forwarding_rule.entry_protocol", "traffic is not encrypted");
                                }
                            }
                        }),
                rule("do-database-no-firewall", Severity.MEDIUM, "CWE-284",
                        "DigitalOcean database cluster accepts connections from anywhere",
                        "Add digitalocean_database_firewall rules for the droplets, tags or addresses that need it.",
                        "digitalocean_database_cluster",
                        AttributeChecks.noCompanion("digitalocean_database_firewall", "cluster_id",
                                "no digitalocean_database_firewall refers to it")),
                rule("do-kubernetes-no-auto-upgrade", Severity.LOW, "CWE-1104",
                        "DigitalOcean Kubernetes cluster does not upgrade patch versions",
                        "Set auto_upgrade = true with a maintenance_policy.", "digitalocean_kubernetes_cluster",
                        notTrue("auto_upgrade", "security patches are not applied")),
                rule("do-kubernetes-no-surge-upgrade", Severity.LOW, "CWE-693",
                        "DigitalOcean Kubernetes cluster upgrades without surge nodes",
                        "Set surge_upgrade = true so that upgrades do not take capacity away.",
                        "digitalocean_kubernetes_cluster", ResourceRules.isFalse("surge_upgrade",
                                "upgrades drain nodes without replacements")));
    }

    private static boolean isDatabasePort(String ports) {
        long[] span = AttributeChecks.ports(ports);
        return span != null && io.jenkins.plugins.devsecops.iac.rule.PortRanges.databasePortIn(span[0], span[1]) != null;
    }
}
