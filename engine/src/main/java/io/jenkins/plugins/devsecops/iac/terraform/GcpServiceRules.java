package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.declared;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.requireOneOf;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.when;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isFalse;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Terraform rules for Google Cloud beyond {@link GcpRules}: IAM, Compute metadata, GKE hardening, Cloud SQL flags,
 * Storage, BigQuery, Cloud DNS, KMS, networking and other services.
 */
public final class GcpServiceRules {

    private static final String INSTANCES = "google_compute_instance, google_compute_instance_template, "
            + "google_compute_instance_from_template";
    private static final String PROJECT_IAM = "google_project_iam_member, google_project_iam_binding";
    private static final String SQL = "google_sql_database_instance";
    private static final String CLUSTER = "google_container_cluster";
    private static final Set<String> PUBLIC_MEMBERS = Set.of("allusers", "allauthenticatedusers");

    private GcpServiceRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every rule of this class. */
    public static List<IacRule> rules() {
        List<IacRule> rules = new ArrayList<>();
        rules.addAll(iamAndCompute());
        rules.addAll(gke());
        rules.addAll(sqlFlags());
        rules.addAll(dataAndNetwork());
        return rules;
    }

    private static List<IacRule> iamAndCompute() {
        return List.of(
                rule("gcp-iam-sa-user-at-project", Severity.HIGH, "CWE-269",
                        "Service Account User or Token Creator is granted on the whole project",
                        "Grant roles/iam.serviceAccountUser and serviceAccountTokenCreator on the service accounts "
                                + "that need impersonating, not on the project.",
                        PROJECT_IAM + ", google_folder_iam_member, google_folder_iam_binding, "
                                + "google_organization_iam_member, google_organization_iam_binding",
                        (r, t, h) -> r.body().scalar("role").filter(s -> s.text().equals("roles/iam.serviceAccountUser")
                                || s.text().equals("roles/iam.serviceAccountTokenCreator"))
                                .ifPresent(s -> h.at(r, s, "role", s.text() + " lets members impersonate every "
                                        + "service account"))),
                rule("gcp-iam-default-sa-binding", Severity.MEDIUM, "CWE-250",
                        "Default service account is granted a project role",
                        "Create dedicated service accounts; do not grant roles to the default Compute Engine or "
                                + "App Engine accounts.",
                        PROJECT_IAM + ", google_folder_iam_member, google_folder_iam_binding, "
                                + "google_organization_iam_member, google_organization_iam_binding",
                        (r, t, h) -> members(r).stream().filter(GcpServiceRules::isDefaultAccount).findFirst()
                                .ifPresent(s -> h.at(r, s, "member", "the default service account is used"))),
                rule("gcp-iam-sa-admin-role", Severity.HIGH, "CWE-269", "Service account holds an admin or basic role",
                        "Give service accounts predefined roles scoped to what they run.", PROJECT_IAM,
                        (r, t, h) -> {
                            Optional<IacNode.Scalar> role = r.body().scalar("role");
                            boolean admin = role.filter(s -> s.text().equals("roles/owner")
                                    || s.text().equals("roles/editor") || s.lower().endsWith("admin")).isPresent();
                            if (admin) {
                                members(r).stream().filter(s -> s.text().startsWith("serviceAccount:")).findFirst()
                                        .ifPresent(s -> h.at(r, s, "member", "service account gets " + role.get().text()));
                            }
                        }),
                rule("gcp-iam-user-managed-sa-key", Severity.MEDIUM, "CWE-798",
                        "User-managed service account key is created",
                        "Use workload identity or attached service accounts instead of exported keys.",
                        "google_service_account_key", declared("the key is long-lived and ends up in the state file")),
                rule("gcp-iam-public-member", Severity.HIGH, "CWE-284", "IAM grants a role to allUsers or allAuthenticatedUsers",
                        "Grant roles to named principals only.",
                        "google_kms_crypto_key_iam_member, google_kms_crypto_key_iam_binding, "
                                + "google_kms_key_ring_iam_member, google_kms_key_ring_iam_binding, "
                                + "google_bigquery_dataset_iam_member, google_bigquery_dataset_iam_binding, "
                                + "google_bigquery_table_iam_member, google_bigquery_table_iam_binding, "
                                + "google_pubsub_topic_iam_member, google_pubsub_topic_iam_binding, "
                                + "google_cloud_run_service_iam_member, google_cloud_run_service_iam_binding, "
                                + "google_cloudfunctions_function_iam_member, google_cloudfunctions_function_iam_binding, "
                                + "google_artifact_registry_repository_iam_member, "
                                + "google_artifact_registry_repository_iam_binding, google_project_iam_member, "
                                + "google_project_iam_binding",
                        (r, t, h) -> members(r).stream().filter(s -> PUBLIC_MEMBERS.contains(s.lower())).findFirst()
                                .ifPresent(s -> h.at(r, s, "member", s.text() + " may use the resource"))),
                rule("gcp-compute-oslogin-disabled", Severity.MEDIUM, "CWE-287", "OS Login is turned off",
                        "Set metadata enable-oslogin = \"TRUE\" (project-wide in google_compute_project_metadata).",
                        INSTANCES + ", google_compute_project_metadata", (r, t, h) -> {
                            Optional<IacNode.Scalar> value = metadata(r, "enable-oslogin");
                            if (r.type().equals("google_compute_project_metadata") && value.isEmpty()) {
                                h.missing(r, "metadata.enable-oslogin", "OS Login is not enabled for the project");
                            }
                            value.filter(s -> s.isLiteral() && !s.text().equalsIgnoreCase("true")
                                    && !s.text().equals("1")).ifPresent(s -> h.at(r, s, "metadata.enable-oslogin",
                                            "SSH keys bypass IAM"));
                        }),
                rule("gcp-compute-project-ssh-keys", Severity.MEDIUM, "CWE-284",
                        "Compute instance accepts project-wide SSH keys",
                        "Set metadata block-project-ssh-keys = \"true\".", INSTANCES, (r, t, h) -> {
                            Optional<IacNode.Scalar> value = metadata(r, "block-project-ssh-keys");
                            if (value.isEmpty()) {
                                if (!r.body().has("metadata") || r.body().mapping("metadata").isPresent()) {
                                    h.missing(r, "metadata.block-project-ssh-keys",
                                            "a project-wide key opens every instance");
                                }
                            } else if (value.get().isLiteral() && !value.get().isTrue()) {
                                h.at(r, value.get(), "metadata.block-project-ssh-keys",
                                        "a project-wide key opens every instance");
                            }
                        }),
                rule("gcp-compute-default-sa", Severity.MEDIUM, "CWE-250",
                        "Compute instance runs as the default Compute Engine service account",
                        "Attach a dedicated service account with the roles the workload needs.", INSTANCES,
                        (r, t, h) -> {
                            boolean fullScope = r.body().scalars("service_account.scopes").stream()
                                    .anyMatch(s -> s.text().endsWith("cloud-platform"));
                            for (IacNode.Scalar email : r.body().scalars("service_account.email")) {
                                if (isDefaultAccount(email) && !fullScope) {
                                    h.at(r, email, "service_account.email", "the default account has Editor");
                                }
                            }
                        }),
                rule("gcp-compute-disk-no-csek", Severity.LOW, "CWE-311",
                        "Compute disk is not encrypted with a customer-supplied or managed key",
                        "Add disk_encryption_key { kms_key_self_link = ... }.", "google_compute_disk",
                        missing("disk_encryption_key", "Google-managed keys only")),
                rule("gcp-compute-ssl-policy-weak", Severity.MEDIUM, "CWE-326",
                        "SSL policy allows TLS below 1.2 or weak ciphers",
                        "Set min_tls_version = \"TLS_1_2\" and profile = \"MODERN\" or \"RESTRICTED\".",
                        "google_compute_ssl_policy", (r, t, h) -> {
                            requireOneOf("min_tls_version", "clients may use TLS 1.0", "TLS_1_2", "TLS_1_3")
                                    .check(r, t, h);
                            equalsAny("profile", "the COMPATIBLE profile allows weak ciphers", "COMPATIBLE")
                                    .check(r, t, h);
                        }),
                rule("gcp-project-default-network", Severity.LOW, "CWE-1188", "Project creates the default network",
                        "Set auto_create_network = false and create networks with explicit firewall rules.",
                        "google_project", (r, t, h) -> {
                            Optional<IacNode.Scalar> value = r.body().scalar("auto_create_network");
                            if (value.isEmpty()) {
                                h.missing(r, "auto_create_network", "the default network has permissive firewall rules");
                            } else if (value.get().isTrue()) {
                                h.at(r, value.get(), "auto_create_network",
                                        "the default network has permissive firewall rules");
                            }
                        }));
    }

