package io.jenkins.plugins.devsecops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Result;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.html.DomElement;
import java.util.stream.StreamSupport;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class DevSecOpsScanStepITest {

    private static WorkflowJob jobWithPlantedSecrets(JenkinsRule j, PlantedSecrets secrets, String script)
            throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        FilePath workspace = j.jenkins.getWorkspaceFor(job);
        secrets.plantIn(workspace);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** A job whose workspace has the planted secrets and a policy file without gates (no default policy). */
    private static WorkflowJob jobWithOwnGatesOnly(JenkinsRule j, PlantedSecrets secrets, String script)
            throws Exception {
        WorkflowJob job = jobWithPlantedSecrets(j, secrets, script);
        PlantedSecrets.withoutDefaultPolicy(j.jenkins.getWorkspaceFor(job));
        return job;
    }

    private static String buildXml(WorkflowRun run) throws Exception {
        return Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldMarkBuildAndStageUnstableWhenFailOnTrips(JenkinsRule j) throws Exception {
        // Given a workspace with a committed AWS key pair and a step that marks UNSTABLE at MEDIUM or above
        PlantedSecrets secrets = new PlantedSecrets(1);
        WorkflowJob job = jobWithOwnGatesOnly(j, secrets, """
                node {
                  stage('Security') {
                    def scan = devSecOpsScan stages: 'secrets', failOn: 'MEDIUM', failOnResult: 'UNSTABLE'
                    echo "scan total=${scan.total} result=${scan.result}"
                  }
                }
                """);

        // When it runs
        WorkflowRun run = j.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));

        // Then the build, the stage and the step's return value say so, and no secret leaked
        j.assertLogContains("result=UNSTABLE", run);
        j.assertLogContains("[DevSecOps] Stage 'secrets' completed", run);
        j.assertLogContains("[DevSecOps] fail-on-medium", run);
        j.assertLogContains("[DevSecOps] Policy: UNSTABLE", run);
        JSONObject scan = ScanPages.api(j, run, "devsecops");
        assertThat(scan.getInt("total")).isPositive();
        assertThat(scan.getJSONObject("stages").getInt("secrets")).isPositive();
        assertThat(scan.getString("result")).isEqualTo("UNSTABLE");
        List<WarningAction> warnings = StreamSupport.stream(new DepthFirstScanner().allNodes(run.getExecution())
                .spliterator(), false).map(node -> node.getPersistentAction(WarningAction.class))
                .filter(java.util.Objects::nonNull).toList();
        assertThat(warnings).extracting(WarningAction::getResult).contains(Result.UNSTABLE);
        j.assertLogNotContains(secrets.secretAccessKey, run);
        assertThat(buildXml(run)).doesNotContain(secrets.secretAccessKey).doesNotContain(secrets.accessKeyId);
        assertThat(new File(run.getRootDir(), "devsecops").list()).containsExactly("devsecops.json.gz");
        assertThat(ScanPages.record(run, "devsecops")).contains("fail-on-medium", ".env")
                .doesNotContain(secrets.secretAccessKey);
    }

    @Test
    void shouldFailTheBuildByDefaultWhenFailOnTrips(JenkinsRule j) throws Exception {
        WorkflowJob job = jobWithPlantedSecrets(j, new PlantedSecrets(2), """
                node { devSecOpsScan stages: 'secrets', failOn: 'LOW' }
                """);

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("[DevSecOps] Policy: FAILED", run);
        assertThat(ScanPages.api(j, run, "devsecops").getString("result")).isEqualTo("FAILURE");
    }

    @Test
    void shouldFailByTheEngineDefaultPolicyWithoutAPolicyFile(JenkinsRule j) throws Exception {
        // Given a committed AWS key pair, no policy file and a step without gates
        PlantedSecrets secrets = new PlantedSecrets(15);
        WorkflowJob job = jobWithPlantedSecrets(j, secrets, "node { devSecOpsScan stages: 'secrets' }");

        // When it runs
        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        // Then the engine's default policy failed it on the provider-format secret, and the console says why
        j.assertLogContains("[DevSecOps] default-verified-secret", run);
        j.assertLogContains("[DevSecOps] Policy: FAILED", run);
        j.assertLogContains("default-verified-secret (", run);
        JSONObject scan = ScanPages.api(j, run, "devsecops");
        assertThat(scan.getString("result")).isEqualTo("FAILURE");
        assertThat(scan.getString("resultMessage")).contains("default-verified-secret");
        j.assertLogNotContains(secrets.secretAccessKey, run);
    }

    @Test
    void shouldSucceedWithoutThresholdAndReturnCounts(JenkinsRule j) throws Exception {
        // Given a step without failOn, scanning the same workspace twice under two ids
        WorkflowJob job = jobWithOwnGatesOnly(j, new PlantedSecrets(3), """
                node {
                  def first = devSecOpsScan stages: 'secrets'
                  def second = devSecOpsScan stages: 'secrets', id: 'again', name: 'Second scan'
                  echo "same=${first.total == second.total} positive=${first.total > 0}"
                }
                """);

        // When it runs
        WorkflowRun run = j.buildAndAssertSuccess(job);

        // Then both scans coexist on the build and report the same findings
        j.assertLogContains("same=true positive=true", run);
        assertThat(ScanPages.api(j, run, "devsecops").getString("id")).isEqualTo("devsecops");
        JSONObject again = ScanPages.api(j, run, "again");
        assertThat(again.getString("displayName")).isEqualTo("Second scan");
        assertThat(again.getInt("total")).isEqualTo(ScanPages.api(j, run, "devsecops").getInt("total"));
    }

    @Test
    void shouldRejectDuplicateIdsPathsOutsideTheWorkspaceAndUnknownNames(JenkinsRule j) throws Exception {
        WorkflowJob duplicate = jobWithPlantedSecrets(j, new PlantedSecrets(4), """
                node { devSecOpsScan stages: 'secrets'; devSecOpsScan stages: 'secrets' }
                """);
        WorkflowRun first = j.assertBuildStatus(Result.FAILURE, duplicate.scheduleBuild2(0));
        j.assertLogContains("already has a scan with id 'devsecops'", first);

        WorkflowJob escaping = jobWithPlantedSecrets(j, new PlantedSecrets(5), """
                node { devSecOpsScan sourceDirectory: '../..' }
                """);
        WorkflowRun second = j.assertBuildStatus(Result.FAILURE, escaping.scheduleBuild2(0));
        j.assertLogContains("sourceDirectory must be a relative path inside the workspace", second);

        WorkflowJob badSeverity = jobWithPlantedSecrets(j, new PlantedSecrets(6), """
                node { devSecOpsScan failOn: 'SEVERE' }
                """);
        WorkflowRun third = j.assertBuildStatus(Result.FAILURE, badSeverity.scheduleBuild2(0));
        j.assertLogContains("invalid failOn", third);

        WorkflowJob unknownStage = jobWithPlantedSecrets(j, new PlantedSecrets(9), """
                node { devSecOpsScan stages: 'secrets, nope' }
                """);
        WorkflowRun fourth = j.assertBuildStatus(Result.FAILURE, unknownStage.scheduleBuild2(0));
        j.assertLogContains("Unknown stage 'nope'", fourth);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldChartTrendsFromSummariesOfSeveralBuilds(JenkinsRule j) throws Exception {
        // Given three builds; the secret is removed before the third
        PlantedSecrets secrets = new PlantedSecrets(7);
        WorkflowJob job = jobWithOwnGatesOnly(j, secrets, "node { devSecOpsScan stages: 'secrets' }");
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        j.jenkins.getWorkspaceFor(job).child(".env").delete();
        WorkflowRun last = j.buildAndAssertSuccess(job);

        // When the job page is opened
        HtmlPage jobPage = j.createWebClient().getPage(job);

        // Then it carries the engine's three chart options; every build is a point, oldest first
        JSONObject severities = chart(jobPage, "devsecops-severity-trend-devsecops");
        JSONObject newFixed = chart(jobPage, "devsecops-new-fixed-trend-devsecops");
        JSONObject stages = chart(jobPage, "devsecops-stage-trend-devsecops");
        assertThat((List<Object>) severities.getJSONObject("xAxis").getJSONArray("data")).containsExactly("1", "2", "3");
        assertThat((List<?>) severities.getJSONArray("series")).extracting(series -> ((JSONObject) series).getString("name"))
                .containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
        JSONArray secretsSeries = stages.getJSONArray("series").getJSONObject(0).getJSONArray("data");
        assertThat(stages.getJSONArray("series").getJSONObject(0).getString("name")).isEqualTo("secrets");
        assertThat(secretsSeries.getInt(0)).isPositive();
        assertThat(secretsSeries.getInt(1)).isEqualTo(secretsSeries.getInt(0));
        assertThat(secretsSeries.getInt(2)).isZero();
        JSONArray added = newFixed.getJSONArray("series").getJSONObject(0).getJSONArray("data");
        JSONArray fixed = newFixed.getJSONArray("series").getJSONObject(1).getJSONArray("data");
        assertThat(added.getInt(0)).isEqualTo(secretsSeries.getInt(0));
        assertThat(added.getInt(1)).isZero();
        assertThat(fixed.getInt(2)).isEqualTo(secretsSeries.getInt(0));
        assertThat(ScanPages.api(j, last, "devsecops").getInt("total")).isZero();
    }

    private static JSONObject chart(HtmlPage page, String id) {
        DomElement element = page.getElementById(id);
        assertThat((Object) element).as(id).isNotNull();
        return JSONObject.fromObject(element.getAttribute("data-chart-model"));
    }

    @Test
    void shouldFailTheBuildWithAPolicyFileInTheWorkspace(JenkinsRule j) throws Exception {
        // Given a repository policy that fails on any secret, and a step with no gate of its own
        PlantedSecrets secrets = new PlantedSecrets(10);
        WorkflowJob job = jobWithPlantedSecrets(j, secrets, """
                node {
                  stage('Security') {
                    devSecOpsScan stages: 'secrets'
                  }
                }
                """);
        j.jenkins.getWorkspaceFor(job).child("devsecops-policy.yaml").write("""
                version: 1
                gates:
                  - id: no-secrets
                    secret: true
                    result: FAILURE
                """, "UTF-8");

        // When it runs
        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        // Then the gate table names the gate, the stage is marked, and the API carries the gate row
        j.assertLogContains("[DevSecOps] no-secrets", run);
        j.assertLogContains("policy FAILED: no-secrets", run);
        JSONObject scan = ScanPages.api(j, run, "devsecops");
        assertThat(scan.getString("policyResult")).isEqualTo("FAILED");
        assertThat(scan.getJSONArray("gates").getJSONObject(0).getString("gate")).isEqualTo("no-secrets");
        assertThat(scan.getJSONArray("gates").getJSONObject(0).getString("result")).isEqualTo("FAILED");
        List<WarningAction> warnings = StreamSupport.stream(new DepthFirstScanner().allNodes(run.getExecution())
                .spliterator(), false).map(node -> node.getPersistentAction(WarningAction.class))
                .filter(java.util.Objects::nonNull).toList();
        assertThat(warnings).extracting(WarningAction::getResult).contains(Result.FAILURE);
        j.assertLogNotContains(secrets.secretAccessKey, run);
    }

    @Test
    void shouldStopOnABrokenPolicyFileNamingItsLine(JenkinsRule j) throws Exception {
        WorkflowJob job = jobWithPlantedSecrets(j, new PlantedSecrets(12), """
                node { devSecOpsScan stages: 'secrets', policyFile: 'ci/policy.yaml' }
                """);
        j.jenkins.getWorkspaceFor(job).child("ci/policy.yaml").write("gates:\n  - id: [unclosed\n", "UTF-8");

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("policy.yaml", run);
        assertThat(run.getAllActions()).noneMatch(action -> "devsecops".equals(action.getUrlName()));
    }

    @Test
    void shouldTellNewOutstandingAndFixedAcrossTwoBuilds(JenkinsRule j) throws Exception {
        // Given a first build with a planted .env
        PlantedSecrets first = new PlantedSecrets(13);
        WorkflowJob job = jobWithOwnGatesOnly(j, first, """
                node {
                  def scan = devSecOpsScan stages: 'secrets'
                  echo "new=${scan['new']} fixed=${scan.fixed}"
                }
                """);
        WorkflowRun one = j.buildAndAssertSuccess(job);
        j.assertLogContains("No reference build", one);

        // When the .env is removed and another secret committed under deploy/
        FilePath workspace = j.jenkins.getWorkspaceFor(job);
        workspace.child(".env").delete();
        new PlantedSecrets(14).plantIn(workspace.child("deploy"));
        WorkflowRun two = j.buildAndAssertSuccess(job);

        // Then build 2 is compared with build 1: the deploy/ secrets are new, the .env ones fixed
        j.assertLogContains("Reference build: ", two);
        JSONObject scan = ScanPages.api(j, two, "devsecops");
        assertThat(scan.getInt("newCount")).isPositive().isEqualTo(scan.getInt("total"));
        assertThat(scan.getInt("fixedCount")).isEqualTo(ScanPages.api(j, one, "devsecops").getInt("total"));
        j.assertLogContains("new=" + scan.getInt("newCount") + " fixed=" + scan.getInt("fixedCount"), two);
        HtmlPage page = j.createWebClient().getPage(two, "devsecops/");
        assertThat(page.querySelectorAll("#devsecops-fixed tbody tr")).hasSize(scan.getInt("fixedCount"));
        assertThat(page.querySelector("#devsecops-fixed").asNormalizedText()).contains(".env");
        assertThat(page.querySelector("#devsecops-findings").asNormalizedText()).contains("deploy/.env", "NEW");
        assertThat(page.asNormalizedText()).doesNotContain(first.secretAccessKey);
        for (Object finding : scan.getJSONArray("findings")) {
            assertThat(((JSONObject) finding).getString("state")).isEqualTo("NEW");
        }
    }

    @Test
    void shouldShowFindingsPageRestApiAndDownloadsWithoutSecrets(JenkinsRule j) throws Exception {
        PlantedSecrets secrets = new PlantedSecrets(8);
        WorkflowJob job = jobWithOwnGatesOnly(j, secrets, "node { devSecOpsScan stages: 'secrets' }");
        WorkflowRun run = j.buildAndAssertSuccess(job);
        JenkinsRule.WebClient web = j.createWebClient();

        HtmlPage page = web.getPage(run, "devsecops/");
        HtmlPage filtered = web.getPage(run, "devsecops/?severity=INFO&stage=%3Cscript%3E");
        JenkinsRule.JSONWebResponse api = j.getJSON(run.getUrl() + "devsecops/api/json?depth=1");
        Page download = web.goTo(run.getUrl() + "devsecops/download?format=json", "application/json");

        assertThat(page.querySelectorAll("#devsecops-findings tbody tr")).isNotEmpty();
        assertThat(page.asNormalizedText()).contains(".env").doesNotContain(secrets.secretAccessKey);
        assertThat((Object) filtered.querySelector("#devsecops-summary")).isNotNull();
        assertThat(api.getJSONObject().getInt("total")).isPositive();
        assertThat((List<?>) api.getJSONObject().getJSONArray("findings")).isNotEmpty();
        assertThat(api.getContentAsString()).doesNotContain(secrets.secretAccessKey);
        assertThat(download.getWebResponse().getContentType()).isEqualTo("application/json");
        assertThat(download.getWebResponse().getContentAsString()).contains("\"schemaVersion\"")
                .doesNotContain(secrets.secretAccessKey);
    }

    @Test
    void shouldRequireANodeBlock(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("devSecOpsScan()", true));

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("Required context class hudson.FilePath is missing", run);
        assertThat(run.getAllActions()).noneMatch(action -> "devsecops".equals(action.getUrlName()));
    }
}
