package io.jenkins.plugins.devsecops.jenkins;

import hudson.model.Run;
import java.net.URL;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Reaches the plugin the way users and scripts do: through its HTTP pages, REST API and form endpoints. Tests go
 * through these rather than the plugin's classes, so they exercise routing, permissions and {@code @POST} too.
 */
final class ScanPages {

    static final String GLOBAL_CONFIGURATION = "io.jenkins.plugins.devsecops.jenkins.config.DevSecOpsGlobalConfiguration";
    static final String STEP = "io.jenkins.plugins.devsecops.jenkins.steps.DevSecOpsScanStep";

    private ScanPages() {
    }

    /** The REST API of scan {@code id} of {@code run}, as the anonymous administrator of an unsecured Jenkins. */
    static JSONObject api(JenkinsRule j, Run<?, ?> run, String id) throws Exception {
        return j.getJSON(run.getUrl() + id + "/api/json?depth=1").getJSONObject();
    }

    /** POSTs a form endpoint with a crumb; {@code query} is appended to the path. */
    static WebResponse post(JenkinsRule j, JenkinsRule.WebClient web, String path, String body) throws Exception {
        WebRequest request = new WebRequest(new URL(j.getURL(), path), HttpMethod.POST);
        if (body != null) {
            request.setRequestBody(body);
        }
        web.setThrowExceptionOnFailingStatusCode(false);
        return web.getPage(web.addCrumb(request)).getWebResponse();
    }
}
