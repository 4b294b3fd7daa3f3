package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.anyOf;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.atLeast;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.ifSetOneOf;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.literalSecret;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.requireFalse;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.requireOneOf;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.secretEntries;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isFalse;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
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
 * Terraform rules for Azure beyond {@link AzureRules}: network flow logs and UDP exposure, storage queue logging and
 * trusted services, Defender for Cloud and security contacts, Monitor log profiles, Key Vault keys and secrets, App
 * Service, SQL/PostgreSQL/MySQL settings, AKS, Synapse, Data Factory, container registries, Redis and more.
 */
public final class AzureServiceRules {

    private static final String WEB_APPS = "azurerm_app_service, azurerm_linux_web_app, azurerm_windows_web_app";
    private static final String FUNCTION_APPS = "azurerm_function_app, azurerm_linux_function_app, "
            + "azurerm_windows_function_app";
    private static final String AKS = "azurerm_kubernetes_cluster";
    private static final Set<String> INTERNET = Set.of("*", "internet", "any", "0.0.0.0/0", "0.0.0.0", "::/0");

    private AzureServiceRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every rule of this class. */
    public static List<IacRule> rules() {
        List<IacRule> rules = new ArrayList<>();
        rules.addAll(networkStorageMonitoring());
        rules.addAll(keyVaultAndApps());
        rules.addAll(databases());
        rules.addAll(platforms());
        return rules;
    }

