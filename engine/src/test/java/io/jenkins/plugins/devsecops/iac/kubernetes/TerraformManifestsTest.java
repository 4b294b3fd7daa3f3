package io.jenkins.plugins.devsecops.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceTarget;
import io.jenkins.plugins.devsecops.iac.rule.RuleHit;
import io.jenkins.plugins.devsecops.iac.rule.RuleHits;
import io.jenkins.plugins.devsecops.iac.terraform.HclBlock;
import io.jenkins.plugins.devsecops.iac.terraform.HclParser;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class TerraformManifestsTest {

    private static final String CRON_JOB = """
            resource "kubernetes_cron_job_v1" "backup" {
              metadata {
                name = "backup"
                annotations = {
                  "example.com/owner_team" = "db"
                }
              }
              spec {
                schedule = "0 3 * * *"
                job_template {
                  metadata {}
                  spec {
                    template {
                      metadata {}
                      spec {
                        host_pid = true
                        container {
                          name  = "dump"
                          image = "postgres:16"
                          security_context {
                            privileged = true
                          }
                        }
                        container {
                          name  = "upload"
                          image = "amazon/aws-cli:2.17.0"
                        }
                      }
                    }
                  }
                }
              }
            }
            """;

    private static IacResource resource() throws Exception {
        HclBlock block = HclParser.parse(CRON_JOB).get(0);
        return new IacResource(IacPlatform.TERRAFORM, "resource", block.label(0), block.label(1),
                block.label(0) + "." + block.label(1), "jobs.tf", block.line(), block.body());
    }

    @Test
    void shouldReadATerraformResourceAsTheObjectItDeclares() throws Exception {
        IacResource object = TerraformManifests.toObject(resource()).orElseThrow();

        assertThat(object.platform()).isEqualTo(IacPlatform.KUBERNETES);
        assertThat(object.type()).isEqualTo("CronJob");
        assertThat(object.address()).isEqualTo("kubernetes_cron_job_v1.backup");
        assertThat(object.body().first("metadata.annotations")).get().isInstanceOf(IacNode.Mapping.class)
                .satisfies(a -> assertThat(((IacNode.Mapping) a).has("example.com/owner_team")).isTrue());
        assertThat(KubernetesRules.containers(object)).extracting(KubernetesRules.Container::address)
                .containsExactly("kubernetes_cron_job_v1.backup container dump",
                        "kubernetes_cron_job_v1.backup container upload");
        assertThat(object.body().scalars("spec.jobTemplate.spec.template.spec.hostPID"))
                .singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(16));
        assertThat(TerraformManifests.kindOf("kubernetes_daemon_set_v1")).contains("DaemonSet");
        assertThat(TerraformManifests.kindOf("kubernetes_manifest")).isEmpty();
    }

    @Test
    void shouldRunTheManifestRuleLogicOnTheTerraformResource() throws Exception {
        IacRule privileged = KubernetesTerraformRules.rules().stream()
                .filter(r -> r.id().equals("kubernetes-privileged-container")).findFirst().orElseThrow();
        IacResource resource = resource();
        RuleHits hits = new RuleHits();

        privileged.check().check(new ResourceTarget(resource, List.of(resource)), hits);

        assertThat(hits.hits()).extracting(RuleHit::address, RuleHit::path, RuleHit::line)
                .containsExactly(Tuple.tuple("kubernetes_cron_job_v1.backup container dump", "jobs.tf", 21));
        assertThat(privileged.appliesTo()).contains("kubernetes_pod", "kubernetes_deployment_v1",
                "kubernetes_cron_job");
    }

    @Test
    void shouldApplyEachTwinToTheTerraformTypesOfItsKindsInBothSpellings() {
        // When the built-in rules are mirrored
        List<IacRule> rules = KubernetesTerraformRules.rules();
        IacRule wildcard = rules.stream().filter(r -> r.id().equals("kubernetes-rbac-wildcard")).findFirst().orElseThrow();
        IacRule privileged = rules.stream().filter(r -> r.id().equals("kubernetes-privileged-container")).findFirst()
                .orElseThrow();

        // Then a rule on Role and ClusterRole applies to exactly their resource types (named sorted) and to manifests
        assertThat(wildcard.resourceTypes()).containsExactlyInAnyOrder("kubernetes_cluster_role", "kubernetes_cluster_role_v1",
                "kubernetes_manifest", "kubernetes_role", "kubernetes_role_v1");
        assertThat(wildcard.appliesTo()).isEqualTo("kubernetes_cluster_role, kubernetes_cluster_role_v1, "
                + "kubernetes_manifest, kubernetes_role, kubernetes_role_v1");
        // And a workload rule to both spellings of DaemonSet's two type names; a kind without a Terraform type
        // (ReplicaSet) adds nothing
        assertThat(privileged.resourceTypes()).contains("kubernetes_daemonset", "kubernetes_daemonset_v1",
                "kubernetes_daemon_set", "kubernetes_daemon_set_v1", "kubernetes_pod", "kubernetes_pod_v1")
                .noneMatch(type -> type.contains("replica_set"))
                .allMatch(type -> type.equals("kubernetes_manifest")
                        || TerraformManifests.kindOf(type).filter(KubernetesRules.WORKLOADS::contains).isPresent());
        assertThat(privileged.appliesTo()).isEqualTo(String.join(", ", new java.util.TreeSet<>(privileged.resourceTypes())));
    }

    @Test
    void shouldCheckTheObjectOfAKubernetesManifestResource() throws Exception {
        HclBlock block = HclParser.parse("""
                resource "kubernetes_manifest" "debug" {
                  manifest = {
                    apiVersion = "v1"
                    kind       = "Pod"
                    metadata = {
                      name      = "debug"
                      namespace = "tools"
                    }
                    spec = {
                      containers = [
                        {
                          name  = "shell"
                          image = "busybox:1.36"
                          securityContext = {
                            privileged = true
                          }
                        }
                      ]
                    }
                  }
                }
                """).get(0);
        IacResource resource = new IacResource(IacPlatform.TERRAFORM, "resource", block.label(0), block.label(1),
                "kubernetes_manifest.debug", "pods.tf", block.line(), block.body());
        IacRule privileged = KubernetesTerraformRules.rules().stream()
                .filter(r -> r.id().equals("kubernetes-privileged-container")).findFirst().orElseThrow();
        RuleHits hits = new RuleHits();

        privileged.check().check(new ResourceTarget(resource, List.of(resource)), hits);

        assertThat(TerraformManifests.toObject(resource)).get().extracting(IacResource::type).isEqualTo("Pod");
        assertThat(hits.hits()).extracting(RuleHit::address, RuleHit::line)
                .containsExactly(Tuple.tuple("kubernetes_manifest.debug container shell", 15));
        assertThat(privileged.appliesTo()).contains("kubernetes_manifest");
    }
}
