package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.atLeast;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.atMost;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.containsNone;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.declared;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.ifSetOneOf;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.requireOneOf;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.textIs;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.textMatches;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.when;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isFalse;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.rule.AttributeChecks;
import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.CloudFacts;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.PolicyDocuments;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.iac.rule.ResourceTarget;
import io.jenkins.plugins.devsecops.iac.rule.RuleHits;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.iac.yaml.JsonDocuments;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Terraform rules for AWS services beyond storage, networking and IAM basics: API Gateway, OpenSearch, Redshift, MQ,
 * MSK, Neptune, DocumentDB, ECS, Athena, Lambda, EC2 launch settings, ElastiCache, EFS, EKS, KMS, SNS/SQS policies,
 * CloudTrail, Config, WorkSpaces, IAM password policy and root keys, and other managed services.
 */
public final class AwsServiceRules {

    static final Set<String> DEPRECATED_RUNTIMES = CloudFacts.DEPRECATED_LAMBDA_RUNTIMES;

    static final Pattern USER_DATA_SECRET = CloudFacts.BOOT_SCRIPT_SECRET;

    private AwsServiceRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every rule of this class. */
    public static List<IacRule> rules() {
        List<IacRule> rules = new ArrayList<>();
        rules.addAll(apiGateway());
        rules.addAll(dataStores());
        rules.addAll(compute());
        rules.addAll(governance());
        rules.addAll(otherServices());
        rules.addAll(keysAndExposure());
        return rules;
    }

    private static List<IacRule> apiGateway() {
        return List.of(
                rule("aws-apigw-no-xray", Severity.LOW, "CWE-778", "API Gateway stage has no X-Ray tracing",
                        "Set xray_tracing_enabled = true.", "aws_api_gateway_stage",
                        notTrue("xray_tracing_enabled", "requests are not traced")),
                rule("aws-apigw-no-access-logs", Severity.MEDIUM, "CWE-778", "API Gateway stage has no access logs",
                        "Add access_log_settings with a CloudWatch log group destination.",
                        "aws_api_gateway_stage, aws_apigatewayv2_stage",
                        missing("access_log_settings", "no access_log_settings")),
                rule("aws-apigw-method-no-auth", Severity.HIGH, "CWE-306",
                        "API Gateway method is open without authorisation or API key",
                        "Set authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM, or require an API key.",
                        "aws_api_gateway_method", (r, t, h) -> {
                            boolean options = r.body().text("http_method").filter("OPTIONS"::equalsIgnoreCase)
                                    .isPresent();
                            boolean key = r.body().scalar("api_key_required").filter(IacNode.Scalar::isTrue)
                                    .isPresent();
                            r.body().scalar("authorization").filter(s -> s.text().equalsIgnoreCase("NONE"))
                                    .filter(s -> !options && !key)
                                    .ifPresent(s -> h.at(r, s, "authorization", "anyone may call the method"));
                        }),
                rule("aws-apigw-v2-route-no-auth", Severity.MEDIUM, "CWE-306",
                        "API Gateway v2 route has no authorisation", "Set authorization_type to JWT, AWS_IAM or CUSTOM.",
                        "aws_apigatewayv2_route", requireOneOf("authorization_type", "the route is unauthenticated",
                                "JWT", "AWS_IAM", "CUSTOM")),
                rule("aws-apigw-cache-unencrypted", Severity.MEDIUM, "CWE-311",
                        "API Gateway cache is enabled but not encrypted",
                        "Set settings { cache_data_encrypted = true } wherever caching_enabled = true.",
                        "aws_api_gateway_method_settings", (r, t, h) -> {
                            for (IacNode.Mapping settings : r.body().mappings("settings")) {
                                boolean caching = settings.scalar("caching_enabled").filter(IacNode.Scalar::isTrue)
                                        .isPresent();
                                if (caching && settings.scalar("cache_data_encrypted").filter(IacNode.Scalar::isTrue)
                                        .isEmpty()) {
                                    h.at(r, settings.get("cache_data_encrypted").orElse(settings),
                                            "settings.cache_data_encrypted", "cached responses are stored in clear");
                                }
                            }
                        }),
                rule("aws-apigw-data-trace", Severity.MEDIUM, "CWE-532",
                        "API Gateway logs full request and response data",
                        "Set settings { data_trace_enabled = false }: data tracing writes payloads, tokens included, "
                                + "to CloudWatch.",
                        "aws_api_gateway_method_settings", isTrue("settings.data_trace_enabled",
                                "request and response bodies are logged")),
                rule("aws-apigw-domain-outdated-tls", Severity.MEDIUM, "CWE-326",
                        "API Gateway custom domain allows TLS 1.0", "Set security_policy = \"TLS_1_2\".",
                        "aws_api_gateway_domain_name",
                        textMatches("security_policy", "TLS_1_0", true, "clients may negotiate TLS 1.0")),
                rule("aws-apigw-no-client-certificate", Severity.LOW, "CWE-295",
                        "API Gateway stage does not present a client certificate to its back end",
                        "Set client_certificate_id so that the back end can authenticate API Gateway.",
                        "aws_api_gateway_stage", missing("client_certificate_id", "no client_certificate_id")));
    }