    private static List<IacRule> gke() {
        return List.of(
                rule("gcp-gke-no-master-authorized-networks", Severity.MEDIUM, "CWE-284",
                        "GKE control plane accepts connections from any address",
                        "Add master_authorized_networks_config with the networks of your operators.", CLUSTER,
                        missing("master_authorized_networks_config", "any address may reach the API server")),
                rule("gcp-gke-logging-disabled", Severity.MEDIUM, "CWE-778", "GKE cluster logging is disabled",
                        "Remove logging_service = \"none\".", CLUSTER,
                        equalsAny("logging_service", "cluster logs are not collected", "none")),
                rule("gcp-gke-monitoring-disabled", Severity.LOW, "CWE-778", "GKE cluster monitoring is disabled",
                        "Remove monitoring_service = \"none\".", CLUSTER,
                        equalsAny("monitoring_service", "cluster metrics are not collected", "none")),
                rule("gcp-gke-basic-auth", Severity.HIGH, "CWE-287", "GKE cluster enables basic authentication",
                        "Remove master_auth username and password.", CLUSTER, (r, t, h) -> {
                            for (IacNode.Scalar user : r.body().scalars("master_auth.username")) {
                                if (!user.text().isEmpty()) {
                                    h.at(r, user, "master_auth.username", "static passwords grant cluster access");
                                }
                            }
                        }),
                rule("gcp-gke-node-auto-repair-off", Severity.LOW, "CWE-693", "GKE node pool does not repair nodes",
                        "Set management { auto_repair = true }.", "google_container_node_pool",
                        isFalse("management.auto_repair", "unhealthy nodes stay in service")),
                rule("gcp-gke-node-auto-upgrade-off", Severity.MEDIUM, "CWE-1104", "GKE node pool does not upgrade nodes",
                        "Set management { auto_upgrade = true }.", "google_container_node_pool",
                        isFalse("management.auto_upgrade", "nodes miss security patches")),
                rule("gcp-gke-non-cos-image", Severity.LOW, "CWE-1104",
                        "GKE nodes do not use Container-Optimized OS",
                        "Set node_config { image_type = \"COS_CONTAINERD\" }.", CLUSTER + ", google_container_node_pool",
                        (r, t, h) -> {
                            for (IacNode.Scalar image : r.body().scalars("node_config.image_type")) {
                                if (image.isLiteral() && !image.lower().startsWith("cos")) {
                                    h.at(r, image, "node_config.image_type", "nodes run " + image.text());
                                }
                            }
                        }),
                rule("gcp-gke-no-binary-authorization", Severity.LOW, "CWE-494",
                        "GKE cluster does not enforce Binary Authorization",
                        "Add binary_authorization { evaluation_mode = \"PROJECT_SINGLETON_POLICY_ENFORCE\" }.", CLUSTER,
                        (r, t, h) -> {
                            boolean on = r.body().scalars("binary_authorization.evaluation_mode").stream()
                                    .anyMatch(s -> !s.isLiteral() || !s.text().equals("DISABLED"))
                                    || r.body().scalars("binary_authorization.enabled").stream()
                                            .anyMatch(IacNode.Scalar::isTrue)
                                    || r.body().scalars("enable_binary_authorization").stream()
                                            .anyMatch(IacNode.Scalar::isTrue);
                            if (!on) {
                                h.missing(r, "binary_authorization", "any image may run");
                            }
                        }),
                rule("gcp-gke-shielded-nodes-off", Severity.MEDIUM, "CWE-693", "GKE shielded nodes are turned off",
                        "Remove enable_shielded_nodes = false.", CLUSTER,
                        isFalse("enable_shielded_nodes", "nodes can be impersonated")),
                rule("gcp-gke-no-secure-boot", Severity.LOW, "CWE-693", "GKE nodes do not use Secure Boot",
                        "Set node_config { shielded_instance_config { enable_secure_boot = true } }.",
                        CLUSTER + ", google_container_node_pool", (r, t, h) -> {
                            for (IacNode.Mapping node : r.body().mappings("node_config")) {
                                Optional<IacNode.Scalar> boot = node.mapping("shielded_instance_config")
                                        .flatMap(m -> m.scalar("enable_secure_boot"));
                                if (boot.isEmpty() || boot.get().isFalse()) {
                                    h.at(r, boot.isPresent() ? boot.get() : node,
                                            "node_config.shielded_instance_config.enable_secure_boot",
                                            "boot components are not verified");
                                }
                            }
                        }),
                rule("gcp-gke-no-workload-identity", Severity.MEDIUM, "CWE-522",
                        "GKE cluster does not use Workload Identity",
                        "Add workload_identity_config { workload_pool = \"PROJECT.svc.id.goog\" }.", CLUSTER,
                        missing("workload_identity_config", "pods can read the node's credentials")),
                rule("gcp-gke-metadata-server-off", Severity.MEDIUM, "CWE-522",
                        "GKE nodes expose the Compute Engine metadata server to pods",
                        "Set node_config { workload_metadata_config { mode = \"GKE_METADATA\" } }.",
                        CLUSTER + ", google_container_node_pool", (r, t, h) -> {
                            for (IacNode.Scalar mode : r.body().scalars("node_config.workload_metadata_config.mode")) {
                                if (mode.isLiteral() && !mode.text().equals("GKE_METADATA")) {
                                    h.at(r, mode, "node_config.workload_metadata_config.mode",
                                            "pods can read node credentials");
                                }
                            }
                        }),
                rule("gcp-gke-legacy-metadata-endpoints", Severity.HIGH, "CWE-522",
                        "GKE nodes keep the legacy metadata endpoints",
                        "Set node_config { metadata = { disable-legacy-endpoints = \"true\" } }.",
                        CLUSTER + ", google_container_node_pool", (r, t, h) -> {
                            for (IacNode.Mapping metadata : r.body().mappings("node_config.metadata")) {
                                metadata.scalar("disable-legacy-endpoints").filter(IacNode.Scalar::isFalse)
                                        .ifPresent(s -> h.at(r, s, "node_config.metadata.disable-legacy-endpoints",
                                                "v0.1 and v1beta1 metadata APIs are reachable"));
                            }
                        }),
                rule("gcp-gke-alpha-features", Severity.LOW, "CWE-1188", "GKE cluster enables alpha features",
                        "Remove enable_kubernetes_alpha = true from production clusters.", CLUSTER,
                        isTrue("enable_kubernetes_alpha", "alpha clusters get no security patches or SLA")),
                rule("gcp-gke-no-intranode-visibility", Severity.LOW, "CWE-778",
                        "GKE cluster has intranode visibility off", "Set enable_intranode_visibility = true.", CLUSTER,
                        ResourceRules.notTrue("enable_intranode_visibility", "pod-to-pod traffic is not logged")),
                rule("gcp-gke-no-release-channel", Severity.LOW, "CWE-1104", "GKE cluster has no release channel",
                        "Add release_channel { channel = \"REGULAR\" }.", CLUSTER, (r, t, h) -> {
                            if (!r.body().present("release_channel")) {
                                h.missing(r, "release_channel", "upgrades are manual");
                            } else {
                                equalsAny("release_channel.channel", "upgrades are manual", "UNSPECIFIED")
                                        .check(r, t, h);
                            }
                        }));
    }

