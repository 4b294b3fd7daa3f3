package io.jenkins.plugins.devsecops.iac.cloudformation;

import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.PolicyDocuments;
import io.jenkins.plugins.devsecops.iac.rule.PortRanges;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.iac.rule.RuleHits;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Rules for AWS CloudFormation templates. */
public final class CloudFormationRules {

    private static final String SG_TYPES = "AWS::EC2::SecurityGroup, AWS::EC2::SecurityGroupIngress";
    private static final String POLICY_TYPES = "AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, "
            + "AWS::IAM::User, AWS::IAM::Group";

    private CloudFormationRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.CLOUDFORMATION, severity, cwe, title, remediation, types, check);
    }

    /** Every CloudFormation rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("cfn-s3-public-acl", Severity.HIGH, "CWE-284", "S3 bucket grants public access through its ACL",
                        "Remove AccessControl or set it to Private.", "AWS::S3::Bucket",
                        equalsAny("AccessControl", "canned ACL makes the bucket public", "PublicRead",
                                "PublicReadWrite", "AuthenticatedRead")),
                rule("cfn-s3-no-encryption", Severity.MEDIUM, "CWE-311",
                        "S3 bucket has no server-side encryption configuration",
                        "Add BucketEncryption with SSE-KMS.", "AWS::S3::Bucket",
                        missing("BucketEncryption", "no BucketEncryption")),
                rule("cfn-s3-no-versioning", Severity.MEDIUM, "CWE-693", "S3 bucket versioning is not enabled",
                        "Set VersioningConfiguration.Status: Enabled.", "AWS::S3::Bucket", (r, t, h) -> {
                            Optional<IacNode> status = r.body().first("VersioningConfiguration.Status");
                            if (status.isEmpty()) {
                                h.missing(r, "VersioningConfiguration", "no VersioningConfiguration");
                            } else if (status.get() instanceof IacNode.Scalar s && !s.text().equals("Enabled")) {
                                h.at(r, s, "VersioningConfiguration.Status", "status is " + s.text());
                            }
                        }),
                rule("cfn-s3-public-access-not-blocked", Severity.MEDIUM, "CWE-284",
                        "S3 bucket does not block public access",
                        "Set all four PublicAccessBlockConfiguration settings to true.", "AWS::S3::Bucket",
                        (r, t, h) -> {
                            Optional<IacNode.Mapping> block = r.body().mapping("PublicAccessBlockConfiguration");
                            if (block.isEmpty()) {
                                h.missing(r, "PublicAccessBlockConfiguration", "no PublicAccessBlockConfiguration");
                                return;
                            }
                            for (String key : new String[] {"BlockPublicAcls", "BlockPublicPolicy",
                                    "IgnorePublicAcls", "RestrictPublicBuckets"}) {
                                Optional<IacNode.Scalar> value = block.get().scalar(key);
                                if (value.isEmpty() || !value.get().isTrue()) {
                                    h.at(r, value.isPresent() ? value.get() : block.get(),
                                            "PublicAccessBlockConfiguration." + key, key + " is not true");
                                }
                            }
                        }),
                rule("cfn-sg-open-ssh", Severity.HIGH, "CWE-284", "Security group opens SSH (22) to the internet",
                        "Restrict CidrIp to known networks or use SSM Session Manager.", SG_TYPES,
                        openIngress(PortRanges.SSH, "SSH")),
                rule("cfn-sg-open-rdp", Severity.HIGH, "CWE-284", "Security group opens RDP (3389) to the internet",
                        "Restrict CidrIp to known networks.", SG_TYPES, openIngress(PortRanges.RDP, "RDP")),
                rule("cfn-sg-open-database", Severity.HIGH, "CWE-284",
                        "Security group opens a database port to the internet",
                        "Allow database ports only from application security groups.", SG_TYPES,
                        openIngress(-1, "database")),
                rule("cfn-sg-open-all-ports", Severity.CRITICAL, "CWE-284",
                        "Security group opens all ports to the internet", "Allow only the needed ports.", SG_TYPES,
                        openIngress(-2, "all ports")),
                rule("cfn-ebs-unencrypted", Severity.MEDIUM, "CWE-311", "EBS volume is not encrypted",
                        "Set Encrypted: true.", "AWS::EC2::Volume", notTrue("Encrypted", "volume is unencrypted")),
                rule("cfn-rds-unencrypted", Severity.HIGH, "CWE-311", "RDS storage is not encrypted",
                        "Set StorageEncrypted: true.", "AWS::RDS::DBInstance, AWS::RDS::DBCluster",
                        (r, t, h) -> {
                            if (!r.body().has("SourceDBInstanceIdentifier")) {
                                notTrue("StorageEncrypted", "storage is unencrypted").check(r, t, h);
                            }
                        }),
                rule("cfn-rds-publicly-accessible", Severity.CRITICAL, "CWE-284", "RDS instance is publicly accessible",
                        "Set PubliclyAccessible: false.", "AWS::RDS::DBInstance",
                        isTrue("PubliclyAccessible", "database has a public endpoint")),
                rule("cfn-rds-no-backup", Severity.MEDIUM, "CWE-693", "RDS automated backups are disabled",
                        "Set BackupRetentionPeriod to at least 7.", "AWS::RDS::DBInstance, AWS::RDS::DBCluster",
                        equalsAny("BackupRetentionPeriod", "backup retention is 0", "0")),
                rule("cfn-rds-hardcoded-password", Severity.HIGH, "CWE-798", "Database master password is hardcoded",
                        "Use ManageMasterUserPassword: true or a {{resolve:secretsmanager:...}} reference.",
                        "AWS::RDS::DBInstance, AWS::RDS::DBCluster", (r, t, h) -> r.body().scalar("MasterUserPassword")
                                .filter(PolicyDocuments::isLiteralSecret)
                                .ifPresent(s -> h.secretAt(r, s, "MasterUserPassword", "password is a literal"))),
                rule("cfn-efs-unencrypted", Severity.MEDIUM, "CWE-311", "EFS file system is not encrypted",
                        "Set Encrypted: true.", "AWS::EFS::FileSystem", notTrue("Encrypted", "file system is unencrypted")),
                rule("cfn-sns-unencrypted", Severity.MEDIUM, "CWE-311", "SNS topic is not encrypted",
                        "Set KmsMasterKeyId.", "AWS::SNS::Topic", missing("KmsMasterKeyId", "no KmsMasterKeyId")),
                rule("cfn-sqs-unencrypted", Severity.MEDIUM, "CWE-311", "SQS queue is not encrypted",
                        "Set KmsMasterKeyId or SqsManagedSseEnabled: true.", "AWS::SQS::Queue", (r, t, h) -> {
                            Optional<IacNode.Scalar> managed = r.body().scalar("SqsManagedSseEnabled");
                            if (managed.isPresent() && managed.get().isFalse()) {
                                h.at(r, managed.get(), "SqsManagedSseEnabled", "encryption is off");
                            } else if (managed.isEmpty() && !r.body().has("KmsMasterKeyId")) {
                                h.missing(r, "KmsMasterKeyId", "no encryption configured");
                            }
                        }),
                rule("cfn-iam-wildcard-action", Severity.HIGH, "CWE-269",
                        "IAM policy allows every action of a service or of AWS",
                        "List the actions the principal needs instead of '*' or 'service:*'.", POLICY_TYPES,
                        policy(s -> s.allow() && s.wildcardAction() != null, PolicyDocuments.Statement::wildcardAction,
                                "Action allows a wildcard")),
                rule("cfn-iam-admin-policy", Severity.CRITICAL, "CWE-269",
                        "IAM policy grants full administrator access", "Never allow Action '*' on Resource '*'.",
                        POLICY_TYPES, policy(s -> s.allow() && s.hasFullWildcardAction() && s.wildcardResource() != null,
                                PolicyDocuments.Statement::wildcardAction, "Action '*' on Resource '*'")),
                rule("cfn-cloudtrail-unencrypted", Severity.MEDIUM, "CWE-311",
                        "CloudTrail logs are not encrypted with KMS", "Set KMSKeyId.", "AWS::CloudTrail::Trail",
                        missing("KMSKeyId", "no KMSKeyId")),
                rule("cfn-cloudtrail-no-log-validation", Severity.LOW, "CWE-354",
                        "CloudTrail log file validation is disabled", "Set EnableLogFileValidation: true.",
                        "AWS::CloudTrail::Trail", notTrue("EnableLogFileValidation", "tampering would go unnoticed")),
                rule("cfn-kms-rotation-disabled", Severity.MEDIUM, "CWE-320", "KMS key rotation is disabled",
                        "Set EnableKeyRotation: true.", "AWS::KMS::Key", (r, t, h) -> {
                            String spec = r.body().text("KeySpec").orElse("SYMMETRIC_DEFAULT");
                            if (spec.equals("SYMMETRIC_DEFAULT")) {
                                notTrue("EnableKeyRotation", "key material is never rotated").check(r, t, h);
                            }
                        }),
                rule("cfn-launch-template-imdsv1", Severity.MEDIUM, "CWE-918",
                        "Launch template allows IMDSv1",
                        "Set LaunchTemplateData.MetadataOptions.HttpTokens: required.", "AWS::EC2::LaunchTemplate",
                        (r, t, h) -> {
                            Optional<IacNode> tokens = r.body().first("LaunchTemplateData.MetadataOptions.HttpTokens");
                            if (tokens.isEmpty()) {
                                h.missing(r, "LaunchTemplateData.MetadataOptions.HttpTokens", "IMDSv2 is not required");
                            } else if (tokens.get() instanceof IacNode.Scalar s && !s.text().equals("required")) {
                                h.at(r, s, "LaunchTemplateData.MetadataOptions.HttpTokens", "HttpTokens is " + s.text());
                            }
                        }),
                rule("cfn-lb-http-listener", Severity.MEDIUM, "CWE-319", "Load balancer listener serves plain HTTP",
                        "Listen on HTTPS, or redirect HTTP to HTTPS in DefaultActions.",
                        "AWS::ElasticLoadBalancingV2::Listener", (r, t, h) -> {
                            Optional<IacNode.Scalar> protocol = r.body().scalar("Protocol");
                            boolean redirects = r.body().scalars("DefaultActions.Type").stream()
                                    .anyMatch(s -> s.text().equals("redirect"));
                            if (protocol.isPresent() && protocol.get().text().equals("HTTP") && !redirects) {
                                h.at(r, protocol.get(), "Protocol", "traffic is not encrypted");
                            }
                        }),
                rule("cfn-cloudfront-allows-http", Severity.MEDIUM, "CWE-319", "CloudFront distribution allows HTTP",
                        "Set ViewerProtocolPolicy to redirect-to-https or https-only.",
                        "AWS::CloudFront::Distribution",
                        equalsAny("DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy",
                                "viewers may use plain HTTP", "allow-all")),
                rule("cfn-ecr-mutable-tags", Severity.LOW, "CWE-494", "ECR repository allows tags to be overwritten",
                        "Set ImageTagMutability: IMMUTABLE.", "AWS::ECR::Repository", (r, t, h) -> {
                            Optional<IacNode.Scalar> value = r.body().scalar("ImageTagMutability");
                            if (value.isEmpty()) {
                                h.missing(r, "ImageTagMutability", "tags are mutable by default");
                            } else if (!value.get().text().equals("IMMUTABLE")) {
                                h.at(r, value.get(), "ImageTagMutability", "tags are mutable");
                            }
                        }),
                rule("cfn-dynamodb-no-pitr", Severity.LOW, "CWE-693", "DynamoDB table has no point-in-time recovery",
                        "Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true.", "AWS::DynamoDB::Table",
                        notTrue("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
                                "point-in-time recovery is off")),
                rule("cfn-eks-public-endpoint", Severity.MEDIUM, "CWE-284",
                        "EKS cluster API endpoint is open to the internet",
                        "Set EndpointPublicAccess: false or restrict PublicAccessCidrs.", "AWS::EKS::Cluster",
                        (r, t, h) -> {
                            Optional<IacNode.Mapping> vpc = r.body().mapping("ResourcesVpcConfig");
                            if (vpc.isEmpty()) {
                                return;
                            }
                            boolean publicAccess = vpc.get().scalar("EndpointPublicAccess").map(s -> !s.isFalse())
                                    .orElse(true);
                            List<IacNode.Scalar> cidrs = vpc.get().scalars("PublicAccessCidrs");
                            if (publicAccess && (cidrs.isEmpty() || cidrs.stream().anyMatch(ResourceRules::isOpenCidr))) {
                                h.at(r, vpc.get().get("EndpointPublicAccess").orElse(vpc.get()),
                                        "ResourcesVpcConfig.EndpointPublicAccess", "the API server accepts any source");
                            }
                        }),
                rule("cfn-elasticache-no-transit-encryption", Severity.MEDIUM, "CWE-319",
                        "ElastiCache replication group does not encrypt traffic", "Set TransitEncryptionEnabled: true.",
                        "AWS::ElastiCache::ReplicationGroup",
                        notTrue("TransitEncryptionEnabled", "traffic is in clear text")),
                rule("cfn-lambda-env-secret", Severity.HIGH, "CWE-798",
                        "Lambda function environment holds a hardcoded secret",
                        "Resolve secrets at run time from Secrets Manager or SSM Parameter Store.",
                        "AWS::Lambda::Function, AWS::Serverless::Function", (r, t, h) -> {
                            for (IacNode.Mapping variables : r.body().mappings("Environment.Variables")) {
                                for (Map.Entry<String, IacNode> entry : variables.entries().entrySet()) {
                                    if (PolicyDocuments.isSecretName(entry.getKey())
                                            && entry.getValue() instanceof IacNode.Scalar value
                                            && PolicyDocuments.isLiteralSecret(value)) {
                                        h.secretAt(r, value, "Environment.Variables." + entry.getKey(),
                                                entry.getKey() + " is a literal value");
                                    }
                                }
                            }
                        }));
    }

    private static ResourceCheck policy(Predicate<PolicyDocuments.Statement> bad,
            java.util.function.Function<PolicyDocuments.Statement, IacNode> where, String detail) {
        return (r, t, h) -> {
            List<IacNode> documents = new ArrayList<>(r.body().all("PolicyDocument"));
            documents.addAll(r.body().all("Policies.PolicyDocument"));
            for (IacNode document : documents) {
                for (PolicyDocuments.Statement statement : PolicyDocuments.statements(document)) {
                    if (bad.test(statement)) {
                        IacNode node = where.apply(statement);
                        h.at(r, node != null ? node : statement.node(), "PolicyDocument", detail);
                    }
                }
            }
        };
    }

    private static void check(IacResource r, IacNode.Mapping rule, int port, String what, RuleHits h) {
        List<IacNode.Scalar> cidrs = new ArrayList<>(rule.scalars("CidrIp"));
        cidrs.addAll(rule.scalars("CidrIpv6"));
        Optional<IacNode.Scalar> open = cidrs.stream().filter(ResourceRules::isOpenCidr).findFirst();
        if (open.isEmpty()) {
            return;
        }
        String protocol = rule.text("IpProtocol").orElse("tcp");
        long from = ResourceRules.numberAt(rule, "FromPort", 0);
        long to = ResourceRules.numberAt(rule, "ToPort", from);
        if (protocol.equals("-1") || protocol.equalsIgnoreCase("all")) {
            from = 0;
            to = 65535;
        }
        boolean all = from <= 1 && to >= 65535;
        boolean matches = switch (port) {
            case -2 -> all;
            case -1 -> !all && PortRanges.databasePortIn(from, to) != null;
            default -> !all && ResourceRules.covers(from, to, port);
        };
        if (matches) {
            h.at(r, open.get(), "SecurityGroupIngress", what + " reachable from " + open.get().text());
        }
    }

    private static ResourceCheck openIngress(int port, String what) {
        return (r, t, h) -> {
            if (r.type().equals("AWS::EC2::SecurityGroupIngress")) {
                check(r, r.body(), port, what, h);
            } else {
                for (IacNode.Mapping rule : r.body().mappings("SecurityGroupIngress")) {
                    check(r, rule, port, what, h);
                }
            }
        };
    }
}