    private static List<IacRule> dataStores() {
        String search = "aws_elasticsearch_domain, aws_opensearch_domain";
        return List.of(
                rule("aws-opensearch-no-node-encryption", Severity.MEDIUM, "CWE-319",
                        "OpenSearch domain does not encrypt traffic between nodes",
                        "Add node_to_node_encryption { enabled = true }.", search,
                        notTrue("node_to_node_encryption.enabled", "node-to-node traffic is in clear text")),
                rule("aws-opensearch-https-not-enforced", Severity.MEDIUM, "CWE-319",
                        "OpenSearch domain accepts plain HTTP",
                        "Set domain_endpoint_options { enforce_https = true } (the provider's default).", search,
                        isFalse("domain_endpoint_options.enforce_https", "HTTP requests are accepted")),
                rule("aws-opensearch-outdated-tls", Severity.MEDIUM, "CWE-326",
                        "OpenSearch domain allows TLS 1.0 or 1.1",
                        "Set domain_endpoint_options { tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\" }.",
                        search, requireOneOf("domain_endpoint_options.tls_security_policy",
                                "clients may negotiate TLS 1.0", "Policy-Min-TLS-1-2-2019-07",
                                "Policy-Min-TLS-1-2-PFS-2023-10")),
                rule("aws-opensearch-no-logging", Severity.LOW, "CWE-778", "OpenSearch domain publishes no logs",
                        "Add log_publishing_options sending logs to CloudWatch.", search,
                        missing("log_publishing_options", "no log_publishing_options")),
                rule("aws-opensearch-no-audit-log", Severity.LOW, "CWE-778",
                        "OpenSearch domain does not publish audit logs",
                        "Add log_publishing_options { log_type = \"AUDIT_LOGS\" } (fine-grained access control must "
                                + "be on).",
                        search, containsNone("log_publishing_options.log_type", "audit logs are not published",
                                "AUDIT_LOGS")),
                rule("aws-opensearch-not-in-vpc", Severity.MEDIUM, "CWE-284",
                        "OpenSearch domain has a public endpoint", "Add vpc_options to place the domain in a VPC.",
                        search, missing("vpc_options", "the domain is reachable from the internet")),
                rule("aws-redshift-no-logging", Severity.LOW, "CWE-778", "Redshift cluster audit logging is off",
                        "Add aws_redshift_logging (or logging { enable = true }) for the cluster.",
                        "aws_redshift_cluster", (r, t, h) -> {
                            if (r.body().scalars("logging.enable").stream().anyMatch(IacNode.Scalar::isTrue)
                                    || ResourceRules.companion(t, r, "aws_redshift_logging", "cluster_identifier")
                                            .isPresent()
                                    || sameIdentifier(t, r, "aws_redshift_logging", "cluster_identifier")) {
                                return;
                            }
                            notTrue("logging.enable", "audit logs are not written").check(r, t, h);
                        }),
                rule("aws-redshift-not-in-vpc", Severity.MEDIUM, "CWE-284", "Redshift cluster is not in a VPC subnet group",
                        "Set cluster_subnet_group_name.", "aws_redshift_cluster",
                        missing("cluster_subnet_group_name", "no cluster_subnet_group_name")),
                rule("aws-redshift-ssl-not-required", Severity.MEDIUM, "CWE-319",
                        "Redshift parameter group does not require SSL",
                        "Add parameter { name = \"require_ssl\" value = \"true\" }.", "aws_redshift_parameter_group",
                        parameterIs("require_ssl", "true", true, "connections may be unencrypted")),
                rule("aws-redshift-no-enhanced-vpc-routing", Severity.LOW, "CWE-284",
                        "Redshift cluster does not use enhanced VPC routing",
                        "Set enhanced_vpc_routing = true so COPY and UNLOAD traffic stays in the VPC.",
                        "aws_redshift_cluster", notTrue("enhanced_vpc_routing", "traffic may leave the VPC")),
                rule("aws-redshift-no-snapshots", Severity.LOW, "CWE-693",
                        "Redshift cluster keeps no automated snapshots",
                        "Set automated_snapshot_retention_period to at least 1 day.", "aws_redshift_cluster",
                        equalsAny("automated_snapshot_retention_period", "automated snapshots are off", "0")),
                rule("aws-mq-public", Severity.HIGH, "CWE-284", "Amazon MQ broker is publicly accessible",
                        "Set publicly_accessible = false.", "aws_mq_broker",
                        isTrue("publicly_accessible", "the broker has a public endpoint")),
                rule("aws-mq-no-general-log", Severity.LOW, "CWE-778", "Amazon MQ broker general logging is off",
                        "Add logs { general = true }.", "aws_mq_broker",
                        notTrue("logs.general", "broker activity is not logged")),
                rule("aws-mq-no-audit-log", Severity.LOW, "CWE-778", "Amazon MQ (ActiveMQ) broker audit logging is off",
                        "Add logs { audit = true }.", "aws_mq_broker",
                        when(textIs("engine_type", "ActiveMQ"), notTrue("logs.audit", "management actions are not logged"))),
                rule("aws-mq-no-minor-upgrades", Severity.LOW, "CWE-1104",
                        "Amazon MQ broker does not take minor version upgrades",
                        "Set auto_minor_version_upgrade = true.", "aws_mq_broker",
                        notTrue("auto_minor_version_upgrade", "security fixes are not applied")),
                rule("aws-msk-plaintext", Severity.HIGH, "CWE-319", "MSK cluster allows plaintext traffic",
                        "Set encryption_in_transit { client_broker = \"TLS\" in_cluster = true }.", "aws_msk_cluster",
                        (r, t, h) -> {
                            ifSetOneOf("encryption_info.encryption_in_transit.client_broker",
                                    "clients may connect in clear text", "TLS").check(r, t, h);
                            isFalse("encryption_info.encryption_in_transit.in_cluster",
                                    "brokers talk to each other in clear text").check(r, t, h);
                        }),
                rule("aws-msk-no-logging", Severity.LOW, "CWE-778", "MSK cluster broker logs are off",
                        "Add logging_info { broker_logs { cloudwatch_logs { enabled = true } } }.", "aws_msk_cluster",
                        (r, t, h) -> {
                            boolean any = r.body().scalars("logging_info.broker_logs.cloudwatch_logs.enabled").stream()
                                    .anyMatch(s -> !s.isFalse())
                                    || r.body().scalars("logging_info.broker_logs.firehose.enabled").stream()
                                            .anyMatch(s -> !s.isFalse())
                                    || r.body().scalars("logging_info.broker_logs.s3.enabled").stream()
                                            .anyMatch(s -> !s.isFalse());
                            if (!any) {
                                h.missing(r, "logging_info.broker_logs", "no broker log destination is enabled");
                            }
                        }),
                rule("aws-msk-public", Severity.HIGH, "CWE-284", "MSK cluster brokers are publicly accessible",
                        "Remove public_access or set its type to DISABLED.", "aws_msk_cluster",
                        equalsAny("broker_node_group_info.connectivity_info.public_access.type",
                                "brokers have public addresses", "SERVICE_PROVIDED_EIPS")),
                rule("aws-msk-unauthenticated", Severity.MEDIUM, "CWE-306",
                        "MSK cluster allows unauthenticated clients",
                        "Set client_authentication { unauthenticated = false } and use IAM, SASL/SCRAM or TLS.",
                        "aws_msk_cluster", isTrue("client_authentication.unauthenticated",
                                "anyone reaching the brokers may produce and consume")),
                rule("aws-neptune-unencrypted", Severity.MEDIUM, "CWE-311", "Neptune cluster storage is not encrypted",
                        "Set storage_encrypted = true.", "aws_neptune_cluster",
                        notTrue("storage_encrypted", "storage is unencrypted")),
                rule("aws-neptune-no-audit-logs", Severity.LOW, "CWE-778", "Neptune cluster does not export audit logs",
                        "Set enable_cloudwatch_logs_exports = [\"audit\"].", "aws_neptune_cluster",
                        containsNone("enable_cloudwatch_logs_exports", "audit logs are not exported", "audit")),
                rule("aws-neptune-public", Severity.HIGH, "CWE-284", "Neptune instance is publicly accessible",
                        "Set publicly_accessible = false.", "aws_neptune_cluster_instance",
                        isTrue("publicly_accessible", "the instance has a public endpoint")),
                rule("aws-neptune-no-iam-auth", Severity.LOW, "CWE-287",
                        "Neptune cluster does not use IAM database authentication",
                        "Set iam_database_authentication_enabled = true.", "aws_neptune_cluster",
                        notTrue("iam_database_authentication_enabled", "IAM authentication is off")),
                rule("aws-docdb-unencrypted", Severity.MEDIUM, "CWE-311", "DocumentDB cluster storage is not encrypted",
                        "Set storage_encrypted = true.", "aws_docdb_cluster",
                        notTrue("storage_encrypted", "storage is unencrypted")),
                rule("aws-docdb-no-log-exports", Severity.LOW, "CWE-778", "DocumentDB cluster exports no logs",
                        "Set enabled_cloudwatch_logs_exports = [\"audit\", \"profiler\"].", "aws_docdb_cluster",
                        missing("enabled_cloudwatch_logs_exports", "no logs are exported")),
                rule("aws-docdb-tls-disabled", Severity.HIGH, "CWE-319", "DocumentDB parameter group disables TLS",
                        "Set the tls parameter to enabled.", "aws_docdb_cluster_parameter_group",
                        parameterIs("tls", "disabled", false, "connections are not encrypted")),
                rule("aws-docdb-audit-disabled", Severity.LOW, "CWE-778",
                        "DocumentDB parameter group does not enable audit logs",
                        "Add parameter { name = \"audit_logs\" value = \"enabled\" }.",
                        "aws_docdb_cluster_parameter_group",
                        parameterIs("audit_logs", "enabled", true, "audit events are not recorded")),
                rule("aws-docdb-short-backup", Severity.LOW, "CWE-693",
                        "DocumentDB cluster keeps backups for less than 7 days",
                        "Set backup_retention_period to 7 or more.", "aws_docdb_cluster",
                        atLeast("backup_retention_period", 7, 1, "backups are kept too briefly")),
                rule("aws-athena-workgroup-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Athena workgroup does not encrypt query results",
                        "Add configuration { result_configuration { encryption_configuration { "
                                + "encryption_option = \"SSE_KMS\" } } }.",
                        "aws_athena_workgroup", missing("configuration.result_configuration.encryption_configuration",
                                "query results are stored unencrypted")),
                rule("aws-athena-workgroup-not-enforced", Severity.LOW, "CWE-693",
                        "Athena workgroup lets clients override its settings",
                        "Set configuration { enforce_workgroup_configuration = true }.", "aws_athena_workgroup",
                        isFalse("configuration.enforce_workgroup_configuration",
                                "clients may turn encryption off")),
                rule("aws-athena-database-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Athena database does not encrypt query results",
                        "Add encryption_configuration { encryption_option = \"SSE_KMS\" }.", "aws_athena_database",
                        missing("encryption_configuration", "query results are stored unencrypted")),
                rule("aws-elasticache-no-auth-token", Severity.MEDIUM, "CWE-306",
                        "ElastiCache Redis replication group has no AUTH token",
                        "Set transit_encryption_enabled = true and auth_token (from a secret store).",
                        "aws_elasticache_replication_group", (r, t, h) -> {
                            if (!r.body().has("auth_token") && !r.body().has("user_group_ids")) {
                                h.missing(r, "auth_token", "clients connect without a password");
                            }
                        }),
                rule("aws-elasticache-no-backup", Severity.LOW, "CWE-693", "ElastiCache Redis cluster keeps no backups",
                        "Set snapshot_retention_limit to at least 1.", "aws_elasticache_cluster",
                        when(textIs("engine", "redis"), atLeast("snapshot_retention_limit", 1, 0,
                                "automatic backups are off"))),
                rule("aws-elasticache-security-group", Severity.LOW, "CWE-284",
                        "EC2-Classic ElastiCache security group is used",
                        "Run the cluster in a VPC with aws_security_group.", "aws_elasticache_security_group",
                        declared("EC2-Classic security groups are retired")),
                rule("aws-db-security-group", Severity.LOW, "CWE-284", "EC2-Classic RDS security group is used",
                        "Run the database in a VPC with aws_security_group.", "aws_db_security_group",
                        declared("EC2-Classic security groups are retired")),
                rule("aws-rds-no-iam-auth", Severity.LOW, "CWE-287", "RDS database does not use IAM authentication",
                        "Set iam_database_authentication_enabled = true.", "aws_db_instance, aws_rds_cluster",
                        when(r -> r.body().scalars("engine").stream().anyMatch(s -> s.lower().matches(
                                "(aurora.*|mysql|postgres|mariadb)")),
                                notTrue("iam_database_authentication_enabled", "IAM authentication is off"))),
                rule("aws-rds-no-log-exports", Severity.LOW, "CWE-778", "RDS database exports no logs to CloudWatch",
                        "Set enabled_cloudwatch_logs_exports to the engine's logs (e.g. [\"postgresql\"]).",
                        "aws_db_instance, aws_rds_cluster",
                        missing("enabled_cloudwatch_logs_exports", "no logs are exported")),
                rule("aws-rds-no-minor-upgrades", Severity.LOW, "CWE-1104",
                        "RDS instance does not take minor version upgrades", "Set auto_minor_version_upgrade = true.",
                        "aws_db_instance, aws_rds_cluster_instance",
                        isFalse("auto_minor_version_upgrade", "security fixes are not applied")),
                rule("aws-rds-snapshot-public", Severity.CRITICAL, "CWE-284", "RDS snapshot is shared with everyone",
                        "Remove \"all\" from shared_accounts.", "aws_db_snapshot, aws_db_cluster_snapshot",
                        equalsAny("shared_accounts", "every AWS account may restore the snapshot", "all")),
                rule("aws-rds-no-enhanced-monitoring", Severity.LOW, "CWE-778",
                        "RDS instance has no enhanced monitoring", "Set monitoring_interval to 1-60 seconds.",
                        "aws_db_instance", atLeast("monitoring_interval", 1, 0, "enhanced monitoring is off")),
                rule("aws-dax-unencrypted", Severity.MEDIUM, "CWE-311", "DAX cluster is not encrypted at rest",
                        "Add server_side_encryption { enabled = true }.", "aws_dax_cluster",
                        notTrue("server_side_encryption.enabled", "data at rest is unencrypted")),
                rule("aws-dax-no-tls", Severity.MEDIUM, "CWE-319", "DAX cluster endpoint does not use TLS",
                        "Set cluster_endpoint_encryption_type = \"TLS\".", "aws_dax_cluster",
                        requireOneOf("cluster_endpoint_encryption_type", "traffic is in clear text", "TLS")),
                rule("aws-memorydb-no-tls", Severity.HIGH, "CWE-319", "MemoryDB cluster has TLS turned off",
                        "Remove tls_enabled = false.", "aws_memorydb_cluster",
                        isFalse("tls_enabled", "traffic is in clear text")),
                rule("aws-dynamodb-no-cmk", Severity.LOW, "CWE-311",
                        "DynamoDB table is not encrypted with a customer managed key",
                        "Add server_side_encryption { enabled = true kms_key_arn = ... }.", "aws_dynamodb_table",
                        notTrue("server_side_encryption.enabled", "the table uses the AWS owned key")),
                rule("aws-glue-catalog-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Glue Data Catalog metadata or connection passwords are not encrypted",
                        "Set encryption_at_rest.catalog_encryption_mode = \"SSE-KMS\" and "
                                + "connection_password_encryption.return_connection_password_encrypted = true.",
                        "aws_glue_data_catalog_encryption_settings", (r, t, h) -> {
                            String base = "data_catalog_encryption_settings.";
                            requireOneOf(base + "encryption_at_rest.catalog_encryption_mode",
                                    "catalog metadata is unencrypted", "SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE")
                                    .check(r, t, h);
                            notTrue(base + "connection_password_encryption.return_connection_password_encrypted",
                                    "connection passwords are returned in clear").check(r, t, h);
                        }),
                rule("aws-kinesis-firehose-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Kinesis Firehose delivery stream is not encrypted",
                        "Add server_side_encryption { enabled = true }.", "aws_kinesis_firehose_delivery_stream",
                        when(r -> !r.body().has("kinesis_source_configuration"),
                                notTrue("server_side_encryption.enabled", "records are stored unencrypted"))),
                rule("aws-cloudwatch-log-retention", Severity.LOW, "CWE-778",
                        "CloudWatch log group does not set a retention period",
                        "Set retention_in_days (at least 365 for audit logs).", "aws_cloudwatch_log_group",
                        missing("retention_in_days", "logs are kept forever or cleaned up by hand")),
                rule("aws-cloudwatch-log-unencrypted", Severity.LOW, "CWE-311",
                        "CloudWatch log group is not encrypted with KMS", "Set kms_key_id.",
                        "aws_cloudwatch_log_group", missing("kms_key_id", "no kms_key_id")),
                rule("aws-secretsmanager-no-cmk", Severity.LOW, "CWE-311",
                        "Secrets Manager secret is not encrypted with a customer managed key", "Set kms_key_id.",
                        "aws_secretsmanager_secret", missing("kms_key_id", "the secret uses the default key")),
                rule("aws-secretsmanager-slow-rotation", Severity.LOW, "CWE-324",
                        "Secrets Manager secret rotates less often than every 90 days",
                        "Set rotation_rules { automatically_after_days = 90 } or less.",
                        "aws_secretsmanager_secret_rotation",
                        atMost("rotation_rules.automatically_after_days", 90, 0, "rotation is too rare")),
                rule("aws-ssm-secret-not-secure-string", Severity.HIGH, "CWE-312",
                        "SSM parameter holding a secret is not a SecureString",
                        "Set type = \"SecureString\" (with key_id) for passwords, tokens and keys.",
                        "aws_ssm_parameter", (r, t, h) -> {
                            boolean secretName = r.body().scalars("name").stream()
                                    .anyMatch(s -> PolicyDocuments.isSecretName(s.text()));
                            r.body().scalar("type").filter(s -> secretName && s.isLiteral()
                                    && !s.text().equals("SecureString"))
                                    .ifPresent(s -> h.at(r, s, "type", "secret stored as " + s.text()));
                        }));
    }

