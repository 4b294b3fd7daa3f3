package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;

/** Terraform rules for NIFCLOUD: security groups, databases, instances and load balancers. */
public final class NifcloudRules {

    private NifcloudRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every NIFCLOUD rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("nifcloud-sg-rule-open-ingress", Severity.HIGH, "CWE-284",
                        "NIFCLOUD security group rule allows inbound traffic from the internet",
                        "Restrict cidr_ip to known networks, or use source_security_group_name.",
                        "nifcloud_security_group_rule", (r, t, h) -> {
                            if (r.body().text("type").orElse("IN").equalsIgnoreCase("IN")) {
                                r.body().scalar("cidr_ip").filter(ResourceRules::isOpenCidr).ifPresent(s -> h.at(r, s,
                                        "cidr_ip", "inbound traffic from " + s.text()));
                            }
                        }),
                rule("nifcloud-sg-rule-no-description", Severity.LOW, "CWE-710",
                        "NIFCLOUD security group rule has no description",
                        "Describe why each rule exists.", "nifcloud_security_group_rule, nifcloud_security_group",
                        missing("description", "no description")),
                rule("nifcloud-db-public", Severity.HIGH, "CWE-284", "NIFCLOUD database instance is publicly accessible",
                        "Set publicly_accessible = false and reach it over a private LAN.", "nifcloud_db_instance",
                        isTrue("publicly_accessible", "the database has a public address")),
                rule("nifcloud-db-no-backup", Severity.MEDIUM, "CWE-693",
                        "NIFCLOUD database keeps no automated backups",
                        "Set backup_retention_period to at least 1 day.", "nifcloud_db_instance",
                        io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.atLeast("backup_retention_period", 1, 0,
                                "automated backups are off")),
                rule("nifcloud-nas-sg-open", Severity.HIGH, "CWE-284",
                        "NIFCLOUD NAS security group admits the internet", "Restrict cidr_ip in the rule blocks.",
                        "nifcloud_nas_security_group", (r, t, h) -> {
                            for (IacNode.Scalar cidr : r.body().scalars("rule.cidr_ip")) {
                                if (ResourceRules.isOpenCidr(cidr)) {
                                    h.at(r, cidr, "rule.cidr_ip", "file shares reachable from " + cidr.text());
                                }
                            }
                        }),
                rule("nifcloud-router-no-sg", Severity.MEDIUM, "CWE-284",
                        "NIFCLOUD router or VPN gateway has no security group",
                        "Set security_group to a group that admits only the traffic needed.",
                        "nifcloud_router, nifcloud_vpn_gateway", missing("security_group", "all traffic reaches it")),
                rule("nifcloud-dns-verify-record", Severity.LOW, "CWE-200",
                        "NIFCLOUD DNS keeps a domain verification record",
                        "Remove the nifty-dns-verify TXT record once the zone is verified.", "nifcloud_dns_record",
                        (r, t, h) -> r.body().scalar("record").filter(s -> s.text().startsWith("nifty-dns-verify="))
                                .ifPresent(s -> h.at(r, s, "record", "the verification token stays published"))),
                rule("nifcloud-db-sg-open", Severity.HIGH, "CWE-284",
                        "NIFCLOUD DB security group admits the internet", "Restrict cidr_ip in the rule blocks.",
                        "nifcloud_db_security_group", (r, t, h) -> {
                            for (IacNode.Scalar cidr : r.body().scalars("rule.cidr_ip")) {
                                if (ResourceRules.isOpenCidr(cidr)) {
                                    h.at(r, cidr, "rule.cidr_ip", "database reachable from " + cidr.text());
                                }
                            }
                        }),
                rule("nifcloud-instance-common-global", Severity.MEDIUM, "CWE-284",
                        "NIFCLOUD instance is attached to the common global network",
                        "Attach instances to a private LAN and publish services through a load balancer.",
                        "nifcloud_instance, nifcloud_router", (r, t, h) -> {
                            for (IacNode.Scalar network : r.body().scalars("network_interface.network_id")) {
                                if (network.text().equals("net-COMMON_GLOBAL")) {
                                    h.at(r, network, "network_interface.network_id", "the instance has a public address");
                                }
                            }
                        }),
                rule("nifcloud-lb-http", Severity.MEDIUM, "CWE-319", "NIFCLOUD load balancer listens on plain HTTP",
                        "Listen on HTTPS with a certificate.", "nifcloud_elb, nifcloud_elb_listener", (r, t, h) -> {
                            for (IacNode.Scalar protocol : r.body().scalars("protocol")) {
                                if (protocol.text().equalsIgnoreCase("HTTP")) {
                                    h.at(r, protocol, "protocol", "traffic is not encrypted");
                                }
                            }
                        }),
                rule("nifcloud-lb-http-port", Severity.MEDIUM, "CWE-319",
                        "NIFCLOUD load balancer forwards port 80 without TLS",
                        "Listen on 443 with an SSL certificate (ssl_certificate_id).", "nifcloud_load_balancer, "
                                + "nifcloud_load_balancer_listener",
                        (r, t, h) -> r.body().scalar("load_balancer_port").filter(s -> s.text().equals("80"))
                                .filter(s -> !r.body().has("ssl_certificate_id"))
                                .ifPresent(s -> h.at(r, s, "load_balancer_port", "traffic is not encrypted"))));
    }
}
