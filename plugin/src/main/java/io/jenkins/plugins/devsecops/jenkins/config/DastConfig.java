package io.jenkins.plugins.devsecops.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The step's {@code dast:} parameter: {@code dast: [url: 'http://app:8080', credentialsId: 'app-login', mode: 'active']}.
 * Only holds the fields and turns them into the engine's {@code dast.*} options; the engine validates them and the
 * scan runs on the agent. The credential is resolved on the controller by id and handed over as sensitive options.
 */
public final class DastConfig implements Describable<DastConfig>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String url;
    private String mode = "passive";
    private String credentialsId = "";
    private String authType = "";
    private String loginUrl = "";
    private String usernameField = "";
    private String passwordField = "";
    private String loggedInRegex = "";
    private String openapi = "";
    private String includes = "";
    private String excludes = "";
    private String methods = "";
    private int maxRequests;
    private String maxDuration = "";
    private int requestsPerSecond;
    private int maxDepth = -1;
    private boolean ignoreRobots;

    @DataBoundConstructor
    public DastConfig(String url) {
        this.url = Util.fixNull(url).trim();
    }

    public String getUrl() {
        return url;
    }

    /** {@code passive} (default) or {@code active}. */
    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode) == null ? "passive" : mode.trim();
    }

    /** A username/password credential (form or basic login) or a secret text (bearer token or session cookie). */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    /** {@code form}, {@code basic}, {@code bearer} or {@code cookie}; empty: form with a login URL, else by credential type. */
    public String getAuthType() {
        return authType;
    }

    @DataBoundSetter
    public void setAuthType(String authType) {
        this.authType = Util.fixNull(authType).trim();
    }

    public String getLoginUrl() {
        return loginUrl;
    }

    @DataBoundSetter
    public void setLoginUrl(String loginUrl) {
        this.loginUrl = Util.fixNull(loginUrl).trim();
    }

    public String getUsernameField() {
        return usernameField;
    }

    @DataBoundSetter
    public void setUsernameField(String usernameField) {
        this.usernameField = Util.fixNull(usernameField).trim();
    }

    public String getPasswordField() {
        return passwordField;
    }

    @DataBoundSetter
    public void setPasswordField(String passwordField) {
        this.passwordField = Util.fixNull(passwordField).trim();
    }

    public String getLoggedInRegex() {
        return loggedInRegex;
    }

    @DataBoundSetter
    public void setLoggedInRegex(String loggedInRegex) {
        this.loggedInRegex = Util.fixNull(loggedInRegex).trim();
    }

    /** An OpenAPI/Swagger document in the workspace. */
    public String getOpenapi() {
        return openapi;
    }

    @DataBoundSetter
    public void setOpenapi(String openapi) {
        this.openapi = Util.fixNull(openapi).trim();
    }

    /** RE2 patterns, one per line, a path must match. */
    public String getIncludes() {
        return includes;
    }

    @DataBoundSetter
    public void setIncludes(String includes) {
        this.includes = Util.fixNull(includes).trim();
    }

    /** RE2 patterns, one per line, of paths never requested. */
    public String getExcludes() {
        return excludes;
    }

    @DataBoundSetter
    public void setExcludes(String excludes) {
        this.excludes = Util.fixNull(excludes).trim();
    }

    /** More verbs to allow, comma-separated (e.g. {@code PUT,DELETE}); never sent unless listed. */
    public String getMethods() {
        return methods;
    }

    @DataBoundSetter
    public void setMethods(String methods) {
        this.methods = Util.fixNull(methods).trim();
    }

    public int getMaxRequests() {
        return maxRequests;
    }

    @DataBoundSetter
    public void setMaxRequests(int maxRequests) {
        this.maxRequests = maxRequests;
    }

    /** Seconds or {@code 10m}, {@code 1h}. */
    public String getMaxDuration() {
        return maxDuration;
    }

    @DataBoundSetter
    public void setMaxDuration(String maxDuration) {
        this.maxDuration = Util.fixNull(maxDuration).trim();
    }

    public int getRequestsPerSecond() {
        return requestsPerSecond;
    }

    @DataBoundSetter
    public void setRequestsPerSecond(int requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public int getMaxDepth() {
        return maxDepth;
    }

    @DataBoundSetter
    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public boolean isIgnoreRobots() {
        return ignoreRobots;
    }

    @DataBoundSetter
    public void setIgnoreRobots(boolean ignoreRobots) {
        this.ignoreRobots = ignoreRobots;
    }

    /** The engine's {@code dast.*} options, without any secret. */
    public Map<String, String> toOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("dast.url", url);
        options.put("dast.mode", mode);
        putIfSet(options, "dast.auth.type", authType);
        putIfSet(options, "dast.auth.loginUrl", loginUrl);
        putIfSet(options, "dast.auth.usernameField", usernameField);
        putIfSet(options, "dast.auth.passwordField", passwordField);
        putIfSet(options, "dast.auth.loggedInRegex", loggedInRegex);
        putIfSet(options, "dast.openapi", openapi);
        putIfSet(options, "dast.include", includes);
        putIfSet(options, "dast.exclude", excludes);
        putIfSet(options, "dast.methods", methods);
        putIfSet(options, "dast.maxDuration", maxDuration);
        if (maxRequests > 0) {
            options.put("dast.maxRequests", String.valueOf(maxRequests));
        }
        if (requestsPerSecond > 0) {
            options.put("dast.requestsPerSecond", String.valueOf(requestsPerSecond));
        }
        if (maxDepth >= 0) {
            options.put("dast.maxDepth", String.valueOf(maxDepth));
        }
        if (ignoreRobots) {
            options.put("dast.robots", "false");
        }
        return options;
    }

    private static void putIfSet(Map<String, String> options, String name, String value) {
        if (!value.isEmpty()) {
            options.put(name, value);
        }
    }

    /** Describes the DAST parameter to forms and the Snippet Generator. */
    @Extension
    @Symbol("dastScan")
    public static final class DescriptorImpl extends Descriptor<DastConfig> {

        private final FormPermission permission = new FormPermission();

        @NonNull
        @Override
        public String getDisplayName() {
            return "Scan a running web application (DAST)";
        }

        /** Checks that the URL is an absolute http(s) URL without credentials. */
        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String url) {
            if (!permission.canConfigure(item)) {
                return FormValidation.ok();
            }
            String text = Util.fixEmptyAndTrim(url);
            if (text == null || !text.matches("(?i)https?://[^/@\\s]+(/\\S*)?")) {
                return FormValidation.error("An absolute http or https URL without credentials, e.g. http://app:8080/");
            }
            return FormValidation.ok();
        }

        /** Username/password and secret-text credentials the job may use. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            com.cloudbees.plugins.credentials.common.StandardListBoxModel model =
                    new com.cloudbees.plugins.credentials.common.StandardListBoxModel();
            if (item == null ? !jenkins.model.Jenkins.get().hasPermission(jenkins.model.Jenkins.ADMINISTER)
                    : !item.hasPermission(Item.EXTENDED_READ)
                            && !item.hasPermission(com.cloudbees.plugins.credentials.CredentialsProvider.USE_ITEM)) {
                return model.includeCurrentValue(credentialsId);
            }
            model.includeEmptyValue();
            if (item == null) {
                model.includeMatchingAs(hudson.security.ACL.SYSTEM2, jenkins.model.Jenkins.get(),
                        com.cloudbees.plugins.credentials.common.StandardCredentials.class, java.util.List.of(),
                        com.cloudbees.plugins.credentials.CredentialsMatchers.always());
            } else {
                model.includeMatchingAs(hudson.security.ACL.SYSTEM2, item,
                        com.cloudbees.plugins.credentials.common.StandardCredentials.class, java.util.List.of(),
                        com.cloudbees.plugins.credentials.CredentialsMatchers.always());
            }
            return model.includeCurrentValue(credentialsId);
        }

        /** The two modes. */
        @POST
        public ListBoxModel doFillModeItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            if (permission.canConfigure(item)) {
                model.add("Passive: crawl and read, no payloads", "passive");
                model.add("Active: send the safe attack set", "active");
            }
            return model;
        }
    }
}
