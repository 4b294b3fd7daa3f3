package io.jenkins.plugins.devsecops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.WebResponse;
import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Applies and exports YAML through the Configuration as Code plugin's own HTTP endpoints, so the round trip runs
 * the real configurators on the real global configuration.
 */
@WithJenkins
class ConfigurationAsCodeITest {

    private static final String YAML = """
            unclassified:
              devSecOps:
                defaultStages: "secrets, dependencies"
                advisoryUrl: "https://osv.mirror.example.com"
                advisoryCredentialsId: "osv-token"
                trendBuilds: 30
            """;

    private static WebResponse post(JenkinsRule j, JenkinsRule.WebClient web, String path, String body)
            throws Exception {
        return ScanPages.post(j, web, path, body);
    }

    @Test
    void shouldConfigureFromYamlAndExportTheSameValues(JenkinsRule j) throws Exception {
        // Given YAML for the DevSecOps section
        JenkinsRule.WebClient web = j.createWebClient();

        // When it is applied and the configuration exported
        WebResponse applied = post(j, web, "configuration-as-code/apply", YAML);
        WebResponse exported = post(j, web, "configuration-as-code/export", "");

        // Then the global configuration holds the values (the System page shows them) and exports them back
        assertThat(applied.getStatusCode()).isEqualTo(200);
        assertThat(web.goTo("manage/configure").getElementsByName("_.advisoryUrl").get(0).getAttribute("value"))
                .isEqualTo("https://osv.mirror.example.com");
        assertThat(exported.getContentAsString()).contains("devSecOps:", "defaultStages: \"secrets, dependencies\"",
                "advisoryUrl: \"https://osv.mirror.example.com\"", "advisoryCredentialsId: \"osv-token\"",
                "trendBuilds: 30");
    }

    @Test
    void shouldKeepTheConfigurationAcrossARoundTripOfTheSystemForm(JenkinsRule j) throws Exception {
        // Given a configuration applied as code
        JenkinsRule.WebClient web = j.createWebClient();
        post(j, web, "configuration-as-code/apply", YAML);

        // When the System page is submitted unchanged
        j.configRoundtrip();

        // Then the export still holds every value
        assertThat(post(j, web, "configuration-as-code/export", "").getContentAsString()).contains(
                "defaultStages: \"secrets, dependencies\"", "advisoryCredentialsId: \"osv-token\"", "trendBuilds: 30");
    }

    private static final String POLICY_YAML = """
            unclassified:
              devSecOps:
                gates:
                  - id: "no-secrets"
                    secretsOnly: true
                    threshold: 1
                    result: "FAILURE"
                requiredStages: "secrets"
                slaHighDays: 30
                suppressionJustificationRequired: true
                suppressionMaxAgeDays: 90
            """;

    @Test
    void shouldFailBuildsOnAGlobalGateConfiguredAsCode(JenkinsRule j) throws Exception {
        // Given a global policy applied as code, and a workspace with a committed key pair
        JenkinsRule.WebClient web = j.createWebClient();
        assertThat(post(j, web, "configuration-as-code/apply", POLICY_YAML).getStatusCode()).isEqualTo(200);
        PlantedSecrets secrets = new PlantedSecrets(20);
        WorkflowJob job = j.createProject(WorkflowJob.class);
        secrets.plantIn(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("node { devSecOpsScan stages: 'secrets' }", true));

        // When a step without any gate runs
        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        // Then the global gate failed it, and the export round-trips the policy
        j.assertLogContains("[DevSecOps] no-secrets", run);
        j.assertLogContains("[DevSecOps] stage secrets", run);
        j.assertLogContains("[DevSecOps] Policy: FAILED", run);
        assertThat(post(j, web, "configuration-as-code/export", "").getContentAsString()).contains("id: \"no-secrets\"",
                "secretsOnly: true", "requiredStages: \"secrets\"", "slaHighDays: 30",
                "suppressionJustificationRequired: true", "suppressionMaxAgeDays: 90");
    }

    @Test
    void shouldWarnWhenAStepTriesToLoosenTheGlobalPolicy(JenkinsRule j) throws Exception {
        // Given the global no-secrets gate, and a step redefining it with a higher threshold and a milder result
        post(j, j.createWebClient(), "configuration-as-code/apply", POLICY_YAML);
        WorkflowJob job = j.createProject(WorkflowJob.class);
        new PlantedSecrets(21).plantIn(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  devSecOpsScan stages: 'secrets',
                      qualityGates: [gate(id: 'no-secrets', secretsOnly: true, threshold: 50, result: 'UNSTABLE')]
                }
                """, true));

        // When it runs
        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        // Then each loosening attempt is ignored with a warning naming the layer and the rule
        j.assertLogContains("warning: Policy layer 'step' tried to raise the threshold from 1 to 50 (gates.no-secrets)",
                run);
        j.assertLogContains("warning: Policy layer 'step' tried to lower the result from FAILURE to UNSTABLE "
                + "(gates.no-secrets)", run);
        j.assertLogContains("[DevSecOps] Policy: FAILED", run);
    }
}
