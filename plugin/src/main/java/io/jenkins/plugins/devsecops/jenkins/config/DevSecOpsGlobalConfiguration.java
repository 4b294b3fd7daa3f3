package io.jenkins.plugins.devsecops.jenkins.config;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import java.util.ArrayList;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

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
 * Manage Jenkins → System → DevSecOps: the global policy (quality gates, required stages, SLA days per severity,
 * suppression rules), default stages, the advisory data source and the trend length. Configured as code under
 * {@code unclassified.devSecOps}. Holds a credentials id only, never a secret. The policy is the top layer of the
 * engine's {@link PolicyLayering}: policy files and step parameters may only tighten it.
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

    private List<QualityGateConfig> gates = new ArrayList<>();
    private String requiredStages = "";
    private int slaCriticalDays;
    private int slaHighDays;
    private int slaMediumDays;
    private int slaLowDays;
    private boolean suppressionJustificationRequired;
    private int suppressionMaxAgeDays;
    private boolean noDefaultPolicy;

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

    /** Binds the form; an absent gate list means every gate was deleted. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        gates = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        return true;
    }

    /** The global quality gates. */
    public List<QualityGateConfig> getGates() {
        return gates == null ? List.of() : List.copyOf(gates);
    }

    @DataBoundSetter
    public void setGates(List<QualityGateConfig> gates) {
        this.gates = gates == null ? new ArrayList<>() : new ArrayList<>(gates);
        save();
    }

    /** Comma-separated stage ids every scan must complete, else its policy fails. */
    public String getRequiredStages() {
        return requiredStages;
    }

    @DataBoundSetter
    public void setRequiredStages(String requiredStages) {
        this.requiredStages = Util.fixNull(requiredStages).trim();
        save();
    }

    /** Days a CRITICAL finding may stay open; 0 for no SLA. */
    public int getSlaCriticalDays() {
        return slaCriticalDays;
    }

    @DataBoundSetter
    public void setSlaCriticalDays(int days) {
        this.slaCriticalDays = Math.max(0, days);
        save();
    }

    /** Days a HIGH finding may stay open; 0 for no SLA. */
    public int getSlaHighDays() {
        return slaHighDays;
    }

    @DataBoundSetter
    public void setSlaHighDays(int days) {
        this.slaHighDays = Math.max(0, days);
        save();
    }

    /** Days a MEDIUM finding may stay open; 0 for no SLA. */
    public int getSlaMediumDays() {
        return slaMediumDays;
    }

    @DataBoundSetter
    public void setSlaMediumDays(int days) {
        this.slaMediumDays = Math.max(0, days);
        save();
    }

    /** Days a LOW finding may stay open; 0 for no SLA. */
    public int getSlaLowDays() {
        return slaLowDays;
    }

    @DataBoundSetter
    public void setSlaLowDays(int days) {
        this.slaLowDays = Math.max(0, days);
        save();
    }

    /** Whether a suppression without a reason is refused. */
    public boolean isSuppressionJustificationRequired() {
        return suppressionJustificationRequired;
    }

    @DataBoundSetter
    public void setSuppressionJustificationRequired(boolean required) {
        this.suppressionJustificationRequired = required;
        save();
    }

    /** The most days a suppression may last; 0 for no limit. */
    public int getSuppressionMaxAgeDays() {
        return suppressionMaxAgeDays;
    }

    @DataBoundSetter
    public void setSuppressionMaxAgeDays(int days) {
        this.suppressionMaxAgeDays = Math.max(0, days);
        save();
    }

    /** Whether the engine's default policy is left out for repositories without a policy file, in every job. */
    public boolean isNoDefaultPolicy() {
        return noDefaultPolicy;
    }

    @DataBoundSetter
    public void setNoDefaultPolicy(boolean noDefaultPolicy) {
        this.noDefaultPolicy = noDefaultPolicy;
        save();
    }

    /**
     * The global policy as the engine's model: the top layer every scan's policy is stacked under.
     *
     * @throws IllegalArgumentException naming the gate and field when a stored gate is invalid
     */
    public SecurityPolicy toPolicy() {
        SecurityPolicy.Builder policy = SecurityPolicy.builder();
        getGates().forEach(gate -> policy.gate(gate.toGate()));
        Arrays.stream(requiredStages.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(policy::requiredStage);
        sla(policy, Severity.CRITICAL, slaCriticalDays);
        sla(policy, Severity.HIGH, slaHighDays);
        sla(policy, Severity.MEDIUM, slaMediumDays);
        sla(policy, Severity.LOW, slaLowDays);
        if (suppressionJustificationRequired) {
            policy.justificationRequired(true);
        }
        if (suppressionMaxAgeDays > 0) {
            policy.maxSuppressionAgeDays(suppressionMaxAgeDays);
        }
        return policy.build();
    }

    private static void sla(SecurityPolicy.Builder policy, Severity severity, int days) {
        if (days > 0) {
            policy.sla(severity, days);
        }
    }

    /** Checks that every required stage exists in the engine. */
    @POST
    public FormValidation doCheckRequiredStages(@QueryParameter String requiredStages) {
        return doCheckDefaultStages(requiredStages);
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