    private static List<IacRule> compute() {
        return List.of(
                rule("aws-ecs-privileged-container", Severity.HIGH, "CWE-250",
                        "ECS task definition runs a privileged container",
                        "Remove \"privileged\": true from the container definition.", "aws_ecs_task_definition",
                        containerCheck((r, c, h) -> c.scalar("privileged").filter(IacNode.Scalar::isTrue)
                                .ifPresent(s -> h.at(r, s, "container_definitions.privileged",
                                        name(c) + " runs privileged")))),
                rule("aws-ecs-writable-root-fs", Severity.LOW, "CWE-732",
                        "ECS container has a writable root file system",
                        "Set \"readonlyRootFilesystem\": true and mount volumes where writes are needed.",
                        "aws_ecs_task_definition",
                        containerCheck((r, c, h) -> {
                            Optional<IacNode.Scalar> ro = c.scalar("readonlyRootFilesystem");
                            if (ro.isEmpty() || ro.get().isFalse()) {
                                h.at(r, ro.isPresent() ? ro.get() : c, "container_definitions.readonlyRootFilesystem",
                                        name(c) + " may write to its root file system");
                            }
                        })),
                rule("aws-ecs-env-secret", Severity.HIGH, "CWE-798",
                        "ECS container definition holds a secret in its environment",
                        "Move the value to Secrets Manager or SSM and reference it under \"secrets\".",
                        "aws_ecs_task_definition",
                        containerCheck((r, c, h) -> AttributeChecks.literalSecretEntries(r, c.mappings("environment"),
                                "name", "value", "container_definitions.environment", h))),
                rule("aws-ecs-host-pid", Severity.HIGH, "CWE-250",
                        "ECS task definition shares the host's process namespace", "Remove pid_mode = \"host\".",
                        "aws_ecs_task_definition", equalsAny("pid_mode", "tasks see every process of the host", "host")),
                rule("aws-ecs-efs-no-transit-encryption", Severity.MEDIUM, "CWE-319",
                        "ECS task mounts EFS without encryption in transit",
                        "Set efs_volume_configuration { transit_encryption = \"ENABLED\" }.", "aws_ecs_task_definition",
                        AttributeChecks.eachBlockRequires("volume.efs_volume_configuration", "transit_encryption",
                                "ENABLED", "NFS traffic is in clear text")),
                rule("aws-ecs-cluster-no-insights", Severity.LOW, "CWE-778",
                        "ECS cluster has Container Insights turned off",
                        "Add setting { name = \"containerInsights\" value = \"enabled\" }.", "aws_ecs_cluster",
                        AttributeChecks.namedSettingOn("setting", "name", "containerInsights", "value", "disabled",
                                "setting.containerInsights", "no Container Insights")),
                rule("aws-ecs-service-public-ip", Severity.MEDIUM, "CWE-284",
                        "ECS service assigns public IP addresses to its tasks",
                        "Set network_configuration { assign_public_ip = false } and use private subnets.",
                        "aws_ecs_service", isTrue("network_configuration.assign_public_ip",
                                "tasks are reachable from the internet")),
                rule("aws-batch-privileged-container", Severity.HIGH, "CWE-250",
                        "Batch job definition runs a privileged container", "Remove \"privileged\": true.",
                        "aws_batch_job_definition", (r, t, h) -> {
                            for (IacNode.Mapping props : jsonMappings(r.body(), "container_properties")) {
                                props.scalar("privileged").filter(IacNode.Scalar::isTrue).ifPresent(s -> h.at(r, s,
                                        "container_properties.privileged", "the job runs privileged"));
                            }
                        }),
                rule("aws-lambda-no-xray", Severity.LOW, "CWE-778", "Lambda function has no X-Ray tracing",
                        "Add tracing_config { mode = \"Active\" }.", "aws_lambda_function",
                        requireOneOf("tracing_config.mode", "invocations are not traced", "Active", "PassThrough")),
                rule("aws-lambda-url-no-auth", Severity.HIGH, "CWE-306", "Lambda function URL requires no authentication",
                        "Set authorization_type = \"AWS_IAM\".", "aws_lambda_function_url",
                        equalsAny("authorization_type", "anyone may invoke the function", "NONE")),
                rule("aws-lambda-public-permission", Severity.HIGH, "CWE-284",
                        "Lambda permission lets any principal invoke the function",
                        "Name the service or account in principal and set source_arn or source_account.",
                        "aws_lambda_permission", (r, t, h) -> r.body().scalar("principal")
                                .filter(s -> s.text().equals("*"))
                                .filter(s -> !r.body().has("source_arn") && !r.body().has("source_account")
                                        && !r.body().has("principal_org_id"))
                                .ifPresent(s -> h.at(r, s, "principal", "principal is '*'"))),
                rule("aws-lambda-deprecated-runtime", Severity.MEDIUM, "CWE-1104",
                        "Lambda function uses a deprecated runtime",
                        "Move to a supported runtime (e.g. python3.12, nodejs20.x, java21).", "aws_lambda_function",
                        (r, t, h) -> r.body().scalar("runtime")
                                .filter(s -> DEPRECATED_RUNTIMES.contains(s.lower().trim()))
                                .ifPresent(s -> h.at(r, s, "runtime", s.text() + " no longer receives fixes"))),
                rule("aws-lambda-env-unencrypted", Severity.LOW, "CWE-311",
                        "Lambda environment variables are not encrypted with a customer managed key",
                        "Set kms_key_arn when the function has environment variables.", "aws_lambda_function",
                        when(r -> r.body().present("environment.variables"),
                                missing("kms_key_arn", "environment uses the AWS managed key"))),
                rule("aws-launch-config-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Launch configuration block device is not encrypted",
                        "Set encrypted = true in root_block_device and every ebs_block_device.",
                        "aws_launch_configuration", AwsRules.unlessEncryptedByDefault((r, t, h) -> {
                            for (String key : new String[] {"root_block_device", "ebs_block_device"}) {
                                for (IacNode.Mapping device : r.body().mappings(key)) {
                                    if (device.has("snapshot_id")) {
                                        continue;
                                    }
                                    if (device.scalar("encrypted").filter(IacNode.Scalar::isTrue).isEmpty()) {
                                        h.at(r, device.get("encrypted").orElse(device), key + ".encrypted",
                                                key + " is unencrypted");
                                    }
                                }
                            }
                        })),
                rule("aws-launch-template-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Launch template block device is not encrypted",
                        "Set block_device_mappings { ebs { encrypted = true } }.", "aws_launch_template",
                        AwsRules.unlessEncryptedByDefault((r, t, h) -> {
                            for (IacNode.Mapping ebs : r.body().mappings("block_device_mappings.ebs")) {
                                if (!ebs.has("snapshot_id")
                                        && ebs.scalar("encrypted").filter(IacNode.Scalar::isTrue).isEmpty()) {
                                    h.at(r, ebs.get("encrypted").orElse(ebs), "block_device_mappings.ebs.encrypted",
                                            "volume is unencrypted");
                                }
                            }
                        })),
                rule("aws-launch-config-imdsv1", Severity.MEDIUM, "CWE-918",
                        "Launch configuration metadata service allows IMDSv1",
                        "Set metadata_options { http_tokens = \"required\" }.", "aws_launch_configuration",
                        requireOneOf("metadata_options.http_tokens", "IMDSv2 is not required", "required")),
                rule("aws-metadata-hop-limit", Severity.LOW, "CWE-918",
                        "Instance metadata response hop limit is above 1",
                        "Set metadata_options { http_put_response_hop_limit = 1 } unless containers need 2.",
                        "aws_launch_template, aws_launch_configuration",
                        atMost("metadata_options.http_put_response_hop_limit", 1, 1,
                                "metadata responses travel beyond the instance")),
                rule("aws-user-data-secret", Severity.HIGH, "CWE-798", "EC2 user data holds a hardcoded credential",
                        "Fetch credentials at boot from Secrets Manager or SSM, or use an instance role.",
                        "aws_instance, aws_launch_template, aws_launch_configuration", (r, t, h) -> {
                            for (String key : new String[] {"user_data", "user_data_base64"}) {
                                r.body().scalar(key).filter(s -> s.isLiteral()
                                        && USER_DATA_SECRET.matcher(decoded(key, s.text())).find())
                                        .ifPresent(s -> h.secretAt(r, s, key, key + " contains a credential"));
                            }
                        }),
                rule("aws-launch-config-public-ip", Severity.MEDIUM, "CWE-284",
                        "Launch configuration gives instances public IP addresses",
                        "Set associate_public_ip_address = false.", "aws_launch_configuration",
                        isTrue("associate_public_ip_address", "instances are reachable from the internet")),
                rule("aws-subnet-public-ip-on-launch", Severity.LOW, "CWE-284",
                        "Subnet gives every instance a public IP address", "Set map_public_ip_on_launch = false.",
                        "aws_subnet", isTrue("map_public_ip_on_launch", "instances get public addresses by default")),
                rule("aws-default-vpc", Severity.LOW, "CWE-1188", "Default VPC is managed",
                        "Create dedicated VPCs; remove aws_default_vpc.", "aws_default_vpc",
                        declared("the default VPC has public subnets and permissive defaults")),
                rule("aws-nacl-open-all-ports", Severity.HIGH, "CWE-284",
                        "Network ACL allows all ports from the internet",
                        "Allow only the ports needed, from the networks that need them.", "aws_network_acl_rule",
                        (r, t, h) -> {
                            boolean egress = r.body().scalar("egress").filter(IacNode.Scalar::isTrue).isPresent();
                            boolean allow = r.body().text("rule_action").filter("allow"::equalsIgnoreCase).isPresent();
                            String protocol = r.body().text("protocol").orElse("");
                            boolean allPorts = protocol.equals("-1") || protocol.equalsIgnoreCase("all")
                                    || ResourceRules.numberAt(r.body(), "from_port", 1) <= 0
                                    && ResourceRules.numberAt(r.body(), "to_port", 0) >= 65535;
                            if (!egress && allow && allPorts) {
                                for (String key : new String[] {"cidr_block", "ipv6_cidr_block"}) {
                                    r.body().scalar(key).filter(ResourceRules::isOpenCidr)
                                            .ifPresent(s -> h.at(r, s, key, "all ports open to " + s.text()));
                                }
                            }
                        }),
                rule("aws-eks-no-control-plane-logs", Severity.LOW, "CWE-778",
                        "EKS cluster does not log every control plane component",
                        "Set enabled_cluster_log_types = [\"api\", \"audit\", \"authenticator\", "
                                + "\"controllerManager\", \"scheduler\"].",
                        "aws_eks_cluster", (r, t, h) -> {
                            List<IacNode.Scalar> types = r.body().scalars("enabled_cluster_log_types");
                            if (types.stream().anyMatch(s -> !s.isLiteral())) {
                                return;
                            }
                            Set<String> have = new java.util.HashSet<>();
                            types.forEach(s -> have.add(s.text()));
                            List<String> lacking = new ArrayList<>();
                            for (String type : List.of("api", "audit", "authenticator", "controllerManager",
                                    "scheduler")) {
                                if (!have.contains(type)) {
                                    lacking.add(type);
                                }
                            }
                            if (!lacking.isEmpty()) {
                                h.at(r, r.body().get("enabled_cluster_log_types").orElse(null),
                                        "enabled_cluster_log_types", "not logged: " + String.join(", ", lacking));
                            }
                        }),
                rule("aws-eks-node-group-open-ssh", Severity.HIGH, "CWE-284",
                        "EKS node group allows SSH from anywhere",
                        "Set remote_access { source_security_group_ids = [...] } or drop remote_access.",
                        "aws_eks_node_group", (r, t, h) -> r.body().mapping("remote_access").ifPresent(remote -> {
                            if (remote.has("ec2_ssh_key") && !remote.has("source_security_group_ids")) {
                                h.at(r, remote, "remote_access", "port 22 is opened to 0.0.0.0/0");
                            }
                        })),
                rule("aws-ec2-detailed-monitoring-off", Severity.LOW, "CWE-778",
                        "EC2 instance has detailed monitoring off", "Set monitoring = true.", "aws_instance",
                        notTrue("monitoring", "metrics are collected every 5 minutes only")),
                rule("aws-transit-gateway-auto-accept", Severity.MEDIUM, "CWE-284",
                        "Transit gateway accepts shared VPC attachments automatically",
                        "Set auto_accept_shared_attachments = \"disable\".", "aws_ec2_transit_gateway",
                        equalsAny("auto_accept_shared_attachments", "any sharing account may attach", "enable")),
                rule("aws-ami-public-launch", Severity.HIGH, "CWE-284", "AMI launch permission is public",
                        "Share the image with named accounts only.", "aws_ami_launch_permission",
                        equalsAny("group", "every AWS account may launch the image", "all")));
    }