    private static List<IacRule> sqlFlags() {
        return List.of(
                flag("gcp-sql-mysql-local-infile", "MYSQL", "local_infile", "off", true,
                        "MySQL local_infile lets clients read server files"),
                flag("gcp-sql-pg-log-checkpoints", "POSTGRES", "log_checkpoints", "on", false,
                        "PostgreSQL does not log checkpoints"),
                flag("gcp-sql-pg-log-connections", "POSTGRES", "log_connections", "on", false,
                        "PostgreSQL does not log connections"),
                flag("gcp-sql-pg-log-disconnections", "POSTGRES", "log_disconnections", "on", false,
                        "PostgreSQL does not log disconnections"),
                flag("gcp-sql-pg-log-lock-waits", "POSTGRES", "log_lock_waits", "on", false,
                        "PostgreSQL does not log lock waits"),
                flag("gcp-sql-pg-log-temp-files", "POSTGRES", "log_temp_files", "0", false,
                        "PostgreSQL does not log temporary files"),
                flag("gcp-sql-pg-log-min-duration", "POSTGRES", "log_min_duration_statement", "-1", true,
                        "PostgreSQL logs statements with their parameters"),
                flag("gcp-sql-sqlserver-cross-db-chaining", "SQLSERVER", "cross db ownership chaining", "off", true,
                        "SQL Server allows cross-database ownership chaining"),
                flag("gcp-sql-sqlserver-contained-auth", "SQLSERVER", "contained database authentication", "off", true,
                        "SQL Server allows contained database authentication"),
                rule("gcp-sql-public-ip", Severity.MEDIUM, "CWE-284", "Cloud SQL instance has a public IP address",
                        "Set ip_configuration { ipv4_enabled = false private_network = ... }.", SQL, (r, t, h) -> {
                            Optional<IacNode.Mapping> ip = r.body().mappings("settings.ip_configuration").stream()
                                    .findFirst();
                            if (ip.isEmpty()) {
                                h.missing(r, "settings.ip_configuration.ipv4_enabled", "public IP is on by default");
                                return;
                            }
                            Optional<IacNode.Scalar> v4 = ip.get().scalar("ipv4_enabled");
                            if (v4.isEmpty()) {
                                h.at(r, ip.get(), "settings.ip_configuration.ipv4_enabled", "public IP is on by default");
                            } else if (v4.get().isTrue()) {
                                h.at(r, v4.get(), "settings.ip_configuration.ipv4_enabled", "the instance is public");
                            }
                        }));
    }

