package io.jenkins.plugins.devsecops.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devsecops.jenkins.config.DastConfig;
import io.jenkins.plugins.devsecops.jenkins.config.ImportReportConfig;
import io.jenkins.plugins.devsecops.jenkins.config.QualityGateConfig;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.view.FailOnThreshold;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;

/**
 * The Pipeline step {@code devSecOpsScan}: scans the workspace (or {@link #setSourceDirectory a directory in it}) on
 * the agent, assesses it with the engine (suppressions, history against the reference build, the layered policy:
 * global, policy file, {@link #setQualityGates qualityGates} and {@link #setFailOn failOn}), records the result on
 * the build, marks the build and the stage with the policy verdict, and returns a map of counts to the script. Every parameter is optional.
 */
public final class DevSecOpsScanStep extends Step implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The default id: one scan per build needs none. */
    public static final String DEFAULT_ID = "devsecops";

    /** {@link #setReferenceType}: the newest earlier build with a scan of the same id. */
    public static final String REFERENCE_PREVIOUS = "previous";
    /** {@link #setReferenceType}: the newest earlier successful or unstable build with a scan of the same id. */
    public static final String REFERENCE_LAST_SUCCESSFUL = "lastSuccessful";

    static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private String stages = "";
    private String includes = "";
    private String excludes = "";
    private List<QualityGateConfig> qualityGates = new ArrayList<>();
    private List<ImportReportConfig> imports = new ArrayList<>();
    private String failOn = "";
    private String failOnResult = Result.FAILURE.toString();
    private String policyFile = "";
    private boolean history;
    private String referenceJob = "";
    private String referenceType = REFERENCE_PREVIOUS;
    private String referenceBuild = "";
    private String id = DEFAULT_ID;
    private String name = "";
    private String sourceDirectory = "";
    private String osvCredentialsId = "";
    private List<String> images = new ArrayList<>();
    private String platform = "";
    private String registryCredentialsId = "";
    private DastConfig dast;
    private boolean allowMissingImports;
    private boolean noDefaultPolicy;

    @DataBoundConstructor
    public DevSecOpsScanStep() {
        super();
    }

    /** Comma-separated stage ids; empty runs the global default stages, or every stage enabled by default. */
    public String getStages() {
        return stages;
    }

    @DataBoundSetter
    public void setStages(String stages) {
        this.stages = Util.fixNull(stages).trim();
    }

    /** Comma-separated gitignore-style patterns; when not empty, only matching files are scanned. */
    public String getIncludes() {
        return includes;
    }

    @DataBoundSetter
    public void setIncludes(String includes) {
        this.includes = Util.fixNull(includes).trim();
    }

    /** Comma-separated gitignore-style patterns of files not to scan. */
    public String getExcludes() {
        return excludes;
    }

    @DataBoundSetter
    public void setExcludes(String excludes) {
        this.excludes = Util.fixNull(excludes).trim();
    }

    /**
     * Quality gates of the step's policy layer, e.g. {@code [gate(id: 'no-new-high', severity: 'HIGH', scope: 'NEW')]};
     * they may only tighten the global policy and the policy file.
     */
    public List<ImportReportConfig> getImports() {
        return List.copyOf(imports);
    }

    /** Reports of other scanners to import, e.g. {@code imports: [[format: 'sarif', pattern: 'build/**&#47;*.sarif']]}. */
    @DataBoundSetter
    public void setImports(List<ImportReportConfig> imports) {
        this.imports = imports == null ? new ArrayList<>() : new ArrayList<>(imports);
    }

    public List<QualityGateConfig> getQualityGates() {
        return List.copyOf(qualityGates);
    }

    @DataBoundSetter
    public void setQualityGates(List<QualityGateConfig> qualityGates) {
        this.qualityGates = qualityGates == null ? new ArrayList<>() : new ArrayList<>(qualityGates);
    }

    /** How the reference build is picked: {@code previous} (default) or {@code lastSuccessful}. */
    public String getReferenceType() {
        return referenceType;
    }

    @DataBoundSetter
    public void setReferenceType(String referenceType) {
        this.referenceType = Util.fixEmptyAndTrim(referenceType) == null ? REFERENCE_PREVIOUS : referenceType.trim();
    }

    /** The least severity of an active finding that marks the build; empty marks nothing. */
    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = Util.fixNull(failOn).trim();
    }

    /** The result {@link #getFailOn failOn} sets: {@code FAILURE} (default) or {@code UNSTABLE}. */
    public String getFailOnResult() {
        return failOnResult;
    }

    @DataBoundSetter
    public void setFailOnResult(String failOnResult) {
        this.failOnResult = Util.fixEmptyAndTrim(failOnResult) == null ? Result.FAILURE.toString() : failOnResult.trim();
    }

    /** A policy file in the workspace, relative to the source directory; passed as the {@code policy.file} option. */
    public String getPolicyFile() {
        return policyFile;
    }

    @DataBoundSetter
    public void setPolicyFile(String policyFile) {
        this.policyFile = Util.fixNull(policyFile).trim();
    }

    /** Whether the secrets stage also scans the git history of the source directory. */
    public boolean isHistory() {
        return history;
    }

    @DataBoundSetter
    public void setHistory(boolean history) {
        this.history = history;
    }

    /** The full name of the job whose scans are the baseline; empty means this job. */
    public String getReferenceJob() {
        return referenceJob;
    }

    @DataBoundSetter
    public void setReferenceJob(String referenceJob) {
        this.referenceJob = Util.fixNull(referenceJob).trim();
    }

    /** The build number of the baseline in the reference job; empty means its last completed build. */
    public String getReferenceBuild() {
        return referenceBuild;
    }

    @DataBoundSetter
    public void setReferenceBuild(String referenceBuild) {
        this.referenceBuild = Util.fixNull(referenceBuild).trim();
    }

    /** The id of this scan in the build, part of its URL; several scans in one build need distinct ids. */
    public String getId() {
        return id;
    }

    @DataBoundSetter
    public void setId(String id) {
        this.id = Util.fixEmptyAndTrim(id) == null ? DEFAULT_ID : id.trim();
    }

    /** The display name of this scan; empty uses a name derived from the id. */
    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = Util.fixNull(name).trim();
    }

    /** The directory to scan, relative to the workspace; empty scans the workspace. */
    public String getSourceDirectory() {
        return sourceDirectory;
    }

    @DataBoundSetter
    public void setSourceDirectory(String sourceDirectory) {
        this.sourceDirectory = Util.fixNull(sourceDirectory).trim();
    }

    /** The id of a secret-text credential for the advisory (OSV) source; empty uses the global setting. */
    public String getOsvCredentialsId() {
        return osvCredentialsId;
    }

    @DataBoundSetter
    public void setOsvCredentialsId(String osvCredentialsId) {
        this.osvCredentialsId = Util.fixNull(osvCredentialsId).trim();
    }

    /**
     * Container images to scan (the {@code images} stage): {@code docker save} archives or OCI layouts in the
     * workspace, or registry references, e.g. {@code images: ['registry.example.com/app:1.2', 'build/app.tar']}.
     */
    public List<String> getImages() {
        return List.copyOf(images);
    }

    @DataBoundSetter
    public void setImages(List<String> images) {
        this.images = new ArrayList<>();
        if (images != null) {
            images.stream().map(Util::fixEmptyAndTrim).filter(java.util.Objects::nonNull).forEach(this.images::add);
        }
    }

    /** The platform to scan in multi-platform images, e.g. {@code linux/arm64}; empty for linux/amd64. */
    public String getPlatform() {
        return platform;
    }

    @DataBoundSetter
    public void setPlatform(String platform) {
        this.platform = Util.fixNull(platform).trim();
    }

    /** The id of a username/password credential for the registries of {@link #getImages}; empty pulls anonymously. */
    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = Util.fixNull(registryCredentialsId).trim();
    }

    /** The running application to scan ({@code dast: [url: ..., credentialsId: ..., mode: ...]}), or {@code null}. */
    public DastConfig getDast() {
        return dast;
    }

    @DataBoundSetter
    public void setDast(DastConfig dast) {
        this.dast = dast;
    }

    /** Whether an import pattern that matches no file is a warning instead of an error (a scanner that may not run). */
    public boolean isAllowMissingImports() {
        return allowMissingImports;
    }

    @DataBoundSetter
    public void setAllowMissingImports(boolean allowMissingImports) {
        this.allowMissingImports = allowMissingImports;
    }

    /**
     * Whether the engine's default policy is left out for a repository without a policy file (like the CLI's
     * {@code --no-default-policy}); a policy file replaces the defaults anyway, so this loosens nothing a repository
     * could not.
     */
    public boolean isNoDefaultPolicy() {
        return noDefaultPolicy;
    }

    @DataBoundSetter
    public void setNoDefaultPolicy(boolean noDefaultPolicy) {
        this.noDefaultPolicy = noDefaultPolicy;
    }

    /** The stage ids as a list, blanks dropped. */
    List<String> stageList() {
        return split(stages);
    }

    static List<String> split(String commaSeparated) {
        List<String> values = new ArrayList<>();
        Arrays.stream(Util.fixNull(commaSeparated).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(values::add);
        return values;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new DevSecOpsScanExecution(context, this);
    }

    /** Describes the step to Pipeline and the Snippet Generator. */
    @Extension
    @Symbol("devSecOpsScan")
    public static final class DescriptorImpl extends StepDescriptor {

        private final JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public String getFunctionName() {
            return "devSecOpsScan";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "DevSecOps Scan: scan the workspace for security problems";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class);
        }

        private boolean canConfigure(@CheckForNull Item item) {
            return item == null ? jenkins.hasPermission(Jenkins.ADMINISTER) : jenkins.hasPermission(Item.CONFIGURE, item);
        }

        /** Checks that every named stage exists in the engine. */
        @POST
        public FormValidation doCheckStages(@AncestorInPath Item item, @QueryParameter String stages) {
            if (!canConfigure(item)) {
                return FormValidation.ok();
            }
            try {
                StageCatalog.builtIn().select(split(stages));
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /** Checks that {@code failOn} names a severity. */
        @POST
        public FormValidation doCheckFailOn(@AncestorInPath Item item, @QueryParameter String failOn) {
            if (!canConfigure(item)) {
                return FormValidation.ok();
            }
            try {
                FailOnThreshold.parse(failOn);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /** Checks that the id can be part of a URL. */
        @POST
        public FormValidation doCheckId(@AncestorInPath Item item, @QueryParameter String id) {
            if (!canConfigure(item) || Util.fixEmptyAndTrim(id) == null || ID_PATTERN.matcher(id.trim()).matches()) {
                return FormValidation.ok();
            }
            return FormValidation.error("Use 1 to 40 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }

        /** The severities {@code failOn} accepts. */
        @POST
        public ListBoxModel doFillFailOnItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            if (!canConfigure(item)) {
                return model;
            }
            model.add("(do not mark the build)", "");
            for (Severity severity : Severity.values()) {
                model.add(severity.name() + " or above", severity.name());
            }
            return model;
        }

        /** The ways of picking the reference build. */
        @POST
        public ListBoxModel doFillReferenceTypeItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            if (canConfigure(item)) {
                model.add("Previous build with this scan", REFERENCE_PREVIOUS);
                model.add("Last successful (or unstable) build with this scan", REFERENCE_LAST_SUCCESSFUL);
            }
            return model;
        }

        /** The results {@code failOnResult} accepts. */
        @POST
        public ListBoxModel doFillFailOnResultItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            if (!canConfigure(item)) {
                return model;
            }
            model.add("Failure", Result.FAILURE.toString());
            model.add("Unstable", Result.UNSTABLE.toString());
            return model;
        }

        /** Secret-text credentials the job may use for the advisory source. */
        @POST
        public ListBoxModel doFillOsvCredentialsIdItems(@AncestorInPath Item item,
                @QueryParameter String osvCredentialsId) {
            StandardListBoxModel model = new StandardListBoxModel();
            if (item == null ? !jenkins.hasPermission(Jenkins.ADMINISTER)
                    : !jenkins.hasPermission(Item.EXTENDED_READ, item)
                            && !jenkins.hasPermission(CredentialsProvider.USE_ITEM, item)) {
                return model.includeCurrentValue(osvCredentialsId);
            }
            model.includeEmptyValue();
            if (item == null) {
                model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, List.of(),
                        CredentialsMatchers.always());
            } else {
                model.includeMatchingAs(ACL.SYSTEM2, item, StringCredentials.class, List.of(),
                        CredentialsMatchers.always());
            }
            return model.includeCurrentValue(osvCredentialsId);
        }
    }
}
