package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.numberAt;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.PolicyDocuments;
import io.jenkins.plugins.devsecops.iac.rule.PortRanges;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.iac.rule.ResourceTarget;
import io.jenkins.plugins.devsecops.iac.rule.RuleHits;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Terraform rules for AWS resources. */
public final class AwsRules {

    private static final String POLICY_RESOURCES = "aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, "
            + "aws_iam_group_policy, aws_iam_policy_document";
    private static final String INLINE_POLICIES = "aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy";

    private AwsRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every AWS rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("aws-s3-public-acl", Severity.HIGH, "CWE-284", "S3 bucket grants public access through its ACL",
                        "Use a private ACL (or disable ACLs with object ownership BucketOwnerEnforced).",
                        "aws_s3_bucket, aws_s3_bucket_acl",
                        unlessBlocked(new String[] {"block_public_acls", "ignore_public_acls"},
                                equalsAny("acl", "canned ACL makes objects readable by anyone", "public-read",
                                        "public-read-write", "authenticated-read"))),
                rule("aws-s3-public-policy", Severity.HIGH, "CWE-284",
                        "S3 bucket policy allows any principal without a condition",
                        "Name the principals that need access, or add a condition such as aws:SourceVpce.",
                        "aws_s3_bucket_policy, aws_s3_bucket",
                        unlessBlocked(new String[] {"block_public_policy", "restrict_public_buckets"},
                                AwsRules::publicBucketPolicy)),
                rule("aws-s3-no-encryption", Severity.MEDIUM, "CWE-311",
                        "S3 bucket has no server-side encryption configuration",
                        "Add aws_s3_bucket_server_side_encryption_configuration with aws:kms and a customer key.",
                        "aws_s3_bucket", bucketWithout("server_side_encryption_configuration",
                                "aws_s3_bucket_server_side_encryption_configuration", r -> true,
                                "no encryption configuration")),
                rule("aws-s3-no-versioning", Severity.MEDIUM, "CWE-693", "S3 bucket versioning is not enabled",
                        "Enable versioning (aws_s3_bucket_versioning with status = \"Enabled\") to recover from "
                                + "deletion and ransomware.",
                        "aws_s3_bucket", AwsRules::bucketVersioning),
                rule("aws-s3-no-public-access-block", Severity.MEDIUM, "CWE-284",
                        "S3 bucket has no public access block",
                        "Add aws_s3_bucket_public_access_block with all four settings true.", "aws_s3_bucket",
                        (r, t, h) -> {
                            if (t.ofType("aws_s3_account_public_access_block").isEmpty()) {
                                bucketWithout(null, "aws_s3_bucket_public_access_block", b -> true,
                                        "no aws_s3_bucket_public_access_block refers to it").check(r, t, h);
                            }
                        }),
                rule("aws-s3-public-access-block-disabled", Severity.HIGH, "CWE-284",
                        "S3 public access block leaves a protection off",
                        "Set block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets "
                                + "to true.",
                        "aws_s3_bucket_public_access_block, aws_s3_account_public_access_block",
                        AwsRules::publicAccessBlock),
                rule("aws-s3-no-access-logging", Severity.LOW, "CWE-778", "S3 bucket access logging is disabled",
                        "Add aws_s3_bucket_logging sending access logs to a dedicated bucket.", "aws_s3_bucket",
                        bucketWithout("logging", "aws_s3_bucket_logging", r -> true, "no access logging")),
                rule("aws-sg-open-ssh", Severity.HIGH, "CWE-284", "Security group opens SSH (22) to the internet",
                        "Restrict the source to known networks or use SSM Session Manager.", SG_TYPES,
                        openIngress(PortRanges.SSH, "SSH")),
                rule("aws-sg-open-rdp", Severity.HIGH, "CWE-284", "Security group opens RDP (3389) to the internet",
                        "Restrict the source to known networks or use a bastion / VPN.", SG_TYPES,
                        openIngress(PortRanges.RDP, "RDP")),
                rule("aws-sg-open-database", Severity.HIGH, "CWE-284",
                        "Security group opens a database port to the internet",
                        "Allow database ports only from application security groups or private subnets.", SG_TYPES,
                        openIngress(-1, "database")),
                rule("aws-sg-open-all-ports", Severity.CRITICAL, "CWE-284",
                        "Security group opens all ports to the internet",
                        "Allow only the ports the service needs, from the networks that need them.", SG_TYPES,
                        openIngress(-2, "all ports")),
                rule("aws-sg-rule-no-description", Severity.LOW, "CWE-710", "Security group rule has no description",
                        "Describe why each rule exists, so that reviews can tell stale rules from needed ones.",
                        "aws_security_group, aws_security_group_rule", AwsRules::ruleWithoutDescription),
                rule("aws-default-sg-allows-traffic", Severity.MEDIUM, "CWE-284",
                        "Default security group allows traffic",
                        "Leave aws_default_security_group without ingress and egress rules.",
                        "aws_default_security_group", (r, t, h) -> {
                            for (String key : new String[] {"ingress", "egress"}) {
                                r.body().get(key).ifPresent(n -> h.at(r, n, key, "default group has " + key + " rules"));
                            }
                        }),
                rule("aws-ebs-unencrypted", Severity.MEDIUM, "CWE-311", "EBS volume is not encrypted",
                        "Set encrypted = true (and kms_key_id to a customer key).", "aws_ebs_volume",
                        unlessEncryptedByDefault(notTrue("encrypted", "volume is unencrypted"))),
                rule("aws-ebs-default-encryption-off", Severity.MEDIUM, "CWE-311",
                        "EBS encryption by default is turned off", "Set enabled = true.",
                        "aws_ebs_encryption_by_default",
                        ResourceRules.isFalse("enabled", "new volumes are not encrypted by default")),
                rule("aws-instance-root-unencrypted", Severity.MEDIUM, "CWE-311",
                        "EC2 instance block device is not encrypted",
                        "Set encrypted = true in root_block_device and every ebs_block_device.", "aws_instance",
                        unlessEncryptedByDefault(AwsRules::instanceDevices)),
                rule("aws-instance-imdsv1", Severity.MEDIUM, "CWE-918",
                        "EC2 instance metadata service allows IMDSv1",
                        "Set metadata_options { http_tokens = \"required\" } so that SSRF cannot read credentials.",
                        "aws_instance, aws_launch_template", (r, t, h) -> {
                            if (r.type().equals("aws_instance") && r.body().present("launch_template")
                                    && !r.body().present("metadata_options")) {
                                return;
                            }
                            Optional<IacNode.Mapping> options = r.body().mapping("metadata_options");
                            if (options.isEmpty()) {
                                h.missing(r, "metadata_options.http_tokens", "IMDSv2 is not required");
                            } else if (options.get().scalar("http_tokens").filter(s -> s.lower().equals("required"))
                                    .isEmpty()) {
                                h.at(r, options.get().get("http_tokens").orElse(options.get()),
                                        "metadata_options.http_tokens", "IMDSv2 is not required");
                            }
                        }),
                rule("aws-instance-public-ip", Severity.MEDIUM, "CWE-284", "EC2 instance gets a public IP address",
                        "Place instances in private subnets behind a load balancer.",
                        "aws_instance, aws_launch_template",
                        isTrue("associate_public_ip_address", "instance is reachable from the internet")),
                rule("aws-rds-unencrypted", Severity.HIGH, "CWE-311", "RDS storage is not encrypted",
                        "Set storage_encrypted = true with a KMS key.", "aws_db_instance, aws_rds_cluster",
                        (r, t, h) -> {
                            boolean serverless = r.body().text("engine_mode").filter("serverless"::equals).isPresent();
                            boolean replica = r.body().has("replicate_source_db");
                            if (!serverless && !replica) {
                                notTrue("storage_encrypted", "database storage is unencrypted").check(r, t, h);
                            }
                        }),
                rule("aws-rds-publicly-accessible", Severity.CRITICAL, "CWE-284", "RDS instance is publicly accessible",
                        "Set publicly_accessible = false and reach the database from inside the VPC.",
                        "aws_db_instance, aws_rds_cluster_instance",
                        isTrue("publicly_accessible", "database has a public endpoint")),
                rule("aws-rds-no-backup", Severity.MEDIUM, "CWE-693", "RDS automated backups are disabled",
                        "Set backup_retention_period to at least 7 days.", "aws_db_instance, aws_rds_cluster",
                        equalsAny("backup_retention_period", "backup retention is 0 days", "0")),
                rule("aws-rds-no-deletion-protection", Severity.LOW, "CWE-693",
                        "RDS deletion protection is disabled", "Set deletion_protection = true.",
                        "aws_db_instance, aws_rds_cluster",
                        notTrue("deletion_protection", "the database can be deleted by mistake")),
                rule("aws-rds-hardcoded-password", Severity.HIGH, "CWE-798",
                        "Database master password is hardcoded",
                        "Use manage_master_user_password = true or read it from a secret store.",
                        "aws_db_instance, aws_rds_cluster", (r, t, h) -> {
                            for (String key : new String[] {"password", "master_password"}) {
                                r.body().scalar(key).filter(PolicyDocuments::isLiteralSecret)
                                        .ifPresent(s -> h.secretAt(r, s, key, key + " is a literal"));
                            }
                        }),
                rule("aws-efs-unencrypted", Severity.MEDIUM, "CWE-311", "EFS file system is not encrypted",
                        "Set encrypted = true.", "aws_efs_file_system",
                        notTrue("encrypted", "file system is unencrypted")),
                rule("aws-sns-unencrypted", Severity.MEDIUM, "CWE-311", "SNS topic is not encrypted",
                        "Set kms_master_key_id.", "aws_sns_topic",
                        missing("kms_master_key_id", "no kms_master_key_id")),
                rule("aws-sqs-unencrypted", Severity.MEDIUM, "CWE-311", "SQS queue is not encrypted",
                        "Set kms_master_key_id or sqs_managed_sse_enabled = true.", "aws_sqs_queue", (r, t, h) -> {
                            boolean managed = r.body().scalar("sqs_managed_sse_enabled").map(IacNode.Scalar::isTrue)
                                    .orElse(false);
                            boolean managedOff = r.body().scalar("sqs_managed_sse_enabled")
                                    .map(IacNode.Scalar::isFalse).orElse(false);
                            if (!r.body().has("kms_master_key_id") && !managed) {
                                if (managedOff) {
                                    h.at(r, r.body().get("sqs_managed_sse_enabled").get(), "sqs_managed_sse_enabled",
                                            "server-side encryption is off");
                                } else {
                                    h.missing(r, "kms_master_key_id", "no encryption configured");
                                }
                            }
                        }),
                rule("aws-elasticache-no-transit-encryption", Severity.MEDIUM, "CWE-319",
                        "ElastiCache replication group does not encrypt traffic",
                        "Set transit_encryption_enabled = true.", "aws_elasticache_replication_group",
                        notTrue("transit_encryption_enabled", "traffic is in clear text")),
                rule("aws-elasticache-no-rest-encryption", Severity.MEDIUM, "CWE-311",
                        "ElastiCache replication group does not encrypt data at rest",
                        "Set at_rest_encryption_enabled = true.", "aws_elasticache_replication_group",
                        notTrue("at_rest_encryption_enabled", "data at rest is unencrypted")),
                rule("aws-dynamodb-no-pitr", Severity.LOW, "CWE-693",
                        "DynamoDB table has no point-in-time recovery",
                        "Add point_in_time_recovery { enabled = true }.", "aws_dynamodb_table",
                        notTrue("point_in_time_recovery.enabled", "point-in-time recovery is off")),
                rule("aws-redshift-publicly-accessible", Severity.HIGH, "CWE-284",
                        "Redshift cluster is publicly accessible", "Set publicly_accessible = false.",
                        "aws_redshift_cluster", (r, t, h) -> {
                            Optional<IacNode.Scalar> value = r.body().scalar("publicly_accessible");
                            if (value.isEmpty()) {
                                h.missing(r, "publicly_accessible", "publicly_accessible defaults to true");
                            } else if (value.get().isTrue()) {
                                h.at(r, value.get(), "publicly_accessible", "cluster has a public endpoint");
                            }
                        }),
                rule("aws-redshift-unencrypted", Severity.MEDIUM, "CWE-311", "Redshift cluster is not encrypted",
                        "Set encrypted = true.", "aws_redshift_cluster",
                        notTrue("encrypted", "cluster storage is unencrypted")),
                rule("aws-iam-wildcard-action", Severity.HIGH, "CWE-269",
                        "IAM policy allows every action of a service or of AWS",
                        "List the actions the principal needs instead of '*' or 'service:*'.", POLICY_RESOURCES,
                        policyCheck(s -> s.allow() && s.wildcardAction() != null, s -> s.wildcardAction(),
                                "Action allows a wildcard")),
                rule("aws-iam-wildcard-resource", Severity.MEDIUM, "CWE-732",
                        "IAM policy allows actions on every resource",
                        "Scope Resource to the ARNs the principal needs.", POLICY_RESOURCES,
                        policyCheck(s -> s.allow() && s.wildcardResource() != null
                                && s.actions().stream().anyMatch(a -> !isReadOnly(a.text())),
                                s -> s.wildcardResource(), "Resource is '*'")),
                rule("aws-iam-inline-admin-policy", Severity.CRITICAL, "CWE-269",
                        "Inline IAM policy grants full administrator access",
                        "Attach narrowly scoped managed policies; never grant Action '*' on Resource '*'.",
                        INLINE_POLICIES + ", aws_iam_policy",
                        policyCheck(s -> s.allow() && s.hasFullWildcardAction() && s.wildcardResource() != null,
                                s -> s.wildcardAction(), "Action '*' on Resource '*'")),
                rule("aws-iam-admin-policy-attached", Severity.HIGH, "CWE-269",
                        "AdministratorAccess managed policy is attached",
                        "Attach least-privilege policies instead of AdministratorAccess.",
                        "aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, "
                                + "aws_iam_group_policy_attachment, aws_iam_policy_attachment",
                        (r, t, h) -> r.body().scalar("policy_arn")
                                .filter(s -> s.text().endsWith(":policy/AdministratorAccess"))
                                .ifPresent(s -> h.at(r, s, "policy_arn", "AdministratorAccess is attached"))),
                rule("aws-iam-user-inline-policy", Severity.LOW, "CWE-269", "IAM policy is attached directly to a user",
                        "Grant permissions through groups or roles, not to individual users.",
                        "aws_iam_user_policy, aws_iam_user_policy_attachment",
                        (r, t, h) -> h.missing(r, "user", "permissions granted to a user")),
                rule("aws-iam-weak-password-policy", Severity.MEDIUM, "CWE-521",
                        "IAM account password policy is weak",
                        "Require at least 14 characters with symbols, numbers and both cases.",
                        "aws_iam_account_password_policy", (r, t, h) -> {
                            long length = numberAt(r.body(), "minimum_password_length", 6);
                            if (length < 14) {
                                h.at(r, r.body().get("minimum_password_length").orElse(null),
                                        "minimum_password_length", "minimum length is " + length);
                            }
                        }),
                rule("aws-iam-assume-role-any-principal", Severity.HIGH, "CWE-284",
                        "IAM role trust policy lets any principal assume it",
                        "Name the accounts, services or identity providers allowed to assume the role.",
                        "aws_iam_role", (r, t, h) -> r.body().get("assume_role_policy").ifPresent(policy -> {
                            for (PolicyDocuments.Statement s : PolicyDocuments.statements(policy)) {
                                if (s.allow() && s.wildcardPrincipal() != null && !s.conditional()) {
                                    h.at(r, s.wildcardPrincipal(), "assume_role_policy", "Principal is '*'");
                                }
                            }
                        })),
                rule("aws-cloudtrail-unencrypted", Severity.MEDIUM, "CWE-311",
                        "CloudTrail logs are not encrypted with KMS", "Set kms_key_id to a customer managed key.",
                        "aws_cloudtrail", missing("kms_key_id", "no kms_key_id")),
                rule("aws-cloudtrail-logging-disabled", Severity.HIGH, "CWE-778", "CloudTrail logging is turned off",
                        "Set enable_logging = true.", "aws_cloudtrail",
                        ResourceRules.isFalse("enable_logging", "the trail records nothing")),
                rule("aws-cloudtrail-no-log-validation", Severity.LOW, "CWE-354",
                        "CloudTrail log file validation is disabled", "Set enable_log_file_validation = true.",
                        "aws_cloudtrail", notTrue("enable_log_file_validation", "tampering would go unnoticed")),
                rule("aws-cloudtrail-single-region", Severity.LOW, "CWE-778", "CloudTrail trail covers one region only",
                        "Set is_multi_region_trail = true.", "aws_cloudtrail",
                        notTrue("is_multi_region_trail", "activity in other regions is not recorded")),
                rule("aws-kms-rotation-disabled", Severity.MEDIUM, "CWE-320", "KMS key rotation is disabled",
                        "Set enable_key_rotation = true.", "aws_kms_key", (r, t, h) -> {
                            String spec = r.body().text("customer_master_key_spec")
                                    .orElse(r.body().text("key_spec").orElse("SYMMETRIC_DEFAULT"));
                            if (spec.equals("SYMMETRIC_DEFAULT")) {
                                notTrue("enable_key_rotation", "key material is never rotated").check(r, t, h);
                            }
                        }),
                rule("aws-lb-http-listener", Severity.MEDIUM, "CWE-319", "Load balancer listener serves plain HTTP",
                        "Listen on HTTPS, or redirect HTTP to HTTPS in the default action.",
                        "aws_lb_listener, aws_alb_listener", (r, t, h) -> {
                            Optional<IacNode.Scalar> protocol = r.body().scalar("protocol");
                            boolean redirects = r.body().scalars("default_action.type").stream()
                                    .anyMatch(s -> s.text().equals("redirect"));
                            if (protocol.isPresent() && protocol.get().text().equalsIgnoreCase("HTTP") && !redirects) {
                                h.at(r, protocol.get(), "protocol", "traffic is not encrypted");
                            }
                        }),
                rule("aws-lb-outdated-tls-policy", Severity.MEDIUM, "CWE-326",
                        "Load balancer listener allows outdated TLS versions",
                        "Use ELBSecurityPolicy-TLS13-1-2-2021-06 or another TLS 1.2+ policy.",
                        "aws_lb_listener, aws_alb_listener", (r, t, h) -> r.body().scalar("ssl_policy")
                                .filter(s -> s.text().matches(".*(2015-05|2016-08|TLS-1-0|TLS-1-1|2015-03|2014).*"))
                                .ifPresent(s -> h.at(r, s, "ssl_policy", "policy accepts TLS 1.0 or 1.1"))),
                rule("aws-cloudfront-allows-http", Severity.MEDIUM, "CWE-319", "CloudFront distribution allows HTTP",
                        "Set viewer_protocol_policy to redirect-to-https or https-only.",
                        "aws_cloudfront_distribution", equalsAny("default_cache_behavior.viewer_protocol_policy",
                                "viewers may use plain HTTP", "allow-all")),
                rule("aws-ecr-mutable-tags", Severity.LOW, "CWE-494", "ECR repository allows tags to be overwritten",
                        "Set image_tag_mutability = \"IMMUTABLE\".", "aws_ecr_repository", (r, t, h) -> {
                            Optional<IacNode.Scalar> value = r.body().scalar("image_tag_mutability");
                            if (value.isEmpty()) {
                                h.missing(r, "image_tag_mutability", "tags are mutable by default");
                            } else if (!value.get().text().equals("IMMUTABLE")) {
                                h.at(r, value.get(), "image_tag_mutability", "tags are mutable");
                            }
                        }),
                rule("aws-ecr-no-scan-on-push", Severity.LOW, "CWE-1104", "ECR repository does not scan images on push",
                        "Add image_scanning_configuration { scan_on_push = true }.", "aws_ecr_repository",
                        notTrue("image_scanning_configuration.scan_on_push", "pushed images are not scanned")),
                rule("aws-lambda-env-secret", Severity.HIGH, "CWE-798",
                        "Lambda function environment holds a hardcoded secret",
                        "Read secrets from Secrets Manager or SSM Parameter Store at run time.",
                        "aws_lambda_function", (r, t, h) -> {
                            for (IacNode.Mapping variables : r.body().mappings("environment.variables")) {
                                secretEntries(r, variables, "environment.variables", h);
                            }
                        }),
                rule("aws-eks-public-endpoint", Severity.MEDIUM, "CWE-284",
                        "EKS cluster API endpoint is open to the internet",
                        "Set endpoint_public_access = false or restrict public_access_cidrs.", "aws_eks_cluster",
                        (r, t, h) -> {
                            Optional<IacNode.Mapping> vpc = r.body().mapping("vpc_config");
                            if (vpc.isEmpty()) {
                                return;
                            }
                            boolean publicAccess = vpc.get().scalar("endpoint_public_access")
                                    .map(s -> !s.isFalse()).orElse(true);
                            List<IacNode.Scalar> cidrs = vpc.get().scalars("public_access_cidrs");
                            boolean open = cidrs.isEmpty() || cidrs.stream().anyMatch(ResourceRules::isOpenCidr);
                            if (publicAccess && open) {
                                h.at(r, vpc.get().get("endpoint_public_access").orElse(vpc.get()),
                                        "vpc_config.endpoint_public_access", "the API server accepts any source");
                            }
                        }),
                rule("aws-eks-secrets-unencrypted", Severity.MEDIUM, "CWE-311",
                        "EKS cluster does not encrypt Kubernetes secrets with KMS",
                        "Add encryption_config with resources = [\"secrets\"].", "aws_eks_cluster",
                        missing("encryption_config", "secrets are not envelope-encrypted")),
                rule("aws-opensearch-unencrypted", Severity.MEDIUM, "CWE-311",
                        "OpenSearch/Elasticsearch domain is not encrypted at rest",
                        "Add encrypt_at_rest { enabled = true }.", "aws_elasticsearch_domain, aws_opensearch_domain",
                        notTrue("encrypt_at_rest.enabled", "data at rest is unencrypted")),
                rule("aws-kinesis-unencrypted", Severity.MEDIUM, "CWE-311", "Kinesis stream is not encrypted",
                        "Set encryption_type = \"KMS\" and kms_key_id.", "aws_kinesis_stream", (r, t, h) -> {
                            Optional<IacNode.Scalar> type = r.body().scalar("encryption_type");
                            if (type.isEmpty()) {
                                h.missing(r, "encryption_type", "no encryption_type");
                            } else if (!type.get().text().equalsIgnoreCase("KMS")) {
                                h.at(r, type.get(), "encryption_type", "stream is unencrypted");
                            }
                        }),
                rule("aws-vpc-no-flow-logs", Severity.LOW, "CWE-778", "VPC has no flow logs",
                        "Add an aws_flow_log for the VPC.", "aws_vpc", (r, t, h) -> {
                            if (ResourceRules.companion(t, r, "aws_flow_log", "vpc_id").isEmpty()) {
                                h.missing(r, "aws_flow_log", "no aws_flow_log refers to it");
                            }
                        }));
    }

    private static final String SG_TYPES = "aws_security_group, aws_security_group_rule, "
            + "aws_vpc_security_group_ingress_rule";

    private static boolean isReadOnly(String action) {
        int colon = action.indexOf(':');
        String verb = colon < 0 ? action : action.substring(colon + 1);
        return verb.startsWith("Get") || verb.startsWith("List") || verb.startsWith("Describe");
    }

    /** Reports every entry of a mapping whose key names a secret and whose value is a literal. */
    static void secretEntries(IacResource r, IacNode.Mapping variables, String path, RuleHits h) {
        for (Map.Entry<String, IacNode> entry : variables.entries().entrySet()) {
            if (PolicyDocuments.isSecretName(entry.getKey()) && entry.getValue() instanceof IacNode.Scalar value
                    && PolicyDocuments.isLiteralSecret(value)) {
                h.secretAt(r, value, path + "." + entry.getKey(), entry.getKey() + " is a literal value");
            }
        }
    }

    private static ResourceCheck policyCheck(Predicate<PolicyDocuments.Statement> bad,
            java.util.function.Function<PolicyDocuments.Statement, IacNode> where, String detail) {
        return (r, t, h) -> {
            List<PolicyDocuments.Statement> statements = r.type().equals("aws_iam_policy_document")
                    ? PolicyDocuments.terraformStatements(r.body())
                    : r.body().get("policy").map(PolicyDocuments::statements).orElse(List.of());
            for (PolicyDocuments.Statement statement : statements) {
                if (bad.test(statement)) {
                    IacNode node = where.apply(statement);
                    int line = node != null && node.line() > 0 ? node.line() : statement.node().line();
                    h.at(r, node == null ? statement.node() : node.atLine(line), "policy", detail);
                }
            }
        };
    }

    /**
     * Runs {@code check} unless a public access block that applies to the bucket (its own, or the account's) turns
     * one of {@code settings} on: then public ACLs or policies are ignored or refused by S3.
     */
    private static ResourceCheck unlessBlocked(String[] settings, ResourceCheck check) {
        return (r, t, h) -> {
            IacResource bucket = r;
            if (!r.type().equals("aws_s3_bucket")) {
                Optional<String> target = r.body().scalars("bucket").stream().map(IacNode.Scalar::text).findFirst();
                Optional<IacResource> named = target.flatMap(name -> t.ofType("aws_s3_bucket").stream()
                        .filter(b -> ResourceRules.refersTo(name, b)
                                || b.body().text("bucket").filter(name::equals).isPresent()).findFirst());
                bucket = named.orElse(null);
            }
            List<IacResource> blocks = new ArrayList<>(t.ofType("aws_s3_account_public_access_block"));
            if (bucket != null) {
                companionOf(t, bucket, "aws_s3_bucket_public_access_block").ifPresent(blocks::add);
            }
            for (IacResource block : blocks) {
                for (String setting : settings) {
                    if (block.body().scalars(setting).stream().anyMatch(IacNode.Scalar::isTrue)) {
                        return;
                    }
                }
            }
            check.check(r, t, h);
        };
    }

    /** Runs {@code check} unless the unit turns on EBS encryption by default for the account and region. */
    static ResourceCheck unlessEncryptedByDefault(ResourceCheck check) {
        return (r, t, h) -> {
            boolean byDefault = t.ofType("aws_ebs_encryption_by_default").stream()
                    .anyMatch(d -> d.body().scalars("enabled").stream().noneMatch(IacNode.Scalar::isFalse));
            if (!byDefault) {
                check.check(r, t, h);
            }
        };
    }

    private static void publicBucketPolicy(IacResource r, ResourceTarget t, RuleHits h) {
        r.body().get("policy").ifPresent(policy -> {
            for (PolicyDocuments.Statement s : PolicyDocuments.statements(policy)) {
                if (s.allow() && s.wildcardPrincipal() != null && !s.conditional()) {
                    h.at(r, s.wildcardPrincipal(), "policy", "Principal is '*'");
                }
            }
        });
    }

    private static ResourceCheck bucketWithout(String inlineBlock, String companionType,
            Predicate<IacResource> companionOk, String detail) {
        return (r, t, h) -> {
            if (inlineBlock != null && r.body().present(inlineBlock)) {
                return;
            }
            Optional<IacResource> companion = companionOf(t, r, companionType);
            if (companion.isEmpty() || !companionOk.test(companion.get())) {
                h.missing(r, inlineBlock == null ? companionType : inlineBlock, detail);
            }
        };
    }

    private static Optional<IacResource> companionOf(ResourceTarget t, IacResource bucket, String type) {
        Optional<IacResource> byReference = ResourceRules.companion(t, bucket, type, "bucket");
        if (byReference.isPresent()) {
            return byReference;
        }
        Optional<String> name = bucket.body().text("bucket");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return t.ofType(type).stream()
                .filter(o -> o.body().text("bucket").filter(name.get()::equals).isPresent()).findFirst();
    }

    private static void bucketVersioning(IacResource r, ResourceTarget t, RuleHits h) {
        Optional<IacNode.Mapping> inline = r.body().mapping("versioning");
        if (inline.isPresent()) {
            Optional<IacNode.Scalar> enabled = inline.get().scalar("enabled");
            if (enabled.isEmpty() || !enabled.get().isTrue()) {
                h.at(r, enabled.isPresent() ? enabled.get() : inline.get(), "versioning.enabled",
                        "versioning is off");
            }
            return;
        }
        Optional<IacResource> companion = companionOf(t, r, "aws_s3_bucket_versioning");
        if (companion.isEmpty()) {
            h.missing(r, "versioning", "no versioning configuration");
            return;
        }
        companion.get().body().scalars("versioning_configuration.status").stream()
                .filter(s -> s.isLiteral() && !s.text().equals("Enabled")).findFirst()
                .ifPresent(s -> h.at(companion.get(), s, "versioning_configuration.status",
                        "versioning of " + r.address() + " is " + s.text()));
    }

    private static void publicAccessBlock(IacResource r, ResourceTarget t, RuleHits h) {
        for (String key : new String[] {"block_public_acls", "block_public_policy", "ignore_public_acls",
                "restrict_public_buckets"}) {
            Optional<IacNode.Scalar> value = r.body().scalar(key);
            if (value.isEmpty()) {
                h.missing(r, key, key + " is not set (defaults to false)");
            } else if (value.get().isFalse()) {
                h.at(r, value.get(), key, key + " is false");
            }
        }
    }

    private static void instanceDevices(IacResource r, ResourceTarget t, RuleHits h) {
        Optional<IacNode.Mapping> root = r.body().mapping("root_block_device");
        if (root.isEmpty()) {
            if (!r.body().present("launch_template")) {
                h.missing(r, "root_block_device.encrypted", "root volume encryption not configured");
            }
        } else if (!root.get().has("snapshot_id")
                && root.get().scalar("encrypted").filter(IacNode.Scalar::isTrue).isEmpty()) {
            h.at(r, root.get().get("encrypted").orElse(root.get()), "root_block_device.encrypted",
                    "root volume is unencrypted");
        }
        for (IacNode.Mapping device : r.body().mappings("ebs_block_device")) {
            if (!device.has("snapshot_id") && device.scalar("encrypted").filter(IacNode.Scalar::isTrue).isEmpty()) {
                h.at(r, device.get("encrypted").orElse(device), "ebs_block_device.encrypted",
                        "EBS device is unencrypted");
            }
        }
    }

    private static void ruleWithoutDescription(IacResource r, ResourceTarget t, RuleHits h) {
        if (r.type().equals("aws_security_group_rule")) {
            if (!r.body().has("description")) {
                h.missing(r, "description", "rule has no description");
            }
            return;
        }
        for (String key : new String[] {"ingress", "egress"}) {
            for (IacNode.Mapping rule : r.body().mappings(key)) {
                if (!rule.has("description")) {
                    h.at(r, rule, key + ".description", key + " rule has no description");
                }
            }
        }
    }

    /** One ingress rule, whatever resource type declares it. */
    private record Ingress(IacNode.Mapping rule, List<IacNode.Scalar> cidrs, long from, long to, String protocol) {
    }

    private static List<Ingress> ingress(IacResource r) {
        List<Ingress> result = new ArrayList<>();
        switch (r.type()) {
            case "aws_security_group" -> {
                for (IacNode.Mapping rule : r.body().mappings("ingress")) {
                    result.add(toIngress(rule, "protocol", "cidr_blocks", "ipv6_cidr_blocks"));
                }
            }
            case "aws_security_group_rule" -> {
                if (r.body().text("type").filter("ingress"::equals).isPresent()) {
                    result.add(toIngress(r.body(), "protocol", "cidr_blocks", "ipv6_cidr_blocks"));
                }
            }
            default -> result.add(toIngress(r.body(), "ip_protocol", "cidr_ipv4", "cidr_ipv6"));
        }
        return result;
    }

    private static Ingress toIngress(IacNode.Mapping rule, String protocolKey, String v4, String v6) {
        List<IacNode.Scalar> cidrs = new ArrayList<>(rule.scalars(v4));
        cidrs.addAll(rule.scalars(v6));
        String protocol = rule.text(protocolKey).orElse("tcp").toLowerCase(java.util.Locale.ROOT);
        long from = numberAt(rule, "from_port", 0);
        long to = numberAt(rule, "to_port", from);
        if (protocol.equals("-1") || protocol.equals("all")) {
            from = 0;
            to = 65535;
        }
        return new Ingress(rule, cidrs, from, to, protocol);
    }

    /**
     * An open-ingress check: {@code port} > 0 for that port, -1 for any database port, -2 for all ports.
     */
    private static ResourceCheck openIngress(int port, String what) {
        return (r, t, h) -> {
            for (Ingress ingress : ingress(r)) {
                Optional<IacNode.Scalar> open = ingress.cidrs().stream().filter(ResourceRules::isOpenCidr).findFirst();
                if (open.isEmpty()) {
                    continue;
                }
                boolean all = ingress.from() <= 1 && ingress.to() >= 65535;
                boolean matches = switch (port) {
                    case -2 -> all;
                    case -1 -> !all && PortRanges.databasePortIn(ingress.from(), ingress.to()) != null;
                    default -> !all && ResourceRules.covers(ingress.from(), ingress.to(), port);
                };
                if (matches) {
                    h.at(r, open.get(), "ingress", what + " reachable from " + open.get().text());
                }
            }
        };
    }
}
