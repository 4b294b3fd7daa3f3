package io.jenkins.plugins.devsecops.jenkins.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.util.JenkinsFacade;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → DevSecOps: default stages, the advisory data source and the trend length. Configured
 * as code under {@code unclassified.devSecOps}. Holds a credentials id only, never a secret. The global policy
 * (gates, required stages, SLA days, suppressions) joins here when the engine's policy model lands.
 */
@Extension
@Symbol("devSecOps")
public class DevSecOpsGlobalConfiguration extends GlobalConfiguration {

    /** Builds charted by default. */
    public static final int DEFAULT_TREND_BUILDS = 50;
    static final int MAX_TREND_BUILDS = 500;

    private String defaultStages = "";
    private String advisoryUrl = "";
    private String advisoryCredentialsId = "";
    private int trendBuilds = DEFAULT_TREND_BUILDS;

    private transient JenkinsFacade jenkins = new JenkinsFacade();

    public DevSecOpsGlobalConfiguration() {
        super();
        load();
    }

    /** The singleton instance. */
    public static DevSecOpsGlobalConfiguration get() {
        return GlobalConfiguration.all().getInstance(DevSecOpsGlobalConfiguration.class);
    }

    private JenkinsFacade jenkins() {
        if (jenkins == null) {
            jenkins = new JenkinsFacade();
        }
        return jenkins;
    }

    /** Comma-separated stage ids a step runs when it names none; empty runs every stage enabled by default. */
    public String getDefaultStages() {
        return defaultStages;
    }

    @DataBoundSetter
    public void setDefaultStages(String defaultStages) {
        this.defaultStages = Util.fixNull(defaultStages).trim();
        save();
    }

    /** The base URL of the OSV-compatible advisory service; empty uses the stage's default. */
    public String getAdvisoryUrl() {
        return advisoryUrl;
    }

    @DataBoundSetter
    public void setAdvisoryUrl(String advisoryUrl) {
        this.advisoryUrl = Util.fixNull(advisoryUrl).trim();
        save();
    }

    /** The id of a secret-text credential for the advisory service; empty for none. */
    public String getAdvisoryCredentialsId() {
        return advisoryCredentialsId;
    }

    @DataBoundSetter
    public void setAdvisoryCredentialsId(String advisoryCredentialsId) {
        this.advisoryCredentialsId = Util.fixNull(advisoryCredentialsId).trim();
        save();
    }

    /** How many builds the job page's trend charts show, 2 to 500. */
    public int getTrendBuilds() {
        return trendBuilds;
    }

    @DataBoundSetter
    public void setTrendBuilds(int trendBuilds) {
        this.trendBuilds = Math.max(2, Math.min(MAX_TREND_BUILDS, trendBuilds));
        save();
    }

    /** Checks that every named stage exists in the engine. */
    @POST
    public FormValidation doCheckDefaultStages(@QueryParameter String defaultStages) {
        if (!jenkins().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        List<String> ids = Arrays.stream(Util.fixNull(defaultStages).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        try {
            StageCatalog.builtIn().select(ids);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Checks that the advisory URL is an absolute http(s) URL. */
    @POST
    public FormValidation doCheckAdvisoryUrl(@QueryParameter String advisoryUrl) {
        if (!jenkins().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        String url = Util.fixEmptyAndTrim(advisoryUrl);
        if (url == null) {
            return FormValidation.ok();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return FormValidation.error("Enter an absolute http:// or https:// URL");
            }
            if (scheme.equals("http")) {
                return FormValidation.warning("Advisory data over plain http can be tampered with; prefer https");
            }
            return FormValidation.ok();
        } catch (URISyntaxException e) {
            return FormValidation.error("Not a URL: " + e.getReason());
        }
    }

    /** Checks the trend length. */
    @POST
    public FormValidation doCheckTrendBuilds(@QueryParameter String trendBuilds) {
        if (!jenkins().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        try {
            int value = Integer.parseInt(Util.fixNull(trendBuilds).trim());
            return value >= 2 && value <= MAX_TREND_BUILDS ? FormValidation.ok()
                    : FormValidation.error("Enter a number from 2 to " + MAX_TREND_BUILDS);
        } catch (NumberFormatException e) {
            return FormValidation.error("Enter a number from 2 to " + MAX_TREND_BUILDS);
        }
    }

    /** Secret-text credentials defined at the Jenkins level. */
    @POST
    public ListBoxModel doFillAdvisoryCredentialsIdItems(@QueryParameter String advisoryCredentialsId) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!jenkins().hasPermission(Jenkins.ADMINISTER)) {
            return model.includeCurrentValue(advisoryCredentialsId);
        }
        model.includeEmptyValue();
        model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, List.of(),
                CredentialsMatchers.always());
        return model.includeCurrentValue(advisoryCredentialsId);
    }
}