    private static List<IacRule> networkStorageMonitoring() {
        return List.of(
                rule("azure-flow-log-short-retention", Severity.LOW, "CWE-778",
                        "NSG flow logs are kept less than 90 days or are off",
                        "Set enabled = true and retention_policy { enabled = true days = 90 } or more.",
                        "azurerm_network_watcher_flow_log", (r, t, h) -> {
                            isFalse("enabled", "flow logging is off").check(r, t, h);
                            if (!r.body().present("retention_policy")) {
                                h.missing(r, "retention_policy", "no retention policy");
                                return;
                            }
                            isFalse("retention_policy.enabled", "flow logs are not retained").check(r, t, h);
                            for (IacNode.Scalar days : r.body().scalars("retention_policy.days")) {
                                ResourceRules.number(days).filter(d -> d > 0 && d < 90).ifPresent(d -> h.at(r, days,
                                        "retention_policy.days", "flow logs kept " + d + " days"));
                            }
                        }),
                rule("azure-nsg-open-udp", Severity.HIGH, "CWE-284", "Network security group allows UDP from the internet",
                        "Restrict source_address_prefix for UDP rules to known networks.",
                        "azurerm_network_security_rule, azurerm_network_security_group", (r, t, h) -> {
                            List<IacNode.Mapping> rules = r.type().equals("azurerm_network_security_rule")
                                    ? List.of(r.body()) : r.body().mappings("security_rule");
                            for (IacNode.Mapping rule : rules) {
                                boolean inbound = rule.text("direction").filter("Inbound"::equalsIgnoreCase).isPresent();
                                boolean allow = rule.text("access").filter("Allow"::equalsIgnoreCase).isPresent();
                                boolean udp = rule.text("protocol").filter(p -> p.equalsIgnoreCase("Udp")).isPresent();
                                if (inbound && allow && udp) {
                                    List<IacNode.Scalar> sources = new ArrayList<>(rule.scalars("source_address_prefix"));
                                    sources.addAll(rule.scalars("source_address_prefixes"));
                                    sources.stream().filter(s -> INTERNET.contains(s.lower().trim())).findFirst()
                                            .ifPresent(s -> h.at(r, s, "source_address_prefix",
                                                    "UDP reachable from " + s.text()));
                                }
                            }
                        }),
                rule("azure-storage-queue-no-logging", Severity.LOW, "CWE-778",
                        "Storage account does not log queue read, write and delete requests",
                        "Add queue_properties { logging { read = true write = true delete = true version = \"1.0\" } }.",
                        "azurerm_storage_account", (r, t, h) -> {
                            String kind = r.body().text("account_kind").orElse("StorageV2");
                            if (kind.equals("BlobStorage") || kind.equals("FileStorage") || kind.equals("BlockBlobStorage")
                                    || ResourceRules.companion(t, r, "azurerm_storage_account_queue_properties",
                                            "storage_account_id").isPresent()) {
                                return;
                            }
                            Optional<IacNode.Mapping> logging = r.body().mappings("queue_properties.logging").stream()
                                    .findFirst();
                            if (logging.isEmpty()) {
                                h.missing(r, "queue_properties.logging", "queue requests are not logged");
                                return;
                            }
                            for (String op : new String[] {"read", "write", "delete"}) {
                                Optional<IacNode.Scalar> value = logging.get().scalar(op);
                                if (value.isEmpty() || value.get().isFalse()) {
                                    h.at(r, value.isPresent() ? value.get() : logging.get(),
                                            "queue_properties.logging." + op, op + " requests are not logged");
                                }
                            }
                        }),
                rule("azure-storage-no-trusted-services", Severity.LOW, "CWE-284",
                        "Storage account firewall blocks trusted Microsoft services",
                        "Add \"AzureServices\" to network_rules.bypass.",
                        "azurerm_storage_account, azurerm_storage_account_network_rules", (r, t, h) -> {
                            List<IacNode.Mapping> rules = r.type().equals("azurerm_storage_account")
                                    ? r.body().mappings("network_rules") : List.of(r.body());
                            for (IacNode.Mapping rule : rules) {
                                boolean deny = rule.text("default_action").filter("Deny"::equalsIgnoreCase).isPresent();
                                List<IacNode.Scalar> bypass = rule.scalars("bypass");
                                if (deny && rule.has("bypass") && bypass.stream().allMatch(IacNode.Scalar::isLiteral)
                                        && bypass.stream().noneMatch(s -> s.text().equals("AzureServices"))) {
                                    h.at(r, rule.get("bypass").get(), "network_rules.bypass",
                                            "backup, monitoring and other services are locked out");
                                }
                            }
                        }),
                rule("azure-defender-off", Severity.MEDIUM, "CWE-778", "Microsoft Defender for Cloud plan is on the Free tier",
                        "Set tier = \"Standard\" for every resource_type you run.",
                        "azurerm_security_center_subscription_pricing",
                        equalsAny("tier", "threat protection is off for this resource type", "Free")),
                rule("azure-security-contact-alerts-off", Severity.MEDIUM, "CWE-778",
                        "Security contact does not receive high-severity alert e-mails",
                        "Set alert_notifications = true and alerts_to_admins = true.",
                        "azurerm_security_center_contact", (r, t, h) -> {
                            notTrue("alert_notifications", "alerts are not e-mailed").check(r, t, h);
                            notTrue("alerts_to_admins", "subscription owners are not told").check(r, t, h);
                        }),
                rule("azure-security-contact-no-email", Severity.LOW, "CWE-778", "Security contact has no e-mail address",
                        "Set email to a monitored security mailbox.", "azurerm_security_center_contact",
                        missing("email", "nobody receives security alerts")),
                rule("azure-security-auto-provisioning-off", Severity.LOW, "CWE-778",
                        "Defender for Cloud does not provision the monitoring agent", "Set auto_provision = \"On\".",
                        "azurerm_security_center_auto_provisioning",
                        equalsAny("auto_provision", "new VMs are not monitored", "Off")),
                rule("azure-log-profile-short-retention", Severity.LOW, "CWE-778",
                        "Activity log profile keeps logs less than 365 days",
                        "Set retention_policy { enabled = true days = 365 } (or enabled = false to keep forever).",
                        "azurerm_monitor_log_profile", (r, t, h) -> {
                            boolean enabled = r.body().scalars("retention_policy.enabled").stream()
                                    .anyMatch(IacNode.Scalar::isTrue);
                            if (enabled) {
                                atLeast("retention_policy.days", 365, 0, "activity logs are deleted too early")
                                        .check(r, t, h);
                            }
                        }),
                rule("azure-log-profile-partial", Severity.LOW, "CWE-778",
                        "Activity log profile does not capture every category",
                        "Set categories = [\"Action\", \"Delete\", \"Write\"].", "azurerm_monitor_log_profile",
                        (r, t, h) -> {
                            Set<String> have = new java.util.HashSet<>();
                            r.body().scalars("categories").forEach(s -> have.add(s.lower()));
                            if (!have.containsAll(Set.of("action", "delete", "write"))) {
                                h.at(r, r.body().get("categories").orElse(null), "categories",
                                        "some activity is not logged");
                            }
                        }),
                rule("azure-nsg-open-egress", Severity.LOW, "CWE-284",
                        "Network security group allows all outbound traffic to the internet",
                        "Allow outbound traffic only to the destinations the workload needs.",
                        "azurerm_network_security_rule, azurerm_network_security_group", (r, t, h) -> {
                            List<IacNode.Mapping> rules = r.type().equals("azurerm_network_security_rule")
                                    ? List.of(r.body()) : r.body().mappings("security_rule");
                            for (IacNode.Mapping rule : rules) {
                                boolean outbound = rule.text("direction").filter("Outbound"::equalsIgnoreCase).isPresent();
                                boolean allow = rule.text("access").filter("Allow"::equalsIgnoreCase).isPresent();
                                if (outbound && allow) {
                                    List<IacNode.Scalar> targets = new ArrayList<>(
                                            rule.scalars("destination_address_prefix"));
                                    targets.addAll(rule.scalars("destination_address_prefixes"));
                                    targets.stream().filter(s -> INTERNET.contains(s.lower().trim())).findFirst()
                                            .ifPresent(s -> h.at(r, s, "destination_address_prefix",
                                                    "traffic may leave to " + s.text()));
                                }
                            }
                        }),
                rule("azure-security-contact-no-phone", Severity.LOW, "CWE-778", "Security contact has no phone number",
                        "Set phone so that Microsoft can reach you about an incident.",
                        "azurerm_security_center_contact", missing("phone", "no phone number")),
                rule("azure-datalake-unencrypted", Severity.MEDIUM, "CWE-311", "Data Lake Store account is not encrypted",
                        "Set encryption_state = \"Enabled\".", "azurerm_data_lake_store",
                        equalsAny("encryption_state", "data at rest is unencrypted", "Disabled")),
                rule("azure-nic-ip-forwarding", Severity.MEDIUM, "CWE-284", "Network interface forwards IP packets",
                        "Set ip_forwarding_enabled = false unless the VM is a network appliance.",
                        "azurerm_network_interface",
                        anyOf(p -> isTrue(p, "the VM may route traffic for others"), "ip_forwarding_enabled",
                                "enable_ip_forwarding")),
                rule("azure-managed-disk-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Managed disk turns Azure Disk Encryption settings off",
                        "Set encryption_settings { enabled = true } or a disk_encryption_set_id.", "azurerm_managed_disk",
                        isFalse("encryption_settings.enabled", "disk encryption is off")),
                rule("azure-vm-custom-data-secret", Severity.HIGH, "CWE-798", "VM custom data holds a credential",
                        "Fetch credentials at boot from Key Vault with a managed identity.",
                        "azurerm_virtual_machine, azurerm_linux_virtual_machine, azurerm_windows_virtual_machine",
                        (r, t, h) -> {
                            for (IacNode.Scalar data : r.body().scalars("custom_data")) {
                                if (data.isLiteral() && AwsServiceRules.USER_DATA_SECRET.matcher(data.text()).find()) {
                                    h.secretAt(r, data, "custom_data", "custom data contains a credential");
                                }
                            }
                            for (IacNode.Scalar data : r.body().scalars("os_profile.custom_data")) {
                                if (data.isLiteral() && AwsServiceRules.USER_DATA_SECRET.matcher(data.text()).find()) {
                                    h.secretAt(r, data, "os_profile.custom_data", "custom data contains a credential");
                                }
                            }
                        }),
                rule("azure-custom-owner-role", Severity.HIGH, "CWE-269",
                        "Custom role grants every action (subscription owner)",
                        "List the actions the role needs instead of \"*\".", "azurerm_role_definition",
                        (r, t, h) -> r.body().scalars("permissions.actions").stream()
                                .filter(s -> s.text().equals("*")).findFirst()
                                .ifPresent(s -> h.at(r, s, "permissions.actions", "the role can do anything"))));
    }

