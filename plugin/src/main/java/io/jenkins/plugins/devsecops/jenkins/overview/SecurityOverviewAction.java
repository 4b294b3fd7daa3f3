package io.jenkins.plugins.devsecops.jenkins.overview;

import hudson.Extension;
import hudson.model.Api;
import hudson.model.RootAction;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.GET;

/**
 * The top-level "Security" page ({@code /security/}) and its REST API ({@code /security/api/json}): every job the
 * user may read, one row per scan id. Both need Overall/Read and are built per request for the current user: the
 * page for its query string, the API for the default query (every scan, most urgent first).
 */
@Extension
public final class SecurityOverviewAction implements RootAction {

    /** The URL below the Jenkins root. */
    static final String URL_NAME = "security";

    @Override
    public String getIconFileName() {
        return Jenkins.get().hasPermission(Jenkins.READ) ? "symbol-shield-warning" : null;
    }

    @Override
    public String getDisplayName() {
        return "Security";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The page for the filters and order of the query string (a plain GET form, so views can be bookmarked). */
    @GET
    public HttpResponse doIndex(@QueryParameter String folder, @QueryParameter String label,
            @QueryParameter String stage, @QueryParameter String severity, @QueryParameter String verdict,
            @QueryParameter String sort, @QueryParameter String order) {
        Jenkins.get().checkPermission(Jenkins.READ);
        return HttpResponses.forwardToView(SecurityOverviewPage.of(folder, label, stage, severity, verdict, sort,
                order), "index.jelly");
    }

    /** The REST API: every scan the user may read, most urgent first ({@code ?tree=scans[job,verdict,open]}). */
    public Api getApi() {
        Jenkins.get().checkPermission(Jenkins.READ);
        return new Api(SecurityOverviewPage.of(null, null, null, null, null, null, null));
    }
}
