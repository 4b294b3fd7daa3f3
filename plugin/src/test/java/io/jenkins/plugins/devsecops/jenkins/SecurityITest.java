package io.jenkins.plugins.devsecops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Item;
import hudson.model.Result;
import hudson.util.Secret;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import jenkins.model.Jenkins;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class SecurityITest {

    private static final String TOKEN = "osv-token-4d1f8a9c2e7b";

    private static WorkflowJob secureJenkinsWithScannedJob(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader", "stranger")
                .grant(Item.READ).everywhere().to("reader"));
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "osv-token", "OSV token", Secret.fromString(TOKEN)));
        SystemCredentialsProvider.getInstance().save();
        WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "scanned");
        new PlantedSecrets(11).plantIn(j.jenkins.getWorkspaceFor(job));
        PlantedSecrets.withoutDefaultPolicy(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition(
                "node { devSecOpsScan stages: 'secrets', osvCredentialsId: 'osv-token' }", true));
        return job;
    }

    @Test
    void shouldShowResultsOnlyToUsersWhoMayReadTheJob(JenkinsRule j) throws Exception {
        // Given a secured Jenkins with a scanned build
        WorkflowJob job = secureJenkinsWithScannedJob(j);
        WorkflowRun run = j.buildAndAssertSuccess(job);

        // When a reader and a stranger open the findings page, the API and the download
        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        JenkinsRule.WebClient stranger = j.createWebClient().login("stranger");
        stranger.setThrowExceptionOnFailingStatusCode(false);

        // Then only the reader sees them
        assertThat(reader.getPage(run, "devsecops/").getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(reader.goTo(run.getUrl() + "devsecops/api/json", "application/json").getWebResponse()
                .getStatusCode()).isEqualTo(200);
        assertThat(reader.goTo(run.getUrl() + "devsecops/download?format=json", "application/json").getWebResponse()
                .getStatusCode()).isEqualTo(200);
        for (String path : new String[] {"devsecops/", "devsecops/api/json", "devsecops/download?format=json"}) {
            WebResponse response = stranger.getPage(new URL(j.getURL(), run.getUrl() + path)).getWebResponse();
            assertThat(response.getStatusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void shouldResolveTheCredentialWithoutEverRecordingTheSecret(JenkinsRule j) throws Exception {
        WorkflowJob job = secureJenkinsWithScannedJob(j);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogNotContains(TOKEN, run);
        assertThat(Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8))
                .doesNotContain(TOKEN);
        assertThat(ScanPages.record(run, "devsecops")).contains("\"findings\"").doesNotContain(TOKEN);
    }

    @Test
    void shouldFailClearlyWhenTheCredentialDoesNotExist(JenkinsRule j) throws Exception {
        WorkflowJob job = secureJenkinsWithScannedJob(j);
        job.setDefinition(new CpsFlowDefinition("node { devSecOpsScan osvCredentialsId: 'missing' }", true));

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("no secret-text credential with id 'missing'", run);
    }

    @Test
    void shouldAnswerGlobalFormEndpointsOnlyToAdministrators(JenkinsRule j) throws Exception {
        // Given a secured Jenkins with a secret-text credential
        secureJenkinsWithScannedJob(j);
        String descriptor = "descriptorByName/" + ScanPages.GLOBAL_CONFIGURATION + "/";

        // When an administrator and a reader call the form endpoints
        WebResponse adminItems = ScanPages.post(j, j.createWebClient().login("admin"),
                descriptor + "fillAdvisoryCredentialsIdItems", null);
        WebResponse adminCheck = ScanPages.post(j, j.createWebClient().login("admin"),
                descriptor + "checkAdvisoryUrl?advisoryUrl=ftp://mirror.example", null);
        WebResponse readerItems = ScanPages.post(j, j.createWebClient().login("reader"),
                descriptor + "fillAdvisoryCredentialsIdItems", null);
        WebResponse readerCheck = ScanPages.post(j, j.createWebClient().login("reader"),
                descriptor + "checkAdvisoryUrl?advisoryUrl=ftp://mirror.example", null);

        // Then only the administrator learns credential ids and validation results; no secret is ever sent
        assertThat(adminItems.getContentAsString()).contains("osv-token").doesNotContain(TOKEN);
        assertThat(adminCheck.getContentAsString()).contains("error", "http");
        assertThat(readerItems.getContentAsString()).doesNotContain("osv-token");
        assertThat(readerCheck.getContentAsString()).doesNotContain("error");
    }

    @Test
    void shouldAnswerStepFormEndpointsOnlyToUsersWhoMayConfigureTheJob(JenkinsRule j) throws Exception {
        secureJenkinsWithScannedJob(j);
        String descriptor = "job/scanned/descriptorByName/" + ScanPages.STEP + "/";

        WebResponse readerCredentials = ScanPages.post(j, j.createWebClient().login("reader"),
                descriptor + "fillOsvCredentialsIdItems", null);
        WebResponse readerCheck = ScanPages.post(j, j.createWebClient().login("reader"),
                descriptor + "checkFailOn?failOn=SEVERE", null);
        WebResponse adminCredentials = ScanPages.post(j, j.createWebClient().login("admin"),
                descriptor + "fillOsvCredentialsIdItems", null);
        WebResponse adminCheck = ScanPages.post(j, j.createWebClient().login("admin"),
                descriptor + "checkFailOn?failOn=SEVERE", null);
        WebResponse adminSeverities = ScanPages.post(j, j.createWebClient().login("admin"),
                descriptor + "fillFailOnItems", null);

        assertThat(readerCredentials.getContentAsString()).doesNotContain("osv-token");
        assertThat(readerCheck.getContentAsString()).doesNotContain("error");
        assertThat(adminCredentials.getContentAsString()).contains("osv-token").doesNotContain(TOKEN);
        assertThat(adminCheck.getContentAsString()).contains("error", "CRITICAL, HIGH, MEDIUM, LOW, INFO");
        assertThat(adminSeverities.getContentAsString()).contains("CRITICAL", "INFO");
    }

    @Test
    void shouldAnswerPolicyFormEndpointsOnlyToAuthorisedUsers(JenkinsRule j) throws Exception {
        // Given a secured Jenkins; the gate's descriptor under a job and the global policy's required stages
        secureJenkinsWithScannedJob(j);
        String gate = "job/scanned/descriptorByName/" + ScanPages.QUALITY_GATE + "/";
        String global = "descriptorByName/" + ScanPages.GLOBAL_CONFIGURATION + "/";

        // When a reader and an administrator call them
        WebResponse readerThreshold = ScanPages.post(j, j.createWebClient().login("reader"),
                gate + "checkThreshold?threshold=0", null);
        WebResponse readerScopes = ScanPages.post(j, j.createWebClient().login("reader"), gate + "fillScopeItems",
                null);
        WebResponse readerStages = ScanPages.post(j, j.createWebClient().login("reader"),
                global + "checkRequiredStages?requiredStages=nope", null);
        WebResponse adminThreshold = ScanPages.post(j, j.createWebClient().login("admin"),
                gate + "checkThreshold?threshold=0", null);
        WebResponse adminScopes = ScanPages.post(j, j.createWebClient().login("admin"), gate + "fillScopeItems",
                null);
        WebResponse adminStages = ScanPages.post(j, j.createWebClient().login("admin"),
                global + "checkRequiredStages?requiredStages=nope", null);

        // Then only users who may configure get answers
        assertThat(readerThreshold.getContentAsString()).doesNotContain("error");
        assertThat(readerScopes.getContentAsString()).doesNotContain("NEW");
        assertThat(readerStages.getContentAsString()).doesNotContain("error");
        assertThat(adminThreshold.getContentAsString()).contains("error", "at least 1");
        assertThat(adminScopes.getContentAsString()).contains("NEW", "TOTAL", "DELTA");
        assertThat(adminStages.getContentAsString()).contains("error", "nope");
    }

    @Test
    void shouldAnswerImportFormEndpointsOnlyToAuthorisedUsers(JenkinsRule j) throws Exception {
        // Given a secured Jenkins and the import descriptor under a job
        secureJenkinsWithScannedJob(j);
        String imports = "job/scanned/descriptorByName/" + ScanPages.IMPORT_REPORT + "/";

        // When a reader and an administrator call its endpoints
        WebResponse readerFormats = ScanPages.post(j, j.createWebClient().login("reader"), imports + "fillFormatItems",
                null);
        WebResponse readerCheck = ScanPages.post(j, j.createWebClient().login("reader"),
                imports + "checkPattern?format=pdf&pattern=x", null);
        WebResponse adminFormats = ScanPages.post(j, j.createWebClient().login("admin"), imports + "fillFormatItems",
                null);
        WebResponse adminCheck = ScanPages.post(j, j.createWebClient().login("admin"),
                imports + "checkPattern?format=pdf&pattern=x", null);

        // Then only users who may configure the job get answers
        assertThat(readerFormats.getContentAsString()).doesNotContain("sarif");
        assertThat(readerCheck.getContentAsString()).doesNotContain("error");
        assertThat(adminFormats.getContentAsString()).contains("auto", "sarif", "trivy");
        assertThat(adminCheck.getContentAsString()).contains("error", "Unknown import format");
    }

    @Test
    void shouldRefuseFormEndpointsOverGet(JenkinsRule j) throws Exception {
        secureJenkinsWithScannedJob(j);
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        admin.setThrowExceptionOnFailingStatusCode(false);
        String descriptor = "descriptorByName/" + ScanPages.GLOBAL_CONFIGURATION + "/";

        WebResponse check = admin.goTo(descriptor + "checkAdvisoryUrl?advisoryUrl=ftp://x", null).getWebResponse();
        WebResponse fill = admin.goTo(descriptor + "fillAdvisoryCredentialsIdItems", null).getWebResponse();

        // Stapler's @POST makes other verbs fall through: 404 (or 405 behind an interceptor), never an answer
        assertThat(check.getStatusCode()).isIn(404, 405);
        assertThat(fill.getStatusCode()).isIn(404, 405);
        assertThat(fill.getContentAsString()).doesNotContain("osv-token");
    }
}
