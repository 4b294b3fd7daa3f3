package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.atLeast;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.requireOneOf;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;

/** Terraform rules for Oracle Cloud Infrastructure (OCI). */
public final class OracleCloudRules {

    private static final String PASSWORDS = "oci_identity_authentication_policy";

    private OracleCloudRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every OCI rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("oci-bucket-public", Severity.HIGH, "CWE-284", "OCI Object Storage bucket is public",
                        "Set access_type = \"NoPublicAccess\".", "oci_objectstorage_bucket",
                        equalsAny("access_type", "anyone may read the objects", "ObjectRead", "ObjectReadWithoutList")),
                rule("oci-bucket-no-versioning", Severity.LOW, "CWE-693", "OCI Object Storage bucket has no versioning",
                        "Set versioning = \"Enabled\".", "oci_objectstorage_bucket",
                        requireOneOf("versioning", "overwritten objects cannot be recovered", "Enabled")),
                rule("oci-bucket-no-events", Severity.LOW, "CWE-778", "OCI Object Storage bucket emits no object events",
                        "Set object_events_enabled = true.", "oci_objectstorage_bucket",
                        notTrue("object_events_enabled", "object changes cannot be monitored")),
                rule("oci-bucket-no-cmk", Severity.LOW, "CWE-311",
                        "OCI Object Storage bucket is not encrypted with a customer managed key", "Set kms_key_id.",
                        "oci_objectstorage_bucket", missing("kms_key_id", "Oracle-managed keys only")),
                rule("oci-instance-legacy-metadata", Severity.MEDIUM, "CWE-918",
                        "OCI instance allows the legacy metadata endpoint (IMDSv1)",
                        "Set instance_options { are_legacy_imds_endpoints_disabled = true }.", "oci_core_instance",
                        notTrue("instance_options.are_legacy_imds_endpoints_disabled",
                                "SSRF can read instance credentials")),
                rule("oci-instance-no-transit-encryption", Severity.LOW, "CWE-319",
                        "OCI instance boot volume traffic is not encrypted in transit",
                        "Set launch_options { is_pv_encryption_in_transit_enabled = true }.", "oci_core_instance",
                        notTrue("launch_options.is_pv_encryption_in_transit_enabled",
                                "boot volume traffic is in clear text")),
                rule("oci-instance-monitoring-disabled", Severity.LOW, "CWE-778", "OCI instance monitoring is disabled",
                        "Remove agent_config { is_monitoring_disabled = true }.", "oci_core_instance",
                        isTrue("agent_config.is_monitoring_disabled", "no metrics are collected")),
                rule("oci-volume-no-backup", Severity.LOW, "CWE-693", "OCI block volume has no backup policy",
                        "Set backup_policy_id (or attach a volume backup policy assignment).", "oci_core_volume",
                        (r, t, h) -> {
                            if (!r.body().has("backup_policy_id") && ResourceRules.companion(t, r,
                                    "oci_core_volume_backup_policy_assignment", "asset_id").isEmpty()) {
                                h.missing(r, "backup_policy_id", "the volume is never backed up");
                            }
                        }),
                rule("oci-file-system-no-cmk", Severity.LOW, "CWE-311",
                        "OCI file system is not encrypted with a customer managed key", "Set kms_key_id.",
                        "oci_file_storage_file_system", missing("kms_key_id", "Oracle-managed keys only")),
                rule("oci-password-short", Severity.MEDIUM, "CWE-521", "OCI password policy allows short passwords",
                        "Set password_policy { minimum_password_length = 14 }.", PASSWORDS,
                        atLeast("password_policy.minimum_password_length", 14, 8, "passwords are too short")),
                rule("oci-password-no-lowercase", Severity.LOW, "CWE-521",
                        "OCI password policy does not require lower-case letters",
                        "Set password_policy { is_lowercase_characters_required = true }.", PASSWORDS,
                        notTrue("password_policy.is_lowercase_characters_required", "lower-case letters are optional")),
                rule("oci-password-no-uppercase", Severity.LOW, "CWE-521",
                        "OCI password policy does not require upper-case letters",
                        "Set password_policy { is_uppercase_characters_required = true }.", PASSWORDS,
                        notTrue("password_policy.is_uppercase_characters_required", "upper-case letters are optional")),
                rule("oci-password-no-numbers", Severity.LOW, "CWE-521", "OCI password policy does not require numbers",
                        "Set password_policy { is_numeric_characters_required = true }.", PASSWORDS,
                        notTrue("password_policy.is_numeric_characters_required", "numbers are optional")),
                rule("oci-password-no-symbols", Severity.LOW, "CWE-521", "OCI password policy does not require symbols",
                        "Set password_policy { is_special_characters_required = true }.", PASSWORDS,
                        notTrue("password_policy.is_special_characters_required", "symbols are optional")),
                rule("oci-security-list-open-admin", Severity.HIGH, "CWE-284",
                        "OCI security list opens SSH or RDP to the internet",
                        "Restrict the source of ingress rules on ports 22 and 3389.", "oci_core_security_list",
                        (r, t, h) -> {
                            for (IacNode.Mapping rule : r.body().mappings("ingress_security_rules")) {
                                openAdmin(r, rule, "source", "ingress_security_rules.source", h);
                            }
                        }),
                rule("oci-nsg-rule-open-admin", Severity.HIGH, "CWE-284",
                        "OCI network security group rule opens SSH or RDP to the internet",
                        "Restrict the source of ingress rules on ports 22 and 3389.",
                        "oci_core_network_security_group_security_rule", (r, t, h) -> {
                            if (r.body().text("direction").filter("INGRESS"::equalsIgnoreCase).isPresent()) {
                                openAdmin(r, r.body(), "source", "source", h);
                            }
                        }));
    }

    private static void openAdmin(io.jenkins.plugins.devsecops.iac.model.IacResource r, IacNode.Mapping rule,
            String sourceKey, String attribute, io.jenkins.plugins.devsecops.iac.rule.RuleHits h) {
        rule.scalar(sourceKey).filter(ResourceRules::isOpenCidr).ifPresent(source -> {
            String protocol = rule.text("protocol").orElse("all");
            long from;
            long to;
            boolean narrowed = !protocol.equals("17") && rule.mapping("tcp_options").isPresent();
            if (narrowed) {
                protocol = "6";
            }
            if (protocol.equals("6") || protocol.equals("17")) {
                IacNode.Mapping options = rule.mapping(protocol.equals("6") ? "tcp_options" : "udp_options")
                        .orElse(null);
                IacNode.Mapping range = options == null ? null
                        : options.mapping("destination_port_range").orElse(options);
                from = range == null ? 0 : ResourceRules.numberAt(range, "min", 0);
                to = range == null ? 65535 : ResourceRules.numberAt(range, "max", 65535);
            } else if (protocol.equalsIgnoreCase("all")) {
                from = 0;
                to = 65535;
            } else {
                return;
            }
            if (ResourceRules.covers(from, to, 22) || ResourceRules.covers(from, to, 3389)) {
                h.at(r, source, attribute, "administrative ports reachable from " + source.text());
            }
        });
    }
}
