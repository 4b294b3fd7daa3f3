package io.jenkins.plugins.devsecops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.WebResponse;
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
}