    private static List<IacRule> governance() {
        String passwordPolicy = "aws_iam_account_password_policy";
        return List.of(
                rule("aws-iam-password-no-symbols", Severity.LOW, "CWE-521",
                        "IAM password policy does not require symbols", "Set require_symbols = true.", passwordPolicy,
                        notTrue("require_symbols", "symbols are optional")),
                rule("aws-iam-password-no-numbers", Severity.LOW, "CWE-521",
                        "IAM password policy does not require numbers", "Set require_numbers = true.", passwordPolicy,
                        notTrue("require_numbers", "numbers are optional")),
                rule("aws-iam-password-no-uppercase", Severity.LOW, "CWE-521",
                        "IAM password policy does not require upper-case letters",
                        "Set require_uppercase_characters = true.", passwordPolicy,
                        notTrue("require_uppercase_characters", "upper-case letters are optional")),
                rule("aws-iam-password-no-lowercase", Severity.LOW, "CWE-521",
                        "IAM password policy does not require lower-case letters",
                        "Set require_lowercase_characters = true.", passwordPolicy,
                        notTrue("require_lowercase_characters", "lower-case letters are optional")),
                rule("aws-iam-password-reuse", Severity.LOW, "CWE-521", "IAM password policy allows password reuse",
                        "Set password_reuse_prevention = 24.", passwordPolicy,
                        atLeast("password_reuse_prevention", 24, 0, "old passwords may be reused")),
                rule("aws-iam-password-no-expiry", Severity.LOW, "CWE-262",
                        "IAM passwords do not expire within 90 days", "Set max_password_age = 90 or less.",
                        passwordPolicy, (r, t, h) -> {
                            Optional<IacNode.Scalar> age = r.body().scalar("max_password_age");
                            if (age.isEmpty()) {
                                h.missing(r, "max_password_age", "passwords never expire");
                            } else {
                                ResourceRules.number(age.get()).filter(n -> n <= 0 || n > 90).ifPresent(
                                        n -> h.at(r, age.get(), "max_password_age", "passwords live " + n + " days"));
                            }
                        }),
                rule("aws-iam-root-access-key", Severity.CRITICAL, "CWE-250", "Access key is created for the root user",
                        "Delete root access keys; use IAM roles and users.", "aws_iam_access_key",
                        equalsAny("user", "root credentials are long-lived keys", "root")),
                rule("aws-iam-user-console-no-reset", Severity.LOW, "CWE-521",
                        "IAM user login profile does not force a password reset",
                        "Set password_reset_required = true.", "aws_iam_user_login_profile",
                        isFalse("password_reset_required", "the initial password stays valid")),
                rule("aws-iam-privilege-escalation", Severity.HIGH, "CWE-269",
                        "IAM policy lets its holder grant itself more permissions",
                        "Remove iam:* writes such as iam:PassRole on '*', iam:CreatePolicyVersion, "
                                + "iam:AttachRolePolicy and iam:PutUserPolicy, or scope them to named resources.",
                        "aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, "
                                + "aws_iam_policy_document",
                        AwsServiceRules::privilegeEscalation),
                rule("aws-kms-policy-any-principal", Severity.HIGH, "CWE-284",
                        "KMS key policy allows any principal", "Name the principals in the key policy.", "aws_kms_key",
                        PolicyDocuments.anyPrincipal("policy")),
                rule("aws-sqs-policy-public", Severity.HIGH, "CWE-284", "SQS queue policy allows any principal",
                        "Name the principals, or add a condition such as aws:SourceArn.",
                        "aws_sqs_queue_policy, aws_sqs_queue", PolicyDocuments.anyPrincipal("policy")),
                rule("aws-sqs-policy-all-actions", Severity.MEDIUM, "CWE-732", "SQS queue policy allows every action",
                        "List the sqs: actions needed instead of '*' or 'sqs:*'.", "aws_sqs_queue_policy",
                        (r, t, h) -> r.body().get("policy").ifPresent(p -> {
                            for (PolicyDocuments.Statement s : PolicyDocuments.statements(p)) {
                                s.actions().stream().filter(a -> a.text().equals("*") || a.text().equals("sqs:*"))
                                        .filter(a -> s.allow()).findFirst()
                                        .ifPresent(a -> h.at(r, a, "policy", "Action is " + a.text()));
                            }
                        })),
                rule("aws-sns-policy-public", Severity.HIGH, "CWE-284", "SNS topic policy allows any principal",
                        "Name the principals, or add a condition such as aws:SourceOwner.",
                        "aws_sns_topic_policy, aws_sns_topic", PolicyDocuments.anyPrincipal("policy")),
                rule("aws-ecr-policy-public", Severity.HIGH, "CWE-284", "ECR repository policy allows any principal",
                        "Name the accounts that may pull or push.", "aws_ecr_repository_policy",
                        PolicyDocuments.anyPrincipal("policy")),
                rule("aws-cloudtrail-no-cloudwatch", Severity.LOW, "CWE-778",
                        "CloudTrail trail does not send events to CloudWatch Logs",
                        "Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn.", "aws_cloudtrail",
                        missing("cloud_watch_logs_group_arn", "no real-time monitoring of API activity")),
                rule("aws-cloudtrail-no-sns", Severity.LOW, "CWE-778", "CloudTrail trail defines no SNS topic",
                        "Set sns_topic_name to be notified of log delivery.", "aws_cloudtrail",
                        missing("sns_topic_name", "no notification on log delivery")),
                rule("aws-config-recorder-partial", Severity.MEDIUM, "CWE-778",
                        "AWS Config recorder does not record every resource type",
                        "Set recording_group { all_supported = true include_global_resource_types = true }.",
                        "aws_config_configuration_recorder", (r, t, h) -> {
                            isFalse("recording_group.all_supported", "some resource types are not recorded")
                                    .check(r, t, h);
                            isFalse("recording_group.include_global_resource_types",
                                    "global resources (IAM) are not recorded").check(r, t, h);
                        }),
                rule("aws-config-recorder-off", Severity.MEDIUM, "CWE-778", "AWS Config recorder is stopped",
                        "Set is_enabled = true.", "aws_config_configuration_recorder_status",
                        notTrue("is_enabled", "configuration changes are not recorded")),
                rule("aws-config-aggregator-partial", Severity.LOW, "CWE-778",
                        "AWS Config aggregator does not cover every region",
                        "Set all_regions = true in the aggregation source.", "aws_config_configuration_aggregator",
                        (r, t, h) -> {
                            List<IacNode.Scalar> all = new ArrayList<>(r.body()
                                    .scalars("account_aggregation_source.all_regions"));
                            all.addAll(r.body().scalars("organization_aggregation_source.all_regions"));
                            if (all.stream().noneMatch(s -> s.isTrue() || !s.isLiteral())) {
                                h.at(r, all.isEmpty() ? null : all.get(0), "all_regions", "some regions are missed");
                            }
                        }),
                rule("aws-guardduty-disabled", Severity.MEDIUM, "CWE-778", "GuardDuty detector is disabled",
                        "Set enable = true.", "aws_guardduty_detector",
                        isFalse("enable", "threat detection is off")),
                rule("aws-workspaces-user-volume-unencrypted", Severity.MEDIUM, "CWE-311",
                        "WorkSpaces user volume is not encrypted", "Set user_volume_encryption_enabled = true.",
                        "aws_workspaces_workspace",
                        notTrue("user_volume_encryption_enabled", "the user volume is unencrypted")),
                rule("aws-workspaces-root-volume-unencrypted", Severity.MEDIUM, "CWE-311",
                        "WorkSpaces root volume is not encrypted", "Set root_volume_encryption_enabled = true.",
                        "aws_workspaces_workspace",
                        notTrue("root_volume_encryption_enabled", "the root volume is unencrypted")),
                rule("aws-efs-access-point-root", Severity.LOW, "CWE-732",
                        "EFS access point does not confine clients to a directory",
                        "Set root_directory { path = \"/app\" } to a directory other than '/'.",
                        "aws_efs_access_point", (r, t, h) -> {
                            Optional<IacNode.Scalar> path = r.body().scalars("root_directory.path").stream().findFirst();
                            if (!r.body().present("root_directory.path")) {
                                h.missing(r, "root_directory.path", "clients see the whole file system");
                            } else if (path.isPresent() && path.get().text().equals("/")) {
                                h.at(r, path.get(), "root_directory.path", "clients see the whole file system");
                            }
                        }),
                rule("aws-efs-access-point-no-user", Severity.LOW, "CWE-732",
                        "EFS access point does not enforce a user identity",
                        "Set posix_user { uid = ... gid = ... }.", "aws_efs_access_point",
                        missing("posix_user", "clients act with their own uid")));
    }

