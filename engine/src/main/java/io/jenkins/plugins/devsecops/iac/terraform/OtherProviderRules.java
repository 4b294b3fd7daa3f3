package io.jenkins.plugins.devsecops.iac.terraform;

import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import java.util.ArrayList;
import java.util.List;

/** The Terraform rules of providers other than AWS, Azure and Google, in catalogue order. */
public final class OtherProviderRules {

    private OtherProviderRules() {
    }

    /** Every rule of GitHub, DigitalOcean, OpenStack, Oracle Cloud, Alibaba Cloud, NIFCLOUD and CloudStack. */
    public static List<IacRule> rules() {
        List<IacRule> rules = new ArrayList<>();
        rules.addAll(GithubRules.rules());
        rules.addAll(DigitalOceanRules.rules());
        rules.addAll(OpenStackRules.rules());
        rules.addAll(OracleCloudRules.rules());
        rules.addAll(AlibabaCloudRules.rules());
        rules.addAll(NifcloudRules.rules());
        rules.addAll(CloudStackRules.rules());
        return rules;
    }
}
