package io.jenkins.plugins.devsecops.iac.cloudformation;

import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.atLeast;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.containsNone;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.ifSetOneOf;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.literalSecret;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.requireOneOf;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.when;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isFalse;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.rule.AttributeChecks;
import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.CloudFacts;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.PolicyDocuments;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CloudFormation rules for AWS services beyond the basics of {@link CloudFormationRules}: API Gateway, OpenSearch,
 * Redshift, MQ, MSK, Neptune, DocumentDB, ECS, Athena, Lambda, EC2 user data, ElastiCache, EKS, KMS, SNS/SQS
 * policies, CloudTrail, Config, WorkSpaces and other managed services.
 */
public final class CloudFormationServiceRules {

    private static final Set<String> DEPRECATED_RUNTIMES = CloudFacts.DEPRECATED_LAMBDA_RUNTIMES;
    private static final Pattern USER_DATA_SECRET = CloudFacts.BOOT_SCRIPT_SECRET;

    private static final String SEARCH = "AWS::Elasticsearch::Domain, AWS::OpenSearchService::Domain";

    private CloudFormationServiceRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.CLOUDFORMATION, severity, cwe, title, remediation, types, check);
    }

    /** Every rule of this class. */
    public static List<IacRule> rules() {
        List<IacRule> rules = new ArrayList<>();
        rules.addAll(apiAndSearch());
        rules.addAll(dataStores());
        rules.addAll(computeAndGovernance());
        rules.addAll(moreCoverage());
        return rules;
    }

    private static List<IacRule> apiAndSearch() {
        return List.of(
                rule("cfn-apigw-no-xray", Severity.LOW, "CWE-778", "API Gateway stage has no X-Ray tracing",
                        "Set TracingEnabled: true.", "AWS::ApiGateway::Stage",
                        notTrue("TracingEnabled", "requests are not traced")),
                rule("cfn-apigw-no-access-logs", Severity.MEDIUM, "CWE-778", "API Gateway stage has no access logs",
                        "Add AccessLogSetting (REST) or AccessLogSettings (HTTP/WebSocket) with a destination.",
                        "AWS::ApiGateway::Stage, AWS::ApiGatewayV2::Stage", (r, t, h) -> {
                            if (!r.body().has("AccessLogSetting") && !r.body().has("AccessLogSettings")) {
                                h.missing(r, "AccessLogSetting", "no access log destination");
                            }
                        }),
                rule("cfn-apigw-method-no-auth", Severity.HIGH, "CWE-306",
                        "API Gateway method is open without authorisation or API key",
                        "Set AuthorizationType to AWS_IAM, COGNITO_USER_POOLS or CUSTOM, or ApiKeyRequired: true.",
                        "AWS::ApiGateway::Method", (r, t, h) -> {
                            boolean options = r.body().text("HttpMethod").filter("OPTIONS"::equalsIgnoreCase)
                                    .isPresent();
                            boolean key = r.body().scalar("ApiKeyRequired").filter(IacNode.Scalar::isTrue)
                                    .isPresent();
                            if (options || key) {
                                return;
                            }
                            Optional<IacNode.Scalar> type = r.body().scalar("AuthorizationType");
                            if (type.isEmpty() && !r.body().has("AuthorizationType")) {
                                h.missing(r, "AuthorizationType", "AuthorizationType defaults to NONE");
                            } else if (type.isPresent() && type.get().text().equalsIgnoreCase("NONE")) {
                                h.at(r, type.get(), "AuthorizationType", "anyone may call the method");
                            }
                        }),
                rule("cfn-apigw-cache-unencrypted", Severity.MEDIUM, "CWE-311",
                        "API Gateway stage caches responses without encryption",
                        "Set CacheDataEncrypted: true in every MethodSettings entry that enables caching.",
                        "AWS::ApiGateway::Stage", (r, t, h) -> {
                            for (IacNode.Mapping setting : r.body().mappings("MethodSettings")) {
                                if (setting.scalar("CachingEnabled").filter(IacNode.Scalar::isTrue).isPresent()
                                        && setting.scalar("CacheDataEncrypted").filter(IacNode.Scalar::isTrue)
                                                .isEmpty()) {
                                    h.at(r, setting.get("CacheDataEncrypted").orElse(setting),
                                            "MethodSettings.CacheDataEncrypted", "cached responses are stored in clear");
                                }
                            }
                        }),
                rule("cfn-apigw-domain-outdated-tls", Severity.MEDIUM, "CWE-326",
                        "API Gateway custom domain allows TLS 1.0", "Set SecurityPolicy: TLS_1_2.",
                        "AWS::ApiGateway::DomainName",
                        io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.textMatches("SecurityPolicy", "TLS_1_0", true,
                                "clients may negotiate TLS 1.0")),
                rule("cfn-opensearch-unencrypted", Severity.MEDIUM, "CWE-311",
                        "OpenSearch domain is not encrypted at rest",
                        "Set EncryptionAtRestOptions: {Enabled: true}.", SEARCH,
                        notTrue("EncryptionAtRestOptions.Enabled", "data at rest is unencrypted")),
                rule("cfn-opensearch-no-node-encryption", Severity.MEDIUM, "CWE-319",
                        "OpenSearch domain does not encrypt traffic between nodes",
                        "Set NodeToNodeEncryptionOptions: {Enabled: true}.", SEARCH,
                        notTrue("NodeToNodeEncryptionOptions.Enabled", "node-to-node traffic is in clear text")),
                rule("cfn-opensearch-https-not-enforced", Severity.MEDIUM, "CWE-319",
                        "OpenSearch domain accepts plain HTTP", "Set DomainEndpointOptions: {EnforceHTTPS: true}.",
                        SEARCH, notTrue("DomainEndpointOptions.EnforceHTTPS", "HTTP requests are accepted")),
                rule("cfn-opensearch-no-logging", Severity.LOW, "CWE-778", "OpenSearch domain publishes no logs",
                        "Add LogPublishingOptions with CloudWatch log groups.", SEARCH,
                        missing("LogPublishingOptions", "no LogPublishingOptions")),
                rule("cfn-opensearch-not-in-vpc", Severity.MEDIUM, "CWE-284", "OpenSearch domain has a public endpoint",
                        "Add VPCOptions with private subnets.", SEARCH,
                        missing("VPCOptions", "the domain is reachable from the internet")));
    }

    private static List<IacRule> dataStores() {
        return List.of(
                rule("cfn-redshift-unencrypted", Severity.MEDIUM, "CWE-311", "Redshift cluster is not encrypted",
                        "Set Encrypted: true.", "AWS::Redshift::Cluster",
                        notTrue("Encrypted", "cluster storage is unencrypted")),
                rule("cfn-redshift-publicly-accessible", Severity.HIGH, "CWE-284",
                        "Redshift cluster is publicly accessible", "Set PubliclyAccessible: false.",
                        "AWS::Redshift::Cluster", isTrue("PubliclyAccessible", "the cluster has a public endpoint")),
                rule("cfn-redshift-no-logging", Severity.LOW, "CWE-778", "Redshift cluster audit logging is off",
                        "Add LoggingProperties with a bucket.", "AWS::Redshift::Cluster",
                        missing("LoggingProperties", "audit logs are not written")),
                rule("cfn-redshift-not-in-vpc", Severity.MEDIUM, "CWE-284", "Redshift cluster is not in a VPC",
                        "Set ClusterSubnetGroupName.", "AWS::Redshift::Cluster",
                        missing("ClusterSubnetGroupName", "no ClusterSubnetGroupName")),
                rule("cfn-redshift-ssl-not-required", Severity.MEDIUM, "CWE-319",
                        "Redshift parameter group does not require SSL",
                        "Add {ParameterName: require_ssl, ParameterValue: \"true\"} to Parameters.",
                        "AWS::Redshift::ClusterParameterGroup", (r, t, h) -> {
                            Optional<IacNode.Mapping> ssl = r.body().mappings("Parameters").stream().filter(p -> p
                                    .text("ParameterName").filter("require_ssl"::equals).isPresent()).findFirst();
                            if (ssl.isEmpty()) {
                                h.missing(r, "Parameters.require_ssl", "require_ssl is not set");
                            } else {
                                ssl.get().scalar("ParameterValue").filter(v -> v.isLiteral() && !v.isTrue())
                                        .ifPresent(v -> h.at(r, v, "Parameters.require_ssl", "require_ssl is false"));
                            }
                        }),
                rule("cfn-mq-public", Severity.HIGH, "CWE-284", "Amazon MQ broker is publicly accessible",
                        "Set PubliclyAccessible: false.", "AWS::AmazonMQ::Broker",
                        isTrue("PubliclyAccessible", "the broker has a public endpoint")),
                rule("cfn-mq-no-general-log", Severity.LOW, "CWE-778", "Amazon MQ broker general logging is off",
                        "Set Logs: {General: true}.", "AWS::AmazonMQ::Broker",
                        notTrue("Logs.General", "broker activity is not logged")),
                rule("cfn-mq-no-audit-log", Severity.LOW, "CWE-778", "Amazon MQ (ActiveMQ) broker audit logging is off",
                        "Set Logs: {Audit: true}.", "AWS::AmazonMQ::Broker",
                        when(r -> r.body().text("EngineType").filter("ACTIVEMQ"::equalsIgnoreCase).isPresent(),
                                notTrue("Logs.Audit", "management actions are not logged"))),
                rule("cfn-msk-plaintext", Severity.HIGH, "CWE-319", "MSK cluster allows plaintext traffic",
                        "Set EncryptionInTransit: {ClientBroker: TLS, InCluster: true}.", "AWS::MSK::Cluster",
                        (r, t, h) -> {
                            ifSetOneOf("EncryptionInfo.EncryptionInTransit.ClientBroker",
                                    "clients may connect in clear text", "TLS").check(r, t, h);
                            isFalse("EncryptionInfo.EncryptionInTransit.InCluster",
                                    "brokers talk to each other in clear text").check(r, t, h);
                        }),
                rule("cfn-msk-no-logging", Severity.LOW, "CWE-778", "MSK cluster broker logs are off",
                        "Add LoggingInfo.BrokerLogs with an enabled destination.", "AWS::MSK::Cluster",
                        missing("LoggingInfo.BrokerLogs", "no broker logs")),
                rule("cfn-msk-public", Severity.HIGH, "CWE-284", "MSK cluster brokers are publicly accessible",
                        "Set PublicAccess.Type to DISABLED.", "AWS::MSK::Cluster",
                        equalsAny("BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type",
                                "brokers have public addresses", "SERVICE_PROVIDED_EIPS")),
                rule("cfn-neptune-unencrypted", Severity.MEDIUM, "CWE-311", "Neptune cluster storage is not encrypted",
                        "Set StorageEncrypted: true.", "AWS::Neptune::DBCluster",
                        notTrue("StorageEncrypted", "storage is unencrypted")),
                rule("cfn-neptune-no-audit-logs", Severity.LOW, "CWE-778", "Neptune cluster does not export audit logs",
                        "Set EnableCloudwatchLogsExports: [audit].", "AWS::Neptune::DBCluster",
                        containsNone("EnableCloudwatchLogsExports", "audit logs are not exported", "audit")),
                rule("cfn-docdb-unencrypted", Severity.MEDIUM, "CWE-311", "DocumentDB cluster storage is not encrypted",
                        "Set StorageEncrypted: true.", "AWS::DocDB::DBCluster",
                        notTrue("StorageEncrypted", "storage is unencrypted")),
                rule("cfn-docdb-no-log-exports", Severity.LOW, "CWE-778", "DocumentDB cluster exports no logs",
                        "Set EnableCloudwatchLogsExports: [audit, profiler].", "AWS::DocDB::DBCluster",
                        missing("EnableCloudwatchLogsExports", "no logs are exported")),
                rule("cfn-docdb-tls-disabled", Severity.HIGH, "CWE-319", "DocumentDB parameter group disables TLS",
                        "Set Parameters.tls: enabled.", "AWS::DocDB::DBClusterParameterGroup",
                        equalsAny("Parameters.tls", "connections are not encrypted", "disabled")),
                rule("cfn-docdb-short-backup", Severity.LOW, "CWE-693",
                        "DocumentDB cluster keeps backups for less than 7 days", "Set BackupRetentionPeriod: 7 or more.",
                        "AWS::DocDB::DBCluster", atLeast("BackupRetentionPeriod", 7, 1, "backups are kept too briefly")),
                rule("cfn-athena-workgroup-not-enforced", Severity.LOW, "CWE-693",
                        "Athena workgroup lets clients override its settings",
                        "Set WorkGroupConfiguration: {EnforceWorkGroupConfiguration: true}.", "AWS::Athena::WorkGroup",
                        isFalse("WorkGroupConfiguration.EnforceWorkGroupConfiguration",
                                "clients may turn encryption off")),
                rule("cfn-athena-workgroup-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Athena workgroup does not encrypt query results",
                        "Add ResultConfiguration.EncryptionConfiguration with SSE_KMS.", "AWS::Athena::WorkGroup",
                        missing("WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration",
                                "query results are stored unencrypted")),
                rule("cfn-elasticache-no-rest-encryption", Severity.MEDIUM, "CWE-311",
                        "ElastiCache replication group does not encrypt data at rest",
                        "Set AtRestEncryptionEnabled: true.", "AWS::ElastiCache::ReplicationGroup",
                        notTrue("AtRestEncryptionEnabled", "data at rest is unencrypted")),
                rule("cfn-elasticache-no-auth-token", Severity.MEDIUM, "CWE-306",
                        "ElastiCache Redis replication group has no AUTH token",
                        "Set TransitEncryptionEnabled: true and AuthToken from Secrets Manager.",
                        "AWS::ElastiCache::ReplicationGroup", (r, t, h) -> {
                            if (!r.body().has("AuthToken") && !r.body().has("UserGroupIds")) {
                                h.missing(r, "AuthToken", "clients connect without a password");
                            }
                        }),
                rule("cfn-dax-unencrypted", Severity.MEDIUM, "CWE-311", "DAX cluster is not encrypted at rest",
                        "Set SSESpecification: {SSEEnabled: true}.", "AWS::DAX::Cluster",
                        notTrue("SSESpecification.SSEEnabled", "data at rest is unencrypted")),
                rule("cfn-dynamodb-no-cmk", Severity.LOW, "CWE-311",
                        "DynamoDB table is not encrypted with a customer managed key",
                        "Set SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: ...}.",
                        "AWS::DynamoDB::Table", notTrue("SSESpecification.SSEEnabled", "the table uses the AWS owned key")),
                rule("cfn-rds-no-iam-auth", Severity.LOW, "CWE-287", "RDS database does not use IAM authentication",
                        "Set EnableIAMDatabaseAuthentication: true.", "AWS::RDS::DBInstance, AWS::RDS::DBCluster",
                        when(r -> r.body().scalars("Engine").stream().anyMatch(s -> s.lower().matches(
                                "(aurora.*|mysql|postgres|mariadb)")),
                                notTrue("EnableIAMDatabaseAuthentication", "IAM authentication is off"))),
                rule("cfn-rds-no-minor-upgrades", Severity.LOW, "CWE-1104",
                        "RDS instance does not take minor version upgrades", "Set AutoMinorVersionUpgrade: true.",
                        "AWS::RDS::DBInstance", isFalse("AutoMinorVersionUpgrade", "security fixes are not applied")),
                rule("cfn-log-group-no-retention", Severity.LOW, "CWE-778",
                        "CloudWatch log group does not set a retention period", "Set RetentionInDays.",
                        "AWS::Logs::LogGroup", missing("RetentionInDays", "logs are kept forever")),
                rule("cfn-log-group-unencrypted", Severity.LOW, "CWE-311",
                        "CloudWatch log group is not encrypted with KMS", "Set KmsKeyId.", "AWS::Logs::LogGroup",
                        missing("KmsKeyId", "no KmsKeyId")),
                rule("cfn-secretsmanager-no-cmk", Severity.LOW, "CWE-311",
                        "Secrets Manager secret is not encrypted with a customer managed key", "Set KmsKeyId.",
                        "AWS::SecretsManager::Secret", missing("KmsKeyId", "the secret uses the default key")),
                rule("cfn-ssm-parameter-secret", Severity.HIGH, "CWE-798",
                        "SSM parameter holds a hardcoded secret",
                        "Create a SecureString outside the template, or generate the value in Secrets Manager.",
                        "AWS::SSM::Parameter", (r, t, h) -> {
                            boolean secretName = r.body().scalars("Name").stream()
                                    .anyMatch(s -> PolicyDocuments.isSecretName(s.text()));
                            if (secretName) {
                                literalSecret("a secret is in the template", "Value").check(r, t, h);
                            }
                        }),
                rule("cfn-s3-no-access-logging", Severity.LOW, "CWE-778", "S3 bucket access logging is disabled",
                        "Add LoggingConfiguration with a DestinationBucketName.", "AWS::S3::Bucket",
                        missing("LoggingConfiguration", "no access logging")),
                rule("cfn-ecr-no-scan-on-push", Severity.LOW, "CWE-1104", "ECR repository does not scan images on push",
                        "Set ImageScanningConfiguration: {ScanOnPush: true}.", "AWS::ECR::Repository",
                        notTrue("ImageScanningConfiguration.ScanOnPush", "pushed images are not scanned")),
                rule("cfn-ecr-policy-public", Severity.HIGH, "CWE-284", "ECR repository policy allows any principal",
                        "Name the accounts that may pull or push.", "AWS::ECR::Repository",
                        PolicyDocuments.anyPrincipal("RepositoryPolicyText")),
                rule("cfn-kinesis-unencrypted", Severity.MEDIUM, "CWE-311", "Kinesis stream is not encrypted",
                        "Set StreamEncryption: {EncryptionType: KMS, KeyId: ...}.", "AWS::Kinesis::Stream",
                        missing("StreamEncryption", "no StreamEncryption")));
    }

    private static List<IacRule> computeAndGovernance() {
        return List.of(
                rule("cfn-ecs-privileged-container", Severity.HIGH, "CWE-250",
                        "ECS task definition runs a privileged container", "Remove Privileged: true.",
                        "AWS::ECS::TaskDefinition", (r, t, h) -> {
                            for (IacNode.Mapping c : r.body().mappings("ContainerDefinitions")) {
                                c.scalar("Privileged").filter(IacNode.Scalar::isTrue).ifPresent(s -> h.at(r, s,
                                        "ContainerDefinitions.Privileged", "container runs privileged"));
                            }
                        }),
                rule("cfn-ecs-writable-root-fs", Severity.LOW, "CWE-732", "ECS container has a writable root file system",
                        "Set ReadonlyRootFilesystem: true.", "AWS::ECS::TaskDefinition", (r, t, h) -> {
                            for (IacNode.Mapping c : r.body().mappings("ContainerDefinitions")) {
                                Optional<IacNode.Scalar> ro = c.scalar("ReadonlyRootFilesystem");
                                if (ro.isEmpty() || ro.get().isFalse()) {
                                    h.at(r, ro.isPresent() ? ro.get() : c, "ContainerDefinitions.ReadonlyRootFilesystem",
                                            "container may write to its root file system");
                                }
                            }
                        }),
                rule("cfn-ecs-env-secret", Severity.HIGH, "CWE-798",
                        "ECS container definition holds a secret in its environment",
                        "Reference Secrets Manager or SSM under Secrets instead of Environment.",
                        "AWS::ECS::TaskDefinition", (r, t, h) -> AttributeChecks.literalSecretEntries(r,
                                r.body().mappings("ContainerDefinitions.Environment"), "Name", "Value",
                                "ContainerDefinitions.Environment", h)),
                rule("cfn-ecs-host-pid", Severity.HIGH, "CWE-250",
                        "ECS task definition shares the host's process namespace", "Remove PidMode: host.",
                        "AWS::ECS::TaskDefinition", equalsAny("PidMode", "tasks see every process of the host", "host")),
                rule("cfn-ecs-efs-no-transit-encryption", Severity.MEDIUM, "CWE-319",
                        "ECS task mounts EFS without encryption in transit",
                        "Set EFSVolumeConfiguration.TransitEncryption: ENABLED.", "AWS::ECS::TaskDefinition",
                        AttributeChecks.eachBlockRequires("Volumes.EFSVolumeConfiguration", "TransitEncryption",
                                "ENABLED", "NFS traffic is in clear text")),
                rule("cfn-ecs-cluster-no-insights", Severity.LOW, "CWE-778",
                        "ECS cluster has Container Insights turned off",
                        "Add ClusterSettings: [{Name: containerInsights, Value: enabled}].", "AWS::ECS::Cluster",
                        AttributeChecks.namedSettingOn("ClusterSettings", "Name", "containerInsights", "Value",
                                "disabled", "ClusterSettings", "no Container Insights")),
                rule("cfn-lambda-deprecated-runtime", Severity.MEDIUM, "CWE-1104",
                        "Lambda function uses a deprecated runtime",
                        "Move to a supported runtime (e.g. python3.12, nodejs20.x, java21).",
                        "AWS::Lambda::Function, AWS::Serverless::Function", (r, t, h) -> r.body().scalar("Runtime")
                                .filter(s -> DEPRECATED_RUNTIMES.contains(s.lower().trim()))
                                .ifPresent(s -> h.at(r, s, "Runtime", s.text() + " no longer receives fixes"))),
                rule("cfn-lambda-no-xray", Severity.LOW, "CWE-778", "Lambda function has no X-Ray tracing",
                        "Set TracingConfig: {Mode: Active}.", "AWS::Lambda::Function",
                        requireOneOf("TracingConfig.Mode", "invocations are not traced", "Active", "PassThrough")),
                rule("cfn-lambda-url-no-auth", Severity.HIGH, "CWE-306",
                        "Lambda function URL requires no authentication", "Set AuthType: AWS_IAM.", "AWS::Lambda::Url",
                        equalsAny("AuthType", "anyone may invoke the function", "NONE")),
                rule("cfn-lambda-public-permission", Severity.HIGH, "CWE-284",
                        "Lambda permission lets any principal invoke the function",
                        "Name the service or account in Principal and set SourceArn or SourceAccount.",
                        "AWS::Lambda::Permission", (r, t, h) -> r.body().scalar("Principal")
                                .filter(s -> s.text().equals("*"))
                                .filter(s -> !r.body().has("SourceArn") && !r.body().has("SourceAccount")
                                        && !r.body().has("PrincipalOrgID"))
                                .ifPresent(s -> h.at(r, s, "Principal", "Principal is '*'"))),
                rule("cfn-instance-user-data-secret", Severity.HIGH, "CWE-798",
                        "EC2 user data holds a hardcoded credential",
                        "Fetch credentials at boot from Secrets Manager or SSM, or use an instance role.",
                        "AWS::EC2::Instance, AWS::EC2::LaunchTemplate, AWS::AutoScaling::LaunchConfiguration",
                        (r, t, h) -> {
                            List<IacNode.Scalar> texts = new ArrayList<>();
                            for (String path : List.of("UserData", "UserData.Fn::Base64", "UserData.Fn::Base64.Fn::Sub",
                                    "LaunchTemplateData.UserData", "LaunchTemplateData.UserData.Fn::Base64",
                                    "LaunchTemplateData.UserData.Fn::Base64.Fn::Sub")) {
                                texts.addAll(r.body().scalars(path));
                            }
                            texts.stream().filter(s -> USER_DATA_SECRET.matcher(s.text()).find()).findFirst()
                                    .ifPresent(s -> h.secretAt(r, s, "UserData", "user data contains a credential"));
                        }),
                rule("cfn-instance-public-ip", Severity.MEDIUM, "CWE-284", "EC2 instance gets a public IP address",
                        "Set AssociatePublicIpAddress: false and use private subnets.",
                        "AWS::EC2::Instance, AWS::EC2::LaunchTemplate", (r, t, h) -> {
                            isTrue("NetworkInterfaces.AssociatePublicIpAddress", "the instance is reachable from the "
                                    + "internet").check(r, t, h);
                            isTrue("LaunchTemplateData.NetworkInterfaces.AssociatePublicIpAddress",
                                    "instances are reachable from the internet").check(r, t, h);
                        }),
                rule("cfn-subnet-public-ip-on-launch", Severity.LOW, "CWE-284",
                        "Subnet gives every instance a public IP address", "Set MapPublicIpOnLaunch: false.",
                        "AWS::EC2::Subnet", isTrue("MapPublicIpOnLaunch", "instances get public addresses by default")),
                rule("cfn-launch-config-unencrypted", Severity.MEDIUM, "CWE-311",
                        "Launch configuration block device is not encrypted",
                        "Set Ebs.Encrypted: true in every BlockDeviceMappings entry.",
                        "AWS::AutoScaling::LaunchConfiguration", (r, t, h) -> {
                            for (IacNode.Mapping ebs : r.body().mappings("BlockDeviceMappings.Ebs")) {
                                if (!ebs.has("SnapshotId")
                                        && ebs.scalar("Encrypted").filter(IacNode.Scalar::isTrue).isEmpty()) {
                                    h.at(r, ebs.get("Encrypted").orElse(ebs), "BlockDeviceMappings.Ebs.Encrypted",
                                            "volume is unencrypted");
                                }
                            }
                        }),
                rule("cfn-eks-secrets-unencrypted", Severity.MEDIUM, "CWE-311",
                        "EKS cluster does not encrypt Kubernetes secrets with KMS",
                        "Add EncryptionConfig with Resources: [secrets].", "AWS::EKS::Cluster",
                        missing("EncryptionConfig", "secrets are not envelope-encrypted")),
                rule("cfn-eks-no-control-plane-logs", Severity.LOW, "CWE-778", "EKS cluster logs no control plane component",
                        "Add Logging.ClusterLogging.EnabledTypes with api, audit, authenticator, controllerManager "
                                + "and scheduler.",
                        "AWS::EKS::Cluster", missing("Logging.ClusterLogging.EnabledTypes", "control plane logs are off")),
                rule("cfn-eks-node-group-open-ssh", Severity.HIGH, "CWE-284", "EKS node group allows SSH from anywhere",
                        "Set RemoteAccess.SourceSecurityGroups or drop RemoteAccess.", "AWS::EKS::Nodegroup",
                        (r, t, h) -> r.body().mapping("RemoteAccess").ifPresent(remote -> {
                            if (remote.has("Ec2SshKey") && !remote.has("SourceSecurityGroups")) {
                                h.at(r, remote, "RemoteAccess", "port 22 is opened to 0.0.0.0/0");
                            }
                        })),
                rule("cfn-kms-policy-any-principal", Severity.HIGH, "CWE-284", "KMS key policy allows any principal",
                        "Name the principals in KeyPolicy.", "AWS::KMS::Key", PolicyDocuments.anyPrincipal("KeyPolicy")),
                rule("cfn-sqs-policy-public", Severity.HIGH, "CWE-284", "SQS queue policy allows any principal",
                        "Name the principals, or add a condition such as aws:SourceArn.", "AWS::SQS::QueuePolicy",
                        PolicyDocuments.anyPrincipal("PolicyDocument")),
                rule("cfn-sns-policy-public", Severity.HIGH, "CWE-284", "SNS topic policy allows any principal",
                        "Name the principals, or add a condition such as aws:SourceOwner.", "AWS::SNS::TopicPolicy",
                        PolicyDocuments.anyPrincipal("PolicyDocument")),
                rule("cfn-s3-policy-public", Severity.HIGH, "CWE-284", "S3 bucket policy allows any principal",
                        "Name the principals, or add a condition such as aws:SourceVpce.", "AWS::S3::BucketPolicy",
                        PolicyDocuments.anyPrincipal("PolicyDocument")),
                rule("cfn-iam-role-any-principal", Severity.HIGH, "CWE-284",
                        "IAM role trust policy lets any principal assume it",
                        "Name the accounts, services or identity providers allowed to assume the role.",
                        "AWS::IAM::Role", PolicyDocuments.anyPrincipal("AssumeRolePolicyDocument")),
                rule("cfn-iam-user-policy", Severity.LOW, "CWE-269", "IAM policy is attached directly to users",
                        "Grant permissions through groups or roles.", "AWS::IAM::Policy, AWS::IAM::ManagedPolicy",
                        (r, t, h) -> r.body().get("Users").ifPresent(u -> h.at(r, u, "Users",
                                "permissions granted to users"))),
                rule("cfn-cloudtrail-single-region", Severity.LOW, "CWE-778", "CloudTrail trail covers one region only",
                        "Set IsMultiRegionTrail: true.", "AWS::CloudTrail::Trail",
                        notTrue("IsMultiRegionTrail", "activity in other regions is not recorded")),
                rule("cfn-cloudtrail-logging-disabled", Severity.HIGH, "CWE-778", "CloudTrail logging is turned off",
                        "Set IsLogging: true.", "AWS::CloudTrail::Trail", isFalse("IsLogging", "the trail records nothing")),
                rule("cfn-cloudtrail-no-cloudwatch", Severity.LOW, "CWE-778",
                        "CloudTrail trail does not send events to CloudWatch Logs",
                        "Set CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn.", "AWS::CloudTrail::Trail",
                        missing("CloudWatchLogsLogGroupArn", "no real-time monitoring of API activity")),
                rule("cfn-config-recorder-partial", Severity.MEDIUM, "CWE-778",
                        "AWS Config recorder does not record every resource type",
                        "Set RecordingGroup: {AllSupported: true, IncludeGlobalResourceTypes: true}.",
                        "AWS::Config::ConfigurationRecorder", (r, t, h) -> {
                            isFalse("RecordingGroup.AllSupported", "some resource types are not recorded").check(r, t, h);
                            isFalse("RecordingGroup.IncludeGlobalResourceTypes", "global resources are not recorded")
                                    .check(r, t, h);
                        }),
                rule("cfn-config-aggregator-partial", Severity.LOW, "CWE-778",
                        "AWS Config aggregator does not cover every region",
                        "Set AllAwsRegions: true in the aggregation source.", "AWS::Config::ConfigurationAggregator",
                        (r, t, h) -> {
                            List<IacNode.Scalar> all = new ArrayList<>(r.body()
                                    .scalars("AccountAggregationSources.AllAwsRegions"));
                            all.addAll(r.body().scalars("OrganizationAggregationSource.AllAwsRegions"));
                            if (all.stream().noneMatch(s -> s.isTrue() || !s.isLiteral())) {
                                h.missing(r, "AllAwsRegions", "some regions are missed");
                            }
                        }),
                rule("cfn-workspaces-user-volume-unencrypted", Severity.MEDIUM, "CWE-311",
                        "WorkSpaces user volume is not encrypted", "Set UserVolumeEncryptionEnabled: true.",
                        "AWS::WorkSpaces::Workspace",
                        notTrue("UserVolumeEncryptionEnabled", "the user volume is unencrypted")),
                rule("cfn-workspaces-root-volume-unencrypted", Severity.MEDIUM, "CWE-311",
                        "WorkSpaces root volume is not encrypted", "Set RootVolumeEncryptionEnabled: true.",
                        "AWS::WorkSpaces::Workspace",
                        notTrue("RootVolumeEncryptionEnabled", "the root volume is unencrypted")),
                rule("cfn-codebuild-artifacts-unencrypted", Severity.MEDIUM, "CWE-311",
                        "CodeBuild project disables artifact encryption", "Remove EncryptionDisabled: true.",
                        "AWS::CodeBuild::Project", isTrue("Artifacts.EncryptionDisabled", "artifacts are unencrypted")),
                rule("cfn-lb-no-access-logs", Severity.LOW, "CWE-778", "Load balancer has no access logs",
                        "Add LoadBalancerAttributes {Key: access_logs.s3.enabled, Value: \"true\"}.",
                        "AWS::ElasticLoadBalancingV2::LoadBalancer",
                        lbAttribute("access_logs.s3.enabled", "access logging is off")),
                rule("cfn-lb-keeps-invalid-headers", Severity.MEDIUM, "CWE-444",
                        "Application load balancer forwards invalid HTTP headers",
                        "Add LoadBalancerAttributes {Key: routing.http.drop_invalid_header_fields.enabled, "
                                + "Value: \"true\"}.",
                        "AWS::ElasticLoadBalancingV2::LoadBalancer",
                        when(r -> r.body().text("Type").orElse("application").equals("application"),
                                lbAttribute("routing.http.drop_invalid_header_fields.enabled",
                                        "request smuggling is easier"))),
                rule("cfn-sagemaker-notebook-internet", Severity.MEDIUM, "CWE-284",
                        "SageMaker notebook instance has direct internet access",
                        "Set DirectInternetAccess: Disabled and a SubnetId.", "AWS::SageMaker::NotebookInstance",
                        requireOneOf("DirectInternetAccess", "the notebook reaches the internet directly", "Disabled")),
                rule("cfn-dms-public", Severity.HIGH, "CWE-284", "DMS replication instance is publicly accessible",
                        "Set PubliclyAccessible: false.", "AWS::DMS::ReplicationInstance",
                        (r, t, h) -> {
                            Optional<IacNode.Scalar> value = r.body().scalar("PubliclyAccessible");
                            if (value.isEmpty() && !r.body().has("PubliclyAccessible")) {
                                h.missing(r, "PubliclyAccessible", "PubliclyAccessible defaults to true");
                            } else if (value.isPresent() && value.get().isTrue()) {
                                h.at(r, value.get(), "PubliclyAccessible", "the instance has a public address");
                            }
                        }),
                rule("cfn-cognito-unauthenticated", Severity.MEDIUM, "CWE-306",
                        "Cognito identity pool allows unauthenticated identities",
                        "Set AllowUnauthenticatedIdentities: false.", "AWS::Cognito::IdentityPool",
                        isTrue("AllowUnauthenticatedIdentities", "guests get AWS credentials")),
                rule("cfn-transfer-server-public", Severity.MEDIUM, "CWE-284", "Transfer Family server is public",
                        "Set EndpointType: VPC.", "AWS::Transfer::Server",
                        requireOneOf("EndpointType", "the server has a public endpoint", "VPC", "VPC_ENDPOINT")),
                rule("cfn-cloudfront-no-logging", Severity.LOW, "CWE-778", "CloudFront distribution has no access logs",
                        "Add DistributionConfig.Logging.", "AWS::CloudFront::Distribution",
                        missing("DistributionConfig.Logging", "no access logs")),
                rule("cfn-cloudfront-outdated-tls", Severity.MEDIUM, "CWE-326",
                        "CloudFront distribution accepts TLS below 1.2",
                        "Set ViewerCertificate.MinimumProtocolVersion: TLSv1.2_2021.", "AWS::CloudFront::Distribution",
                        (r, t, h) -> {
                            for (IacNode.Scalar s : r.body()
                                    .scalars("DistributionConfig.ViewerCertificate.MinimumProtocolVersion")) {
                                if (s.isLiteral() && s.text().matches("(SSLv3|TLSv1|TLSv1_2016|TLSv1\\.1_2016)")) {
                                    h.at(r, s, "MinimumProtocolVersion", "viewers may use " + s.text());
                                }
                            }
                        }),
                rule("cfn-cloudfront-no-waf", Severity.LOW, "CWE-693", "CloudFront distribution has no WAF web ACL",
                        "Set DistributionConfig.WebACLId.", "AWS::CloudFront::Distribution",
                        missing("DistributionConfig.WebACLId", "no WebACLId")));
    }

    private static List<IacRule> moreCoverage() {
        return List.of(
                rule("cfn-sg-rule-no-description", Severity.LOW, "CWE-710", "Security group rule has no description",
                        "Add a Description to every ingress and egress rule.",
                        "AWS::EC2::SecurityGroup, AWS::EC2::SecurityGroupIngress, AWS::EC2::SecurityGroupEgress",
                        (r, t, h) -> {
                            if (!r.type().equals("AWS::EC2::SecurityGroup")) {
                                if (!r.body().has("Description")) {
                                    h.missing(r, "Description", "rule has no description");
                                }
                                return;
                            }
                            for (String key : new String[] {"SecurityGroupIngress", "SecurityGroupEgress"}) {
                                for (IacNode.Mapping rule : r.body().mappings(key)) {
                                    if (!rule.has("Description")) {
                                        h.at(r, rule, key + ".Description", "rule has no description");
                                    }
                                }
                            }
                        }),
                rule("cfn-sg-open-egress", Severity.LOW, "CWE-284",
                        "Security group allows outbound traffic to the internet",
                        "Allow egress only to the destinations the workload needs.",
                        "AWS::EC2::SecurityGroup, AWS::EC2::SecurityGroupEgress", (r, t, h) -> {
                            List<IacNode.Mapping> rules = r.type().equals("AWS::EC2::SecurityGroup")
                                    ? r.body().mappings("SecurityGroupEgress") : List.of(r.body());
                            for (IacNode.Mapping rule : rules) {
                                for (String key : new String[] {"CidrIp", "CidrIpv6"}) {
                                    rule.scalar(key).filter(ResourceRules::isOpenCidr).ifPresent(c -> h.at(r, c,
                                            "SecurityGroupEgress." + key, "traffic may leave to " + c.text()));
                                }
                            }
                        }),
                rule("cfn-nacl-open-all-ports", Severity.HIGH, "CWE-284", "Network ACL allows all ports from the internet",
                        "Allow only the ports needed, from the networks that need them.", "AWS::EC2::NetworkAclEntry",
                        (r, t, h) -> {
                            boolean egress = r.body().scalar("Egress").filter(IacNode.Scalar::isTrue).isPresent();
                            boolean allow = r.body().text("RuleAction").filter("allow"::equalsIgnoreCase).isPresent();
                            boolean allPorts = r.body().text("Protocol").filter("-1"::equals).isPresent()
                                    || ResourceRules.numberAt(r.body().mapping("PortRange")
                                            .orElse(IacNode.Mapping.empty(0)), "From", 1) <= 0
                                    && ResourceRules.numberAt(r.body().mapping("PortRange")
                                            .orElse(IacNode.Mapping.empty(0)), "To", 0) >= 65535;
                            if (!egress && allow && allPorts) {
                                for (String key : new String[] {"CidrBlock", "Ipv6CidrBlock"}) {
                                    r.body().scalar(key).filter(ResourceRules::isOpenCidr)
                                            .ifPresent(c -> h.at(r, c, key, "all ports open to " + c.text()));
                                }
                            }
                        }),
                rule("cfn-lb-outdated-tls-policy", Severity.MEDIUM, "CWE-326",
                        "Load balancer listener allows outdated TLS versions",
                        "Use ELBSecurityPolicy-TLS13-1-2-2021-06 or another TLS 1.2+ policy.",
                        "AWS::ElasticLoadBalancingV2::Listener", (r, t, h) -> r.body().scalar("SslPolicy")
                                .filter(s -> s.text().matches(".*(2015-05|2016-08|TLS-1-0|TLS-1-1|2015-03|2014).*"))
                                .ifPresent(s -> h.at(r, s, "SslPolicy", "policy accepts TLS 1.0 or 1.1"))),
                rule("cfn-lambda-permission-no-source", Severity.MEDIUM, "CWE-284",
                        "Lambda permission for an AWS service does not name the source resource",
                        "Set SourceArn (or SourceAccount) so that only your resource may invoke the function.",
                        "AWS::Lambda::Permission", (r, t, h) -> r.body().scalar("Principal")
                                .filter(s -> s.text().endsWith(".amazonaws.com"))
                                .filter(s -> !r.body().has("SourceArn") && !r.body().has("SourceAccount"))
                                .ifPresent(s -> h.at(r, s, "Principal", "any " + s.text() + " resource may invoke it"))),
                rule("cfn-rds-no-deletion-protection", Severity.LOW, "CWE-693", "RDS deletion protection is disabled",
                        "Set DeletionProtection: true.", "AWS::RDS::DBInstance, AWS::RDS::DBCluster",
                        notTrue("DeletionProtection", "the database can be deleted by mistake")),
                rule("cfn-rds-no-performance-insights", Severity.LOW, "CWE-778",
                        "RDS instance has Performance Insights off", "Set EnablePerformanceInsights: true.",
                        "AWS::RDS::DBInstance", notTrue("EnablePerformanceInsights", "query load is not recorded")),
                rule("cfn-rds-no-log-exports", Severity.LOW, "CWE-778", "RDS database exports no logs to CloudWatch",
                        "Set EnableCloudwatchLogsExports to the engine's logs.",
                        "AWS::RDS::DBInstance, AWS::RDS::DBCluster",
                        missing("EnableCloudwatchLogsExports", "no logs are exported")),
                rule("cfn-sqs-policy-all-actions", Severity.MEDIUM, "CWE-732", "SQS queue policy allows every action",
                        "List the sqs: actions needed instead of '*' or 'sqs:*'.", "AWS::SQS::QueuePolicy",
                        (r, t, h) -> r.body().get("PolicyDocument").ifPresent(p -> {
                            for (PolicyDocuments.Statement s : PolicyDocuments.statements(p)) {
                                s.actions().stream().filter(a -> s.allow() && (a.text().equals("*")
                                        || a.text().equals("sqs:*"))).findFirst()
                                        .ifPresent(a -> h.at(r, a, "PolicyDocument", "Action is " + a.text()));
                            }
                        })),
                rule("cfn-sns-aws-managed-key", Severity.LOW, "CWE-311", "SNS topic is encrypted with the AWS managed key",
                        "Use a customer managed key for KmsMasterKeyId.", "AWS::SNS::Topic",
                        equalsAny("KmsMasterKeyId", "the default key cannot be restricted", "alias/aws/sns")),
                rule("cfn-sqs-aws-managed-key", Severity.LOW, "CWE-311", "SQS queue is encrypted with the AWS managed key",
                        "Use a customer managed key for KmsMasterKeyId.", "AWS::SQS::Queue",
                        equalsAny("KmsMasterKeyId", "the default key cannot be restricted", "alias/aws/sqs")),
                rule("cfn-ebs-no-cmk", Severity.LOW, "CWE-311", "EBS volume is not encrypted with a customer managed key",
                        "Set KmsKeyId.", "AWS::EC2::Volume", missing("KmsKeyId", "the AWS managed key is used")),
                rule("cfn-ecr-no-kms", Severity.LOW, "CWE-311", "ECR repository is not encrypted with KMS",
                        "Set EncryptionConfiguration: {EncryptionType: KMS}.", "AWS::ECR::Repository",
                        requireOneOf("EncryptionConfiguration.EncryptionType",
                                "images are encrypted with the default AES-256 key", "KMS")),
                rule("cfn-docdb-no-cmk", Severity.LOW, "CWE-311",
                        "DocumentDB cluster is not encrypted with a customer managed key", "Set KmsKeyId.",
                        "AWS::DocDB::DBCluster", missing("KmsKeyId", "the AWS managed key is used")),
                rule("cfn-neptune-no-cmk", Severity.LOW, "CWE-311",
                        "Neptune cluster is not encrypted with a customer managed key", "Set KmsKeyId.",
                        "AWS::Neptune::DBCluster", missing("KmsKeyId", "the AWS managed key is used")),
                rule("cfn-redshift-no-cmk", Severity.LOW, "CWE-311",
                        "Redshift cluster is not encrypted with a customer managed key", "Set KmsKeyId.",
                        "AWS::Redshift::Cluster", missing("KmsKeyId", "the AWS managed key is used")),
                rule("cfn-apigw-v2-route-no-auth", Severity.MEDIUM, "CWE-306",
                        "API Gateway v2 route has no authorisation", "Set AuthorizationType to JWT, AWS_IAM or CUSTOM.",
                        "AWS::ApiGatewayV2::Route", requireOneOf("AuthorizationType", "the route is unauthenticated",
                                "JWT", "AWS_IAM", "CUSTOM")),
                rule("cfn-opensearch-outdated-tls", Severity.MEDIUM, "CWE-326",
                        "OpenSearch domain allows TLS 1.0 or 1.1",
                        "Set DomainEndpointOptions.TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07.", SEARCH,
                        requireOneOf("DomainEndpointOptions.TLSSecurityPolicy", "clients may negotiate TLS 1.0",
                                "Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10")),
                rule("cfn-elasticache-no-backup", Severity.LOW, "CWE-693", "ElastiCache Redis cluster keeps no backups",
                        "Set SnapshotRetentionLimit to at least 1.", "AWS::ElastiCache::CacheCluster",
                        when(r -> r.body().text("Engine").filter("redis"::equalsIgnoreCase).isPresent(),
                                atLeast("SnapshotRetentionLimit", 1, 0, "automatic backups are off"))),
                rule("cfn-lb-public", Severity.LOW, "CWE-284", "Load balancer is internet-facing",
                        "Set Scheme: internal unless the load balancer must serve the internet.",
                        "AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::ElasticLoadBalancing::LoadBalancer",
                        requireOneOf("Scheme", "it has a public address", "internal")));
    }

    private static ResourceCheck lbAttribute(String key, String detail) {
        return (r, t, h) -> {
            Optional<IacNode.Mapping> attribute = r.body().mappings("LoadBalancerAttributes").stream()
                    .filter(a -> a.text("Key").filter(key::equals).isPresent()).findFirst();
            if (attribute.isEmpty()) {
                h.missing(r, "LoadBalancerAttributes." + key, detail + " (" + key + " is not set)");
            } else {
                attribute.get().scalar("Value").filter(IacNode.Scalar::isFalse)
                        .ifPresent(v -> h.at(r, v, "LoadBalancerAttributes." + key, detail));
            }
        };
    }
}