    private static List<IacRule> dataAndNetwork() {
        return List.of(
                rule("gcp-storage-no-logging", Severity.LOW, "CWE-778", "Cloud Storage bucket has no access logging",
                        "Add logging { log_bucket = ... } pointing at another bucket.", "google_storage_bucket",
                        missing("logging", "no access logs")),
                rule("gcp-storage-public-access-not-prevented", Severity.MEDIUM, "CWE-284",
                        "Cloud Storage bucket does not enforce public access prevention",
                        "Set public_access_prevention = \"enforced\".", "google_storage_bucket",
                        requireOneOf("public_access_prevention", "the bucket may be made public", "enforced")),
                rule("gcp-bigquery-dataset-public", Severity.HIGH, "CWE-284", "BigQuery dataset is public",
                        "Remove special_group allAuthenticatedUsers / iam_member allUsers from access.",
                        "google_bigquery_dataset, google_bigquery_dataset_access", (r, t, h) -> {
                            List<IacNode.Scalar> grants = new ArrayList<>(r.body().scalars("access.special_group"));
                            grants.addAll(r.body().scalars("access.iam_member"));
                            grants.addAll(r.body().scalars("special_group"));
                            grants.addAll(r.body().scalars("iam_member"));
                            grants.stream().filter(s -> PUBLIC_MEMBERS.contains(s.lower())).findFirst()
                                    .ifPresent(s -> h.at(r, s, "access", s.text() + " may read the data"));
                        }),
                rule("gcp-bigquery-dataset-no-cmek", Severity.LOW, "CWE-311",
                        "BigQuery dataset is not encrypted with a customer managed key",
                        "Add default_encryption_configuration { kms_key_name = ... }.", "google_bigquery_dataset",
                        missing("default_encryption_configuration", "Google-managed keys only")),
                rule("gcp-bigquery-table-no-cmek", Severity.LOW, "CWE-311",
                        "BigQuery table is not encrypted with a customer managed key",
                        "Add encryption_configuration { kms_key_name = ... } (or a dataset default).",
                        "google_bigquery_table", (r, t, h) -> {
                            if (r.body().present("encryption_configuration")) {
                                return;
                            }
                            for (IacNode.Scalar dataset : r.body().scalars("dataset_id")) {
                                for (IacResource d : t.ofType("google_bigquery_dataset")) {
                                    if (ResourceRules.refersTo(dataset.text(), d)
                                            && d.body().present("default_encryption_configuration")) {
                                        return;
                                    }
                                }
                            }
                            h.missing(r, "encryption_configuration", "Google-managed keys only");
                        }),
                rule("gcp-dns-dnssec-off", Severity.MEDIUM, "CWE-345", "Cloud DNS public zone has DNSSEC off",
                        "Add dnssec_config { state = \"on\" }.", "google_dns_managed_zone",
                        when(r -> !r.body().text("visibility").orElse("public").equalsIgnoreCase("private"),
                                requireOneOf("dnssec_config.state", "answers can be spoofed", "on", "transfer"))),
                rule("gcp-dns-rsasha1", Severity.MEDIUM, "CWE-327", "Cloud DNS DNSSEC signs with RSASHA1",
                        "Use rsasha256 (or ecdsap256sha256) for key_signing and zone_signing keys.",
                        "google_dns_managed_zone", (r, t, h) -> {
                            for (IacNode.Scalar algorithm : r.body().scalars("dnssec_config.default_key_specs.algorithm")) {
                                if (algorithm.lower().equals("rsasha1")) {
                                    h.at(r, algorithm, "dnssec_config.default_key_specs.algorithm",
                                            "SHA-1 signatures are weak");
                                }
                            }
                        }),
                rule("gcp-kms-no-prevent-destroy", Severity.LOW, "CWE-693",
                        "KMS crypto key is not protected from deletion",
                        "Add lifecycle { prevent_destroy = true }.", "google_kms_crypto_key",
                        ResourceRules.notTrue("lifecycle.prevent_destroy", "destroying the key destroys the data")),
                rule("gcp-subnet-no-flow-logs", Severity.LOW, "CWE-778", "VPC subnet has no flow logs",
                        "Add log_config { aggregation_interval = \"INTERVAL_5_SEC\" flow_sampling = 0.5 }.",
                        "google_compute_subnetwork", when(r -> !r.body().text("purpose")
                                .filter(p -> p.contains("PROXY") || p.equals("PRIVATE_SERVICE_CONNECT")).isPresent(),
                                missing("log_config", "network traffic is not logged"))),
                rule("gcp-subnet-no-private-google-access", Severity.LOW, "CWE-284",
                        "VPC subnet has Private Google Access off", "Set private_ip_google_access = true.",
                        "google_compute_subnetwork", when(r -> !r.body().text("purpose")
                                .filter(p -> p.contains("PROXY") || p.equals("PRIVATE_SERVICE_CONNECT")).isPresent(),
                                ResourceRules.notTrue("private_ip_google_access",
                                        "VMs need public addresses to reach Google APIs"))),
                rule("gcp-redis-no-auth", Severity.MEDIUM, "CWE-306", "Memorystore for Redis has AUTH off",
                        "Set auth_enabled = true.", "google_redis_instance",
                        ResourceRules.notTrue("auth_enabled", "clients connect without a password")),
                rule("gcp-redis-no-transit-encryption", Severity.MEDIUM, "CWE-319",
                        "Memorystore for Redis does not encrypt traffic",
                        "Set transit_encryption_mode = \"SERVER_AUTHENTICATION\".", "google_redis_instance",
                        requireOneOf("transit_encryption_mode", "traffic is in clear text", "SERVER_AUTHENTICATION")),
                rule("gcp-cloud-function-open-ingress", Severity.MEDIUM, "CWE-284",
                        "Cloud Function accepts traffic from anywhere",
                        "Set ingress_settings = \"ALLOW_INTERNAL_ONLY\" or \"ALLOW_INTERNAL_AND_GCLB\".",
                        "google_cloudfunctions_function", equalsAny("ingress_settings", "the function is public",
                                "ALLOW_ALL")),
                rule("gcp-compute-disk-raw-key", Severity.HIGH, "CWE-321",
                        "Compute disk encryption key is written in the code",
                        "Use kms_key_self_link instead of raw_key or rsa_encrypted_key.",
                        "google_compute_disk, google_compute_instance", (r, t, h) -> {
                            for (String path : List.of("disk_encryption_key.raw_key", "boot_disk.disk_encryption_key_raw",
                                    "attached_disk.disk_encryption_key_raw", "disk_encryption_key.rsa_encrypted_key")) {
                                for (IacNode.Scalar key : r.body().scalars(path)) {
                                    if (key.isLiteral() && !key.text().isBlank()) {
                                        h.secretAt(r, key, path, "the key is a literal");
                                    }
                                }
                            }
                        }),
                rule("gcp-firewall-public-ingress", Severity.LOW, "CWE-284",
                        "Firewall allows ingress from the internet",
                        "Restrict source_ranges to the networks that need the service, or put it behind a load "
                                + "balancer.",
                        "google_compute_firewall", (r, t, h) -> {
                            boolean ingress = r.body().text("direction").orElse("INGRESS").equalsIgnoreCase("INGRESS");
                            boolean denied = r.body().present("deny") && !r.body().present("allow");
                            if (ingress && !denied) {
                                r.body().scalars("source_ranges").stream().filter(ResourceRules::isOpenCidr).findFirst()
                                        .ifPresent(s -> h.at(r, s, "source_ranges", "reachable from " + s.text()));
                            }
                        }),
                rule("gcp-firewall-public-egress", Severity.LOW, "CWE-284", "Firewall allows egress to the internet",
                        "Restrict destination_ranges to the networks the workload needs.", "google_compute_firewall",
                        (r, t, h) -> {
                            boolean egress = r.body().text("direction").filter("EGRESS"::equalsIgnoreCase).isPresent();
                            if (egress && r.body().present("allow")) {
                                r.body().scalars("destination_ranges").stream().filter(ResourceRules::isOpenCidr)
                                        .findFirst().ifPresent(s -> h.at(r, s, "destination_ranges",
                                                "traffic may leave to " + s.text()));
                            }
                        }),
                rule("gcp-gke-no-ip-aliasing", Severity.LOW, "CWE-284", "GKE cluster is not VPC-native (no alias IPs)",
                        "Add ip_allocation_policy {} so that pods get VPC alias IP ranges.", CLUSTER,
                        missing("ip_allocation_policy", "routes-based networking, no per-pod firewalling")),
                rule("gcp-gke-default-node-sa", Severity.MEDIUM, "CWE-250",
                        "GKE nodes run as the default Compute Engine service account",
                        "Set node_config { service_account = <dedicated account> }.",
                        CLUSTER + ", google_container_node_pool", (r, t, h) -> {
                            for (IacNode.Mapping node : r.body().mappings("node_config")) {
                                Optional<IacNode.Scalar> account = node.scalar("service_account");
                                if (account.isEmpty() && !node.has("service_account")) {
                                    h.at(r, node, "node_config.service_account", "nodes get the Editor account");
                                } else if (account.isPresent() && isDefaultAccount(account.get())) {
                                    h.at(r, account.get(), "node_config.service_account", "nodes get the Editor account");
                                }
                            }
                        }),
                rule("gcp-sql-pg-log-min-messages", Severity.LOW, "CWE-778",
                        "PostgreSQL log_min_messages hides errors",
                        "Set the log_min_messages flag to error, warning or a more verbose level.", SQL, (r, t, h) -> {
                            if (r.body().scalars("database_version").stream().noneMatch(s -> s.text().startsWith("POSTGRES"))) {
                                return;
                            }
                            for (IacNode.Mapping flag : r.body().mappings("settings.database_flags")) {
                                if (flag.text("name").filter("log_min_messages"::equals).isPresent()) {
                                    flag.scalar("value").filter(v -> Set.of("log", "fatal", "panic").contains(v.lower()))
                                            .ifPresent(v -> h.at(r, v, "settings.database_flags.log_min_messages",
                                                    "errors are not logged"));
                                }
                            }
                        }),
                rule("gcp-storage-no-cmek", Severity.LOW, "CWE-311",
                        "Cloud Storage bucket is not encrypted with a customer managed key",
                        "Add encryption { default_kms_key_name = ... }.", "google_storage_bucket",
                        missing("encryption.default_kms_key_name", "Google-managed keys only")),
                rule("gcp-dataproc-public-ip", Severity.MEDIUM, "CWE-284", "Dataproc cluster nodes have public IPs",
                        "Set cluster_config { gce_cluster_config { internal_ip_only = true } }.",
                        "google_dataproc_cluster", (r, t, h) -> {
                            List<IacNode.Scalar> internal = r.body()
                                    .scalars("cluster_config.gce_cluster_config.internal_ip_only");
                            if (internal.isEmpty()) {
                                h.missing(r, "cluster_config.gce_cluster_config.internal_ip_only",
                                        "nodes get public addresses");
                            } else {
                                internal.stream().filter(IacNode.Scalar::isFalse).findFirst().ifPresent(s -> h.at(r, s,
                                        "cluster_config.gce_cluster_config.internal_ip_only",
                                        "nodes get public addresses"));
                            }
                        }));
    }

