package io.jenkins.plugins.devsecops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import hudson.slaves.DumbSlave;
import hudson.slaves.WorkspaceList;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import jenkins.model.Jenkins;
import jenkins.model.JenkinsLocationConfiguration;
import net.sf.json.JSONObject;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The step as most users run it, which {@link JenkinsRule}'s defaults hide: on a remote agent (everything crossing
 * the remoting channel goes through Jenkins' class filter), with no root URL configured, security on and anonymous
 * users without read access.
 */
@WithJenkins
class AgentAndRootUrlITest {

    private static void secure(JenkinsRule j) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
    }

    /** The link the console shows to the findings page, as the browser gets it. */
    private static HtmlAnchor resultsLink(JenkinsRule.WebClient web, WorkflowRun run) throws Exception {
        HtmlPage console = web.getPage(run, "console");
        return console.getAnchorByText("DevSecOps Scan findings page");
    }

    @Test
    void shouldScanOnAnAgentAndFailTheBuildByTheGateWithoutAnyException(JenkinsRule j) throws Exception {
        // Given a secured Jenkins whose builds run on a remote agent, with a committed AWS key pair in the workspace
        secure(j);
        DumbSlave agent = j.createOnlineSlave(Label.get("scanner"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "on-agent");
        FilePath workspace = agent.getWorkspaceFor(job);
        PlantedSecrets secrets = new PlantedSecrets(21);
        secrets.plantIn(workspace);
        job.setDefinition(new CpsFlowDefinition("""
                node('scanner') {
                  stage('Security') {
                    devSecOpsScan stages: 'secrets', failOn: 'HIGH'
                  }
                }
                """, true));

        // When it runs
        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        // Then the scan ran on the agent, the gate failed the build, and nothing was thrown or rejected
        j.assertLogContains("Running on " + agent.getNodeName(), run);
        j.assertLogContains("[DevSecOps] Stage 'secrets' completed", run);
        j.assertLogContains("[DevSecOps] Receiving the report: ", run);
        j.assertLogContains("policy FAILED: ", run);
        j.assertLogContains("fail-on-high (", run);
        j.assertLogContains("[DevSecOps] Results: DevSecOps Scan findings page", run);
        j.assertLogNotContains("Exception", run);
        j.assertLogNotContains("Rejected", run);
        j.assertLogNotContains(secrets.secretAccessKey, run);

        // And the action holds the findings, the build keeps one record, the agent's hand-over file is gone
        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        JSONObject scan = reader.getJSON(run.getUrl() + "devsecops/api/json?depth=1").getJSONObject();
        assertThat(scan.getInt("total")).isPositive();
        assertThat(scan.getString("result")).isEqualTo("FAILURE");
        assertThat(scan.getString("policyResult")).isEqualTo("FAILED");
        assertThat(new File(run.getRootDir(), "devsecops").list()).containsExactly("devsecops.json.gz");
        FilePath temporary = WorkspaceList.tempDir(workspace);
        assertThat(temporary).isNotNull();
        assertThat(temporary.list("devsecops-*")).isEmpty();

        // And the console links to the findings page relative to Jenkins, which shows the tripped gate
        assertThat(resultsLink(reader, run).getHrefAttribute())
                .isEqualTo(j.contextPath + "/" + run.getUrl() + "devsecops/");
        HtmlPage page = reader.getPage(run, "devsecops/");
        String gates = page.querySelector("#devsecops-gates").asNormalizedText();
        assertThat(gates).contains("fail-on-high", "FAILED", "Tripped by").containsPattern("(CRITICAL|HIGH) \\S+ at \\.env:\\d");
        assertThat(page.querySelectorAll("#devsecops-findings tbody tr")).hasSize(scan.getInt("total"));
        assertThat(page.querySelector("#devsecops-findings").asNormalizedText()).contains("0 (since #" + run.getNumber() + ")");
        assertThat(page.querySelectorAll(".jenkins-select select.jenkins-select__input")).hasSize(3);
        assertThat(page.asNormalizedText()).doesNotContain(secrets.secretAccessKey);
    }

    @Test
    void shouldRecordAndLinkTheResultsWithoutARootUrl(JenkinsRule j) throws Exception {
        // Given a Jenkins without a configured root URL, as after a fresh install
        JenkinsLocationConfiguration.get().setUrl(null);
        assertThat(j.jenkins.getRootUrl()).isNull();
        PlantedSecrets secrets = new PlantedSecrets(22);
        WorkflowJob job = j.createProject(WorkflowJob.class, "no-root-url");
        secrets.plantIn(j.jenkins.getWorkspaceFor(job));
        PlantedSecrets.withoutDefaultPolicy(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  def scan = devSecOpsScan stages: 'secrets'
                  echo "policy=${scan.policy} total=${scan.total}"
                }
                """, true));

        // When a clean scan (no gate) runs
        WorkflowRun run = j.buildAndAssertSuccess(job);

        // Then the build succeeds, the console links to the results relative to Jenkins, and the action is there
        j.assertLogContains("policy=PASSED total=", run);
        j.assertLogContains("[DevSecOps] Results: DevSecOps Scan findings page", run);
        j.assertLogNotContains("Root URL", run);
        j.assertLogNotContains("Exception", run);
        JenkinsRule.WebClient web = j.createWebClient();
        assertThat(resultsLink(web, run).getHrefAttribute()).isEqualTo(j.contextPath + "/" + run.getUrl() + "devsecops/");
        JSONObject scan = ScanPages.api(j, run, "devsecops");
        assertThat(scan.getInt("total")).isPositive();
        assertThat(scan.getString("result")).isEqualTo("SUCCESS");
        HtmlPage page = web.getPage(run, "devsecops/");
        assertThat(page.querySelectorAll("#devsecops-findings tbody tr")).hasSize(scan.getInt("total"));
        assertThat(j.jenkins.getRootUrl()).isNull();
    }

    @Test
    void shouldKeepTheVerdictWhenTheRecordCannotBeWritten(JenkinsRule j) throws Exception {
        // Given a build where a folder stands in the way of the record file (see BlockRecordFile)
        PlantedSecrets secrets = new PlantedSecrets(23);
        WorkflowJob job = j.createProject(WorkflowJob.class, "unwritable");
        secrets.plantIn(j.jenkins.getWorkspaceFor(job));
        PlantedSecrets.withoutDefaultPolicy(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition(
                "node { devSecOpsScan stages: 'secrets', failOn: 'HIGH', failOnResult: 'UNSTABLE' }", true));

        // When it runs
        WorkflowRun run = j.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));

        // Then the gate still decides the result, the failure is reported, and the summary is kept
        j.assertLogContains("policy UNSTABLE: fail-on-high (", run);
        j.assertLogContains("the results could not be stored on the build", run);
        JSONObject scan = ScanPages.api(j, run, "devsecops");
        assertThat(scan.getString("result")).isEqualTo("UNSTABLE");
        assertThat(scan.getInt("total")).isPositive();
        HtmlPage page = j.createWebClient().getPage(run, "devsecops/");
        assertThat(page.asNormalizedText()).contains("cannot be read");
        assertThat(page.querySelector("#devsecops-gates").asNormalizedText()).contains("fail-on-high", "UNSTABLE");
    }

    /** Puts a non-empty folder where the record file would go, so writing it fails as on a full or broken disk. */
    @TestExtension("shouldKeepTheVerdictWhenTheRecordCannotBeWritten")
    public static final class BlockRecordFile extends RunListener<Run<?, ?>> {
        @Override
        public void onStarted(Run<?, ?> run, TaskListener listener) {
            try {
                Files.createDirectories(new File(run.getRootDir(), "devsecops/devsecops.json.gz/blocked").toPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
