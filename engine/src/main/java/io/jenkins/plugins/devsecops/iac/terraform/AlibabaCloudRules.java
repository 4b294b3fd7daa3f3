package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.atLeast;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.atMost;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.openCidr;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.requireOneOf;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.AttributeChecks;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;

/** Terraform rules for Alibaba Cloud (alicloud provider). */
public final class AlibabaCloudRules {

    private static final String PASSWORDS = "alicloud_ram_account_password_policy";

    private AlibabaCloudRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every Alibaba Cloud rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("alicloud-oss-public", Severity.HIGH, "CWE-284", "Alibaba OSS bucket is public",
                        "Set acl = \"private\".", "alicloud_oss_bucket, alicloud_oss_bucket_acl",
                        equalsAny("acl", "anyone may read the objects", "public-read", "public-read-write")),
                rule("alicloud-oss-no-versioning", Severity.LOW, "CWE-693", "Alibaba OSS bucket has no versioning",
                        "Add versioning { status = \"Enabled\" }.", "alicloud_oss_bucket",
                        requireOneOf("versioning.status", "overwritten objects cannot be recovered", "Enabled")),
                rule("alicloud-oss-no-logging", Severity.LOW, "CWE-778", "Alibaba OSS bucket has no access logging",
                        "Add logging { target_bucket = ... }.", "alicloud_oss_bucket",
                        missing("logging", "no access logging")),
                rule("alicloud-oss-no-encryption", Severity.MEDIUM, "CWE-311",
                        "Alibaba OSS bucket has no server-side encryption rule",
                        "Add server_side_encryption_rule { sse_algorithm = \"KMS\" kms_master_key_id = ... }.",
                        "alicloud_oss_bucket", missing("server_side_encryption_rule", "objects are not encrypted")),
                rule("alicloud-disk-unencrypted", Severity.MEDIUM, "CWE-311", "Alibaba disk is not encrypted",
                        "Set encrypted = true.", "alicloud_disk, alicloud_ecs_disk",
                        notTrue("encrypted", "the disk is unencrypted")),
                rule("alicloud-launch-template-disk-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Alibaba launch template data disk is not encrypted",
                        "Set encrypted = true in every data_disks block.", "alicloud_ecs_launch_template",
                        (r, t, h) -> {
                            for (var disk : r.body().mappings("data_disks")) {
                                if (disk.scalar("encrypted").filter(s -> s.isTrue()).isEmpty()) {
                                    h.at(r, disk.get("encrypted").orElse(disk), "data_disks.encrypted",
                                            "data disk is unencrypted");
                                }
                            }
                        }),
                rule("alicloud-db-public", Severity.HIGH, "CWE-284", "Alibaba RDS instance accepts any address",
                        "Restrict security_ips to application networks.", "alicloud_db_instance",
                        openCidr("security_ips", "the whitelist admits the internet")),
                rule("alicloud-db-no-ssl", Severity.MEDIUM, "CWE-319", "Alibaba RDS instance does not use SSL",
                        "Set ssl_action = \"Open\".", "alicloud_db_instance",
                        requireOneOf("ssl_action", "connections are not encrypted", "Open", "Update")),
                rule("alicloud-db-no-tde", Severity.MEDIUM, "CWE-311",
                        "Alibaba RDS instance has transparent data encryption off", "Set tde_status = \"Enabled\".",
                        "alicloud_db_instance", requireOneOf("tde_status", "data files are unencrypted", "Enabled")),
                rule("alicloud-db-no-minor-upgrades", Severity.LOW, "CWE-1104",
                        "Alibaba RDS instance does not take minor version upgrades",
                        "Set auto_upgrade_minor_version = \"Auto\".", "alicloud_db_instance",
                        AttributeChecks.ifSetOneOf("auto_upgrade_minor_version", "security fixes are not applied",
                                "Auto")),
                rule("alicloud-mongodb-public", Severity.HIGH, "CWE-284", "Alibaba MongoDB instance accepts any address",
                        "Restrict security_ip_list to application networks.", "alicloud_mongodb_instance",
                        openCidr("security_ip_list", "the whitelist admits the internet")),
                rule("alicloud-mongodb-no-ssl", Severity.MEDIUM, "CWE-319", "Alibaba MongoDB instance does not use SSL",
                        "Set ssl_action = \"Open\".", "alicloud_mongodb_instance",
                        requireOneOf("ssl_action", "connections are not encrypted", "Open", "Update")),
                rule("alicloud-kms-no-rotation", Severity.MEDIUM, "CWE-320", "Alibaba KMS key rotation is off",
                        "Set automatic_rotation = \"Enabled\" and a rotation_interval.", "alicloud_kms_key",
                        requireOneOf("automatic_rotation", "key material is never rotated", "Enabled")),
                rule("alicloud-actiontrail-partial", Severity.MEDIUM, "CWE-778",
                        "Alibaba ActionTrail does not record every event in every region",
                        "Set event_rw = \"All\" and trail_region = \"All\".", "alicloud_actiontrail_trail",
                        (r, t, h) -> {
                            AttributeChecks.ifSetOneOf("event_rw", "some events are not recorded", "All")
                                    .check(r, t, h);
                            AttributeChecks.ifSetOneOf("trail_region", "some regions are not recorded", "All")
                                    .check(r, t, h);
                        }),
                rule("alicloud-sg-open-admin", Severity.HIGH, "CWE-284",
                        "Alibaba security group rule opens SSH or RDP to the internet",
                        "Restrict cidr_ip to known networks.", "alicloud_security_group_rule", (r, t, h) -> {
                            if (!r.body().text("type").orElse("ingress").equals("ingress")
                                    || r.body().text("policy").filter("drop"::equals).isPresent()) {
                                return;
                            }
                            String ports = r.body().text("port_range").orElse("-1/-1");
                            boolean allProtocols = r.body().text("ip_protocol").filter("all"::equals).isPresent();
                            if (allProtocols || AttributeChecks.portsCover(ports, 22)
                                    || AttributeChecks.portsCover(ports, 3389)) {
                                r.body().scalar("cidr_ip").filter(ResourceRules::isOpenCidr).ifPresent(s -> h.at(r, s,
                                        "cidr_ip", "administrative ports reachable from " + s.text()));
                            }
                        }),
                rule("alicloud-api-gateway-http", Severity.MEDIUM, "CWE-319", "Alibaba API Gateway API accepts HTTP",
                        "Set request_config { protocol = \"HTTPS\" }.", "alicloud_api_gateway_api",
                        (r, t, h) -> r.body().scalars("request_config.protocol").stream()
                                .filter(s -> s.isLiteral() && s.text().toUpperCase(java.util.Locale.ROOT)
                                        .matches("HTTP(,HTTPS)?|HTTPS,HTTP"))
                                .findFirst().ifPresent(s -> h.at(r, s, "request_config.protocol",
                                        "requests may travel in clear text"))),
                rule("alicloud-ram-password-short", Severity.MEDIUM, "CWE-521",
                        "Alibaba RAM password policy allows short passwords", "Set minimum_password_length = 14.",
                        PASSWORDS, atLeast("minimum_password_length", 14, 8, "passwords are too short")),
                rule("alicloud-ram-password-no-numbers", Severity.LOW, "CWE-521",
                        "Alibaba RAM password policy does not require numbers", "Set require_numbers = true.",
                        PASSWORDS, ResourceRules.isFalse("require_numbers", "numbers are optional")),
                rule("alicloud-ram-password-no-symbols", Severity.LOW, "CWE-521",
                        "Alibaba RAM password policy does not require symbols", "Set require_symbols = true.",
                        PASSWORDS, ResourceRules.isFalse("require_symbols", "symbols are optional")),
                rule("alicloud-ram-password-no-lowercase", Severity.LOW, "CWE-521",
                        "Alibaba RAM password policy does not require lower-case letters",
                        "Set require_lowercase_characters = true.", PASSWORDS,
                        ResourceRules.isFalse("require_lowercase_characters", "lower-case letters are optional")),
                rule("alicloud-ram-password-no-uppercase", Severity.LOW, "CWE-521",
                        "Alibaba RAM password policy does not require upper-case letters",
                        "Set require_uppercase_characters = true.", PASSWORDS,
                        ResourceRules.isFalse("require_uppercase_characters", "upper-case letters are optional")),
                rule("alicloud-ram-password-no-expiry", Severity.LOW, "CWE-262",
                        "Alibaba RAM passwords do not expire within 90 days", "Set max_password_age = 90 or less.",
                        PASSWORDS, (r, t, h) -> {
                            var age = r.body().scalar("max_password_age");
                            if (age.isEmpty()) {
                                h.missing(r, "max_password_age", "passwords never expire");
                            } else {
                                ResourceRules.number(age.get()).filter(n -> n <= 0 || n > 90).ifPresent(n -> h.at(r,
                                        age.get(), "max_password_age", "passwords live " + n + " days"));
                            }
                        }),
                rule("alicloud-ram-password-reuse", Severity.LOW, "CWE-521",
                        "Alibaba RAM password policy allows password reuse", "Set password_reuse_prevention = 24.",
                        PASSWORDS, atLeast("password_reuse_prevention", 24, 0, "old passwords may be reused")),
                rule("alicloud-ram-password-login-attempts", Severity.LOW, "CWE-307",
                        "Alibaba RAM password policy allows more than 5 failed logins",
                        "Set max_login_attempts = 5 or less.", PASSWORDS,
                        atMost("max_login_attempts", 5, 5, "brute force is easier")),
                rule("alicloud-ram-no-mfa", Severity.MEDIUM, "CWE-308", "Alibaba RAM does not enforce MFA at login",
                        "Set enforce_mfa_for_login = true.", "alicloud_ram_security_preference",
                        notTrue("enforce_mfa_for_login", "users log in with a password only")));
    }
}
