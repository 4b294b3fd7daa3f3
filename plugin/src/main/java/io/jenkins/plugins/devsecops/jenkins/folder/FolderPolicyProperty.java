package io.jenkins.plugins.devsecops.jenkins.folder;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.AbstractFolderPropertyDescriptor;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.util.FormValidation;
import io.jenkins.plugins.devsecops.policy.PolicyCheck;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyYaml;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A folder's DevSecOps policy layer: the same YAML as {@code devsecops-policy.yaml}, applied to every scan of a job
 * in the folder or below it, between the global layer and the repository file. Nested folders stack outermost first,
 * so a sub-folder, the repository and the step can only tighten it (the engine's {@code PolicyLayering}).
 */
public final class FolderPolicyProperty extends AbstractFolderProperty<AbstractFolder<?>> {

    private final String policyYaml;

    @DataBoundConstructor
    public FolderPolicyProperty(String policyYaml) {
        this.policyYaml = Util.fixEmptyAndTrim(policyYaml);
    }

    /** The folder's policy as YAML, or {@code null} when the folder adds nothing. */
    public String getPolicyYaml() {
        return policyYaml;
    }

    /**
     * The folder layers of {@code job}, outermost folder first; folders without a policy add none.
     *
     * @throws YamlInputException naming the folder when its stored policy does not parse (the scan must not run
     *     under a weaker policy than its administrators set)
     */
    public static List<PolicyLayer> layersOf(Job<?, ?> job) throws YamlInputException {
        List<PolicyLayer> layers = new ArrayList<>();
        ItemGroup<?> parent = job.getParent();
        while (parent instanceof AbstractFolder<?> folder) {
            FolderPolicyProperty property = folder.getProperties().get(FolderPolicyProperty.class);
            if (property != null && property.getPolicyYaml() != null) {
                String name = folder.getFullName();
                layers.add(PolicyLayer.folder(name, PolicyYaml.parse(property.getPolicyYaml(), "folder " + name)));
            }
            parent = folder.getParent();
        }
        Collections.reverse(layers);
        return layers;
    }

    /** The folder property's descriptor: shown on every folder's configuration page. */
    @Extension
    public static final class DescriptorImpl extends AbstractFolderPropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return "DevSecOps policy layer";
        }

        /** Checks the YAML as {@code devsecops policy check} does, each problem with its line and column. */
        @POST
        public FormValidation doCheckPolicyYaml(@AncestorInPath Item item, @QueryParameter String value) {
            if (item == null || !item.hasPermission(Item.CONFIGURE)) {
                return FormValidation.ok();
            }
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok("No folder layer: the global policy and the repository file apply.");
            }
            List<YamlInputException> problems = PolicyCheck.check(value, "folder policy");
            if (problems.isEmpty()) {
                return FormValidation.ok();
            }
            List<String> lines = new ArrayList<>();
            problems.forEach(p -> lines.add(p.getMessage()));
            return FormValidation.error(String.join("\n", lines));
        }
    }
}
