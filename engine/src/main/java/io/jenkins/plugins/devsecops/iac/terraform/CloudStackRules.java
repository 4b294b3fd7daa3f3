package io.jenkins.plugins.devsecops.iac.terraform;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.AttributeChecks;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.regex.Pattern;

/** Terraform rules for Apache CloudStack. */
public final class CloudStackRules {

    private static final Pattern SECRET = io.jenkins.plugins.devsecops.iac.rule.CloudFacts.BOOT_SCRIPT_SECRET;

    private CloudStackRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every CloudStack rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("cloudstack-instance-user-data-secret", Severity.HIGH, "CWE-798",
                        "CloudStack instance user data holds a credential",
                        "Fetch credentials at boot from a secret store; user data is readable from the instance "
                                + "metadata.",
                        "cloudstack_instance", (r, t, h) -> r.body().scalar("user_data")
                                .filter(s -> s.isLiteral() && SECRET.matcher(s.text()).find())
                                .ifPresent(s -> h.secretAt(r, s, "user_data", "user data contains a credential"))),
                rule("cloudstack-open-admin-ports", Severity.HIGH, "CWE-284",
                        "CloudStack firewall or security group opens SSH, RDP or every port to the internet",
                        "Restrict cidr_list to known networks.",
                        "cloudstack_firewall, cloudstack_security_group_rule, cloudstack_network_acl_rule",
                        (r, t, h) -> {
                            for (IacNode.Mapping rule : r.body().mappings("rule")) {
                                if (rule.text("traffic_type").filter("egress"::equalsIgnoreCase).isPresent()
                                        || rule.text("action").filter("deny"::equalsIgnoreCase).isPresent()) {
                                    continue;
                                }
                                List<IacNode.Scalar> ports = rule.scalars("ports");
                                boolean allPorts = ports.isEmpty() && !rule.text("protocol").orElse("tcp")
                                        .equalsIgnoreCase("icmp");
                                boolean admin = allPorts || ports.stream().anyMatch(p -> AttributeChecks
                                        .portsCover(p.text(), 22) || AttributeChecks.portsCover(p.text(), 3389));
                                if (admin) {
                                    rule.scalars("cidr_list").stream().filter(ResourceRules::isOpenCidr).findFirst()
                                            .ifPresent(c -> h.at(r, c, "rule.cidr_list",
                                                    "administrative ports reachable from " + c.text()));
                                }
                            }
                        }));
    }
}