    /**
     * A Cloud SQL database flag rule: the flag must have {@code value} on instances of the engine; when
     * {@code absentIsFine}, the engine default is already safe and only an explicit other value fires.
     */
    private static IacRule flag(String id, String engine, String name, String value, boolean absentIsFine,
            String title) {
        return rule(id, Severity.LOW, name.startsWith("log") ? "CWE-778" : "CWE-284", title,
                "Add settings { database_flags { name = \"" + name + "\" value = \"" + value + "\" } }.", SQL,
                (r, t, h) -> {
                    boolean matches = r.body().scalars("database_version").stream()
                            .anyMatch(s -> s.text().toUpperCase(Locale.ROOT).startsWith(engine));
                    if (!matches) {
                        return;
                    }
                    Optional<IacNode.Mapping> flag = r.body().mappings("settings.database_flags").stream()
                            .filter(f -> f.text("name").filter(name::equals).isPresent()).findFirst();
                    if (flag.isEmpty()) {
                        if (!absentIsFine) {
                            h.missing(r, "settings.database_flags." + name, name + " is not set");
                        }
                        return;
                    }
                    flag.get().scalar("value").filter(v -> v.isLiteral() && !v.text().equalsIgnoreCase(value))
                            .ifPresent(v -> h.at(r, v, "settings.database_flags." + name,
                                    name + " is " + v.text()));
                });
    }

    private static List<IacNode.Scalar> members(IacResource r) {
        List<IacNode.Scalar> members = new ArrayList<>(r.body().scalars("member"));
        members.addAll(r.body().scalars("members"));
        return members;
    }

    private static boolean isDefaultAccount(IacNode.Scalar s) {
        String text = s.lower();
        return text.endsWith("-compute@developer.gserviceaccount.com")
                || text.endsWith("@appspot.gserviceaccount.com") || text.equals("default");
    }

    private static Optional<IacNode.Scalar> metadata(IacResource r, String key) {
        return r.body().mappings("metadata").stream().map(m -> m.scalar(key)).flatMap(Optional::stream).findFirst();
    }
}