    private static List<IacRule> otherServices() {
        return List.of(
                rule("aws-codebuild-artifacts-unencrypted", Severity.MEDIUM, "CWE-311",
                        "CodeBuild project disables artifact encryption", "Remove encryption_disabled = true.",
                        "aws_codebuild_project", isTrue("artifacts.encryption_disabled", "artifacts are unencrypted")),
                rule("aws-codebuild-privileged", Severity.MEDIUM, "CWE-250", "CodeBuild project runs in privileged mode",
                        "Set environment { privileged_mode = false } unless the build must run Docker.",
                        "aws_codebuild_project", isTrue("environment.privileged_mode", "builds run privileged")),
                rule("aws-sagemaker-notebook-internet", Severity.MEDIUM, "CWE-284",
                        "SageMaker notebook instance has direct internet access",
                        "Set direct_internet_access = \"Disabled\" and place it in a VPC subnet.",
                        "aws_sagemaker_notebook_instance",
                        requireOneOf("direct_internet_access", "the notebook reaches the internet directly",
                                "Disabled")),
                rule("aws-sagemaker-notebook-root", Severity.MEDIUM, "CWE-250",
                        "SageMaker notebook instance gives users root access", "Set root_access = \"Disabled\".",
                        "aws_sagemaker_notebook_instance",
                        requireOneOf("root_access", "notebook users are root", "Disabled")),
                rule("aws-dms-public", Severity.HIGH, "CWE-284", "DMS replication instance is publicly accessible",
                        "Set publicly_accessible = false.", "aws_dms_replication_instance",
                        isTrue("publicly_accessible", "the instance has a public address")),
                rule("aws-transfer-server-public", Severity.MEDIUM, "CWE-284", "Transfer Family server is public",
                        "Set endpoint_type = \"VPC\".", "aws_transfer_server",
                        requireOneOf("endpoint_type", "the server has a public endpoint", "VPC", "VPC_ENDPOINT")),
                rule("aws-transfer-server-insecure-protocol", Severity.HIGH, "CWE-319",
                        "Transfer Family server allows FTP", "Use protocols = [\"SFTP\"] or FTPS.",
                        "aws_transfer_server", equalsAny("protocols", "FTP sends credentials in clear text", "FTP")),
                rule("aws-cognito-unauthenticated", Severity.MEDIUM, "CWE-306",
                        "Cognito identity pool allows unauthenticated identities",
                        "Set allow_unauthenticated_identities = false.", "aws_cognito_identity_pool",
                        isTrue("allow_unauthenticated_identities", "guests get AWS credentials")),
                rule("aws-qldb-allow-all", Severity.MEDIUM, "CWE-732", "QLDB ledger uses the ALLOW_ALL permissions mode",
                        "Set permissions_mode = \"STANDARD\".", "aws_qldb_ledger",
                        equalsAny("permissions_mode", "table-level permissions are not enforced", "ALLOW_ALL")),
                rule("aws-emr-public-access-allowed", Severity.HIGH, "CWE-284",
                        "EMR block public access is turned off", "Set block_public_security_group_rules = true.",
                        "aws_emr_block_public_access_configuration",
                        isFalse("block_public_security_group_rules", "clusters may open ports to the internet")),
                rule("aws-sfn-no-logging", Severity.LOW, "CWE-778", "Step Functions state machine logs no executions",
                        "Add logging_configuration { level = \"ALL\" include_execution_data = true }.",
                        "aws_sfn_state_machine", (r, t, h) -> {
                            if (!r.body().present("logging_configuration")) {
                                h.missing(r, "logging_configuration", "execution history is not logged");
                            } else {
                                equalsAny("logging_configuration.level", "logging is off", "OFF").check(r, t, h);
                            }
                        }),
                rule("aws-sfn-no-xray", Severity.LOW, "CWE-778", "Step Functions state machine has no X-Ray tracing",
                        "Add tracing_configuration { enabled = true }.", "aws_sfn_state_machine",
                        notTrue("tracing_configuration.enabled", "executions are not traced")),
                rule("aws-appsync-no-logging", Severity.LOW, "CWE-778", "AppSync API logs nothing",
                        "Add log_config with field_log_level ERROR or ALL.", "aws_appsync_graphql_api",
                        (r, t, h) -> {
                            if (!r.body().present("log_config")) {
                                h.missing(r, "log_config", "no log_config");
                            } else {
                                equalsAny("log_config.field_log_level", "field logging is off", "NONE")
                                        .check(r, t, h);
                            }
                        }),
                rule("aws-ses-tls-optional", Severity.MEDIUM, "CWE-319",
                        "SES configuration set does not require TLS",
                        "Add delivery_options { tls_policy = \"Require\" }.", "aws_ses_configuration_set",
                        requireOneOf("delivery_options.tls_policy", "mail may be delivered in clear text", "Require")),
                rule("aws-ssm-document-public", Severity.HIGH, "CWE-284", "SSM document is shared publicly",
                        "Share it with named account ids only.", "aws_ssm_document",
                        equalsAny("permissions.account_ids", "every AWS account may run the document", "All")),
                rule("aws-cloudfront-outdated-tls", Severity.MEDIUM, "CWE-326",
                        "CloudFront distribution accepts TLS below 1.2",
                        "Set viewer_certificate { minimum_protocol_version = \"TLSv1.2_2021\" }.",
                        "aws_cloudfront_distribution", (r, t, h) -> {
                            if (r.body().scalars("viewer_certificate.cloudfront_default_certificate").stream()
                                    .anyMatch(IacNode.Scalar::isTrue)) {
                                return;
                            }
                            textMatches("viewer_certificate.minimum_protocol_version", "(SSLv3|TLSv1|TLSv1_2016|"
                                    + "TLSv1\\.1_2016)", false, "viewers may use outdated TLS").check(r, t, h);
                        }),
                rule("aws-cloudfront-no-logging", Severity.LOW, "CWE-778", "CloudFront distribution has no access logs",
                        "Add logging_config with a log bucket.", "aws_cloudfront_distribution",
                        missing("logging_config", "no logging_config")),
                rule("aws-cloudfront-no-waf", Severity.LOW, "CWE-693", "CloudFront distribution has no WAF web ACL",
                        "Set web_acl_id.", "aws_cloudfront_distribution", missing("web_acl_id", "no web_acl_id")),
                rule("aws-lb-no-access-logs", Severity.LOW, "CWE-778", "Load balancer has no access logs",
                        "Add access_logs { bucket = ... enabled = true }.", "aws_lb, aws_alb, aws_elb", (r, t, h) -> {
                            if (!r.body().present("access_logs")) {
                                h.missing(r, "access_logs", "no access_logs");
                            } else {
                                isFalse("access_logs.enabled", "access logging is off").check(r, t, h);
                            }
                        }),
                rule("aws-lb-keeps-invalid-headers", Severity.MEDIUM, "CWE-444",
                        "Application load balancer forwards invalid HTTP headers",
                        "Set drop_invalid_header_fields = true.", "aws_lb, aws_alb",
                        when(r -> r.body().text("load_balancer_type").orElse("application").equals("application"),
                                notTrue("drop_invalid_header_fields", "request smuggling is easier"))),
                rule("aws-lb-no-deletion-protection", Severity.LOW, "CWE-693",
                        "Load balancer deletion protection is off", "Set enable_deletion_protection = true.",
                        "aws_lb, aws_alb",
                        notTrue("enable_deletion_protection", "the load balancer can be deleted by mistake")));
    }