    private static List<IacRule> keyVaultAndApps() {
        return List.of(
                rule("azure-keyvault-key-no-expiry", Severity.LOW, "CWE-324", "Key Vault key has no expiration date",
                        "Set expiration_date (and a rotation_policy).", "azurerm_key_vault_key",
                        missing("expiration_date", "the key never expires")),
                rule("azure-keyvault-secret-no-expiry", Severity.LOW, "CWE-324",
                        "Key Vault secret has no expiration date", "Set expiration_date.", "azurerm_key_vault_secret",
                        missing("expiration_date", "the secret never expires")),
                rule("azure-keyvault-secret-no-content-type", Severity.LOW, "CWE-710",
                        "Key Vault secret has no content type", "Set content_type (e.g. \"password\").",
                        "azurerm_key_vault_secret", missing("content_type", "the kind of secret is unknown")),
                rule("azure-keyvault-secret-plaintext", Severity.HIGH, "CWE-798",
                        "Key Vault secret value is written in the code",
                        "Generate the value (random_password) or pass it in from a pipeline secret.",
                        "azurerm_key_vault_secret", (r, t, h) -> {
                            if (r.body().text("content_type").filter(c -> c.toLowerCase(Locale.ROOT)
                                    .contains("certificate")).isEmpty()) {
                                literalSecret("the secret is in the Terraform code", "value").check(r, t, h);
                            }
                        }),
                rule("azure-keyvault-key-not-hsm", Severity.LOW, "CWE-320", "Key Vault key is not backed by an HSM",
                        "Set key_type = \"RSA-HSM\" or \"EC-HSM\".", "azurerm_key_vault_key",
                        requireOneOf("key_type", "the key is software-protected", "RSA-HSM", "EC-HSM")),
                rule("azure-app-service-no-auth", Severity.MEDIUM, "CWE-306",
                        "App Service has no built-in authentication",
                        "Add auth_settings_v2 (or auth_settings { enabled = true }) with an identity provider.",
                        WEB_APPS + ", " + FUNCTION_APPS, (r, t, h) -> {
                            boolean on = r.body().scalars("auth_settings.enabled").stream().anyMatch(s -> !s.isFalse())
                                    || r.body().present("auth_settings_v2");
                            if (!on) {
                                h.missing(r, "auth_settings", "requests are not authenticated by the platform");
                            }
                        }),
                rule("azure-app-service-remote-debugging", Severity.HIGH, "CWE-489", "App Service enables remote debugging",
                        "Set site_config { remote_debugging_enabled = false }.",
                        WEB_APPS + ", " + FUNCTION_APPS + ", azurerm_app_service_slot",
                        isTrue("site_config.remote_debugging_enabled", "debug ports are open")),
                rule("azure-app-service-ftp", Severity.MEDIUM, "CWE-319", "App Service allows plain FTP deployments",
                        "Set site_config { ftps_state = \"Disabled\" } (or FtpsOnly).",
                        WEB_APPS + ", " + FUNCTION_APPS, equalsAny("site_config.ftps_state",
                                "credentials travel in clear text", "AllAllowed")),
                rule("azure-app-service-cors-any", Severity.MEDIUM, "CWE-942", "App Service CORS allows every origin",
                        "List the origins that need access in site_config.cors.allowed_origins.",
                        WEB_APPS + ", " + FUNCTION_APPS, (r, t, h) -> r.body().scalars("site_config.cors.allowed_origins")
                                .stream().filter(s -> s.text().equals("*")).findFirst()
                                .ifPresent(s -> h.at(r, s, "site_config.cors.allowed_origins", "any site may call it"))),
                rule("azure-app-service-no-identity", Severity.LOW, "CWE-522", "App Service has no managed identity",
                        "Add identity { type = \"SystemAssigned\" } and use it instead of stored credentials.",
                        WEB_APPS + ", " + FUNCTION_APPS, missing("identity", "credentials must be stored in settings")),
                rule("azure-app-service-no-http-logs", Severity.LOW, "CWE-778", "App Service does not log HTTP requests",
                        "Add logs { http_logs { file_system { retention_in_days = 30 retention_in_mb = 35 } } }.",
                        WEB_APPS, missing("logs.http_logs", "requests are not logged")),
                rule("azure-app-service-app-setting-secret", Severity.HIGH, "CWE-798",
                        "App Service setting holds a hardcoded secret",
                        "Use Key Vault references (@Microsoft.KeyVault(...)) in app_settings.",
                        WEB_APPS + ", " + FUNCTION_APPS, secretEntries("app_settings")),
                rule("azure-app-service-http2-off", Severity.LOW, "CWE-757", "App Service does not use HTTP/2",
                        "Set site_config { http2_enabled = true }.", WEB_APPS,
                        (r, t, h) -> {
                            if (r.body().present("site_config")) {
                                notTrue("site_config.http2_enabled", "clients are held to HTTP/1.1").check(r, t, h);
                            } else {
                                h.missing(r, "site_config.http2_enabled", "clients are held to HTTP/1.1");
                            }
                        }),
                rule("azure-app-service-no-client-cert", Severity.LOW, "CWE-295",
                        "App Service does not require client certificates",
                        "Set client_certificate_enabled = true (client_cert_enabled on azurerm_app_service).", WEB_APPS,
                        (r, t, h) -> {
                            if (!r.body().has("client_certificate_enabled") && !r.body().has("client_cert_enabled")) {
                                h.missing(r, "client_certificate_enabled", "clients are not authenticated by certificate");
                            }
                            isFalse("client_certificate_enabled", "client certificates are off").check(r, t, h);
                            isFalse("client_cert_enabled", "client certificates are off").check(r, t, h);
                        }),
                rule("azure-function-app-public", Severity.MEDIUM, "CWE-284",
                        "Function app accepts traffic from public networks",
                        "Set public_network_access_enabled = false and use private endpoints.",
                        "azurerm_linux_function_app, azurerm_windows_function_app",
                        requireFalse("public_network_access_enabled", "the function app is reachable from the internet")));
    }

