package io.jenkins.plugins.devsecops.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformModulesTest {

    private static List<IacResource> resources(Map<String, String> files) throws Exception {
        Map<String, List<HclBlock>> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            parsed.put(file.getKey(), HclParser.parse(file.getValue()));
        }
        return new TerraformModules(parsed).units().stream().flatMap(List::stream).toList();
    }

    @Test
    void shouldSubstituteVariableDefaultsAndLocalsKeepingTheUseLine() throws Exception {
        List<IacResource> resources = resources(Map.of(
                "infra/variables.tf", """
                        variable "acl" {
                          default = "public-read"
                        }
                        variable "cidrs" {
                          type    = list(string)
                          default = ["0.0.0.0/0"]
                        }
                        """,
                "infra/main.tf", """
                        locals {
                          name = "data-${var.acl}"
                        }
                        resource "aws_s3_bucket" "data" {
                          bucket = local.name
                          acl    = var.acl
                          cidrs  = var.cidrs
                        }
                        """));

        IacResource bucket = resources.stream().filter(r -> r.address().equals("aws_s3_bucket.data")).findFirst()
                .orElseThrow();
        assertThat(bucket.path()).isEqualTo("infra/main.tf");
        assertThat(bucket.body().scalar("acl").orElseThrow()).extracting(IacNode.Scalar::text, IacNode.Scalar::line)
                .containsExactly("public-read", 6);
        assertThat(bucket.body().text("bucket")).contains("data-public-read");
        assertThat(bucket.body().scalars("cidrs")).extracting(IacNode.Scalar::text, IacNode.Scalar::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0.0.0.0/0", 7));
    }

    @Test
    void shouldEvaluateInRepositoryModulesWithTheCallersArguments() throws Exception {
        List<IacResource> resources = resources(Map.of(
                "env/prod/main.tf", """
                        module "storage" {
                          source = "../../modules/bucket"
                          acl    = "public-read-write"
                        }
                        module "remote" {
                          source = "terraform-aws-modules/s3-bucket/aws"
                        }
                        """,
                "modules/bucket/main.tf", """
                        variable "acl" {
                          default = "private"
                        }
                        resource "aws_s3_bucket" "this" {
                          acl = var.acl
                        }
                        """));

        assertThat(resources).extracting(IacResource::address).containsExactly("module.storage.aws_s3_bucket.this");
        assertThat(resources.get(0).body().text("acl")).contains("public-read-write");
        assertThat(resources.get(0).path()).isEqualTo("modules/bucket/main.tf");
    }

    @Test
    void shouldLeaveOutResourcesWhoseCountOrForEachIsStaticallyEmpty() throws Exception {
        List<IacResource> resources = resources(Map.of("main.tf", """
                variable "create" {
                  default = 0
                }
                resource "aws_s3_bucket" "never" {
                  count = var.create
                }
                resource "aws_s3_bucket" "none" {
                  for_each = {}
                }
                resource "aws_s3_bucket" "dynamic" {
                  count = length(var.names)
                }
                data "aws_iam_policy_document" "doc" {
                }
                provider "aws" {
                  region = "eu-west-1"
                }
                """));

        assertThat(resources).extracting(IacResource::address)
                .containsExactly("aws_s3_bucket.dynamic", "data.aws_iam_policy_document.doc", "provider.aws");
    }

    @Test
    void shouldExpandStaticCountAndForEachIntoInstances() throws Exception {
        List<IacResource> resources = resources(Map.of("main.tf", """
                variable "buckets" {
                  default = {
                    public  = { acl = "public-read" }
                    private = { acl = "private" }
                  }
                }
                resource "aws_s3_bucket" "each" {
                  for_each = var.buckets
                  bucket   = "data-${each.key}"
                  acl      = each.value.acl
                }
                resource "aws_sns_topic" "set" {
                  for_each = toset(["orders", "invoices"])
                  name     = each.value
                }
                resource "aws_instance" "web" {
                  count = 2
                  name  = "web-${count.index}"
                }
                """));

        assertThat(resources).extracting(IacResource::address).containsExactly(
                "aws_s3_bucket.each[\"public\"]", "aws_s3_bucket.each[\"private\"]",
                "aws_sns_topic.set[\"orders\"]", "aws_sns_topic.set[\"invoices\"]",
                "aws_instance.web[0]", "aws_instance.web[1]");
        assertThat(resources.get(0).body().scalar("acl").orElseThrow())
                .extracting(IacNode.Scalar::text, IacNode.Scalar::line).containsExactly("public-read", 10);
        assertThat(resources.get(1).body().text("acl")).contains("private");
        assertThat(resources.get(1).body().text("bucket")).contains("data-private");
        assertThat(resources.get(3).body().text("name")).contains("invoices");
        assertThat(resources.get(5).body().text("name")).contains("web-1");
    }

    @Test
    void shouldSurviveModulesThatCallThemselvesOrEachOther() throws Exception {
        List<IacResource> resources = resources(Map.of(
                "a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\nresource \"aws_sns_topic\" \"a\" {\n}\n",
                "b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\nresource \"aws_sns_topic\" \"b\" {\n}\n",
                "main.tf", "module \"a\" {\n  source = \"./a\"\n}\n"));

        assertThat(resources).isNotEmpty().allSatisfy(r -> assertThat(r.address()).startsWith("module.a."));
    }

    @Test
    void shouldListModulesWhoseCodeIsNotInTheTreeWithTheirSourceAndKind() throws Exception {
        Map<String, List<HclBlock>> parsed = new LinkedHashMap<>();
        parsed.put("live/main.tf", HclParser.parse("""
                module "vpc" {
                  source  = "terraform-aws-modules/vpc/aws"
                  version = "5.1.0"
                }
                module "db" {
                  source = "git::https://ci-token@github.com/acme/tf-db.git?ref=v1.2.0"
                }
                module "net" {
                  source = "../modules/net"
                }
                module "gone" {
                  source = "../modules/missing"
                }
                module "artifact" {
                  source = "s3::https://s3-eu-west-1.amazonaws.com/acme-modules/app.zip"
                }
                """));
        parsed.put("modules/net/main.tf", HclParser.parse("""
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }
                """));

        List<TerraformModules.UnscannedModule> unscanned = new TerraformModules(parsed).unscannedModules();

        assertThat(unscanned).extracting(TerraformModules.UnscannedModule::name, TerraformModules.UnscannedModule::kind,
                TerraformModules.UnscannedModule::source, TerraformModules.UnscannedModule::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("vpc", "registry", "terraform-aws-modules/vpc/aws", 1),
                org.assertj.core.groups.Tuple.tuple("db", "git", "git::https://github.com/acme/tf-db.git", 5),
                org.assertj.core.groups.Tuple.tuple("gone", "local", "../modules/missing", 11),
                org.assertj.core.groups.Tuple.tuple("artifact", "bucket",
                        "s3::https://s3-eu-west-1.amazonaws.com/acme-modules/app.zip", 14));
        assertThat(unscanned).allSatisfy(m -> assertThat(m.path()).isEqualTo("live/main.tf"));
    }
}