    private static List<IacRule> keysAndExposure() {
        return List.of(
                rule("aws-sg-open-egress", Severity.LOW, "CWE-284",
                        "Security group allows all outbound traffic to the internet",
                        "Allow egress only to the destinations and ports the workload needs.",
                        "aws_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule",
                        (r, t, h) -> {
                            List<IacNode.Mapping> rules = switch (r.type()) {
                                case "aws_security_group" -> r.body().mappings("egress");
                                case "aws_security_group_rule" -> r.body().text("type").filter("egress"::equals)
                                        .isPresent() ? List.of(r.body()) : List.of();
                                default -> List.of(r.body());
                            };
                            for (IacNode.Mapping rule : rules) {
                                List<IacNode.Scalar> cidrs = new ArrayList<>(rule.scalars("cidr_blocks"));
                                cidrs.addAll(rule.scalars("ipv6_cidr_blocks"));
                                cidrs.addAll(rule.scalars("cidr_ipv4"));
                                cidrs.addAll(rule.scalars("cidr_ipv6"));
                                cidrs.stream().filter(ResourceRules::isOpenCidr).findFirst().ifPresent(c -> h.at(r, c,
                                        "egress", "traffic may leave to " + c.text()));
                            }
                        }),
                rule("aws-sg-no-description", Severity.LOW, "CWE-710", "Security group has no description",
                        "Describe what the group is for.", "aws_security_group",
                        (r, t, h) -> {
                            Optional<IacNode.Scalar> description = r.body().scalar("description");
                            if (description.isEmpty() && !r.body().has("description")) {
                                h.missing(r, "description", "defaults to 'Managed by Terraform'");
                            } else if (description.isPresent() && (description.get().text().isBlank()
                                    || description.get().text().equals("Managed by Terraform"))) {
                                h.at(r, description.get(), "description", "the description says nothing");
                            }
                        }),
                rule("aws-ebs-no-cmk", Severity.LOW, "CWE-311",
                        "EBS volume is not encrypted with a customer managed key", "Set kms_key_id.", "aws_ebs_volume",
                        missing("kms_key_id", "the AWS managed key is used")),
                rule("aws-ecr-no-kms", Severity.LOW, "CWE-311", "ECR repository is not encrypted with KMS",
                        "Add encryption_configuration { encryption_type = \"KMS\" kms_key = ... }.",
                        "aws_ecr_repository", requireOneOf("encryption_configuration.encryption_type",
                                "images are encrypted with the default AES-256 key", "KMS")),
                rule("aws-eks-public-endpoint-enabled", Severity.LOW, "CWE-284",
                        "EKS cluster API endpoint is public", "Set vpc_config { endpoint_public_access = false }.",
                        "aws_eks_cluster", (r, t, h) -> r.body().mapping("vpc_config").ifPresent(vpc -> {
                            Optional<IacNode.Scalar> value = vpc.scalar("endpoint_public_access");
                            if (value.isEmpty()) {
                                h.at(r, vpc, "vpc_config.endpoint_public_access", "the endpoint is public by default");
                            } else if (value.get().isTrue()) {
                                h.at(r, value.get(), "vpc_config.endpoint_public_access", "the endpoint is public");
                            }
                        })),
                rule("aws-lb-public", Severity.LOW, "CWE-284", "Load balancer is internet-facing",
                        "Set internal = true unless the load balancer must serve the internet (then put a WAF in front).",
                        "aws_lb, aws_alb, aws_elb", ResourceRules.notTrue("internal", "it has a public address")),
                rule("aws-lambda-permission-no-source", Severity.MEDIUM, "CWE-284",
                        "Lambda permission for an AWS service does not name the source resource",
                        "Set source_arn (or source_account) so that only your resource may invoke the function.",
                        "aws_lambda_permission", (r, t, h) -> r.body().scalar("principal")
                                .filter(s -> s.text().endsWith(".amazonaws.com"))
                                .filter(s -> !r.body().has("source_arn") && !r.body().has("source_account"))
                                .ifPresent(s -> h.at(r, s, "principal", "any " + s.text() + " resource of any account "
                                        + "may invoke it"))),
                rule("aws-msk-no-cmk", Severity.LOW, "CWE-311", "MSK cluster is not encrypted with a customer managed key",
                        "Set encryption_info { encryption_at_rest_kms_key_arn = ... }.", "aws_msk_cluster",
                        missing("encryption_info.encryption_at_rest_kms_key_arn", "the AWS managed key is used")),
                rule("aws-neptune-no-cmk", Severity.LOW, "CWE-311",
                        "Neptune cluster is not encrypted with a customer managed key", "Set kms_key_arn.",
                        "aws_neptune_cluster", missing("kms_key_arn", "the AWS managed key is used")),
                rule("aws-docdb-no-cmk", Severity.LOW, "CWE-311",
                        "DocumentDB cluster is not encrypted with a customer managed key", "Set kms_key_id.",
                        "aws_docdb_cluster", missing("kms_key_id", "the AWS managed key is used")),
                rule("aws-redshift-no-cmk", Severity.LOW, "CWE-311",
                        "Redshift cluster is not encrypted with a customer managed key", "Set kms_key_id.",
                        "aws_redshift_cluster", missing("kms_key_id", "the AWS managed key is used")),
                rule("aws-rds-no-performance-insights", Severity.LOW, "CWE-778",
                        "RDS instance has Performance Insights off", "Set performance_insights_enabled = true.",
                        "aws_db_instance, aws_rds_cluster_instance",
                        ResourceRules.notTrue("performance_insights_enabled", "query load is not recorded")),
                rule("aws-sns-aws-managed-key", Severity.LOW, "CWE-311",
                        "SNS topic is encrypted with the AWS managed key",
                        "Use a customer managed key for kms_master_key_id.", "aws_sns_topic",
                        equalsAny("kms_master_key_id", "the default key cannot be restricted", "alias/aws/sns")),
                rule("aws-sqs-aws-managed-key", Severity.LOW, "CWE-311",
                        "SQS queue is encrypted with the AWS managed key",
                        "Use a customer managed key for kms_master_key_id.", "aws_sqs_queue",
                        equalsAny("kms_master_key_id", "the default key cannot be restricted", "alias/aws/sqs")),
                rule("aws-s3-no-cmk", Severity.LOW, "CWE-311", "S3 bucket is not encrypted with a KMS key",
                        "Use sse_algorithm = \"aws:kms\" with a customer managed kms_master_key_id.",
                        "aws_s3_bucket_server_side_encryption_configuration", (r, t, h) -> {
                            for (IacNode.Scalar algorithm : r.body().scalars(
                                    "rule.apply_server_side_encryption_by_default.sse_algorithm")) {
                                if (algorithm.text().equals("AES256")) {
                                    h.at(r, algorithm, "sse_algorithm", "S3-managed keys only");
                                }
                            }
                        }),
                rule("aws-cloudtrail-bucket-public", Severity.CRITICAL, "CWE-284",
                        "CloudTrail log bucket is publicly readable",
                        "Make the trail's bucket private (no public ACL) and block public access.", "aws_cloudtrail",
                        (r, t, h) -> r.body().scalar("s3_bucket_name").ifPresent(name -> {
                            for (IacResource bucket : t.ofType("aws_s3_bucket")) {
                                boolean same = ResourceRules.refersTo(name.text(), bucket)
                                        || bucket.body().text("bucket").filter(name.text()::equals).isPresent();
                                boolean publicAcl = bucket.body().scalars("acl").stream().anyMatch(a -> a.text()
                                        .startsWith("public-read") || a.text().equals("authenticated-read"))
                                        || t.ofType("aws_s3_bucket_acl").stream().anyMatch(acl -> acl.body()
                                                .scalars("bucket").stream().anyMatch(b -> ResourceRules.refersTo(
                                                        b.text(), bucket)) && acl.body().scalars("acl").stream()
                                                .anyMatch(a -> a.text().startsWith("public-read")));
                                if (same && publicAcl) {
                                    h.at(r, name, "s3_bucket_name", "the audit trail is readable by anyone");
                                }
                            }
                        })));
    }

