package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isFalse;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.PolicyDocuments;
import io.jenkins.plugins.devsecops.iac.rule.PortRanges;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Terraform rules for Azure (azurerm) resources. */
public final class AzureRules {

    private static final String NSG_TYPES = "azurerm_network_security_rule, azurerm_network_security_group";
    private static final String WEB_APPS = "azurerm_app_service, azurerm_linux_web_app, azurerm_windows_web_app, "
            + "azurerm_function_app, azurerm_linux_function_app, azurerm_windows_function_app";

    private AzureRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every Azure rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("azure-storage-public-blob-access", Severity.HIGH, "CWE-284",
                        "Storage account allows public blob access",
                        "Set allow_nested_items_to_be_public = false.", "azurerm_storage_account", (r, t, h) -> {
                            isTrue("allow_nested_items_to_be_public", "containers may be made public").check(r, t, h);
                            isTrue("allow_blob_public_access", "containers may be made public").check(r, t, h);
                        }),
                rule("azure-storage-container-public", Severity.HIGH, "CWE-284", "Storage container is public",
                        "Set container_access_type = \"private\".", "azurerm_storage_container",
                        equalsAny("container_access_type", "anyone can read the blobs", "blob", "container")),
                rule("azure-storage-http-allowed", Severity.MEDIUM, "CWE-319",
                        "Storage account accepts plain HTTP", "Set https_traffic_only_enabled = true.",
                        "azurerm_storage_account", (r, t, h) -> {
                            isFalse("enable_https_traffic_only", "HTTP is accepted").check(r, t, h);
                            isFalse("https_traffic_only_enabled", "HTTP is accepted").check(r, t, h);
                        }),
                rule("azure-storage-outdated-tls", Severity.MEDIUM, "CWE-326",
                        "Storage account accepts TLS older than 1.2", "Set min_tls_version = \"TLS1_2\".",
                        "azurerm_storage_account",
                        equalsAny("min_tls_version", "TLS 1.0/1.1 accepted", "TLS1_0", "TLS1_1")),
                rule("azure-storage-network-open", Severity.MEDIUM, "CWE-284",
                        "Storage account network rules allow every network",
                        "Set network_rules { default_action = \"Deny\" } and list the allowed networks.",
                        "azurerm_storage_account, azurerm_storage_account_network_rules", (r, t, h) -> {
                            if (r.type().equals("azurerm_storage_account") && !r.body().present("network_rules")
                                    && r.body().scalars("public_network_access_enabled").stream()
                                            .noneMatch(IacNode.Scalar::isFalse)
                                    && ResourceRules.companion(t, r, "azurerm_storage_account_network_rules",
                                            "storage_account_id").isEmpty()
                                    && ResourceRules.companion(t, r, "azurerm_storage_account_network_rules",
                                            "storage_account_name").isEmpty()) {
                                h.missing(r, "network_rules", "no network rules: every network is allowed");
                            }
                            equalsAny("network_rules.default_action", "default action is Allow", "Allow")
                                    .check(r, t, h);
                            equalsAny("default_action", "default action is Allow", "Allow").check(r, t, h);
                        }),
                rule("azure-nsg-open-ssh", Severity.HIGH, "CWE-284",
                        "Network security group opens SSH (22) to the internet",
                        "Restrict source_address_prefix to known networks or use Azure Bastion.", NSG_TYPES,
                        openRule(PortRanges.SSH, "SSH")),
                rule("azure-nsg-open-rdp", Severity.HIGH, "CWE-284",
                        "Network security group opens RDP (3389) to the internet",
                        "Restrict source_address_prefix to known networks or use Azure Bastion.", NSG_TYPES,
                        openRule(PortRanges.RDP, "RDP")),
                rule("azure-nsg-open-all-ports", Severity.CRITICAL, "CWE-284",
                        "Network security group opens all ports to the internet",
                        "Allow only the needed ports from the needed sources.", NSG_TYPES,
                        openRule(-2, "all ports")),
                rule("azure-sql-firewall-open", Severity.HIGH, "CWE-284",
                        "Database firewall rule allows every IP address",
                        "Allow only the addresses of the clients that need the database.",
                        "azurerm_sql_firewall_rule, azurerm_mssql_firewall_rule, azurerm_postgresql_firewall_rule, "
                                + "azurerm_mysql_firewall_rule, azurerm_mariadb_firewall_rule, "
                                + "azurerm_postgresql_flexible_server_firewall_rule, "
                                + "azurerm_mysql_flexible_server_firewall_rule", (r, t, h) -> {
                            Optional<IacNode.Scalar> start = r.body().scalar("start_ip_address");
                            Optional<String> end = r.body().text("end_ip_address");
                            if (start.isPresent() && start.get().text().equals("0.0.0.0") && end.isPresent()
                                    && end.get().equals("255.255.255.255")) {
                                h.at(r, start.get(), "start_ip_address", "range 0.0.0.0-255.255.255.255");
                            }
                        }),
                rule("azure-sql-public-network", Severity.MEDIUM, "CWE-284",
                        "SQL server accepts connections from public networks",
                        "Set public_network_access_enabled = false and use private endpoints.",
                        "azurerm_mssql_server, azurerm_sql_server", notFalse("public_network_access_enabled",
                                "public network access is on")),
                rule("azure-database-ssl-disabled", Severity.HIGH, "CWE-319",
                        "Database server does not enforce SSL connections", "Set ssl_enforcement_enabled = true.",
                        "azurerm_postgresql_server, azurerm_mysql_server, azurerm_mariadb_server",
                        isFalse("ssl_enforcement_enabled", "clients may connect without TLS")),
                rule("azure-keyvault-no-purge-protection", Severity.MEDIUM, "CWE-693",
                        "Key Vault purge protection is disabled", "Set purge_protection_enabled = true.",
                        "azurerm_key_vault", notTrue("purge_protection_enabled", "deleted secrets can be purged")),
                rule("azure-keyvault-network-open", Severity.MEDIUM, "CWE-284",
                        "Key Vault is reachable from every network",
                        "Add network_acls { default_action = \"Deny\" bypass = \"AzureServices\" }.",
                        "azurerm_key_vault", (r, t, h) -> {
                            Optional<IacNode.Mapping> acls = r.body().mapping("network_acls");
                            if (r.body().scalars("public_network_access_enabled").stream()
                                    .anyMatch(IacNode.Scalar::isFalse)) {
                                return;
                            }
                            if (acls.isEmpty()) {
                                h.missing(r, "network_acls", "no network_acls");
                            } else {
                                acls.get().scalar("default_action").filter(s -> s.text().equalsIgnoreCase("Allow"))
                                        .ifPresent(s -> h.at(r, s, "network_acls.default_action",
                                                "default action is Allow"));
                            }
                        }),
                rule("azure-app-service-http", Severity.MEDIUM, "CWE-319", "App Service accepts plain HTTP",
                        "Set https_only = true.", WEB_APPS, notTrue("https_only", "HTTP is accepted")),
                rule("azure-app-service-outdated-tls", Severity.MEDIUM, "CWE-326",
                        "App Service accepts TLS older than 1.2", "Set site_config { minimum_tls_version = \"1.2\" }.",
                        WEB_APPS, (r, t, h) -> {
                            equalsAny("site_config.min_tls_version", "TLS 1.0/1.1 accepted", "1.0", "1.1")
                                    .check(r, t, h);
                            equalsAny("site_config.minimum_tls_version", "TLS 1.0/1.1 accepted", "1.0", "1.1")
                                    .check(r, t, h);
                        }),
                rule("azure-aks-rbac-disabled", Severity.HIGH, "CWE-284",
                        "AKS cluster has Kubernetes RBAC disabled", "Set role_based_access_control_enabled = true.",
                        "azurerm_kubernetes_cluster", (r, t, h) -> {
                            isFalse("role_based_access_control_enabled", "RBAC is off").check(r, t, h);
                            isFalse("role_based_access_control.enabled", "RBAC is off").check(r, t, h);
                        }),
                rule("azure-aks-public-api", Severity.MEDIUM, "CWE-284",
                        "AKS API server is reachable from any address",
                        "Enable private_cluster_enabled or set api_server_access_profile.authorized_ip_ranges.",
                        "azurerm_kubernetes_cluster", (r, t, h) -> {
                            boolean privateCluster = r.body().scalar("private_cluster_enabled")
                                    .map(IacNode.Scalar::isTrue).orElse(false);
                            boolean restricted = r.body().present("api_server_authorized_ip_ranges")
                                    || r.body().present("api_server_access_profile.authorized_ip_ranges");
                            if (!privateCluster && !restricted) {
                                h.missing(r, "api_server_access_profile.authorized_ip_ranges",
                                        "no private cluster and no authorized IP ranges");
                            }
                        }),
                rule("azure-vm-password-authentication", Severity.MEDIUM, "CWE-287",
                        "Linux VM allows password authentication",
                        "Set disable_password_authentication = true and use SSH keys.",
                        "azurerm_linux_virtual_machine, azurerm_linux_virtual_machine_scale_set, "
                                + "azurerm_virtual_machine", (r, t, h) -> {
                            isFalse("disable_password_authentication", "passwords are accepted").check(r, t, h);
                            isFalse("os_profile_linux_config.disable_password_authentication",
                                    "passwords are accepted").check(r, t, h);
                        }),
                rule("azure-vm-hardcoded-password", Severity.HIGH, "CWE-798",
                        "Virtual machine admin password is hardcoded",
                        "Generate the password (random_password) or read it from Key Vault.",
                        "azurerm_linux_virtual_machine, azurerm_windows_virtual_machine, azurerm_virtual_machine",
                        (r, t, h) -> {
                            List<IacNode.Scalar> passwords = new ArrayList<>(r.body().scalars("admin_password"));
                            passwords.addAll(r.body().scalars("os_profile.admin_password"));
                            for (IacNode.Scalar password : passwords) {
                                if (PolicyDocuments.isLiteralSecret(password)) {
                                    h.secretAt(r, password, "admin_password", "admin_password is a literal");
                                }
                            }
                        }));
    }

    private static ResourceCheck notFalse(String path, String detail) {
        return (r, t, h) -> {
            Optional<IacNode.Scalar> value = r.body().scalar(path);
            if (value.isEmpty()) {
                h.missing(r, path, detail + " (default)");
            } else if (!value.get().isFalse()) {
                h.at(r, value.get(), path, detail);
            }
        };
    }

    private static boolean openSource(IacNode.Mapping rule) {
        List<IacNode.Scalar> sources = new ArrayList<>(rule.scalars("source_address_prefix"));
        sources.addAll(rule.scalars("source_address_prefixes"));
        return sources.stream().anyMatch(ResourceRules::isOpenCidr);
    }

    private static ResourceCheck openRule(int port, String what) {
        return (r, t, h) -> {
            List<IacNode.Mapping> rules = r.type().equals("azurerm_network_security_rule")
                    ? List.of(r.body()) : r.body().mappings("security_rule");
            for (IacNode.Mapping rule : rules) {
                boolean inbound = rule.text("direction").map(d -> d.toLowerCase(Locale.ROOT).equals("inbound"))
                        .orElse(false);
                boolean allow = rule.text("access").map(a -> a.toLowerCase(Locale.ROOT).equals("allow"))
                        .orElse(false);
                if (!inbound || !allow || !openSource(rule)) {
                    continue;
                }
                List<IacNode.Scalar> ports = new ArrayList<>(rule.scalars("destination_port_range"));
                ports.addAll(rule.scalars("destination_port_ranges"));
                for (IacNode.Scalar range : ports) {
                    boolean all = PortRanges.isAll(range.text());
                    boolean matches = port == -2 ? all : !all && PortRanges.includes(range.text(), port);
                    if (matches) {
                        h.at(r, range, "destination_port_range", what + " open to the internet");
                    }
                }
            }
        };
    }

}
