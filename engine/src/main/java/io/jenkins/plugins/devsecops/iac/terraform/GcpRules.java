package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.PortRanges;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Terraform rules for Google Cloud resources. */
public final class GcpRules {

    private static final long NINETY_DAYS_SECONDS = 90L * 24 * 3600;

    private GcpRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every Google Cloud rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("gcp-storage-public", Severity.HIGH, "CWE-284",
                        "Cloud Storage bucket is readable by allUsers or allAuthenticatedUsers",
                        "Grant roles to specific principals only.",
                        "google_storage_bucket_iam_member, google_storage_bucket_iam_binding, "
                                + "google_storage_bucket_acl, google_storage_default_object_acl", (r, t, h) -> {
                            List<IacNode.Scalar> members = new ArrayList<>(r.body().scalars("member"));
                            members.addAll(r.body().scalars("members"));
                            members.addAll(r.body().scalars("role_entity"));
                            for (IacNode.Scalar member : members) {
                                if (member.text().contains("allUsers") || member.text().contains("allAuthenticatedUsers")) {
                                    h.at(r, member, "member", member.text() + " is granted access");
                                }
                            }
                        }),
                rule("gcp-storage-no-uniform-access", Severity.MEDIUM, "CWE-284",
                        "Cloud Storage bucket does not use uniform bucket-level access",
                        "Set uniform_bucket_level_access = true.", "google_storage_bucket",
                        notTrue("uniform_bucket_level_access", "object ACLs can grant access")),
                rule("gcp-storage-no-versioning", Severity.LOW, "CWE-693",
                        "Cloud Storage bucket versioning is disabled", "Add versioning { enabled = true }.",
                        "google_storage_bucket", notTrue("versioning.enabled", "deleted objects cannot be recovered")),
                rule("gcp-compute-public-ip", Severity.MEDIUM, "CWE-284", "Compute instance has a public IP address",
                        "Remove access_config and reach the instance through IAP or a load balancer.",
                        "google_compute_instance, google_compute_instance_template", (r, t, h) -> {
                            for (IacNode.Mapping nic : r.body().mappings("network_interface")) {
                                nic.get("access_config").ifPresent(n -> h.at(r, n, "network_interface.access_config",
                                        "an external IP is attached"));
                            }
                        }),
                rule("gcp-compute-default-sa-full-access", Severity.HIGH, "CWE-250",
                        "Compute instance uses the default service account with full API access",
                        "Use a dedicated service account with only the roles it needs and narrow scopes.",
                        "google_compute_instance, google_compute_instance_template", (r, t, h) -> {
                            for (IacNode.Mapping account : r.body().mappings("service_account")) {
                                boolean defaultAccount = account.text("email")
                                        .map(e -> e.endsWith("-compute@developer.gserviceaccount.com")
                                                || e.equals("default"))
                                        .orElse(true);
                                for (IacNode.Scalar scope : account.scalars("scopes")) {
                                    if (defaultAccount && (scope.text().equals("cloud-platform")
                                            || scope.text().endsWith("/auth/cloud-platform"))) {
                                        h.at(r, scope, "service_account.scopes", "cloud-platform scope");
                                    }
                                }
                            }
                        }),
                rule("gcp-compute-serial-port-enabled", Severity.MEDIUM, "CWE-284",
                        "Compute instance enables interactive serial port access",
                        "Remove serial-port-enable from the metadata.",
                        "google_compute_instance, google_compute_instance_template", (r, t, h) -> {
                            for (IacNode.Scalar value : r.body().scalars("metadata.serial-port-enable")) {
                                if (value.isTrue() || value.text().equals("1")) {
                                    h.at(r, value, "metadata.serial-port-enable", "serial console is reachable");
                                }
                            }
                        }),
                rule("gcp-compute-ip-forwarding", Severity.MEDIUM, "CWE-284", "Compute instance forwards IP packets",
                        "Set can_ip_forward = false unless the instance is a router.",
                        "google_compute_instance, google_compute_instance_template",
                        isTrue("can_ip_forward", "instance may route spoofed traffic")),
                rule("gcp-compute-no-shielded-vm", Severity.LOW, "CWE-693", "Compute instance is not a Shielded VM",
                        "Add shielded_instance_config { enable_secure_boot = true enable_vtpm = true "
                                + "enable_integrity_monitoring = true }.",
                        "google_compute_instance", (r, t, h) -> {
                            Optional<IacNode.Mapping> config = r.body().mapping("shielded_instance_config");
                            if (config.isEmpty()) {
                                h.missing(r, "shielded_instance_config", "no shielded_instance_config");
                            } else {
                                config.get().scalar("enable_secure_boot").filter(s -> !s.isTrue())
                                        .ifPresent(s -> h.at(r, s, "shielded_instance_config.enable_secure_boot",
                                                "secure boot is off"));
                            }
                        }),
                rule("gcp-firewall-open-ssh", Severity.HIGH, "CWE-284", "Firewall opens SSH (22) to the internet",
                        "Restrict source_ranges, or use IAP TCP forwarding (35.235.240.0/20).",
                        "google_compute_firewall", openFirewall(PortRanges.SSH, "SSH")),
                rule("gcp-firewall-open-rdp", Severity.HIGH, "CWE-284", "Firewall opens RDP (3389) to the internet",
                        "Restrict source_ranges to known networks.", "google_compute_firewall",
                        openFirewall(PortRanges.RDP, "RDP")),
                rule("gcp-firewall-open-all-ports", Severity.CRITICAL, "CWE-284",
                        "Firewall opens all ports to the internet", "Allow only the needed protocols and ports.",
                        "google_compute_firewall", openFirewall(-2, "all ports")),
                rule("gcp-sql-open-authorized-network", Severity.HIGH, "CWE-284",
                        "Cloud SQL instance authorizes the whole internet",
                        "Authorize specific networks, or use private IP and the Cloud SQL Auth Proxy.",
                        "google_sql_database_instance", (r, t, h) -> {
                            for (IacNode.Scalar value : r.body()
                                    .scalars("settings.ip_configuration.authorized_networks.value")) {
                                if (ResourceRules.isOpenCidr(value)) {
                                    h.at(r, value, "settings.ip_configuration.authorized_networks",
                                            value.text() + " is authorized");
                                }
                            }
                        }),
                rule("gcp-sql-ssl-not-required", Severity.MEDIUM, "CWE-319",
                        "Cloud SQL instance does not require SSL",
                        "Set ip_configuration { ssl_mode = \"ENCRYPTED_ONLY\" } (or require_ssl = true).",
                        "google_sql_database_instance", (r, t, h) -> {
                            for (IacNode.Scalar value : r.body().scalars("settings.ip_configuration.require_ssl")) {
                                if (value.isFalse()) {
                                    h.at(r, value, "settings.ip_configuration.require_ssl", "SSL is optional");
                                }
                            }
                            for (IacNode.Scalar value : r.body().scalars("settings.ip_configuration.ssl_mode")) {
                                if (value.text().equals("ALLOW_UNENCRYPTED_AND_ENCRYPTED")) {
                                    h.at(r, value, "settings.ip_configuration.ssl_mode", "unencrypted allowed");
                                }
                            }
                            boolean stated = r.body().present("settings.ip_configuration.require_ssl")
                                    || r.body().present("settings.ip_configuration.ssl_mode");
                            if (!stated) {
                                h.missing(r, "settings.ip_configuration.ssl_mode",
                                        "unencrypted connections are allowed by default");
                            }
                        }),
                rule("gcp-sql-no-backup", Severity.MEDIUM, "CWE-693", "Cloud SQL automated backups are disabled",
                        "Add settings { backup_configuration { enabled = true } }.", "google_sql_database_instance",
                        notTrue("settings.backup_configuration.enabled", "backups are off")),
                rule("gcp-gke-legacy-abac", Severity.HIGH, "CWE-284", "GKE cluster enables legacy ABAC",
                        "Set enable_legacy_abac = false and use RBAC.", "google_container_cluster",
                        isTrue("enable_legacy_abac", "legacy authorization is on")),
                rule("gcp-gke-client-certificate", Severity.MEDIUM, "CWE-287",
                        "GKE cluster issues a client certificate",
                        "Set master_auth { client_certificate_config { issue_client_certificate = false } }.",
                        "google_container_cluster",
                        isTrue("master_auth.client_certificate_config.issue_client_certificate",
                                "a long-lived admin credential is issued")),
                rule("gcp-gke-no-network-policy", Severity.MEDIUM, "CWE-284",
                        "GKE cluster has network policy enforcement disabled",
                        "Add network_policy { enabled = true } or use Dataplane V2.", "google_container_cluster",
                        (r, t, h) -> {
                            boolean dataplaneV2 = r.body().text("datapath_provider")
                                    .filter("ADVANCED_DATAPATH"::equals).isPresent();
                            if (!dataplaneV2) {
                                notTrue("network_policy.enabled", "pods can reach each other freely").check(r, t, h);
                            }
                        }),
                rule("gcp-gke-public-nodes", Severity.MEDIUM, "CWE-284", "GKE cluster nodes have public IP addresses",
                        "Add private_cluster_config { enable_private_nodes = true }.", "google_container_cluster",
                        notTrue("private_cluster_config.enable_private_nodes", "nodes are reachable from the internet")),
                rule("gcp-kms-rotation", Severity.MEDIUM, "CWE-320",
                        "KMS crypto key is not rotated at least every 90 days",
                        "Set rotation_period to 7776000s or less.", "google_kms_crypto_key", (r, t, h) -> {
                            Optional<IacNode.Scalar> period = r.body().scalar("rotation_period");
                            if (period.isEmpty()) {
                                h.missing(r, "rotation_period", "no rotation_period");
                                return;
                            }
                            String text = period.get().text().strip();
                            if (text.endsWith("s")) {
                                try {
                                    double seconds = Double.parseDouble(text.substring(0, text.length() - 1));
                                    if (seconds > NINETY_DAYS_SECONDS) {
                                        h.at(r, period.get(), "rotation_period", "rotation every " + text);
                                    }
                                } catch (NumberFormatException e) {
                                    // not a literal duration: unknown
                                }
                            }
                        }),
                rule("gcp-iam-primitive-role", Severity.MEDIUM, "CWE-269",
                        "Project grants the basic Owner or Editor role",
                        "Grant predefined or custom roles with only the needed permissions.",
                        "google_project_iam_member, google_project_iam_binding", (r, t, h) -> r.body().scalar("role")
                                .filter(s -> s.text().equals("roles/owner") || s.text().equals("roles/editor"))
                                .ifPresent(s -> h.at(r, s, "role", s.text() + " is granted"))));
    }

    private static ResourceCheck openFirewall(int port, String what) {
        return (r, t, h) -> {
            String direction = r.body().text("direction").orElse("INGRESS");
            if (!direction.equalsIgnoreCase("INGRESS")) {
                return;
            }
            Optional<IacNode.Scalar> open = r.body().scalars("source_ranges").stream()
                    .filter(ResourceRules::isOpenCidr).findFirst();
            if (open.isEmpty()) {
                return;
            }
            for (IacNode.Mapping allow : r.body().mappings("allow")) {
                String protocol = allow.text("protocol").orElse("all");
                List<IacNode.Scalar> ports = allow.scalars("ports");
                boolean all = protocol.equals("all") || ports.isEmpty() && !protocol.equals("icmp")
                        || ports.stream().anyMatch(p -> PortRanges.isAll(p.text()));
                boolean matches = port == -2 ? all
                        : !all && ports.stream().anyMatch(p -> PortRanges.includes(p.text(), port));
                if (matches) {
                    h.at(r, open.get(), "source_ranges", what + " open to " + open.get().text());
                }
            }
        };
    }
}
