package io.jenkins.plugins.devsecops.iac.terraform;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.PolicyDocuments;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Map;

/** Terraform rules that apply whatever the cloud: provider configuration. */
public final class TerraformRules {

    private TerraformRules() {
    }

    /** Every provider-independent Terraform rule. */
    public static List<IacRule> rules() {
        return List.of(ResourceRules.rule("tf-provider-hardcoded-credentials", IacPlatform.TERRAFORM,
                Severity.CRITICAL, "CWE-798", "Provider block holds hardcoded credentials",
                "Remove the credentials from the code and rotate them; use environment variables, an assumed role, "
                        + "workload identity or a credentials file outside the repository.",
                "provider.aws, provider.azurerm, provider.google, provider.github, provider.digitalocean, "
                        + "provider.cloudflare, provider.kubernetes, provider.vault",
                (r, t, h) -> {
                    for (Map.Entry<String, IacNode> entry : r.body().entries().entrySet()) {
                        String key = entry.getKey();
                        boolean credential = PolicyDocuments.isSecretName(key) || key.equals("token")
                                || key.equals("credentials") || key.equals("client_certificate_password");
                        if (credential && entry.getValue() instanceof IacNode.Scalar value
                                && PolicyDocuments.isLiteralSecret(value) && !looksLikePath(value.text())) {
                            h.secretAt(r, value, key, key + " is a literal in the provider block");
                        }
                    }
                }));
    }

    private static boolean looksLikePath(String text) {
        return !text.contains("\n") && (text.startsWith("/") || text.startsWith("~") || text.startsWith("./")
                || text.endsWith(".json") && !text.contains("{"));
    }
}
