package io.jenkins.plugins.devsecops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The compliance page, its CSV download and the compliance gate selector, through HTTP and a real pipeline. */
@WithJenkins
class ComplianceITest {

    private static WorkflowJob job(JenkinsRule j, PlantedSecrets secrets, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        secrets.plantIn(j.jenkins.getWorkspaceFor(job));
        PlantedSecrets.withoutDefaultPolicy(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    void shouldGateOnARequirementAndShowThePageAndTheCsv(JenkinsRule j) throws Exception {
        // Given a committed AWS key pair and a gate on PCI DSS 8.6.2 (no hard-coded credentials)
        PlantedSecrets secrets = new PlantedSecrets(31);
        WorkflowJob job = job(j, secrets, """
                node {
                  devSecOpsScan stages: 'secrets',
                      qualityGates: [gate(id: 'pci-credentials', compliance: 'PCI-DSS-4.0:8.6.2', result: 'UNSTABLE')]
                }
                """);

        // When it runs
        WorkflowRun run = j.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));

        // Then the gate tripped, the page maps the secret and says what it is not, the CSV has the row
        j.assertLogContains("pci-credentials", run);
        JenkinsRule.WebClient web = j.createWebClient();
        HtmlPage page = web.goTo(run.getUrl() + "devsecops/compliance/");
        String text = page.asNormalizedText();
        assertThat(text).contains("does not certify compliance", "PCI DSS v4.0", "8.6.2", "ATTENTION",
                "OWASP Top 10 2021", "HIPAA").doesNotContain(secrets.secretAccessKey);
        assertThat(page.getAnchors()).anySatisfy(a -> assertThat(a.getHrefAttribute())
                .endsWith("devsecops/compliance/csv"));
        Page csv = web.goTo(run.getUrl() + "devsecops/compliance/csv", "text/csv");
        String content = csv.getWebResponse().getContentAsString();
        assertThat(content).startsWith("\"framework\",\"requirement\"").contains("\"PCI-DSS-4.0\",\"8.6.2\"")
                .doesNotContain(secrets.secretAccessKey);
        HtmlPage findings = web.goTo(run.getUrl() + "devsecops/");
        assertThat(findings.getAnchorByHref("compliance/")).isNotNull();
    }

    @Test
    void shouldFailTheStepOnAnUnknownRequirementNamingIt(JenkinsRule j) throws Exception {
        WorkflowJob job = job(j, new PlantedSecrets(32), """
                node {
                  devSecOpsScan stages: 'secrets',
                      qualityGates: [gate(id: 'typo', compliance: 'PCI-DSS-4.0:6.2.9', result: 'FAILURE')]
                }
                """);

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("Unknown requirement '6.2.9' of PCI-DSS-4.0", run);
    }
}
