package io.jenkins.plugins.devsecops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.Item;
import hudson.model.Result;
import java.net.URL;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The Security overview and folder policy layers in a secured Jenkins with a folder of two scanned jobs. */
@WithJenkins
class OrganisationViewsITest {

    private static final String TEAM_POLICY = "requiredStages: [dependencies]\n";
    /** Named, not imported: the type-check kit compiles the tests without the plugin's classes. */
    private static final String FOLDER_PROPERTY = "io.jenkins.plugins.devsecops.jenkins.folder.FolderPolicyProperty";

    private static WorkflowJob scannedJob(JenkinsRule j, Folder folder, String name) throws Exception {
        WorkflowJob job = folder.createProject(WorkflowJob.class, name);
        new PlantedSecrets(5).plantIn(j.jenkins.getWorkspaceFor(job));
        PlantedSecrets.withoutDefaultPolicy(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("node { devSecOpsScan stages: 'secrets' }", true));
        return job;
    }

    @Test
    void shouldFailAPipelineThatNeverRanTheRequiredScanAndShowItInTheOverview(JenkinsRule j) throws Exception {
        // Given a folder whose policy requires the dependencies stage and a pipeline in it that never scans
        Folder team = j.jenkins.createProject(Folder.class, "team");
        team.getProperties().add((AbstractFolderProperty<?>) Class.forName(FOLDER_PROPERTY)
                .getConstructor(String.class).newInstance(TEAM_POLICY));
        WorkflowJob plain = team.createProject(WorkflowJob.class, "plain");
        plain.setDefinition(new CpsFlowDefinition("echo 'no scan here'", true));
        // And a pipeline outside the folder, which no layer holds to a stage
        WorkflowJob free = j.jenkins.createProject(WorkflowJob.class, "free");
        free.setDefinition(new CpsFlowDefinition("echo 'no scan here either'", true));

        // When both build
        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, plain.scheduleBuild2(0));
        j.assertBuildStatusSuccess(free.scheduleBuild2(0));

        // Then the build in the folder failed on the required stage, named in the console with its layer
        j.assertLogContains("never ran devSecOpsScan", run);
        j.assertLogContains("stage dependencies", run);
        j.assertLogContains("[from folder team]", run);
        JenkinsRule.WebClient web = j.createWebClient();
        assertThat(web.getPage(run, "devsecops/").asNormalizedText()).contains("NOT RUN", "dependencies",
                "folder team");

        // And the Security overview lists it as FAILED with the stage that did not run
        JSONArray scans = JSONObject.fromObject(web.goTo("security/api/json", "application/json")
                .getWebResponse().getContentAsString()).getJSONArray("scans");
        assertThat(scans.size()).isEqualTo(1);
        assertThat(scans.getJSONObject(0).getString("job")).isEqualTo("team/plain");
        assertThat(scans.getJSONObject(0).getString("verdict")).isEqualTo("FAILED");
        assertThat(scans.getJSONObject(0).getJSONArray("incompleteStages").getString(0)).isEqualTo("dependencies");
        assertThat(scans.getJSONObject(0).getString("url")).isEqualTo("job/team/job/plain/1/devsecops/");
    }

    @Test
    void shouldListOnlyReadableJobsAndApplyTheFolderLayer(JenkinsRule j) throws Exception {
        // Given a folder whose policy requires the dependencies stage, and two jobs that scan secrets only
        Folder team = j.jenkins.createProject(Folder.class, "team");
        team.getProperties().add((AbstractFolderProperty<?>) Class.forName(FOLDER_PROPERTY)
                .getConstructor(String.class).newInstance(TEAM_POLICY));
        WorkflowJob app = scannedJob(j, team, "app");
        WorkflowJob hidden = scannedJob(j, team, "hidden");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Item.READ).onItems(team, app).to("reader")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));

        // When both build
        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, app.scheduleBuild2(0));
        j.assertBuildStatus(Result.FAILURE, hidden.scheduleBuild2(0));

        // Then the folder's required stage failed the build, and the console names the folder
        j.assertLogContains("stage dependencies", run);
        j.assertLogContains("[from folder team]", run);
        j.assertLogContains("folder team: requires stage dependencies", run);

        // And the reader's overview lists the job they may read, never the other
        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        JSONObject api = JSONObject.fromObject(reader.goTo("security/api/json", "application/json")
                .getWebResponse().getContentAsString());
        JSONArray scans = api.getJSONArray("scans");
        assertThat(scans.size()).isEqualTo(1);
        assertThat(scans.getJSONObject(0).getString("job")).isEqualTo("team/app");
        assertThat(scans.getJSONObject(0).getString("verdict")).isEqualTo("FAILED");
        assertThat(scans.getJSONObject(0).getString("url")).isEqualTo("job/team/job/app/1/devsecops/");
        assertThat(reader.goTo("security/?folder=team&sort=name").asNormalizedText()).contains("team » app")
                .doesNotContain("hidden");
        assertThat(reader.getPage(run, "devsecops/").asNormalizedText()).contains("from folder team");

        // And a bad query parameter is answered 400 with the engine's message as plain text, page and API alike
        reader.setThrowExceptionOnFailingStatusCode(false);
        for (String bad : new String[] {"security/api/json?severity=urgent", "security/?sort=colour&severity=urgent"}) {
            WebResponse refused = reader.getPage(new URL(j.getURL(), bad)).getWebResponse();
            assertThat(refused.getStatusCode()).isEqualTo(400);
            assertThat(refused.getContentType()).isEqualTo("text/plain");
            assertThat(refused.getContentAsString()).contains("urgent").doesNotContain("Exception", "\tat ");
        }
        JSONObject filtered = JSONObject.fromObject(reader.goTo("security/api/json?folder=elsewhere",
                "application/json").getWebResponse().getContentAsString());
        assertThat(filtered.getJSONArray("scans").size()).isZero();

        // And the overview read the job's digest file, kept by the run listener; deleting the newest build drops it
        java.io.File digest = new java.io.File(app.getRootDir(), "devsecops-digest.json");
        assertThat(digest).isFile().content().contains("\"scanId\":\"devsecops\"");
        run.delete();
        assertThat(digest).doesNotExist();
        JSONObject afterDelete = JSONObject.fromObject(reader.goTo("security/api/json", "application/json")
                .getWebResponse().getContentAsString());
        assertThat(afterDelete.getJSONArray("scans").size()).isZero();

        // And anonymous, without Overall/Read, gets no overview
        JenkinsRule.WebClient anonymous = j.createWebClient();
        anonymous.setThrowExceptionOnFailingStatusCode(false);
        WebResponse denied = anonymous.getPage(new URL(j.getURL(), "security/api/json")).getWebResponse();
        assertThat(denied.getStatusCode()).isIn(403, 404);
    }
}
