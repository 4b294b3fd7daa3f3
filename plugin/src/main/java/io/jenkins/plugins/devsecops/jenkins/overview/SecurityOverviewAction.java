package io.jenkins.plugins.devsecops.jenkins.overview;

import hudson.Extension;
import hudson.model.Api;
import hudson.model.RootAction;
import io.jenkins.plugins.devsecops.overview.InvalidOverviewQueryException;
import io.jenkins.plugins.devsecops.overview.OverviewQuery;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.GET;

/**
 * The top-level "Security" page ({@code /security/}) and its REST API ({@code /security/api/json}): every job the
 * user may read, one row per scan id. Both need Overall/Read and are built per request for the current user from the
 * same query parameters ({@code folder}, {@code label}, {@code stage}, {@code severity}, {@code verdict},
 * {@code sort}, {@code order}), parsed by the engine's {@link OverviewQuery}: a parameter that does not parse is
 * answered with HTTP 400 and a plain-text message naming it and what it accepts.
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
        return HttpResponses.forwardToView(SecurityOverviewPage.of(query(folder, label, stage, severity, verdict,
                sort, order)), "index.jelly");
    }

    /**
     * The REST API ({@code ?tree=scans[job,verdict,open]}), with the page's query parameters: every scan the user may
     * read, most urgent first, unless filtered.
     */
    public Api getApi(StaplerRequest2 request) {
        Jenkins.get().checkPermission(Jenkins.READ);
        OverviewQuery query;
        try {
            query = OverviewQuery.requireQueryString(request == null ? null : request.getRequestURIWithQueryString());
        } catch (InvalidOverviewQueryException e) {
            throw new BadQueryResponse(e.getMessage());
        }
        return new Api(SecurityOverviewPage.of(query));
    }

    /** The engine's query of the parameters, or HTTP 400 naming each bad one (no stack trace). */
    private static OverviewQuery query(String folder, String label, String stage, String severity, String verdict,
            String sort, String order) {
        try {
            return OverviewQuery.require(folder, label, stage, severity, verdict, sort, order);
        } catch (InvalidOverviewQueryException e) {
            throw new BadQueryResponse(e.getMessage());
        }
    }
}
