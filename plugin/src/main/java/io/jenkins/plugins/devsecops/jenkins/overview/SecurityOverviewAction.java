package io.jenkins.plugins.devsecops.jenkins.overview;

import hudson.Extension;
import hudson.model.RootAction;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The top-level "Security" page ({@code /security/}) and its REST API ({@code /security/api/json}): every job the
 * user may read, one row per scan id. Needs Overall/Read; each request gets a {@link SecurityOverviewPage} built for
 * the current user and the query string.
 */
@Extension
public final class SecurityOverviewAction implements RootAction, StaplerProxy {

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

    /** The page of the current request, after checking Overall/Read. */
    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(Jenkins.READ);
        StaplerRequest2 request = Stapler.getCurrentRequest2();
        return SecurityOverviewPage.of(request == null ? null : request::getParameter);
    }
}
