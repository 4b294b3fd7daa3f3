package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.iac.cloudformation.CloudFormationRules;
import io.jenkins.plugins.devsecops.iac.cloudformation.CloudFormationServiceRules;
import io.jenkins.plugins.devsecops.iac.cloudformation.SamRules;
import io.jenkins.plugins.devsecops.iac.dockerfile.DockerfileRules;
import io.jenkins.plugins.devsecops.iac.kubernetes.KubernetesRules;
import io.jenkins.plugins.devsecops.iac.kubernetes.KubernetesTerraformRules;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.terraform.AwsRules;
import io.jenkins.plugins.devsecops.iac.terraform.AwsServiceRules;
import io.jenkins.plugins.devsecops.iac.terraform.OtherProviderRules;
import io.jenkins.plugins.devsecops.iac.terraform.AzureRules;
import io.jenkins.plugins.devsecops.iac.terraform.AzureServiceRules;
import io.jenkins.plugins.devsecops.iac.terraform.GcpRules;
import io.jenkins.plugins.devsecops.iac.terraform.GcpServiceRules;
import io.jenkins.plugins.devsecops.iac.terraform.TerraformRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The built-in IaC rules of every platform. */
public final class IacRuleCatalog {

    private static final List<IacRule> BUILT_IN = load();

    private IacRuleCatalog() {
    }

    private static List<IacRule> load() {
        List<IacRule> rules = new ArrayList<>();
        rules.addAll(TerraformRules.rules());
        rules.addAll(AwsRules.rules());
        rules.addAll(AwsServiceRules.rules());
        rules.addAll(OtherProviderRules.rules());
        rules.addAll(AzureRules.rules());
        rules.addAll(AzureServiceRules.rules());
        rules.addAll(GcpRules.rules());
        rules.addAll(GcpServiceRules.rules());
        rules.addAll(KubernetesTerraformRules.rules());
        rules.addAll(KubernetesRules.rules());
        rules.addAll(CloudFormationRules.rules());
        rules.addAll(CloudFormationServiceRules.rules());
        rules.addAll(SamRules.rules());
        rules.addAll(DockerfileRules.rules());
        Set<String> ids = new HashSet<>();
        for (IacRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalStateException("Duplicate IaC rule id " + rule.id());
            }
        }
        return List.copyOf(rules);
    }

    /** Every built-in rule, in catalogue order. */
    public static List<IacRule> builtIn() {
        return BUILT_IN;
    }
}