    /** A check on each container definition of an ECS task definition. */
    @FunctionalInterface
    private interface ContainerCheck {
        void check(IacResource r, IacNode.Mapping container, RuleHits h);
    }

    private static ResourceCheck containerCheck(ContainerCheck check) {
        return (r, t, h) -> {
            for (IacNode.Mapping container : jsonMappings(r.body(), "container_definitions")) {
                check.check(r, container, h);
            }
        };
    }

    private static String name(IacNode.Mapping container) {
        return "container " + container.text("name").orElse("?");
    }

    /**
     * The mappings at {@code key}: a list or object from {@code jsonencode}, or a JSON document in a string or a
     * heredoc (which the HCL reader leaves as text when it is an array). Lines of a JSON string are offset to the
     * attribute's line.
     */
    static List<IacNode.Mapping> jsonMappings(IacNode.Mapping body, String key) {
        List<IacNode.Mapping> result = new ArrayList<>();
        IacNode value = body.get(key).orElse(null);
        if (value instanceof IacNode.Scalar s && s.isLiteral()) {
            String text = s.text().strip();
            if (text.startsWith("[") || text.startsWith("{")) {
                try {
                    int first = s.text().startsWith("\n") ? s.line() + 1 : s.line();
                    value = JsonDocuments.parse(s.text().strip(), first);
                } catch (IacParseException | RuntimeException e) {
                    return result;
                }
            }
        }
        if (value != null) {
            for (IacNode item : IacNode.flatten(value)) {
                if (item instanceof IacNode.Mapping m) {
                    result.add(m);
                }
            }
        }
        return result;
    }