    private static List<IacRule> databases() {
        return List.of(
                rule("azure-sql-outdated-tls", Severity.MEDIUM, "CWE-326", "Azure SQL server allows TLS below 1.2",
                        "Set minimum_tls_version = \"1.2\".", "azurerm_mssql_server",
                        ifSetOneOf("minimum_tls_version", "clients may use outdated TLS", "1.2", "1.3")),
                rule("azure-sql-no-auditing", Severity.MEDIUM, "CWE-778", "Azure SQL server has no auditing policy",
                        "Add azurerm_mssql_server_extended_auditing_policy for the server.", "azurerm_mssql_server",
                        (r, t, h) -> {
                            if (!r.body().present("extended_auditing_policy") && ResourceRules.companion(t, r,
                                    "azurerm_mssql_server_extended_auditing_policy", "server_id").isEmpty()) {
                                h.missing(r, "extended_auditing_policy", "database activity is not audited");
                            }
                        }),
                rule("azure-sql-alert-policy-partial", Severity.LOW, "CWE-778",
                        "SQL threat detection disables some alerts or does not e-mail admins",
                        "Leave disabled_alerts empty and set email_account_admins = true.",
                        "azurerm_mssql_server_security_alert_policy", (r, t, h) -> {
                            List<IacNode.Scalar> disabled = r.body().scalars("disabled_alerts");
                            if (!disabled.isEmpty()) {
                                h.at(r, disabled.get(0), "disabled_alerts", "disabled alerts: "
                                        + String.join(", ", disabled.stream().map(IacNode.Scalar::text).toList()));
                            }
                            notTrue("email_account_admins", "administrators are not e-mailed").check(r, t, h);
                        }),
                rule("azure-sql-alert-no-recipients", Severity.LOW, "CWE-778",
                        "SQL threat detection alerts go to no e-mail address",
                        "Set email_addresses to a monitored security mailbox.",
                        "azurerm_mssql_server_security_alert_policy", (r, t, h) -> {
                            if (r.body().scalars("email_addresses").stream().noneMatch(s -> !s.text().isBlank())
                                    && !r.body().get("email_addresses").filter(n -> n instanceof IacNode.Scalar s
                                            && !s.isLiteral()).isPresent()) {
                                h.missing(r, "email_addresses", "nobody is told about detected attacks");
                            }
                        }),
                rule("azure-sql-audit-short-retention", Severity.LOW, "CWE-778",
                        "SQL auditing keeps logs less than 90 days", "Set retention_in_days to 90 or more (0 keeps "
                                + "them forever).",
                        "azurerm_mssql_server_extended_auditing_policy, azurerm_mssql_database_extended_auditing_policy",
                        (r, t, h) -> {
                            for (IacNode.Scalar days : r.body().scalars("retention_in_days")) {
                                ResourceRules.number(days).filter(d -> d > 0 && d < 90).ifPresent(d -> h.at(r, days,
                                        "retention_in_days", "audit logs kept " + d + " days"));
                            }
                        }),
                rule("azure-sql-no-aad-admin", Severity.LOW, "CWE-287",
                        "Azure SQL server has no Microsoft Entra administrator",
                        "Add azuread_administrator and prefer Entra authentication.", "azurerm_mssql_server",
                        (r, t, h) -> {
                            if (!r.body().present("azuread_administrator") && ResourceRules.companion(t, r,
                                    "azurerm_sql_active_directory_administrator", "server_name").isEmpty()) {
                                h.missing(r, "azuread_administrator", "only SQL logins exist");
                            }
                        }),
                rule("azure-postgres-public", Severity.HIGH, "CWE-284", "PostgreSQL server accepts public connections",
                        "Set public_network_access_enabled = false.", "azurerm_postgresql_server",
                        requireFalse("public_network_access_enabled", "the server is reachable from the internet")),
                rule("azure-postgres-outdated-tls", Severity.MEDIUM, "CWE-326", "PostgreSQL server allows TLS below 1.2",
                        "Set ssl_minimal_tls_version_enforced = \"TLS1_2\".", "azurerm_postgresql_server",
                        requireOneOf("ssl_minimal_tls_version_enforced", "clients may use outdated TLS", "TLS1_2",
                                "TLS1_3")),
                rule("azure-postgres-no-geo-backup", Severity.LOW, "CWE-693", "PostgreSQL server has no geo-redundant backup",
                        "Set geo_redundant_backup_enabled = true.",
                        "azurerm_postgresql_server, azurerm_postgresql_flexible_server",
                        notTrue("geo_redundant_backup_enabled", "a regional outage loses the backups")),
                rule("azure-postgres-no-infra-encryption", Severity.LOW, "CWE-311",
                        "PostgreSQL server has no infrastructure (double) encryption",
                        "Set infrastructure_encryption_enabled = true.", "azurerm_postgresql_server",
                        notTrue("infrastructure_encryption_enabled", "data is encrypted once")),
                rule("azure-postgres-no-threat-detection", Severity.LOW, "CWE-778",
                        "PostgreSQL server has no threat detection policy",
                        "Add threat_detection_policy { enabled = true }.", "azurerm_postgresql_server",
                        notTrue("threat_detection_policy.enabled", "attacks are not detected")),
                rule("azure-postgres-logging-off", Severity.LOW, "CWE-778",
                        "PostgreSQL server turns a logging or throttling parameter off",
                        "Set log_checkpoints, log_connections, connection_throttling and log_retention to on.",
                        "azurerm_postgresql_configuration", (r, t, h) -> {
                            boolean watched = r.body().text("name").filter(n -> Set.of("log_checkpoints",
                                    "log_connections", "log_disconnections", "connection_throttling", "log_retention")
                                    .contains(n)).isPresent();
                            if (watched) {
                                r.body().scalar("value").filter(v -> v.lower().equals("off"))
                                        .ifPresent(v -> h.at(r, v, "value", r.body().text("name").get() + " is off"));
                            }
                        }),
                rule("azure-mysql-public", Severity.HIGH, "CWE-284", "MySQL server accepts public connections",
                        "Set public_network_access_enabled = false.", "azurerm_mysql_server",
                        requireFalse("public_network_access_enabled", "the server is reachable from the internet")),
                rule("azure-mysql-outdated-tls", Severity.MEDIUM, "CWE-326", "MySQL server allows TLS below 1.2",
                        "Set ssl_minimal_tls_version_enforced = \"TLS1_2\".", "azurerm_mysql_server",
                        requireOneOf("ssl_minimal_tls_version_enforced", "clients may use outdated TLS", "TLS1_2",
                                "TLS1_3")),
                rule("azure-mysql-no-threat-detection", Severity.LOW, "CWE-778",
                        "MySQL server has no threat detection policy",
                        "Add threat_detection_policy { enabled = true }.", "azurerm_mysql_server",
                        notTrue("threat_detection_policy.enabled", "attacks are not detected")),
                rule("azure-mysql-no-infra-encryption", Severity.LOW, "CWE-311",
                        "MySQL server has no infrastructure (double) encryption",
                        "Set infrastructure_encryption_enabled = true.", "azurerm_mysql_server",
                        notTrue("infrastructure_encryption_enabled", "data is encrypted once")),
                rule("azure-mysql-no-geo-backup", Severity.LOW, "CWE-693", "MySQL server has no geo-redundant backup",
                        "Set geo_redundant_backup_enabled = true.", "azurerm_mysql_server, azurerm_mysql_flexible_server",
                        notTrue("geo_redundant_backup_enabled", "a regional outage loses the backups")),
                rule("azure-mariadb-public", Severity.HIGH, "CWE-284", "MariaDB server accepts public connections",
                        "Set public_network_access_enabled = false.", "azurerm_mariadb_server",
                        requireFalse("public_network_access_enabled", "the server is reachable from the internet")),
                rule("azure-cosmosdb-public", Severity.MEDIUM, "CWE-284", "Cosmos DB account accepts public connections",
                        "Set public_network_access_enabled = false, or is_virtual_network_filter_enabled with rules.",
                        "azurerm_cosmosdb_account", (r, t, h) -> {
                            boolean filtered = r.body().scalars("is_virtual_network_filter_enabled").stream()
                                    .anyMatch(IacNode.Scalar::isTrue) || r.body().has("ip_range_filter");
                            if (!filtered) {
                                requireFalse("public_network_access_enabled", "the account is reachable from anywhere")
                                        .check(r, t, h);
                            }
                        }),
                rule("azure-redis-non-ssl-port", Severity.HIGH, "CWE-319", "Azure Cache for Redis opens the non-TLS port",
                        "Set non_ssl_port_enabled = false.", "azurerm_redis_cache",
                        anyOf(p -> isTrue(p, "clients may connect in clear text on 6379"), "non_ssl_port_enabled",
                                "enable_non_ssl_port")),
                rule("azure-redis-outdated-tls", Severity.MEDIUM, "CWE-326", "Azure Cache for Redis allows TLS below 1.2",
                        "Set minimum_tls_version = \"1.2\".", "azurerm_redis_cache",
                        ifSetOneOf("minimum_tls_version", "clients may use outdated TLS", "1.2")),
                rule("azure-redis-public", Severity.MEDIUM, "CWE-284", "Azure Cache for Redis accepts public connections",
                        "Set public_network_access_enabled = false and use private endpoints.", "azurerm_redis_cache",
                        requireFalse("public_network_access_enabled", "the cache is reachable from the internet")));
    }

