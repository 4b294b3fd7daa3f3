package io.jenkins.plugins.devsecops.iac;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cloud rules stay quiet when the fix is made somewhere other than the resource itself: a separate resource, an
 * account-wide setting, or a SAM {@code Globals} section; and fire again when that fix is missing.
 */
class CloudPrecisionTest {

    private static List<Finding> findings(String path, String content, String ruleId) throws Exception {
        CollectingSink sink = CollectingSink.scan(path, content);
        assertThat(sink.errors).isEmpty();
        return sink.of(ruleId);
    }

    private static final String PUBLIC_BUCKET = """
            resource "aws_s3_bucket" "site" {
              bucket = "acme-site"
            }
            resource "aws_s3_bucket_acl" "site" {
              bucket = aws_s3_bucket.site.id
              acl    = "public-read"
            }
            resource "aws_s3_bucket_policy" "site" {
              bucket = aws_s3_bucket.site.id
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }]
              })
            }
            """;

    @Test
    void shouldTreatAPublicAclOrPolicyAsNeutralisedByTheBucketsPublicAccessBlock() throws Exception {
        String blocked = PUBLIC_BUCKET + """
                resource "aws_s3_bucket_public_access_block" "site" {
                  bucket                  = aws_s3_bucket.site.id
                  block_public_acls       = true
                  ignore_public_acls      = true
                  block_public_policy     = true
                  restrict_public_buckets = true
                }
                """;

        assertThat(findings("s3.tf", PUBLIC_BUCKET, "aws-s3-public-acl")).hasSize(1);
        assertThat(findings("s3.tf", PUBLIC_BUCKET, "aws-s3-public-policy")).hasSize(1);
        assertThat(findings("s3.tf", blocked, "aws-s3-public-acl")).isEmpty();
        assertThat(findings("s3.tf", blocked, "aws-s3-public-policy")).isEmpty();
    }

    @Test
    void shouldAcceptTheAccountWidePublicAccessBlock() throws Exception {
        String account = PUBLIC_BUCKET + """
                resource "aws_s3_account_public_access_block" "account" {
                  block_public_acls       = true
                  ignore_public_acls      = true
                  block_public_policy     = true
                  restrict_public_buckets = true
                }
                """;

        assertThat(findings("s3.tf", PUBLIC_BUCKET, "aws-s3-no-public-access-block")).hasSize(1);
        assertThat(findings("s3.tf", account, "aws-s3-no-public-access-block")).isEmpty();
        assertThat(findings("s3.tf", account, "aws-s3-public-acl")).isEmpty();
    }

    @Test
    void shouldTreatVolumesAsEncryptedWhenEncryptionByDefaultIsOn() throws Exception {
        String volumes = """
                resource "aws_ebs_volume" "data" {
                  availability_zone = "eu-west-1a"
                  size              = 40
                }
                resource "aws_instance" "web" {
                  ami           = "ami-0123456789abcdef0"
                  instance_type = "t3.micro"
                }
                resource "aws_launch_template" "web" {
                  block_device_mappings {
                    ebs {
                      volume_size = 20
                    }
                  }
                }
                """;
        String byDefault = volumes + """
                resource "aws_ebs_encryption_by_default" "on" {
                  enabled = true
                }
                """;

        for (String rule : List.of("aws-ebs-unencrypted", "aws-instance-root-unencrypted",
                "aws-launch-template-unencrypted")) {
            assertThat(findings("ec2.tf", volumes, rule)).as(rule).isNotEmpty();
            assertThat(findings("ec2.tf", byDefault, rule)).as(rule).isEmpty();
        }
    }

    @Test
    void shouldFindSeparateCompanionResourcesOfRedshiftStorageAndSqlServers() throws Exception {
        String separate = """
                resource "aws_redshift_cluster" "dw" {
                  cluster_identifier = "dw"
                }
                resource "aws_redshift_logging" "dw" {
                  cluster_identifier   = aws_redshift_cluster.dw.id
                  log_destination_type = "cloudwatch"
                }
                resource "azurerm_mssql_server" "sql" {
                  name = "sql"
                }
                resource "azurerm_mssql_server_extended_auditing_policy" "sql" {
                  server_id = azurerm_mssql_server.sql.id
                }
                resource "azurerm_storage_account" "data" {
                  name = "data"
                }
                resource "azurerm_storage_account_network_rules" "data" {
                  storage_account_id = azurerm_storage_account.data.id
                  default_action     = "Deny"
                  bypass             = ["AzureServices"]
                }
                """;

        assertThat(findings("main.tf", separate, "aws-redshift-no-logging")).isEmpty();
        assertThat(findings("main.tf", separate, "azure-sql-no-auditing")).isEmpty();
        assertThat(findings("main.tf", separate, "azure-storage-network-open")).isEmpty();
        assertThat(findings("main.tf", separate, "azure-storage-no-trusted-services")).isEmpty();
    }

    @Test
    void shouldApplySamGlobalsToEveryFunctionAndApi() throws Exception {
        String template = """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Tracing: Active
                  Api:
                    TracingEnabled: true
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                  Legacy:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      Tracing: Disabled
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                """;

        assertThat(findings("template.yaml", template, "sam-api-no-xray")).isEmpty();
        assertThat(findings("template.yaml", template, "sam-function-no-xray"))
                .extracting(f -> f.location().startLine()).containsExactly(19);
    }

    @Test
    void shouldLeaveSettingsThatComeFromALaunchTemplateOrTheEngineToThem() throws Exception {
        String fromTemplate = """
                resource "aws_launch_template" "web" {
                  metadata_options {
                    http_tokens = "required"
                  }
                }
                resource "aws_instance" "web" {
                  launch_template {
                    id = aws_launch_template.web.id
                  }
                }
                resource "aws_rds_cluster" "serverless" {
                  engine      = "aurora-postgresql"
                  engine_mode = "serverless"
                }
                resource "aws_db_instance" "replica" {
                  replicate_source_db = aws_db_instance.primary.identifier
                  instance_class      = "db.t3.micro"
                }
                """;

        assertThat(findings("ec2.tf", fromTemplate, "aws-instance-imdsv1")).isEmpty();
        assertThat(findings("ec2.tf", fromTemplate, "aws-instance-root-unencrypted")).isEmpty();
        assertThat(findings("ec2.tf", fromTemplate, "aws-rds-unencrypted")).isEmpty();
    }
}