    private static String decoded(String key, String text) {
        if (!key.endsWith("base64")) {
            return text;
        }
        try {
            return new String(java.util.Base64.getMimeDecoder().decode(text.strip()),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * A check of a parameter group's {@code parameter} blocks: fires when the parameter {@code name} has the value
     * {@code value} ({@code expected} false), or lacks it ({@code expected} true, absence included).
     */
    private static ResourceCheck parameterIs(String name, String value, boolean expected, String detail) {
        return (r, t, h) -> {
            Optional<IacNode.Mapping> parameter = r.body().mappings("parameter").stream()
                    .filter(p -> p.text("name").filter(name::equalsIgnoreCase).isPresent()).findFirst();
            if (parameter.isEmpty()) {
                if (expected) {
                    h.missing(r, "parameter." + name, detail + " (" + name + " is not set)");
                }
                return;
            }
            Optional<IacNode.Scalar> actual = parameter.get().scalar("value");
            if (actual.isEmpty() || !actual.get().isLiteral()) {
                return;
            }
            boolean equal = actual.get().text().equalsIgnoreCase(value);
            if (equal != expected) {
                h.at(r, actual.get(), "parameter." + name, detail + " (" + name + " = " + actual.get().text() + ")");
            }
        };
    }

    private static boolean sameIdentifier(ResourceTarget t, IacResource r, String type, String key) {
        Optional<String> id = r.body().text("cluster_identifier");
        return id.isPresent() && t.ofType(type).stream()
                .anyMatch(o -> o.body().text(key).filter(id.get()::equals).isPresent());
    }

    /** Actions that let a principal raise its own permissions when granted on every resource. */
    static final Set<String> ESCALATION_ACTIONS = Set.of("iam:*", "iam:passrole", "iam:createpolicyversion",
            "iam:setdefaultpolicyversion", "iam:attachuserpolicy", "iam:attachrolepolicy", "iam:attachgrouppolicy",
            "iam:putuserpolicy", "iam:putrolepolicy", "iam:putgrouppolicy", "iam:createaccesskey",
            "iam:updateloginprofile", "iam:createloginprofile", "iam:updateassumerolepolicy", "iam:addusertogroup");

    private static void privilegeEscalation(IacResource r, ResourceTarget t, RuleHits h) {
        List<PolicyDocuments.Statement> statements = r.type().equals("aws_iam_policy_document")
                ? PolicyDocuments.terraformStatements(r.body())
                : r.body().get("policy").map(PolicyDocuments::statements).orElse(List.of());
        for (PolicyDocuments.Statement s : statements) {
            if (!s.allow() || s.wildcardResource() == null || s.conditional() || s.hasFullWildcardAction()) {
                continue;
            }
            s.actions().stream().filter(a -> ESCALATION_ACTIONS.contains(a.text().toLowerCase(Locale.ROOT)))
                    .findFirst().ifPresent(a -> h.at(r, a, "policy", a.text() + " on every resource"));
        }
    }
}
