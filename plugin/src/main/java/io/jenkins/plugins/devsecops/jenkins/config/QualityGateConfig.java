package io.jenkins.plugins.devsecops.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devsecops.compliance.ComplianceCatalog;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.GateAction;
import io.jenkins.plugins.devsecops.policy.GateScope;
import io.jenkins.plugins.devsecops.policy.GateSpec;
import io.jenkins.plugins.devsecops.policy.QualityGate;
import java.io.Serial;
import java.io.Serializable;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One quality gate as the step's {@code qualityGates} and the global policy take it, e.g.
 * {@code gate(id: 'no-new-high', severity: 'HIGH', scope: 'NEW')}. Only holds the fields; the engine's
 * {@link GateSpec} turns them into a {@link QualityGate} and reports invalid values.
 */
public final class QualityGateConfig implements Describable<QualityGateConfig>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String id;
    private String severity = "";
    private String rules = "";
    private String advisories = "";
    private String stages = "";
    private boolean fixAvailableOnly;
    private boolean secretsOnly;
    private boolean overdueOnly;
    private String scope = GateScope.TOTAL.name();
    private int threshold = 1;
    private String result = GateAction.FAILURE.name();
    private String compliance = "";
    private String baseImage = "";

    @DataBoundConstructor
    public QualityGateConfig(String id) {
        this.id = Util.fixNull(id).trim();
    }

    public String getId() {
        return id;
    }

    public String getSeverity() {
        return severity;
    }

    @DataBoundSetter
    public void setSeverity(String severity) {
        this.severity = Util.fixNull(severity).trim();
    }

    public String getRules() {
        return rules;
    }

    @DataBoundSetter
    public void setRules(String rules) {
        this.rules = Util.fixNull(rules).trim();
    }

    public String getAdvisories() {
        return advisories;
    }

    @DataBoundSetter
    public void setAdvisories(String advisories) {
        this.advisories = Util.fixNull(advisories).trim();
    }

    public String getStages() {
        return stages;
    }

    @DataBoundSetter
    public void setStages(String stages) {
        this.stages = Util.fixNull(stages).trim();
    }

    public boolean isFixAvailableOnly() {
        return fixAvailableOnly;
    }

    @DataBoundSetter
    public void setFixAvailableOnly(boolean fixAvailableOnly) {
        this.fixAvailableOnly = fixAvailableOnly;
    }

    public boolean isSecretsOnly() {
        return secretsOnly;
    }

    @DataBoundSetter
    public void setSecretsOnly(boolean secretsOnly) {
        this.secretsOnly = secretsOnly;
    }

    public boolean isOverdueOnly() {
        return overdueOnly;
    }

    @DataBoundSetter
    public void setOverdueOnly(boolean overdueOnly) {
        this.overdueOnly = overdueOnly;
    }

    public String getScope() {
        return scope;
    }

    @DataBoundSetter
    public void setScope(String scope) {
        this.scope = Util.fixEmptyAndTrim(scope) == null ? GateScope.TOTAL.name() : scope.trim();
    }

    public int getThreshold() {
        return threshold;
    }

    @DataBoundSetter
    public void setThreshold(int threshold) {
        this.threshold = threshold;
    }

    public String getResult() {
        return result;
    }

    @DataBoundSetter
    public void setResult(String result) {
        this.result = Util.fixEmptyAndTrim(result) == null ? GateAction.FAILURE.name() : result.trim();
    }

    public String getCompliance() {
        return compliance;
    }

    /** Comma-separated compliance references, e.g. {@code PCI-DSS-4.0:6.2.4}; blank for any. */
    @DataBoundSetter
    public void setCompliance(String compliance) {
        this.compliance = Util.fixNull(compliance).trim();
    }

    public String getBaseImage() {
        return baseImage;
    }

    /**
     * {@code 'false'} leaves out findings on packages an image's base image brought, {@code 'true'} keeps only
     * those; blank for any. Other values are refused by {@link #toGate()}.
     */
    @DataBoundSetter
    public void setBaseImage(String baseImage) {
        this.baseImage = Util.fixNull(baseImage).trim();
    }

    /**
     * The engine gate.
     *
     * @throws IllegalArgumentException naming the gate and the field when a value is invalid
     */
    public QualityGate toGate() {
        return new GateSpec(id, severity, rules, advisories, stages, fixAvailableOnly, secretsOnly, overdueOnly,
                scope, threshold, result, compliance, baseImage).toGate();
    }

    /** Describes a gate to forms, the Snippet Generator and Configuration as Code. */
    @Extension
    @Symbol("gate")
    public static final class DescriptorImpl extends Descriptor<QualityGateConfig> {

        private final FormPermission permission = new FormPermission();

        @NonNull
        @Override
        public String getDisplayName() {
            return "Quality gate";
        }

        /** The severities a gate can select from. */
        @POST
        public ListBoxModel doFillSeverityItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            if (permission.canConfigure(item)) {
                model.add("(any severity)", "");
                for (Severity value : Severity.values()) {
                    model.add(value.name() + " or above", value.name());
                }
            }
            return model;
        }

        /** NEW, TOTAL or DELTA. */
        @POST
        public ListBoxModel doFillScopeItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            if (permission.canConfigure(item)) {
                model.add("Total active findings", GateScope.TOTAL.name());
                model.add("New findings (not in the reference build)", GateScope.NEW.name());
                model.add("Increase over the reference build", GateScope.DELTA.name());
            }
            return model;
        }

        /** Any layer, only the image's own layers, or only the base image's. */
        @POST
        public ListBoxModel doFillBaseImageItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            if (permission.canConfigure(item)) {
                model.add("(any finding)", "");
                model.add("Leave out the base image's packages", "false");
                model.add("Only the base image's packages", "true");
            }
            return model;
        }

        /** UNSTABLE or FAILURE. */
        @POST
        public ListBoxModel doFillResultItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            if (permission.canConfigure(item)) {
                model.add("Failure", GateAction.FAILURE.name());
                model.add("Unstable", GateAction.UNSTABLE.name());
            }
            return model;
        }

        /** Checks the id. */
        @POST
        public FormValidation doCheckId(@AncestorInPath Item item, @QueryParameter String id) {
            if (!permission.canConfigure(item) || Util.fixEmptyAndTrim(id) != null) {
                return FormValidation.ok();
            }
            return FormValidation.error("A quality gate needs an id; lower policy layers refer to it by this id");
        }

        /** Checks each compliance reference against the engine's frameworks, naming an unknown one. */
        @POST
        public FormValidation doCheckCompliance(@AncestorInPath Item item, @QueryParameter String compliance) {
            if (!permission.canConfigure(item)) {
                return FormValidation.ok();
            }
            for (String reference : Util.fixNull(compliance).split(",")) {
                if (reference.isBlank()) {
                    continue;
                }
                try {
                    ComplianceCatalog.builtIn().canonicalReference(reference);
                } catch (IllegalArgumentException e) {
                    return FormValidation.error(e.getMessage());
                }
            }
            return FormValidation.ok();
        }

        /** Checks the threshold. */
        @POST
        public FormValidation doCheckThreshold(@AncestorInPath Item item, @QueryParameter String threshold) {
            if (!permission.canConfigure(item)) {
                return FormValidation.ok();
            }
            try {
                return Integer.parseInt(Util.fixNull(threshold).trim()) >= 1 ? FormValidation.ok()
                        : FormValidation.error("Enter a count of at least 1");
            } catch (NumberFormatException e) {
                return FormValidation.error("Enter a count of at least 1");
            }
        }
    }
}
