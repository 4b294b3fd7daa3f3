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
    static final String QUALITY_GATE = "io.jenkins.plugins.devsecops.jenkins.config.QualityGateConfig";
    static final String IMPORT_REPORT = "io.jenkins.plugins.devsecops.jenkins.config.ImportReportConfig";
    static final String STEP = "io.jenkins.plugins.devsecops.jenkins.steps.DevSecOpsScanStep";

    private ScanPages() {
    }

    /** The REST API of scan {@code id} of {@code run}, as the anonymous administrator of an unsecured Jenkins. */
    static JSONObject api(JenkinsRule j, Run<?, ?> run, String id) throws Exception {
        return j.getJSON(run.getUrl() + id + "/api/json?depth=1").getJSONObject();
    }

    /** The text of scan {@code id}'s record in the build directory ({@code devsecops/<id>.json.gz}), decompressed. */
    static String record(Run<?, ?> run, String id) throws java.io.IOException {
        java.io.File file = new java.io.File(run.getRootDir(), "devsecops/" + id + ".json.gz");
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(
                file.toPath()))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * POSTs {@code path} (which may carry a query) with a crumb: in the URL when there is a {@code body}, as a form
     * parameter otherwise. Failing status codes are returned, not thrown.
     */
    static WebResponse post(JenkinsRule j, JenkinsRule.WebClient web, String path, String body) throws Exception {
        web.setThrowExceptionOnFailingStatusCode(false);
        if (body != null) {
            WebRequest request = new WebRequest(web.createCrumbedUrl(path), HttpMethod.POST);
            request.setRequestBody(body);
            request.setCharset(java.nio.charset.StandardCharsets.UTF_8);
            request.setAdditionalHeader("Content-Type", "application/x-yaml");
            return web.getPage(request).getWebResponse();
        }
        WebRequest request = new WebRequest(new URL(j.getURL(), path), HttpMethod.POST);
        return web.getPage(web.addCrumb(request)).getWebResponse();
    }
}