    private static List<IacRule> platforms() {
        return List.of(
                rule("azure-aks-no-network-policy", Severity.MEDIUM, "CWE-284", "AKS cluster has no network policy",
                        "Set network_profile { network_policy = \"azure\" } (or calico/cilium).", AKS,
                        missing("network_profile.network_policy", "every pod can reach every other pod")),
                rule("azure-aks-no-monitoring", Severity.LOW, "CWE-778", "AKS cluster does not send logs to Azure Monitor",
                        "Add oms_agent { log_analytics_workspace_id = ... }.", AKS, (r, t, h) -> {
                            if (!r.body().present("oms_agent") && !r.body().present("addon_profile.oms_agent")
                                    && !r.body().present("monitor_metrics")) {
                                h.missing(r, "oms_agent", "container logs are not collected");
                            }
                        }),
                rule("azure-aks-no-azure-policy", Severity.LOW, "CWE-693", "AKS cluster has no Azure Policy add-on",
                        "Set azure_policy_enabled = true.", AKS,
                        notTrue("azure_policy_enabled", "pod security policies are not enforced")),
                rule("azure-aks-local-accounts", Severity.MEDIUM, "CWE-287", "AKS cluster keeps local admin accounts",
                        "Set local_account_disabled = true and use Entra ID.", AKS,
                        notTrue("local_account_disabled", "a static admin credential exists")),
                rule("azure-aks-node-public-ip", Severity.MEDIUM, "CWE-284", "AKS nodes have public IP addresses",
                        "Set node_public_ip_enabled = false in the node pools.",
                        AKS + ", azurerm_kubernetes_cluster_node_pool", (r, t, h) -> {
                            for (String key : new String[] {"node_public_ip_enabled", "enable_node_public_ip",
                                    "default_node_pool.node_public_ip_enabled", "default_node_pool.enable_node_public_ip"}) {
                                isTrue(key, "nodes are reachable from the internet").check(r, t, h);
                            }
                        }),
                rule("azure-aks-no-upgrade-channel", Severity.LOW, "CWE-1104", "AKS cluster has no automatic upgrade channel",
                        "Set automatic_upgrade_channel = \"patch\" (or stable).", AKS, (r, t, h) -> {
                            if (!r.body().has("automatic_upgrade_channel") && !r.body().has("automatic_channel_upgrade")) {
                                h.missing(r, "automatic_upgrade_channel", "security patches are applied by hand");
                            } else {
                                equalsAny("automatic_upgrade_channel", "upgrades are off", "none").check(r, t, h);
                            }
                        }),
                rule("azure-aks-http-application-routing", Severity.MEDIUM, "CWE-284",
                        "AKS cluster enables HTTP application routing", "Set http_application_routing_enabled = false.",
                        AKS, isTrue("http_application_routing_enabled", "the add-on is not for production")),
                rule("azure-aks-dashboard", Severity.MEDIUM, "CWE-284", "AKS cluster enables the Kubernetes dashboard",
                        "Remove addon_profile { kube_dashboard { enabled = true } }.", AKS,
                        isTrue("addon_profile.kube_dashboard.enabled", "the dashboard is an attack surface")),
                rule("azure-synapse-no-managed-vnet", Severity.MEDIUM, "CWE-284",
                        "Synapse workspace has no managed virtual network", "Set managed_virtual_network_enabled = true.",
                        "azurerm_synapse_workspace", notTrue("managed_virtual_network_enabled", "no network isolation")),
                rule("azure-synapse-no-exfiltration-protection", Severity.MEDIUM, "CWE-200",
                        "Synapse workspace has no data exfiltration protection",
                        "Set data_exfiltration_protection_enabled = true.", "azurerm_synapse_workspace",
                        notTrue("data_exfiltration_protection_enabled", "data may be copied to any tenant")),
                rule("azure-synapse-hardcoded-password", Severity.HIGH, "CWE-798",
                        "Synapse workspace administrator password is hardcoded",
                        "Pass sql_administrator_login_password from a secret store or use Entra-only auth.",
                        "azurerm_synapse_workspace", literalSecret("the administrator password is in the code",
                                "sql_administrator_login_password")),
                rule("azure-synapse-public", Severity.MEDIUM, "CWE-284", "Synapse workspace accepts public connections",
                        "Set public_network_access_enabled = false.", "azurerm_synapse_workspace",
                        requireFalse("public_network_access_enabled", "the workspace is reachable from the internet")),
                rule("azure-synapse-sql-pool-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Synapse SQL pool is not encrypted", "Set data_encrypted = true.", "azurerm_synapse_sql_pool",
                        notTrue("data_encrypted", "transparent data encryption is off")),
                rule("azure-data-factory-public", Severity.MEDIUM, "CWE-284", "Data Factory accepts public connections",
                        "Set public_network_enabled = false.", "azurerm_data_factory",
                        requireFalse("public_network_enabled", "the factory is reachable from the internet")),
                rule("azure-data-factory-no-git", Severity.LOW, "CWE-710",
                        "Data Factory pipelines are not under source control",
                        "Add github_configuration or vsts_configuration.", "azurerm_data_factory", (r, t, h) -> {
                            if (!r.body().present("github_configuration") && !r.body().present("vsts_configuration")) {
                                h.missing(r, "github_configuration", "changes are not reviewed or versioned");
                            }
                        }),
                rule("azure-acr-admin-enabled", Severity.MEDIUM, "CWE-287", "Container registry admin account is enabled",
                        "Set admin_enabled = false and use Entra ID or tokens.", "azurerm_container_registry",
                        isTrue("admin_enabled", "a shared admin password can push images")),
                rule("azure-acr-anonymous-pull", Severity.MEDIUM, "CWE-284", "Container registry allows anonymous pulls",
                        "Set anonymous_pull_enabled = false.", "azurerm_container_registry",
                        io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.when(
                                io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.textIs("sku", "Standard", "Premium"),
                                isTrue("anonymous_pull_enabled", "anyone may pull the images"))),
                rule("azure-acr-public", Severity.LOW, "CWE-284", "Container registry accepts public connections",
                        "Set public_network_access_enabled = false (Premium SKU) and use private endpoints.",
                        "azurerm_container_registry",
                        requireFalse("public_network_access_enabled", "the registry is reachable from the internet")),
                rule("azure-container-group-env-secret", Severity.HIGH, "CWE-798",
                        "Container group passes a secret as a plain environment variable",
                        "Move it to secure_environment_variables (fed from Key Vault).", "azurerm_container_group",
                        secretEntries("container.environment_variables")),
                rule("azure-eventhub-outdated-tls", Severity.MEDIUM, "CWE-326", "Event Hubs namespace allows TLS below 1.2",
                        "Set minimum_tls_version = \"1.2\".", "azurerm_eventhub_namespace",
                        ifSetOneOf("minimum_tls_version", "clients may use outdated TLS", "1.2")),
                rule("azure-servicebus-outdated-tls", Severity.MEDIUM, "CWE-326",
                        "Service Bus namespace allows TLS below 1.2", "Set minimum_tls_version = \"1.2\".",
                        "azurerm_servicebus_namespace",
                        ifSetOneOf("minimum_tls_version", "clients may use outdated TLS", "1.2")),
                rule("azure-waf-detection-mode", Severity.MEDIUM, "CWE-693", "Web application firewall only detects attacks",
                        "Set policy_settings { mode = \"Prevention\" }.",
                        "azurerm_web_application_firewall_policy, azurerm_frontdoor_firewall_policy", (r, t, h) -> {
                            equalsAny("policy_settings.mode", "attacks are logged, not blocked", "Detection")
                                    .check(r, t, h);
                            equalsAny("mode", "attacks are logged, not blocked", "Detection").check(r, t, h);
                        }));
    }
}
